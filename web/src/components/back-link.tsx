import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

/** A link back to the list (or record) a page was opened from, above the page's title. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="back-link">
      <ArrowLeftOutlined aria-hidden /> {label}
    </Link>
  );
}
