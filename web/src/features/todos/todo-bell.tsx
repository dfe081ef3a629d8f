import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTodoCounts } from './api';

const OVERFLOW = 99;

/** The header's bell: how many records wait for the user (refreshed every minute), a link to the to-do list. */
export function TodoBell() {
  const { t } = useTranslation();
  const counts = useTodoCounts();
  const total = counts.data?.total ?? 0;
  // The name says what the badge shows ("99+"), so the visible text is part of the accessible name.
  const shown = total > OVERFLOW ? `${OVERFLOW}+` : total;
  const label = counts.data ? t('header.todos', { count: shown }) : t('menu.todos');
  return (
    <Link to="/todos" className="todo-bell" aria-label={label} title={label}>
      <Badge count={total} size="small" overflowCount={OVERFLOW}>
        <BellOutlined aria-hidden className="todo-bell-icon" />
      </Badge>
    </Link>
  );
}
