import { expect, type Page } from '@playwright/test';
import { chooseOption } from './antd.ts';

/** 党支部: the branch list and tree, a branch's page with its tabs, and the forms in their drawers. */
export class BranchesPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/branches');
    await expect(this.page.getByRole('heading', { name: '党支部', level: 1 })).toBeVisible();
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  row(name: string) {
    return this.page.getByRole('row', { name: new RegExp(name) });
  }

  async search(keyword: string) {
    await this.page.getByLabel('关键字').fill(keyword);
  }

  /** Picks an option of an antd Select in the open drawer, by the field's label. */
  async choose(label: string, option: string | RegExp) {
    await chooseOption(this.page, option, this.dialog.getByLabel(label, { exact: true }));
  }

  /** Picks an org in an OrgTreeSelect by typing part of its name. */
  async pickOrg(label: string, org: string) {
    await this.dialog.getByLabel(label).focus();
    await this.page.keyboard.type(org);
    await this.page.getByRole('treeitem', { name: new RegExp(`(^|\\s)${org}$`) }).click();
  }

  async fillDate(label: string, date: string) {
    const field = this.dialog.getByLabel(label);
    await field.fill(date);
    await field.press('Enter');
  }

  async save() {
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Sets up a branch through the drawer; the console then opens its page. */
  async create(branch: { name: string; org: string }) {
    await this.page.getByRole('button', { name: '新建支部' }).click();
    await this.dialog.getByLabel('支部名称').fill(branch.name);
    await this.pickOrg('所在组织', branch.org);
    await this.save();
    await expect(this.page.getByRole('heading', { name: branch.name, level: 1 })).toBeVisible();
  }

  async openTab(name: string) {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name, selected: true })).toBeVisible();
  }

  /**
   * Adds a Party member found on the roster by what is typed (a name, its pinyin or initials); the
   * birth date tells namesakes apart.
   */
  async addMember(search: string, person: { name: string; birthDate: string }) {
    const { name, birthDate } = person;
    await this.page.getByRole('button', { name: '编入党员' }).click();
    await this.dialog.getByLabel('党员', { exact: true }).click();
    await this.page.keyboard.type(search);
    await chooseOption(this.page, new RegExp(`^${name}.*${birthDate}`));
    await this.save();
    await expect(this.page.getByRole('cell', { name, exact: true })).toBeVisible();
  }

  /** Facts in the branch header: the value shown under a label. */
  fact(label: string) {
    return this.page
      .locator('.branch-facts div')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }
}
