import { FilterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { MeetingFilters } from './api';
import { MEETING_STATES, MEETING_TYPES } from './meeting-rules';
import type { MeetingSort } from './types';

const SORTS: MeetingSort[] = ['-heldOn', 'heldOn', '-updatedAt', 'type', 'branchName'];
export const DEFAULT_MEETING_FILTERS = { sort: '-heldOn' };

/** The month range picker's value as the list's fromMonth/toMonth. */
export function toMeetingFilters(values: Record<string, unknown>): Partial<MeetingFilters> {
  const { months, ...rest } = values;
  const [from, to] = (months as [Dayjs | null, Dayjs | null] | undefined) ?? [];
  return {
    ...(rest as Partial<MeetingFilters>),
    fromMonth: from ? from.format('YYYY-MM') : undefined,
    toMonth: to ? to.format('YYYY-MM') : undefined,
  };
}

/** Picks a branch by typing part of its name. */
export function BranchSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['branches', 'pick', keyword],
    queryFn: () =>
      unwrap(api.GET('/api/branches', { params: { query: { page: 1, pageSize: 30, keyword } } })),
    enabled: keyword.length > 0 || value !== undefined,
  });
  return (
    <Select<number>
      id={id}
      className="filter-branch"
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('meetings.branchPlaceholder')}
      notFoundContent={keyword ? t('meetings.noBranch') : t('meetings.typeToSearch')}
      options={(found.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
    />
  );
}

/** Filters behind the "more filters" button; the button counts those in use. */
const MORE_FILTERS = ['orgId', 'branchId', 'months', 'sort'] as const;

/** The filters of a meeting list; the branch's own tab has no org or branch to pick. */
export function MeetingFilterFields({ withBranch }: { withBranch: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const inUse =
    Form.useWatch(
      (values: Record<string, unknown>) =>
        MORE_FILTERS.filter((name) => {
          const value = values[name];
          if (name === 'sort') return value !== undefined && value !== DEFAULT_MEETING_FILTERS.sort;
          if (Array.isArray(value)) return value.some(Boolean);
          return value !== undefined && value !== null;
        }).length,
      form,
    ) ?? 0;
  const [open, setOpen] = useState(false);
  const moreId = useId();
  const anyInUse = inUse > 0;

  // Filters in use (e.g. when coming back to the list) are shown, not hidden behind the button.
  useEffect(() => {
    if (anyInUse) setOpen(true);
  }, [anyInUse]);

  return (
    <>
      <Form.Item name="type" label={t('meetings.field.type')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={MEETING_TYPES.map((type) => ({ value: type, label: t(`meetings.type.${type}`) }))}
        />
      </Form.Item>
      <Form.Item name="state" label={t('meetings.field.state')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={MEETING_STATES.map((state) => ({ value: state, label: t(`meetings.state.${state}`) }))}
        />
      </Form.Item>
      <Form.Item>
        <Button
          icon={<FilterOutlined aria-hidden />}
          aria-expanded={open}
          aria-controls={moreId}
          onClick={() => setOpen(!open)}
        >
          {inUse > 0 ? t('list.moreFiltersInUse', { count: inUse }) : t('list.moreFilters')}
        </Button>
      </Form.Item>
      <div id={moreId} className="more-filters" hidden={!open}>
        {withBranch ? (
          <>
            <Form.Item name="orgId" label={t('meetings.orgFilter')}>
              <OrgTreeSelect className="filter-org" />
            </Form.Item>
            <Form.Item name="branchId" label={t('meetings.field.branch')}>
              <BranchSelect />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="months" label={t('meetings.months')}>
          <DatePicker.RangePicker picker="month" allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="sort" label={t('meetings.sortLabel')}>
          <Select
            className="filter-select"
            options={SORTS.map((sort) => ({ value: sort, label: t(`meetings.sort.${sort}`) }))}
          />
        </Form.Item>
      </div>
    </>
  );
}
