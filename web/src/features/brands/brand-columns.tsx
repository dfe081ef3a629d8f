import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/date-time';
import type { ListColumn } from '../../components/list-page';
import { useLanguage } from '../../i18n/i18n';
import { BrandStatusTag, ReviewDue } from './brand-tags';
import type { BrandAward, BrandSummary } from './types';

/** The columns of the brand list. */
export function useBrandColumns(): ListColumn<BrandSummary>[] {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(
    () => [
      {
        key: 'name',
        title: t('brands.field.name'),
        render: (_, b) => <Link to={`/brands/${b.id}`}>{b.name}</Link>,
      },
      { key: 'status', title: t('brands.field.status'), render: (_, b) => <BrandStatusTag brand={b} /> },
      {
        key: 'branchName',
        title: t('brands.field.branch'),
        render: (_, b) => <Link to={`/branches/${b.branchId}`}>{b.branchName}</Link>,
      },
      { key: 'orgName', title: t('brands.field.org'), dataIndex: 'orgName' },
      {
        key: 'cycle',
        title: t('brands.field.cycle'),
        render: (_, b) => (b.cycleStart ? `${b.cycleStart} ~ ${b.cycleEnd}` : '—'),
      },
      {
        key: 'nextReviewDue',
        title: t('brands.field.nextReviewDue'),
        render: (_, b) => <ReviewDue brand={b} />,
      },
      {
        key: 'systemName',
        title: t('brands.field.system'),
        dataIndex: 'systemName',
        render: (value: string | null) => value ?? '—',
        defaultHidden: true,
      },
      {
        key: 'updatedAt',
        title: t('brands.field.updatedAt'),
        dataIndex: 'updatedAt',
        render: (value: string) => formatDateTime(value, language),
        defaultHidden: true,
      },
    ],
    [t, language],
  );
}

/** The columns of the selections list. */
export function useAwardColumns(extra?: ListColumn<BrandAward>): ListColumn<BrandAward>[] {
  const { t } = useTranslation();
  return useMemo(() => {
    const columns: ListColumn<BrandAward>[] = [
      { key: 'year', title: t('brands.field.year'), dataIndex: 'year' },
      { key: 'kind', title: t('brands.field.awardKind'), render: (_, a) => t(`brands.award.${a.kind}`) },
      {
        key: 'brandName',
        title: t('brands.field.name'),
        render: (_, a) => <Link to={`/brands/${a.brandId}`}>{a.brandName}</Link>,
      },
      { key: 'branchName', title: t('brands.field.branch'), dataIndex: 'branchName' },
      { key: 'orgName', title: t('brands.field.org'), dataIndex: 'orgName' },
      {
        key: 'title',
        title: t('brands.field.caseTitle'),
        dataIndex: 'title',
        render: (value: string | null) => value ?? '—',
      },
    ];
    return extra ? [...columns, extra] : columns;
  }, [t, extra]);
}
