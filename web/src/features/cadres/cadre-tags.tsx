import { useTranslation } from 'react-i18next';
import type { CadreCategory, CadreStatus } from '../../api/types';
import { StatusTag } from '../../components/status-tag';

/** 离休 / 退休 as a tag; lixiu cadres get the warmer tone, as they have the highest care level. */
export function CategoryTag({ category }: { category: CadreCategory }) {
  const { t } = useTranslation();
  return (
    <StatusTag tone={category === 'lixiu' ? 'warning' : 'info'}>{t(`cadres.category.${category}`)}</StatusTag>
  );
}

/** 已离世, shown only for a record whose passing away has been recorded. */
export function DeceasedTag({ status }: { status: CadreStatus }) {
  const { t } = useTranslation();
  return status === 'deceased' ? <StatusTag tone="default">{t('cadres.status.deceased')}</StatusTag> : null;
}
