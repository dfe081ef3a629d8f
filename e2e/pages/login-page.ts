import { expect, type Page } from '@playwright/test';

/** The sign-in page and the forced password change that may follow it. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/login');
    await expect(this.page.getByRole('heading', { name: '登录', level: 1 })).toBeVisible();
  }

  async signIn(username: string, password: string) {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
  }

  async changePassword(current: string, next: string) {
    await expect(this.page.getByLabel('当前密码')).toBeVisible();
    await this.page.getByLabel('当前密码').fill(current);
    await this.page.getByLabel('新密码', { exact: true }).fill(next);
    await this.page.getByLabel('确认新密码').fill(next);
    await this.page.getByRole('button', { name: '修改密码' }).click();
  }
}
