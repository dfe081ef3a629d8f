import { FilterOutlined } from '@ant-design/icons';
import { Button, Form, Select, Switch } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { today } from '../../components/date-value';
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
  const form = Form.useFormInstance();
  const inUse =
    Form.useWatch(
      (values: Record<string, unknown>) =>
        MORE_FILTERS.filter((name) => {
          const value = values[name];
          if (name === 'sort') return value !== undefined && value !== DEFAULT_BRAND_FILTERS.sort;
          if (name === 'overdue') return value === true;
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
      <Form.Item name="status" label={t('brands.field.status')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={BRAND_STATUSES.map((s) => ({ value: s, label: t(`brands.status.${s}`) }))}
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
      </div>
    </>
  );
}
