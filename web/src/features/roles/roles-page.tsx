import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useRoles } from '../../api/roles';
import { useCan } from '../../api/session';
import type { Role } from '../../api/types';
import { type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { useDeleteRole } from './api';
import { RoleForm } from './role-form';

type Dialog = { kind: 'create' } | { kind: 'edit'; role: Role };

/** Roles and the permissions each grants; built-in and assigned roles cannot be deleted. */
export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [dialog, setDialogState] = useState<Dialog>();
  const [opened, setOpened] = useState(0);
  const setDialog = (next: Dialog) => {
    setOpened((count) => count + 1);
    setDialogState(next);
  };
  const canWrite = can('roles:write');

  const columns: ListColumn<Role>[] = [
    { key: 'name', title: t('roles.name'), dataIndex: 'name' },
    { key: 'code', title: t('roles.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    { key: 'description', title: t('roles.description'), dataIndex: 'description' },
    {
      key: 'kind',
      title: t('roles.kind'),
      render: (_, role) =>
        role.builtin ? (
          <StatusTag tone="info">{t('roles.builtin')}</StatusTag>
        ) : (
          <StatusTag>{t('roles.custom')}</StatusTag>
        ),
    },
    {
      key: 'permissions',
      title: t('roles.permissions'),
      render: (_, role) => t('roles.permissionCount', { count: role.permissions.length }),
    },
    { key: 'userCount', title: t('roles.userCount'), dataIndex: 'userCount' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, role) => {
        const deletable = !role.builtin && role.userCount === 0;
        return (
          <Space size={0} wrap className="row-actions">
            <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', role })}>
              {canWrite && !role.builtin ? t('common.edit') : t('common.view')}
            </Button>
            {canWrite ? (
              deletable ? (
                <Popconfirm
                  title={t('roles.deleteConfirm', { name: role.name })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    remove.mutateAsync(role.id).then(
                      () => message.success(t('common.deleted')),
                      (error: unknown) => message.error(errorMessage(error)),
                    )
                  }
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ) : (
                <Tooltip
                  title={role.builtin ? t('roles.builtinUndeletable') : t('roles.assignedUndeletable')}
                >
                  <Button type="link" size="small" disabled>
                    {t('common.delete')}
                  </Button>
                </Tooltip>
              )
            ) : null}
          </Space>
        );
      },
    },
  ];

  const editing = dialog?.kind === 'edit' ? dialog.role : undefined;

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ kind: 'create' })}
            >
              {t('roles.create')}
            </Button>
          ) : null
        }
      />
      <ListPage<Role> label={t('roles.listLabel')} query={roles} columns={columns} rowKey="id" />
      <RoleForm
        key={`role-form-${opened}`}
        open={dialog !== undefined}
        role={editing}
        readOnly={editing !== undefined && (!canWrite || editing.builtin)}
        onClose={() => setDialogState(undefined)}
      />
    </>
  );
}
