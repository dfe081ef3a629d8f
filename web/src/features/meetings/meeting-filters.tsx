import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
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
function BranchSelect({
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

/** The filters of a meeting list; the branch's own tab has no org or branch to pick. */
export function MeetingFilterFields({ withBranch }: { withBranch: boolean }) {
  const { t } = useTranslation();
  return (
    <>
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
      <Form.Item name="months" label={t('meetings.months')}>
        <DatePicker.RangePicker picker="month" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="sort" label={t('meetings.sortLabel')}>
        <Select
          className="filter-select"
          options={SORTS.map((sort) => ({ value: sort, label: t(`meetings.sort.${sort}`) }))}
        />
      </Form.Item>
    </>
  );
}
