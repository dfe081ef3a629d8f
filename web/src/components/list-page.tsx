import { ExportOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Popover,
  Space,
  Table,
  type TableColumnType,
  type TableProps,
} from 'antd';
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { ErrorAlert } from './error-alert';
import { useIsMobile } from './use-is-mobile';

/** A column of a list; the string title is also what the column-settings menu shows. */
export type ListColumn<T> = Omit<TableColumnType<T>, 'title' | 'key'> & { key: string; title: string };

/** What the list asks the server for: paging, the keyword and the filters of the filter form. */
export type ListQuery<F> = { page: number; pageSize: number; keyword?: string } & Partial<F>;

export interface ListPageResult<T> {
  items: T[];
  total: number;
}

interface ListPageBaseProps<T, F> {
  columns: ListColumn<T>[];
  rowKey: TableProps<T>['rowKey'];
  /** Accessible name of the list (e.g. "用户列表"). */
  label: string;
  /** Extra filters: Form.Item elements whose names are keys of F. */
  filters?: ReactNode;
  /** Turns the filter form's values into query filters (e.g. a date range into from/to). */
  toFilters?: (values: Record<string, unknown>) => Partial<F>;
  /** Show the keyword box (default), or give it a more specific label. */
  keyword?: boolean | string;
  /** Actions above the list, e.g. the create button. */
  toolbar?: ReactNode;
  /** Export the whole list with the current filters; the button shows only when given. */
  onExport?: (query: ListQuery<F>) => void | Promise<void>;
  expandable?: TableProps<T>['expandable'];
  rowClassName?: TableProps<T>['rowClassName'];
  defaultPageSize?: number;
}

interface ServerListPageProps<T, F> extends ListPageBaseProps<T, F> {
  /** Query key prefix of this list; the query itself is appended. */
  queryKey: readonly unknown[];
  /** Fetches one page from the server. */
  fetchPage: (query: ListQuery<F>) => Promise<ListPageResult<T>>;
  query?: never;
}

interface ClientListPageProps<T, F> extends ListPageBaseProps<T, F> {
  /** A whole (small) list already being fetched; paged and searched here. */
  query: UseQueryResult<T[], Error>;
  /** Whether an item passes the keyword and filters; by default the keyword is looked for in every text field. */
  matches?: (item: T, query: ListQuery<F>) => boolean;
  queryKey?: never;
  fetchPage?: never;
}

export type ListPageProps<T, F> = ServerListPageProps<T, F> | ClientListPageProps<T, F>;

function defaultMatches<T>(item: T, query: ListQuery<unknown>): boolean {
  const keyword = query.keyword?.trim().toLowerCase();
  if (!keyword) return true;
  return Object.values(item as object).some(
    (value) => typeof value === 'string' && value.toLowerCase().includes(keyword),
  );
}

function withoutEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
}

/**
 * The one list component: a filter bar (keyword + the page's filters), server paging, column settings,
 * export, and a table that scrolls sideways on phones.
 */
export function ListPage<T extends object, F extends object = Record<string, never>>(
  props: ListPageProps<T, F>,
) {
  const {
    columns,
    rowKey,
    label,
    filters,
    toFilters,
    keyword = true,
    toolbar,
    onExport,
    expandable,
    rowClassName,
    defaultPageSize = 20,
  } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm();
  // Field ids derive from the form name; two lists on a page must not share them.
  const formName = `list${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(defaultPageSize);
  const [filterValues, setFilterValues] = useState<Record<string, unknown>>({});
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const keywordTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(keywordTimer.current), []);

  const query = useMemo(() => {
    const { keyword: keywordValue, ...rest } = filterValues;
    const converted = toFilters ? toFilters(rest) : rest;
    const text = typeof keywordValue === 'string' ? keywordValue.trim() : '';
    return withoutEmpty({ ...converted, keyword: text, page, pageSize }) as ListQuery<F>;
  }, [filterValues, toFilters, page, pageSize]);

  const serverQuery = useQuery({
    queryKey: [...(props.queryKey ?? ['client-list']), query],
    queryFn: () => {
      if (!props.fetchPage) throw new Error('fetchPage missing');
      return props.fetchPage(query);
    },
    enabled: Boolean(props.fetchPage),
    placeholderData: keepPreviousData,
  });

  const isClient = props.query !== undefined;
  const clientData = props.query?.data;
  const clientMatches = props.query ? props.matches : undefined;
  const clientItems = useMemo(() => {
    if (!clientData) return undefined;
    const matches = clientMatches ?? defaultMatches;
    return clientData.filter((item) => matches(item, query));
  }, [clientData, clientMatches, query]);

  const source = isClient ? props.query : serverQuery;
  const items = isClient ? (clientItems ?? []) : (serverQuery.data?.items ?? []);
  const total = isClient ? (clientItems?.length ?? 0) : (serverQuery.data?.total ?? 0);
  const pageItems = isClient ? items.slice((page - 1) * pageSize, page * pageSize) : items;

  const onValuesChange = (changed: Record<string, unknown>, all: Record<string, unknown>) => {
    clearTimeout(keywordTimer.current);
    const apply = () => {
      setFilterValues(all);
      setPage(1);
    };
    // Typing in a text box waits for a pause; pickers and selects apply at once.
    if (Object.values(changed).every((value) => typeof value === 'string'))
      keywordTimer.current = setTimeout(apply, 350);
    else apply();
  };

  const reset = () => {
    clearTimeout(keywordTimer.current);
    form.resetFields();
    setFilterValues({});
    setPage(1);
  };

  const runExport = async () => {
    if (!onExport) return;
    setExporting(true);
    try {
      await onExport(query);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const visibleColumns = columns.filter((column) => !hidden.has(column.key));
  const keywordLabel = typeof keyword === 'string' ? keyword : t('list.keyword');

  const columnSettings = (
    <fieldset className="column-settings">
      <legend>{t('list.visibleColumns')}</legend>
      {columns.map((column) => (
        <div key={column.key}>
          <Checkbox
            checked={!hidden.has(column.key)}
            disabled={!hidden.has(column.key) && visibleColumns.length === 1}
            onChange={(event) => {
              const next = new Set(hidden);
              if (event.target.checked) next.delete(column.key);
              else next.add(column.key);
              setHidden(next);
            }}
          >
            {column.title}
          </Checkbox>
        </div>
      ))}
    </fieldset>
  );

  return (
    <section className="list-page" aria-label={label}>
      <div className="list-toolbar">
        <Form
          form={form}
          name={formName}
          role="search"
          aria-label={t('list.filtersOf', { label })}
          layout={isMobile ? 'vertical' : 'inline'}
          className="list-filters"
          onValuesChange={onValuesChange}
          onFinish={() => {
            clearTimeout(keywordTimer.current);
            setFilterValues(form.getFieldsValue());
            setPage(1);
          }}
        >
          {keyword ? (
            <Form.Item name="keyword" label={keywordLabel}>
              <Input allowClear placeholder={t('list.keywordPlaceholder')} />
            </Form.Item>
          ) : null}
          {filters}
          <Form.Item>
            <Button onClick={reset}>{t('list.reset')}</Button>
          </Form.Item>
        </Form>
        <Space wrap className="list-actions">
          {toolbar}
          {onExport ? (
            <Button icon={<ExportOutlined />} loading={exporting} onClick={runExport}>
              {t('list.export')}
            </Button>
          ) : null}
          <Button
            icon={<ReloadOutlined />}
            aria-label={t('list.refresh')}
            title={t('list.refresh')}
            onClick={() => void source.refetch()}
          />
          <Popover content={columnSettings} trigger="click" placement="bottomRight">
            <Button icon={<SettingOutlined />} aria-label={t('list.columns')} title={t('list.columns')} />
          </Popover>
        </Space>
      </div>
      {source.error ? <ErrorAlert error={source.error} onRetry={() => void source.refetch()} /> : null}
      <Table<T>
        className="list-table"
        size="middle"
        rowKey={rowKey}
        columns={visibleColumns}
        dataSource={pageItems}
        loading={source.isLoading || (source.isFetching && source.isPlaceholderData)}
        expandable={expandable}
        rowClassName={rowClassName}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (count) => t('list.total', { count }),
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
          size: isMobile ? 'small' : undefined,
        }}
      />
    </section>
  );
}
