import { expect, type Page } from '@playwright/test';
import { chooseOption } from './antd.ts';

/** 用户: staff accounts and their role assignments. */
export class UsersPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/users');
    await expect(this.page.getByRole('heading', { name: '用户', level: 1 })).toBeVisible();
  }

  /** Picks an org in an OrgTreeSelect by typing part of its name. */
  async pickOrg(label: string, org: string) {
    const field = this.page.getByRole('dialog').getByLabel(label);
    // The search box of an antd TreeSelect has no size until it has focus: focus it and type.
    await field.focus();
    await this.page.keyboard.type(org);
    // A node with children is named after its expand icon too ("caret-down 如皋市").
    await this.page.getByRole('treeitem', { name: new RegExp(`(^|\\s)${org}$`) }).click();
  }

  async create(user: { username: string; name: string; org: string; password: string }) {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(user.username);
    await dialog.getByLabel('姓名').fill(user.name);
    await this.pickOrg('所属机构', user.org);
    await dialog.getByLabel('初始密码').fill(user.password);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.page.getByText('用户已创建')).toBeVisible();
    await expect(this.page.getByRole('cell', { name: user.username, exact: true })).toBeVisible();
  }

  async assignRole(username: string, role: string, org: string) {
    await this.page
      .getByRole('row', { name: new RegExp(username) })
      .getByRole('button', { name: '角色分配' })
      .click();
    await this.page.getByRole('button', { name: '添加角色分配' }).click();
    const dialog = this.page.getByRole('dialog');
    await chooseOption(this.page, role, dialog.getByLabel('角色'));
    await this.pickOrg('管理范围（机构）', org);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(
      this.page.getByRole('row', { name: new RegExp(username) }).getByText(`${role} · ${org}`),
    ).toBeVisible();
  }
}
