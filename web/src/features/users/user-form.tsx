import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { User } from '../../api/types';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PasswordPolicyHint, usePasswordPolicyRule } from '../../components/password-policy-hint';
import { useCreateUser, useUpdateUser } from './api';
import { NAME_MAX_LENGTH, PHONE_PATTERN, USERNAME_PATTERN } from './user-rules';

interface UserFormValues {
  username: string;
  name: string;
  phone?: string;
  orgId: number;
  password: string;
}

const FIELDS = ['username', 'name', 'phone', 'orgId', 'password'] as const;

interface UserFormProps {
  /** The user being edited; undefined to create one. */
  user?: User;
  open: boolean;
  onClose: () => void;
}

/** Creates a staff account (with an initial password) or edits one's name, phone and org. */
export function UserForm({ user, open, onClose }: UserFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const username = Form.useWatch('username', form);
  const password = Form.useWatch('password', form);
  const policyRule = usePasswordPolicyRule(username);
  const mutation = user ? update : create;

  const onFinish = (values: UserFormValues) => {
    const phone = values.phone?.trim() || undefined;
    const onError = (error: unknown) => {
      applyFieldErrors(form, error, FIELDS);
    };
    if (user) {
      update.mutate(
        // The list only ever shows a masked phone, so an empty box means "leave it as it is".
        { id: user.id, body: { name: values.name.trim(), orgId: values.orgId, ...(phone ? { phone } : {}) } },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          username: values.username.trim(),
          name: values.name.trim(),
          orgId: values.orgId,
          password: values.password,
          ...(phone ? { phone } : {}),
        },
        {
          onSuccess: () => {
            message.success(t('users.created'));
            onClose();
          },
          onError,
        },
      );
    }
  };

  return (
    <FormDrawer
      open={open}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
    >
      {mutation.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(mutation.error)} />
      ) : null}
      <Form<UserFormValues>
        name="user"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={user ? { username: user.username, name: user.name, orgId: user.orgId } : undefined}
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={
            user
              ? []
              : [
                  { required: true, whitespace: true, message: t('users.usernameRequired') },
                  { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
                ]
          }
          extra={user ? undefined : t('users.usernameHint')}
        >
          <Input autoComplete="off" disabled={Boolean(user)} maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }]}
        >
          <Input autoComplete="off" maxLength={NAME_MAX_LENGTH} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('users.phone')}
          rules={[{ pattern: PHONE_PATTERN, message: t('users.phonePattern') }]}
          extra={user?.phone ? t('users.phoneKeep', { phone: user.phone }) : undefined}
        >
          <Input inputMode="tel" autoComplete="off" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('users.org')}
          rules={[{ required: true, message: t('users.orgRequired') }]}
        >
          <OrgTreeSelect allowClear={false} />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            rules={[{ required: true, message: t('password.newRequired') }, policyRule]}
            extra={
              <>
                <p className="field-note">{t('users.initialPasswordHint')}</p>
                <PasswordPolicyHint password={password} username={username} />
              </>
            }
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
