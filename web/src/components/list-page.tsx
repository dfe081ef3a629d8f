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
import { useMe } from '../api/session';
import { ErrorAlert } from './error-alert';
import { useIsMobile } from './use-is-mobile';

/** A column of a list; the string title is also what the column-settings menu shows. */
export type ListColumn<T> = Omit<TableColumnType<T>, 'title' | 'key'> & {
  key: string;
  title: string;
  /** Left out until the user picks it in the column settings (for lists with many columns). */
  defaultHidden?: boolean;
};

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
  /** Turns the filter form's values into query filters (e.g. a date range into from/to); gets the trimmed keyword too. */
  toFilters?: (values: Record<string, unknown>, keyword: string) => Partial<F>;
  /** Show the keyword box (default), or give it a more specific label. */
  keyword?: boolean | string;
  /** What the keyword box finds, shown in it while it is empty. */
  keywordPlaceholder?: string;
  /** Filter values the form starts with and goes back to on reset (e.g. a status shown by default). */
  defaultFilters?: Record<string, unknown>;
  /** Start from these filter values instead (e.g. from a link); reset still goes back to the defaults. */
  initialFilters?: Record<string, unknown>;
  /**
   * Remembers filters and page under this key while the console stays open, so that coming back to
   * the list (e.g. from a record) finds it as it was left; the chosen columns are kept on this browser.
   */
  stateKey?: string;
  onRow?: TableProps<T>['onRow'];
  /** Actions above the list, e.g. the create button. */
  toolbar?: ReactNode;
  /** Export the whole list with the current filters; the button shows only when given. */
  onExport?: (query: ListQuery<F>) => void | Promise<void>;
  expandable?: TableProps<T>['expandable'];
  rowClassName?: TableProps<T>['rowClassName'];
  defaultPageSize?: number;
  /** What an empty list says (e.g. "nothing waits for you"); Ant Design's "no data" by default. */
  emptyText?: ReactNode;
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

interface RememberedList {
  filterValues: Record<string, unknown>;
  page: number;
  pageSize: number;
}

// Lists left while the console is open, by state key (and signed-in scope): gone on reload, on purpose.
const remembered = new Map<string, RememberedList>();

const COLUMNS_STORAGE_PREFIX = 'xinyao.columns.';

function storedHidden(stateKey: string | undefined): string[] | undefined {
  if (!stateKey) return undefined;
  try {
    const value: unknown = JSON.parse(
      window.localStorage.getItem(COLUMNS_STORAGE_PREFIX + stateKey) ?? 'null',
    );
    return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : undefined;
  } catch {
    return undefined;
  }
}

function storeHidden(stateKey: string | undefined, hidden: ReadonlySet<string>): void {
  if (!stateKey) return;
  try {
    window.localStorage.setItem(COLUMNS_STORAGE_PREFIX + stateKey, JSON.stringify([...hidden]));
  } catch {
    // Not remembered; the choice still applies until the page is left.
  }
}

/** Clicks on links, buttons and form controls inside a row do their own thing; elsewhere the row opens. */
export function isInteractiveTarget(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('a, button, input, label, [role="button"]'));
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
    keywordPlaceholder,
    defaultFilters,
    initialFilters,
    stateKey,
    onRow,
    toolbar,
    onExport,
    expandable,
    rowClassName,
    defaultPageSize = 20,
    emptyText,
  } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm();
  // Field ids derive from the form name; two lists on a page must not share them.
  const formName = `list${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const { data: me } = useMe();
  const memoryKey = stateKey ? `${me?.id ?? 0}:${me?.activeAssignmentId ?? 0}:${stateKey}` : undefined;
  // Read once: a link's filters win over what was left, which wins over the defaults.
  const [start] = useState<RememberedList>(() => {
    const left = memoryKey ? remembered.get(memoryKey) : undefined;
    if (initialFilters)
      return { filterValues: initialFilters, page: 1, pageSize: left?.pageSize ?? defaultPageSize };
    return left ?? { filterValues: defaultFilters ?? {}, page: 1, pageSize: defaultPageSize };
  });
  const [page, setPage] = useState(start.page);
  const [pageSize, setPageSize] = useState(start.pageSize);
  const [filterValues, setFilterValues] = useState<Record<string, unknown>>(start.filterValues);
  const [hidden, setHiddenState] = useState<ReadonlySet<string>>(
    () =>
      new Set(
        storedHidden(stateKey) ??
          columns.filter((column) => column.defaultHidden).map((column) => column.key),
      ),
  );
  const setHidden = (next: ReadonlySet<string>) => {
    setHiddenState(next);
    storeHidden(stateKey, next);
  };
  const [exporting, setExporting] = useState(false);
  const keywordTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => () => clearTimeout(keywordTimer.current), []);

  // The form starts at the defaults (where reset goes back to) and then shows the values in use.
  useEffect(() => {
    form.setFieldsValue(start.filterValues);
  }, [form, start]);

  useEffect(() => {
    if (memoryKey) remembered.set(memoryKey, { filterValues, page, pageSize });
  }, [memoryKey, filterValues, page, pageSize]);

  const query = useMemo(() => {
    const { keyword: keywordValue, ...rest } = filterValues;
    const text = typeof keywordValue === 'string' ? keywordValue.trim() : '';
    const converted = toFilters ? toFilters(rest, text) : rest;
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
    setFilterValues(defaultFilters ?? {});
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
          initialValues={defaultFilters}
          onValuesChange={onValuesChange}
          onFinish={() => {
            clearTimeout(keywordTimer.current);
            setFilterValues(form.getFieldsValue());
            setPage(1);
          }}
        >
          {keyword ? (
            <Form.Item name="keyword" label={keywordLabel}>
              <Input
                allowClear
                className="list-keyword"
                placeholder={keywordPlaceholder ?? t('list.keywordPlaceholder')}
              />
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
            <Button icon={<ExportOutlined aria-hidden />} loading={exporting} onClick={runExport}>
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
        onRow={onRow}
        // Rows scroll sideways on narrow screens; an empty list does not (a scrolling region with nothing
        // focusable in it cannot be scrolled from the keyboard).
        scroll={pageItems.length > 0 ? { x: 'max-content' } : undefined}
        locale={emptyText ? { emptyText } : undefined}
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
