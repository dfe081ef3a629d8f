import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorAlert } from './error-alert';

/**
 * The frame of every record page: loading, failure (with a retry) and not found; the record itself
 * once loaded. A 404, or an id that is not one, reads as not found with the way back, whether the
 * record is missing or outside the caller's scope (the API does not tell them apart).
 */
export function RecordPage<T>({
  id,
  query,
  notFound,
  back,
  children,
}: {
  /** the record's id from the URL; undefined when the URL holds no valid one */
  id: number | undefined;
  query: { data?: T; error: unknown; refetch: () => unknown };
  /** the title of the not-found page ("党支部不存在") */
  notFound: string;
  /** the way back, shown on the not-found page */
  back: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (id === undefined || (query.error instanceof ApiError && query.error.status === 404)) {
    return <Result status="404" title={<h1 className="result-title">{notFound}</h1>} extra={back} />;
  }
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) {
    return (
      <div className="page-loading">
        <Spin aria-label={t('common.loading')} />
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
