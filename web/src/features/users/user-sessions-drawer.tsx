import { App, Button, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import type { User } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { FormDrawer } from '../../components/form-drawer';
import { useSessionColumns } from '../../components/session-columns';
import { useRevokeUserSessions, useUserSessions } from './api';

interface UserSessionsDrawerProps {
  user: User | undefined;
  onClose: () => void;
}

/** A user's open sessions, with "sign out everywhere" for holders of sessions:revoke. */
export function UserSessionsDrawer({ user, onClose }: UserSessionsDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const sessions = useUserSessions(user?.id);
  const revoke = useRevokeUserSessions();
  const columns = useSessionColumns().filter((column) => column.key !== 'expiresAt');

  return (
    <FormDrawer
      open={Boolean(user)}
      title={t('users.sessionsTitle', { name: user?.name ?? '' })}
      onClose={onClose}
      width={760}
    >
      {can('sessions:revoke') ? (
        <div className="drawer-toolbar">
          <Popconfirm
            title={t('users.revokeAllConfirm', { name: user?.name ?? '' })}
            okText={t('users.revokeAll')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            disabled={!sessions.data?.length}
            onConfirm={() =>
              user
                ? revoke.mutateAsync(user.id).then(
                    () => message.success(t('users.revokedAll')),
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                : undefined
            }
          >
            <Button danger disabled={!sessions.data?.length} loading={revoke.isPending}>
              {t('users.revokeAll')}
            </Button>
          </Popconfirm>
        </div>
      ) : null}
      {sessions.error ? <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sessions.data ?? []}
        loading={sessions.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </FormDrawer>
  );
}
