import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { User } from '../../api/types';
import { applyFieldErrors } from '../../components/form-errors';
import { generatePassword } from '../../components/generate-password';
import { usePasswordPolicy } from '../../components/password-policy';
import { PasswordPolicyHint, usePasswordPolicyRule } from '../../components/password-policy-hint';
import { useResetPassword } from './api';

interface ResetPasswordModalProps {
  user: User | undefined;
  onClose: () => void;
}

/** Sets a temporary password the user must change at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const password = Form.useWatch('password', form);
  const policyRule = usePasswordPolicyRule(user?.username);
  const policy = usePasswordPolicy();
  const reset = useResetPassword();
  // A generated password is shown in clear so it can be passed on to the user.
  const [visible, setVisible] = useState(false);

  const onFinish = ({ password: value }: { password: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, password: value },
      {
        onSuccess: () => {
          message.success(t('users.passwordReset', { name: user.name }));
          onClose();
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['password']);
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={t('users.resetPasswordTitle', { name: user?.name ?? '' })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setVisible(false)}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert className="form-alert" type="info" showIcon title={t('users.resetPasswordNote')} />
      {reset.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(reset.error)} />
      ) : null}
      <Form form={form} name="resetPassword" layout="vertical" onFinish={onFinish}>
        <Form.Item
          label={t('users.temporaryPassword')}
          extra={<PasswordPolicyHint password={password} username={user?.username} />}
        >
          <Space.Compact className="full-width">
            <Form.Item
              name="password"
              noStyle
              rules={[{ required: true, message: t('password.newRequired') }, policyRule]}
            >
              <Input.Password
                autoComplete="new-password"
                aria-label={t('users.temporaryPassword')}
                visibilityToggle={{ visible, onVisibleChange: setVisible }}
              />
            </Form.Item>
            <Button
              onClick={() => {
                form.setFieldsValue({ password: generatePassword(Math.max(12, policy?.minLength ?? 0)) });
                void form.validateFields(['password']);
                setVisible(true);
              }}
            >
              {t('users.generatePassword')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
