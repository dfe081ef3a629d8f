import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTodoCounts } from './api';

/** The header's bell: how many records wait for the user (refreshed every minute), a link to the to-do list. */
export function TodoBell() {
  const { t } = useTranslation();
  const counts = useTodoCounts();
  const total = counts.data?.total ?? 0;
  return (
    <Link
      to="/todos"
      className="todo-bell"
      aria-label={counts.data ? t('header.todos', { count: total }) : t('menu.todos')}
      title={counts.data ? t('header.todos', { count: total }) : t('menu.todos')}
    >
      <Badge count={total} size="small" overflowCount={99}>
        <BellOutlined aria-hidden className="todo-bell-icon" />
      </Badge>
    </Link>
  );
}
