import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Session } from '../../api/types';
import { type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { useSessionColumns } from '../../components/session-columns';
import { useEndOwnSession, useOwnSessions } from './api';

/** The signed-in user's own sessions on every device; any but this one can be ended. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sessions = useOwnSessions();
  const endSession = useEndOwnSession();

  const columns: ListColumn<Session>[] = [
    ...useSessionColumns(),
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, session) =>
        session.current ? null : (
          <Popconfirm
            title={t('sessions.endConfirm')}
            okText={t('sessions.end')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              endSession.mutateAsync(session.id).then(
                () => message.success(t('sessions.ended')),
                (error: unknown) => message.error(errorMessage(error)),
              )
            }
          >
            <Button type="link" danger size="small">
              {t('sessions.end')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} />
      <ListPage<Session>
        label={t('sessions.title')}
        query={sessions}
        columns={columns}
        rowKey="id"
        keyword={false}
      />
    </>
  );
}
