import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useRouteError } from 'react-router';
import { useDocumentTitle } from '../components/page-header';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('error.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('error.notFoundTitle')}</h1>}
      subTitle={t('error.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** The last line of defence when a page throws while rendering. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  useDocumentTitle(t('error.crashTitle'));
  return (
    <main className="full-page">
      <Result
        status="error"
        title={<h1 className="result-title">{t('error.crashTitle')}</h1>}
        subTitle={error instanceof Error ? error.message : t('error.unexpected')}
        extra={
          <Button type="primary" onClick={() => window.location.assign('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
    </main>
  );
}
