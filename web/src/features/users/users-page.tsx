import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import type { User } from '../../api/types';
import { formatDateTime } from '../../components/date-time';
import { type ListColumn, ListPage } from '../../components/list-page';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { useLanguage } from '../../i18n/i18n';
import { fetchUsers, type UserFilters, usersQueryKey, useUnlockUser, useUpdateUser } from './api';
import { AssignmentsDrawer } from './assignments-drawer';
import { ResetPasswordModal } from './reset-password-modal';
import { UserForm } from './user-form';
import { UserSessionsDrawer } from './user-sessions-drawer';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'reset'; user: User }
  | { kind: 'assignments'; user: User }
  | { kind: 'sessions'; user: User };

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

/** Staff accounts in the caller's scope: create, edit, enable/disable, passwords, roles, sessions. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const can = useCan();
  const [dialog, setDialogState] = useState<Dialog>();
  // Each opening gets fresh form state: dialogs are keyed by how many have been opened.
  const [opened, setOpened] = useState(0);
  const setDialog = (next: Dialog) => {
    setOpened((count) => count + 1);
    setDialogState(next);
  };
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const close = () => setDialogState(undefined);
  const dialogUser = (kind: Dialog['kind']) =>
    dialog?.kind === kind && 'user' in dialog ? dialog.user : undefined;

  const setStatus = (user: User, status: User['status']) =>
    update.mutateAsync({ id: user.id, body: { status } }).then(
      () =>
        message.success(
          status === 'active'
            ? t('users.enabled', { name: user.name })
            : t('users.disabled', { name: user.name }),
        ),
      (error: unknown) => message.error(errorMessage(error)),
    );

  const columns: ListColumn<User>[] = [
    { key: 'username', title: t('users.username'), dataIndex: 'username' },
    { key: 'name', title: t('users.name'), dataIndex: 'name' },
    {
      key: 'phone',
      title: t('users.phone'),
      dataIndex: 'phone',
      render: (phone: string | null) => phone ?? '—',
    },
    { key: 'org', title: t('users.org'), dataIndex: 'orgName' },
    {
      key: 'roles',
      title: t('users.roles'),
      render: (_, user) =>
        user.assignments.length === 0 ? (
          <span className="muted">{t('users.noAssignments')}</span>
        ) : (
          <Space size={[0, 4]} wrap>
            {user.assignments.map((assignment) => (
              <Tag key={assignment.id}>
                {assignment.roleName} · {assignment.orgName}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('users.status'),
      render: (_, user) => (
        <Space size={[0, 4]} wrap>
          <StatusTag tone={user.status === 'active' ? 'success' : 'default'}>
            {t(`users.statusValue.${user.status}`)}
          </StatusTag>
          {isLocked(user) ? <StatusTag tone="warning">{t('users.locked')}</StatusTag> : null}
          {user.mustChangePassword ? (
            <StatusTag tone="info">{t('users.mustChangePassword')}</StatusTag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'lastLoginAt',
      title: t('users.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (value: string | null) => formatDateTime(value, language),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Space size={0} wrap className="row-actions">
          {can('users:write') ? (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user })}>
              {t('common.edit')}
            </Button>
          ) : null}
          {can('users:assign') ? (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'assignments', user })}>
              {t('users.assignments')}
            </Button>
          ) : null}
          {can('users:write') ? (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', user })}>
              {t('users.resetPassword')}
            </Button>
          ) : null}
          {can('users:write') && isLocked(user) ? (
            <Button
              type="link"
              size="small"
              onClick={() =>
                unlock.mutateAsync(user.id).then(
                  () => message.success(t('users.unlocked', { name: user.name })),
                  (error: unknown) => message.error(errorMessage(error)),
                )
              }
            >
              {t('users.unlock')}
            </Button>
          ) : null}
          {can('users:write') ? (
            user.status === 'active' ? (
              <Popconfirm
                title={t('users.disableConfirm', { name: user.name })}
                description={t('users.disableConfirmNote')}
                okText={t('users.disable')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => setStatus(user, 'disabled')}
              >
                <Button type="link" size="small" danger>
                  {t('users.disable')}
                </Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title={t('users.enableConfirm', { name: user.name })}
                okText={t('users.enable')}
                cancelText={t('common.cancel')}
                onConfirm={() => setStatus(user, 'active')}
              >
                <Button type="link" size="small">
                  {t('users.enable')}
                </Button>
              </Popconfirm>
            )
          ) : null}
          {can('sessions:read') ? (
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'sessions', user })}>
              {t('users.sessions')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          can('users:write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <ListPage<User, UserFilters>
        label={t('users.listLabel')}
        queryKey={usersQueryKey}
        fetchPage={fetchUsers}
        columns={columns}
        rowKey="id"
        keyword={t('users.keyword')}
        filters={
          <>
            <Form.Item name="orgId" label={t('users.orgFilter')}>
              <OrgTreeSelect className="filter-org" />
            </Form.Item>
            <Form.Item name="status" label={t('users.status')}>
              <Select
                allowClear
                className="filter-select"
                placeholder={t('common.all')}
                options={(['active', 'disabled'] as const).map((status) => ({
                  value: status,
                  label: t(`users.statusValue.${status}`),
                }))}
              />
            </Form.Item>
          </>
        }
      />
      <UserForm
        key={`user-form-${opened}`}
        open={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        user={dialogUser('edit')}
        onClose={close}
      />
      <ResetPasswordModal key={`reset-${opened}`} user={dialogUser('reset')} onClose={close} />
      <AssignmentsDrawer key={`assignments-${opened}`} user={dialogUser('assignments')} onClose={close} />
      <UserSessionsDrawer user={dialogUser('sessions')} onClose={close} />
    </>
  );
}
