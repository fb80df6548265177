import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Layout, Menu, Result, Space, Spin, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useLiveRefresh } from '../api/live.ts';
import { type Role, useLogout, useMe } from '../api/session.ts';
import { useLocale } from './locale.ts';
import { canOpen, navFor } from './navigation.ts';

const GROUP_LABEL = { mine: 'nav.groupMine', team: 'nav.groupTeam', admin: 'nav.groupAdmin' } as const;

function menuItems(role: Role, t: (k: string) => string) {
  const items = navFor(role);
  return (['mine', 'team', 'admin'] as const)
    .map((group) => ({ group, children: items.filter((i) => i.group === group) }))
    .filter((g) => g.children.length > 0)
    .map((g) => ({
      type: 'group' as const,
      key: g.group,
      label: t(GROUP_LABEL[g.group]),
      children: g.children.map((i) => ({ key: i.path, label: t(i.labelKey) })),
    }));
}

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const { t } = useTranslation();
  return (
    <Button
      icon={<GlobalOutlined />}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
      aria-label={t('lang.switch')}
      data-testid="lang-switch"
    >
      {locale === 'zh-CN' ? 'English' : '中文'}
    </Button>
  );
}

/** The signed-in shell: side menu by role, header with language and account. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const location = useLocation();
  const navigate = useNavigate();
  // On a phone the menu folds away behind antd's trigger button, which sits over the content's left edge.
  const [isNarrow, setNarrow] = useState(false);
  const live = useLiveRefresh(me.data ? '/api/v1/live' : null);
  if (me.isLoading) return <Spin fullscreen />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  const role = me.data.role;
  const items = navFor(role);
  const selected = items
    .map((i) => i.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        onBreakpoint={setNarrow}
        width={208}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>
          Pacer{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.tagline')}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={menuItems(role, t)}
          onClick={(e) => navigate(e.key)}
          data-testid="side-menu"
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            justifyContent: 'flex-end',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Space>
            <Tooltip
              title={
                live.lastChangeAt
                  ? t('live.lastChange', { at: new Date(live.lastChangeAt).toLocaleTimeString() })
                  : undefined
              }
            >
              <span data-testid="live-status" data-status={live.status}>
                <Badge
                  status={live.status === 'live' ? 'success' : live.status === 'offline' ? 'error' : 'processing'}
                  text={t(`live.${live.status}`)}
                />
              </span>
            </Tooltip>
            <LanguageSwitch />
            <Dropdown
              menu={{
                items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout') }],
                onClick: () => logout.mutate(undefined, { onSettled: () => navigate('/login') }),
              }}
            >
              <Button icon={<UserOutlined />} data-testid="account-menu">
                {me.data.displayName} · {t(`role.${role}`)}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, paddingLeft: isNarrow ? 56 : 16, minWidth: 0 }}>
          {canOpen(role, location.pathname) ? (
            <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
              <Outlet />
            </Suspense>
          ) : (
            <Result status="403" title="403" subTitle={t('error.forbiddenPage')} />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
