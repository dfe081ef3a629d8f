import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Layout, Menu, type MenuProps, Select, Spin } from 'antd';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import { useLogout, useMe, useSwitchScope } from '../api/session';
import type { Me } from '../api/types';
import { LanguageSwitch } from '../components/language-switch';
import { useIsMobile } from '../components/use-is-mobile';
import { TodoBell } from '../features/todos/todo-bell';
import { type MenuEntry, useMenu } from './menus';

function PageFallback() {
  const { t } = useTranslation();
  return (
    <div className="page-loading">
      <Spin aria-label={t('common.loading')} />
    </div>
  );
}

/** Which assignment (role at an org node) is active; only offered to users holding two or more. */
function ScopeSwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const switchScope = useSwitchScope();
  if (me.assignments.length < 2) return null;
  return (
    <Select<number>
      className="scope-switch"
      aria-label={t('header.scope')}
      value={me.activeAssignmentId ?? undefined}
      placeholder={t('header.scopePlaceholder')}
      loading={switchScope.isPending}
      popupMatchSelectWidth={false}
      getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
      onChange={(assignmentId) =>
        switchScope.mutate(assignmentId, {
          onSuccess: (next) => {
            const active = next.assignments.find((assignment) => assignment.id === next.activeAssignmentId);
            message.success(
              t('header.scopeSwitched', { scope: active ? `${active.roleName} · ${active.orgName}` : '' }),
            );
          },
          onError: (error) => message.error(errorMessage(error)),
        })
      }
      options={me.assignments.map((assignment) => ({
        value: assignment.id,
        label: `${assignment.roleName} · ${assignment.orgName}`,
      }))}
    />
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Dropdown
      trigger={['click']}
      getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('header.changePassword') },
          { key: 'sessions', icon: <UserOutlined aria-hidden />, label: t('menu.sessions') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('header.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/change-password');
          else if (key === 'sessions') navigate('/account/sessions');
          // An explicit sign-out starts the next session at home, not on this user's last page.
          else if (key === 'logout')
            logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
        },
      }}
    >
      <Button
        type="text"
        className="user-menu"
        aria-haspopup="menu"
        aria-label={t('header.userMenu', { name: me.name })}
      >
        <UserOutlined aria-hidden />
        <span className="user-name">{me.name}</span>
        <DownOutlined aria-hidden className="user-menu-caret" />
      </Button>
    </Dropdown>
  );
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The menu's items: entries in order, consecutive ones of a group under the group's heading. */
function menuItems(entries: MenuEntry[], t: (key: string) => string): MenuItem[] {
  const items: MenuItem[] = [];
  let group: { key: string; children: MenuItem[] } | undefined;
  for (const entry of entries) {
    const item: MenuItem = {
      key: entry.path,
      icon: entry.icon,
      label: t(entry.labelKey),
      className: entry.sub ? 'menu-sub-entry' : undefined,
    };
    if (!entry.group) {
      group = undefined;
      items.push(item);
    } else if (group?.key === entry.group) {
      group.children.push(item);
    } else {
      group = { key: entry.group, children: [item] };
      items.push({ type: 'group', key: entry.group, label: t(entry.group), children: group.children });
    }
  }
  return items;
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = useMenu();
  // The most specific entry wins: /cadres/hospital-stays is its own entry, /cadres/123 belongs to /cadres.
  const selected = entries
    .filter((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return (
    <nav aria-label={t('menu.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        items={menuItems(entries, t)}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}

/** Header + brand only: what a user who must change their password sees. */
function BareLayout() {
  const { t } = useTranslation();
  return (
    <div className="auth-layout">
      <header className="auth-header">
        <span className="auth-brand">{t('app.name')}</span>
        <LanguageSwitch className="auth-language" />
      </header>
      <main className="auth-main auth-main-wide">
        <Outlet />
      </main>
    </div>
  );
}

/** The console frame: header (brand, scope, language, user), menu (a drawer on phones), and the page. */
export function Shell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const isMobile = useIsMobile();
  const { pathname } = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navId = useId();

  // A new page starts at its top, as after a full page load, and keyboard and screen-reader users
  // start reading at its content rather than back at the menu.
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [pathname]);

  if (!me) return null;
  if (me.mustChangePassword) return <BareLayout />;

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        {isMobile ? (
          <Button
            type="text"
            icon={<MenuOutlined aria-hidden />}
            aria-label={t('menu.open')}
            aria-expanded={drawerOpen}
            aria-controls={navId}
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.shortName')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <div className="header-tools">
          <ScopeSwitch me={me} />
          <TodoBell />
          <LanguageSwitch />
          <UserMenu me={me} />
        </div>
      </Layout.Header>
      <Layout>
        {isMobile ? (
          <Drawer
            id={navId}
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.name')}
            size={280}
            className="nav-drawer"
          >
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider theme="light" width={208} className="shell-sider">
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content id="main-content" tabIndex={-1} className="shell-content">
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
