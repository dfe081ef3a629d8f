import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useMe } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { today } from '../../components/date-value';
import { ErrorAlert } from '../../components/error-alert';

/** The :id of a record page, or undefined when it is not a positive whole number. */
export function useIdParam(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** One labelled fact of a record (in a `dl.branch-facts`). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The years a learning list offers: this year and the nine before it. */
export function recentYears(): number[] {
  const year = today().year();
  return Array.from({ length: 10 }, (_, i) => year - i);
}

/**
 * A record page's loading, failure and not-found states; the record itself once loaded. A 404 (a
 * missing record, or one outside the caller's scope) reads as not found, with the way back.
 */
export function RecordLoader<T>({
  id,
  query,
  notFound,
  back,
  children,
}: {
  id: number | undefined;
  query: { data?: T; error: unknown; refetch: () => unknown };
  notFound: string;
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (id === undefined || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{notFound}</h1>}
        extra={<BackLink to={back.to} label={back.label} />}
      />
    );
  }
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) {
    return (
      <div className="page-loading">
        <Spin aria-label={t('common.loading')} />
      </div>
    );
  }
  return <>{children(query.data)}</>;
}

/** The org of the active role assignment: where a new lesson, programme or post is filed by default. */
export function useScopeOrgId(): number | undefined {
  const { data: me } = useMe();
  return me?.assignments.find((a) => a.id === me.activeAssignmentId)?.orgId;
}
