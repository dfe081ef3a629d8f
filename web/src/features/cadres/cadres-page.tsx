import { CalendarOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { type MouseEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../api/session';
import type { CadreListItem, CadreSort } from '../../api/types';
import { DictionarySelect } from '../../components/dictionary';
import { isInteractiveTarget, ListPage } from '../../components/list-page';
import { MoreFilters } from '../../components/more-filters';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { type CadreFilters, cadresQueryKey, exportCadres, fetchCadres } from './api';
import { useCadreColumns } from './cadre-columns';

const SORTS: CadreSort[] = ['name', '-name', 'birthDate', '-birthDate', 'retiredOn', '-retiredOn', '-id'];
const AGE_BANDS = ['80+', '90+', '100+'] as const;
const MOBILITIES = ['self_care', 'partial', 'dependent'] as const;

/** Filters behind the "more filters" button; the button counts those in use. */
const MORE_FILTERS = [
  'rank',
  'treatmentLevel',
  'ageBand',
  'relocated',
  'livingSituation',
  'partyMember',
  'mobility',
] as const;

const DEFAULT_FILTERS = { status: 'active', sort: 'name' };

function yesNo(value: unknown): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** Turns the filter form into the list query: yes/no choices into booleans, no sort while searching. */
function toFilters(values: Record<string, unknown>, keyword: string): Partial<CadreFilters> {
  const { relocated, partyMember, sort, ...rest } = values;
  return {
    ...(rest as Partial<CadreFilters>),
    relocated: yesNo(relocated),
    partyMember: yesNo(partyMember),
    // A search lists in the server's own order, whatever order the list was in before.
    sort: keyword ? undefined : (sort as CadreSort | undefined),
  };
}

interface SortSelectProps {
  id?: string;
  value?: CadreSort;
  onChange?: (value: CadreSort) => void;
}

/** The order of the list; while a keyword is typed the server's order applies and this is disabled. */
function SortSelect({ id, value, onChange }: SortSelectProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const keyword = Form.useWatch('keyword', form) as string | undefined;
  const searching = Boolean(keyword?.trim());
  return (
    <Select<CadreSort>
      id={id}
      className="filter-select"
      value={searching ? undefined : value}
      onChange={onChange}
      disabled={searching}
      placeholder={t('cadres.sortWhileSearching')}
      options={SORTS.map((sort) => ({ value: sort, label: t(`cadres.sort.${sort}`) }))}
    />
  );
}

function YesNoSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      className="filter-select"
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('common.all')}
      options={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
      ]}
    />
  );
}

/** The roster's filters: the common ones always, the rest behind "more filters". */
function CadreFilterFields() {
  const { t } = useTranslation();
  const can = useCan();

  return (
    <>
      <Form.Item name="category" label={t('cadres.field.category')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={(['lixiu', 'tuixiu'] as const).map((category) => ({
            value: category,
            label: t(`cadres.category.${category}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="orgId" label={t('cadres.orgFilter')}>
        <OrgTreeSelect className="filter-org" />
      </Form.Item>
      <Form.Item name="status" label={t('cadres.field.status')}>
        <Select
          className="filter-select"
          options={(['active', 'deceased', 'all'] as const).map((status) => ({
            value: status,
            label: t(`cadres.status.${status}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="sort" label={t('cadres.sortLabel')}>
        <SortSelect />
      </Form.Item>
      <MoreFilters names={MORE_FILTERS}>
        <Form.Item name="rank" label={t('cadres.field.rank')}>
          <DictionarySelect
            className="filter-select"
            dictionary="rank"
            includeInactive
            placeholder={t('common.all')}
          />
        </Form.Item>
        <Form.Item name="treatmentLevel" label={t('cadres.field.treatmentLevel')}>
          <DictionarySelect
            className="filter-select"
            dictionary="treatment_level"
            includeInactive
            placeholder={t('common.all')}
          />
        </Form.Item>
        <Form.Item name="ageBand" label={t('cadres.ageBand')}>
          <Select
            className="filter-select"
            allowClear
            placeholder={t('common.all')}
            options={AGE_BANDS.map((band) => ({ value: band, label: t('cadres.ageBandValue', { band }) }))}
          />
        </Form.Item>
        <Form.Item name="relocated" label={t('cadres.field.relocated')}>
          <YesNoSelect />
        </Form.Item>
        <Form.Item name="livingSituation" label={t('cadres.field.livingSituation')}>
          <DictionarySelect
            className="filter-select"
            dictionary="living_situation"
            includeInactive
            placeholder={t('common.all')}
          />
        </Form.Item>
        <Form.Item name="partyMember" label={t('cadres.partyMember')}>
          <YesNoSelect />
        </Form.Item>
        {can('cadres:health') ? (
          <Form.Item name="mobility" label={t('cadres.field.mobility')}>
            <Select
              className="filter-select"
              allowClear
              placeholder={t('common.all')}
              options={MOBILITIES.map((mobility) => ({
                value: mobility,
                label: t(`cadres.mobility.${mobility}`),
              }))}
            />
          </Form.Item>
        ) : null}
      </MoreFilters>
    </>
  );
}

function fromLink(params: URLSearchParams): Record<string, unknown> | undefined {
  const orgId = Number(params.get('orgId'));
  return Number.isInteger(orgId) && orgId > 0 ? { ...DEFAULT_FILTERS, orgId } : undefined;
}

/** 花名册: the roster, searched by name, pinyin, initials, ID number or phone, and filtered. */
export function CadresPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const columns = useCadreColumns();
  // Read once when the list opens; the link's filters then live on like any others.
  const [initialFilters] = useState(() => fromLink(params));

  // The address goes back to plain /cadres, so that coming back finds the list as it was left.
  useEffect(() => {
    if (params.size > 0) setParams({}, { replace: true });
  }, [params, setParams]);

  return (
    <>
      <PageHeader
        title={t('cadres.title')}
        extra={
          <>
            {can('cadres:write') ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => navigate('/cadres/new')}
              >
                {t('cadres.create')}
              </Button>
            ) : null}
            {can('cadres:import') ? (
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => navigate('/cadres/import')}>
                {t('cadres.importButton')}
              </Button>
            ) : null}
            <Button icon={<CalendarOutlined aria-hidden />} onClick={() => navigate('/cadres/birthdays')}>
              {t('cadres.birthdays.title')}
            </Button>
          </>
        }
      />
      <ListPage<CadreListItem, CadreFilters>
        label={t('cadres.listLabel')}
        queryKey={cadresQueryKey}
        fetchPage={fetchCadres}
        columns={columns}
        rowKey="id"
        keywordPlaceholder={t('cadres.keywordPlaceholder')}
        defaultFilters={DEFAULT_FILTERS}
        initialFilters={initialFilters}
        stateKey="cadres"
        toFilters={toFilters}
        filters={<CadreFilterFields />}
        onExport={can('cadres:export') ? exportCadres : undefined}
        rowClassName={() => 'row-clickable'}
        onRow={(cadre) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/cadres/${cadre.id}`);
          },
        })}
      />
    </>
  );
}
