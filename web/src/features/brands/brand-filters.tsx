import { Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from '../../components/date-value';
import { MoreFilters } from '../../components/more-filters';
import { OrgTreeSelect } from '../../components/org-tree-select';
import type { BrandSort, BrandStatus } from './types';

export const BRAND_STATUSES: BrandStatus[] = [
  'draft',
  'submitted',
  'returned',
  'active',
  'expired',
  'withdrawn',
];
const SORTS: BrandSort[] = ['-updatedAt', 'nextReviewDue', 'name', 'branchName', '-cycleStart'];
export const DEFAULT_BRAND_FILTERS = { sort: '-updatedAt' };

/** The years a list can pick: from the first brands (2016) to this year. */
export function yearOptions(): number[] {
  const last = today().year();
  return Array.from({ length: last - 2015 }, (_, i) => last - i);
}

/** Filters behind the "more filters" button; the button counts those in use. */
const MORE_FILTERS = ['orgId', 'year', 'overdue', 'sort'] as const;

/** The filters of the brand list: status, org subtree, year of cycle, overdue review, sort. */
export function BrandFilterFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="status" label={t('brands.field.status')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={BRAND_STATUSES.map((s) => ({ value: s, label: t(`brands.status.${s}`) }))}
        />
      </Form.Item>
      <MoreFilters names={MORE_FILTERS} defaults={DEFAULT_BRAND_FILTERS}>
        <Form.Item name="orgId" label={t('brands.orgFilter')}>
          <OrgTreeSelect className="filter-org" />
        </Form.Item>
        <Form.Item name="year" label={t('brands.yearFilter')}>
          <Select
            className="filter-select"
            allowClear
            placeholder={t('common.all')}
            options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item name="overdue" label={t('brands.overdueFilter')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="sort" label={t('brands.sortLabel')}>
          <Select
            className="filter-select"
            options={SORTS.map((sort) => ({ value: sort, label: t(`brands.sort.${sort}`) }))}
          />
        </Form.Item>
      </MoreFilters>
    </>
  );
}
