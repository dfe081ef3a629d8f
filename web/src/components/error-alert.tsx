import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client';

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load or action, in the server's words, with the request id support will ask for. */
export function ErrorAlert({ error, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessage(error)}
      description={requestId ? t('error.requestId', { requestId }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
