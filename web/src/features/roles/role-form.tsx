import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Role } from '../../api/types';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useCreateRole, useUpdateRole } from './api';
import { PermissionChecklist } from './permission-checklist';

interface RoleFormValues {
  code: string;
  name: string;
  description?: string;
  permissions: string[];
}

const FIELDS = ['code', 'name', 'description', 'permissions'] as const;

/** Role codes: 2–40 lower-case letters, digits and _, starting with a letter (the server's rule). */
const ROLE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

interface RoleFormProps {
  open: boolean;
  /** The role to edit; undefined to create one. */
  role?: Role;
  /** Built-in roles are shown read-only. */
  readOnly?: boolean;
  onClose: () => void;
}

export function RoleForm({ open, role, readOnly = false, onClose }: RoleFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleFormValues>();
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;

  const onFinish = (values: RoleFormValues) => {
    const body = {
      name: values.name.trim(),
      description: values.description?.trim() ?? '',
      permissions: values.permissions ?? [],
    };
    const handlers = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (error: unknown) => {
        applyFieldErrors(form, error, FIELDS);
      },
    };
    if (role) update.mutate({ id: role.id, body }, handlers);
    else create.mutate({ ...body, code: values.code.trim() }, handlers);
  };

  const title = readOnly
    ? t('roles.viewTitle', { name: role?.name ?? '' })
    : role
      ? t('roles.editTitle', { name: role.name })
      : t('roles.createTitle');

  return (
    <FormDrawer
      open={open}
      title={title}
      onClose={onClose}
      onSubmit={readOnly ? undefined : () => form.submit()}
      submitting={mutation.isPending}
      width={640}
    >
      {readOnly ? <Alert className="form-alert" type="info" showIcon title={t('roles.builtinNote')} /> : null}
      {mutation.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(mutation.error)} />
      ) : null}
      <Form<RoleFormValues>
        name="role"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={readOnly}
        initialValues={
          role
            ? {
                code: role.code,
                name: role.name,
                description: role.description,
                permissions: role.permissions,
              }
            : { permissions: [] }
        }
      >
        <Form.Item
          name="code"
          label={t('roles.code')}
          extra={role ? undefined : t('roles.codeHint')}
          rules={
            role
              ? []
              : [
                  { required: true, message: t('roles.codeRequired') },
                  { pattern: ROLE_CODE_PATTERN, message: t('roles.codePattern') },
                ]
          }
        >
          <Input disabled={Boolean(role)} autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('roles.name')}
          rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }]}
        >
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('roles.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('roles.permissions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('roles.permissionsRequired') }]}
        >
          <PermissionChecklist disabled={readOnly} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
