import { useTranslation } from 'react-i18next';
import { BackLink as SharedBackLink } from '../../components/back-link';

/** Back to where the page was opened from: the roster (found as it was left) unless told otherwise. */
export function BackLink({ to = '/cadres', label }: { to?: string; label?: string }) {
  const { t } = useTranslation();
  return <SharedBackLink to={to} label={label ?? t('cadres.backToList')} />;
}
