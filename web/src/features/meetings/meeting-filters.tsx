import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { BranchSelect } from '../../components/branch-select';
import { MoreFilters } from '../../components/more-filters';
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

/** Filters behind the "more filters" button; the button counts those in use. */
const MORE_FILTERS = ['orgId', 'branchId', 'months', 'sort'] as const;

/** The filters of a meeting list; the branch's own tab has no org or branch to pick. */
export function MeetingFilterFields({ withBranch }: { withBranch: boolean }) {
  const { t } = useTranslation();

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
      <MoreFilters names={MORE_FILTERS} defaults={DEFAULT_MEETING_FILTERS}>
        {withBranch ? (
          <>
            <Form.Item name="orgId" label={t('meetings.orgFilter')}>
              <OrgTreeSelect className="filter-org" />
            </Form.Item>
            <Form.Item name="branchId" label={t('meetings.field.branch')}>
              <BranchSelect className="filter-branch" />
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
      </MoreFilters>
    </>
  );
}
