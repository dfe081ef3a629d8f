import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../components/status-tag';
import type { VersionStatus } from './types';

const TONES: Record<VersionStatus, StatusTone> = {
  draft: 'warning',
  published: 'success',
  frozen: 'info',
};

/** A version's state: 草稿, 已发布 or 已冻结. */
export function VersionStatusTag({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={TONES[status]}>{t(`assessments.status.${status}`)}</StatusTag>;
}
