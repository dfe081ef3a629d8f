import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../components/status-tag';
import type { BrandStatus, BrandSummary } from './types';

const STATUS_TONES: Record<BrandStatus, StatusTone> = {
  draft: 'default',
  submitted: 'info',
  returned: 'error',
  active: 'success',
  expired: 'warning',
  withdrawn: 'error',
};

/** Where a brand stands today, in words (the application's state, active or expired). */
export function BrandStatusTag({ brand }: { brand: Pick<BrandSummary, 'status'> }) {
  const { t } = useTranslation();
  return <StatusTag tone={STATUS_TONES[brand.status]}>{t(`brands.status.${brand.status}`)}</StatusTag>;
}

/** The next review's due day, marked when overdue (in words, never by colour alone). */
export function ReviewDue({ brand }: { brand: Pick<BrandSummary, 'nextReviewDue' | 'reviewOverdue'> }) {
  const { t } = useTranslation();
  if (!brand.nextReviewDue) return <>—</>;
  return (
    <span>
      {brand.nextReviewDue}{' '}
      {brand.reviewOverdue ? <StatusTag tone="error">{t('brands.overdue')}</StatusTag> : null}
    </span>
  );
}
