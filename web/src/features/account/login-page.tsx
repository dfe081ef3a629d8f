import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { useLogin, useMe } from '../../api/session';
import { LanguageSwitch } from '../../components/language-switch';
import { useDocumentTitle } from '../../components/page-header';

interface LoginValues {
  username: string;
  password: string;
}

/** Where to go after signing in: back to the page that sent the user here, never off-site. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();
  useDocumentTitle(t('login.title'));

  if (me) return <Navigate to={returnPath(location.state)} replace />;

  const onFinish = (values: LoginValues) => {
    login.mutate(values, {
      onSuccess: () => navigate(returnPath(location.state), { replace: true }),
      onError: () => form.setFieldValue('password', ''),
    });
  };

  return (
    <div className="auth-layout">
      <header className="auth-header">
        <span className="auth-brand">{t('app.name')}</span>
        <LanguageSwitch className="auth-language" />
      </header>
      <main className="auth-main">
        <Card className="auth-card">
          <h1 className="page-title">{t('login.title')}</h1>
          <p className="page-description">{t('login.subtitle')}</p>
          {login.error ? (
            <Alert className="form-alert" type="error" showIcon title={errorMessage(login.error)} />
          ) : null}
          <Form<LoginValues>
            form={form}
            name="login"
            layout="vertical"
            onFinish={onFinish}
            requiredMark={false}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
