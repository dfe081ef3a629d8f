import { DEMO_PASSWORD, expect, expectAccessible, signInByApi, test } from './fixtures.ts';
import { LoginPage } from './pages/login-page.ts';
import { Shell } from './pages/shell.ts';
import { UsersPage } from './pages/users-page.ts';

const TEMP_PASSWORD = 'Rugao#Temp2026';
const OWN_PASSWORD = 'Changjiang#88';

test('platform core: an administrator creates a county user who sees only 如皋市, and the audit log shows it', async ({
  page,
}) => {
  const login = new LoginPage(page);
  const shell = new Shell(page);
  const users = new UsersPage(page);
  const username = `rg${Date.now() % 100000}`;

  // The system administrator signs in through the form.
  await login.goto();
  await expectAccessible(page, 'login');
  await login.signIn('admin', DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎');
  await expectAccessible(page, 'home');

  // …and creates the account in 如皋市.
  await users.goto();
  await expectAccessible(page, 'users');
  await users.create({ username, name: '如皋测试', org: '如皋市', password: TEMP_PASSWORD });

  // The security administrator grants it the county staff role at 如皋市 (三员分立: the system
  // administrator cannot grant roles).
  await shell.signOut();
  await signInByApi(page, 'security');
  await users.goto();
  await users.assignRole(username, '县区工作人员', '如皋市');

  // The new user signs in and must change the temporary password first.
  await shell.signOut();
  await login.goto();
  await login.signIn(username, TEMP_PASSWORD);
  await expect(page.getByRole('heading', { name: '修改密码', level: 1 })).toBeVisible();
  await expectAccessible(page, 'forced password change');
  await login.changePassword(TEMP_PASSWORD, OWN_PASSWORD);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎');

  // Only the menu items the county role allows.
  await expect(shell.menuItem('组织机构')).toBeVisible();
  await expect(shell.menuItem('用户')).toBeVisible();
  await expect(shell.menuItem('角色')).toHaveCount(0);
  await expect(shell.menuItem('审计日志')).toHaveCount(0);

  // Only 如皋市's subtree.
  await shell.open('组织机构');
  const tree = page.getByRole('tree');
  await expect(tree.getByRole('treeitem', { name: /如皋市 县/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /如城街道/ })).toBeVisible();
  await expect(tree.getByRole('treeitem', { name: /南通市|崇川区|海安市/ })).toHaveCount(0);
  await expectAccessible(page, 'orgs (county)');
  const orgs = await page.request.get('/api/orgs');
  const names = ((await orgs.json()) as { name: string }[]).map((o) => o.name);
  expect(names).toContain('如皋市');
  expect(names).not.toContain('海安市');
  expect((await page.request.get('/api/audit')).status()).toBe(403);

  // The audit administrator sees all of it.
  await shell.signOut();
  await signInByApi(page, 'auditor');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: '审计日志', level: 1 })).toBeVisible();
  await expectAccessible(page, 'audit');
  const log = await page.request.get(`/api/audit?keyword=${username}&pageSize=200`);
  const actions = ((await log.json()) as { items: { action: string }[] }).items.map((e) => e.action);
  expect(actions).toEqual(
    expect.arrayContaining(['user.create', 'user.assign_roles', 'auth.login', 'auth.password_change']),
  );
  await expect(page.getByRole('cell', { name: username }).first()).toBeVisible();
  await page.getByRole('button', { name: '校验日志链' }).click();
  await expect(page.getByText(/日志链完整/)).toBeVisible();
});

test('platform core: the console works on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInByApi(page, 'admin');
  await page.goto('/');
  const shell = new Shell(page);
  await shell.open('用户');
  await expectAccessible(page, 'users (phone)');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});
