import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Back to where the page was opened from: the roster (found as it was left) unless told otherwise. */
export function BackLink({ to = '/cadres', label }: { to?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {label ?? t('cadres.backToList')}
    </Link>
  );
}
