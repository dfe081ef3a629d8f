import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../api/client';
import { useCan, useMe } from '../api/session';
import { useDocumentTitle } from '../components/page-header';

function FullPage({ children }: { children: ReactNode }) {
  return <main className="full-page">{children}</main>;
}

/**
 * Guards everything behind sign-in: waits for GET /api/auth/me, sends signed-out users to /login
 * (remembering where they were going), and holds users who must change their password on that page.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, error, refetch, isFetching } = useMe();

  if (me === undefined) {
    if (error) {
      return (
        <FullPage>
          <Result
            status="warning"
            title={<h1 className="result-title">{t('error.sessionCheckFailed')}</h1>}
            subTitle={errorMessage(error)}
            extra={
              <Button type="primary" loading={isFetching} onClick={() => void refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        </FullPage>
      );
    }
    return (
      <FullPage>
        <Spin size="large" aria-label={t('common.loading')} />
      </FullPage>
    );
  }
  if (me === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (me.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <Outlet />;
}

/** Shown in place of a page the active assignment does not grant. */
export function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('error.forbiddenTitle'));
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('error.forbiddenTitle')}</h1>}
      subTitle={t('error.forbidden')}
    />
  );
}

/** Renders a page only when the active assignment holds its permission. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <Forbidden />;
}
