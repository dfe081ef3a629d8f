import { expect, type Page } from '@playwright/test';

/** 花名册: the roster list, a record, and the import wizard. */
export class CadresPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/cadres');
    await expect(this.page.getByRole('heading', { name: '花名册', level: 1 })).toBeVisible();
  }

  async search(keyword: string) {
    await this.page.getByLabel('关键字').fill(keyword);
  }

  row(name: string) {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  /** Picks an org in the wizard's OrgTreeSelect by typing part of its name. */
  async pickOrg(label: string, org: string) {
    await this.page.getByLabel(label).focus();
    await this.page.keyboard.type(org);
    await this.page.getByRole('treeitem', { name: new RegExp(`(^|\\s)${org}$`) }).click();
  }

  async upload(file: { name: string; buffer: Buffer }) {
    await this.page.getByLabel('上传文件').setInputFiles({
      name: file.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file.buffer,
    });
  }
}
