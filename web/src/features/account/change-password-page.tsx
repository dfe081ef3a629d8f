import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { useLogout, useMe } from '../../api/session';
import { applyFieldErrors } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { PasswordPolicyHint, usePasswordPolicyRule } from '../../components/password-policy-hint';
import { useChangePassword } from './api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** Changing one's own password: forced after a reset or first sign-in, or chosen from the user menu. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  const change = useChangePassword();
  const [form] = Form.useForm<ChangePasswordValues>();
  const newPassword = Form.useWatch('newPassword', form);
  const policyRule = usePasswordPolicyRule(me?.username);
  const forced = Boolean(me?.mustChangePassword);

  const onFinish = ({ currentPassword, newPassword: next }: ChangePasswordValues) => {
    change.mutate(
      { currentPassword, newPassword: next },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          form.resetFields();
          navigate('/', { replace: true });
        },
        onError: (error) => {
          applyFieldErrors(form, error, FIELDS);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card className="narrow-card">
        {forced ? (
          <Alert className="form-alert" type="warning" showIcon title={t('password.forced')} />
        ) : null}
        {change.error ? (
          <Alert className="form-alert" type="error" showIcon title={errorMessage(change.error)} />
        ) : null}
        <Form<ChangePasswordValues> form={form} name="changePassword" layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={[{ required: true, message: t('password.newRequired') }, policyRule]}
            extra={<PasswordPolicyHint password={newPassword} username={me?.username} />}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (value && value !== getFieldValue('newPassword'))
                    throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
            {forced ? (
              <Button
                onClick={() =>
                  logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })
                }
                loading={logout.isPending}
              >
                {t('header.logout')}
              </Button>
            ) : (
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            )}
          </Space>
        </Form>
      </Card>
    </>
  );
}
