import { expect, type Page } from '@playwright/test';

/** The console's frame: the menu built from permissions, and signing out. */
export class Shell {
  constructor(readonly page: Page) {}

  menuItem(name: string) {
    return this.page.getByRole('menuitem', { name, exact: true });
  }

  async open(name: string, heading = name) {
    // Wait for the page to be drawn; on a phone the menu sits behind a button.
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    const toggle = this.page.getByRole('button', { name: '打开菜单' });
    if (await toggle.isVisible()) await toggle.click();
    await this.menuItem(name).click();
    await expect(this.page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }

  async signOut() {
    await this.page.context().clearCookies();
  }
}
