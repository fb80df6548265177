import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useLogin, useMe } from '../api/session.ts';
import { LanguageSwitch } from '../ui/app-layout.tsx';
import { navFor } from '../ui/navigation.ts';

type Values = { email: string; password: string };

/** Set by the router: fetches the first screen's code while the user types. */
let preload: () => void = () => {};
export function setLoginPreload(fn: () => void): void {
  preload = fn;
}

export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  useEffect(() => {
    const id = setTimeout(preload, 0);
    return () => clearTimeout(id);
  }, []);
  if (me.data) return <Navigate to={from} replace />;
  const error = login.error;
  const message =
    error instanceof ApiError && error.status === 401 ? t('auth.wrongPassword') : error ? t('error.server') : undefined;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f7fa', padding: 16 }}>
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Pacer
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) =>
            login.mutate(values, {
              // Straight to the role's first screen: no detour through the home redirect.
              onSuccess: (signedIn) =>
                navigate(from === '/' ? (navFor(signedIn.role)[0]?.path ?? '/') : from, { replace: true }),
            })
          }
        >
          <Form.Item
            name="email"
            label={t('auth.email')}
            rules={[{ required: true, message: t('auth.emailRequired') }]}
          >
            <Input prefix={<MailOutlined />} autoComplete="username" type="email" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {message && <Alert type="error" title={message} showIcon style={{ marginBottom: 16 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
