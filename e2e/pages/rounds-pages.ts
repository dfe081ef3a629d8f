import { expect as baseExpect, type Page } from '@playwright/test';
import { chooseOption } from './antd.ts';

/**
 * The assessment page holds every measure of the standard (29 in the demo), each with its forms: on a
 * busy machine a page takes longer to draw than the default ten seconds allow.
 */
const expect = baseExpect.configure({ timeout: 30_000 });

/** 考核轮次: the round list and the drawer that opens a round. */
export class RoundsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/rounds');
    await expect(this.page.getByRole('heading', { name: '考核轮次', level: 1 })).toBeVisible();
  }

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async startOpening() {
    await this.page.getByRole('button', { name: '开启考核轮次' }).click();
    await expect(this.dialog.getByText('开启考核轮次')).toBeVisible();
  }

  async fill(label: string, value: string) {
    await this.dialog.getByLabel(label, { exact: true }).fill(value);
  }

  async chooseVersion(option: RegExp) {
    await chooseOption(this.page, option, this.dialog.getByLabel('考核标准'));
  }

  async setDueDate(date: string) {
    const field = this.dialog.getByLabel('自评截止日期');
    await field.fill(date);
    await field.press('Enter');
  }

  /** Picks the org subtree whose branches take part, by typing its name in the tree select. */
  async chooseOrg(name: string) {
    await this.dialog.getByRole('combobox', { name: '组织范围' }).click();
    await this.page.keyboard.type(name);
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', {
        hasText: new RegExp(`^${name}$`),
      })
      .click();
  }

  /** Opens the round, confirming that the version is frozen; lands on the round's board. */
  async open() {
    await this.dialog.getByRole('button', { name: /^开\s*启$/ }).click();
    const confirm = this.page.getByRole('dialog', { name: '确定开启考核轮次？' });
    await expect(confirm.getByText(/将冻结所用标准版本/)).toBeVisible();
    await confirm.getByRole('button', { name: '开启并冻结' }).click();
    await this.page.waitForURL(/\/rounds\/\d+$/, { timeout: 30_000 });
  }
}

/** 待办, as far as assessments go: the to-do row's link to a branch's assessment. */
export class AssessmentTodos {
  constructor(readonly page: Page) {}

  async open(id: number) {
    await this.page.goto('/todos');
    await expect(this.page.getByRole('heading', { name: '待办', level: 1 })).toBeVisible();
    await this.page.locator(`a[href="/rounds/assessments/${id}"]`).first().click();
    await expect(this.page.locator('article[data-measure]').first()).toBeVisible();
  }
}

/** A round's board: the figures of the node, the child orgs, the branches. */
export class RoundBoardPage {
  constructor(readonly page: Page) {}

  async goto(roundId: number) {
    await this.page.goto(`/rounds/${roundId}`);
    await expect(this.page.locator('.round-figures').first()).toBeVisible();
  }

  idFromUrl(): number {
    const match = /\/rounds\/(\d+)/.exec(this.page.url());
    expect(match, this.page.url()).not.toBeNull();
    return Number(match?.[1]);
  }

  /** A figure of the node's total (参加支部, 达标, 市级示范…). */
  figure(label: string) {
    return this.page
      .locator('.round-figures')
      .first()
      .locator('.round-figure')
      .filter({
        has: this.page.locator('dt', { hasText: new RegExp(`^${label}$`) }),
      })
      .locator('dd');
  }

  async drillInto(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.page.locator('.matrix-breadcrumb').getByText(name, { exact: true })).toBeVisible();
  }
}

/** A branch's assessment: measure cards, the workflow's steps, demonstration levels, the timeline. */
export class AssessmentPage {
  constructor(readonly page: Page) {}

  async goto(id: number) {
    await this.page.goto(`/rounds/assessments/${id}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async expectState(state: string) {
    await expect(this.page.locator('.page-header').getByText(state, { exact: true })).toBeVisible();
  }

  /** The card of one measure, by its code ("2.2"). */
  measure(code: string) {
    return this.page.locator(`article[data-measure="${code}"]`);
  }

  /** Picks the branch's verdict on a measure; it is saved at once. */
  async answer(code: string, verdict: '达到' | '未达到' | '不适用') {
    const card = this.measure(code);
    await card.getByText(verdict, { exact: true }).click();
    await expect(this.page.getByText(`细则 ${code} 的自评已保存`)).toBeVisible();
  }

  async addPhoto(code: string, file: { name: string; buffer: Buffer }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.measure(code)
      .getByRole('button', { name: /拍照或选择照片/ })
      .click();
    await (await chooser).setFiles({ name: file.name, mimeType: 'image/png', buffer: file.buffer });
    await expect(this.measure(code).getByRole('img', { name: file.name })).toBeVisible();
  }

  /** A step that asks for confirmation first (提交自评, 审核通过). */
  async confirmStep(action: string) {
    await this.page.getByRole('button', { name: action, exact: true }).click();
    await this.page.locator('.ant-popconfirm:visible').getByRole('button', { name: action }).click();
  }

  /** The county's or city's check of a measure: a verdict, the evidence named, saved. */
  async check(code: string, verdict: '认可' | '不认可', evidence: string) {
    const card = this.measure(code);
    await card.getByRole('radio', { name: verdict, exact: true }).check();
    await card.getByRole('checkbox', { name: evidence }).check();
    await card.getByRole('button', { name: /保存意见/ }).click();
    await expect(this.page.getByText(`细则 ${code} 的意见已保存`)).toBeVisible();
  }

  async verify(mode: '全面核验（逐项）' | '抽查核验') {
    await this.page.getByRole('button', { name: '核验', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: '核验' });
    await dialog.getByRole('radio', { name: mode }).check();
    await dialog.getByRole('button', { name: '确认核验' }).click();
    await expect(dialog).toBeHidden();
  }

  async nameCityDemonstration() {
    await this.page.getByRole('button', { name: '命名市级示范支部' }).click();
    const dialog = this.page.getByRole('dialog', { name: '命名市级示范支部' });
    await dialog.getByRole('button', { name: '确认命名' }).click();
    await expect(dialog).toBeHidden();
  }

  get timeline() {
    return this.page.getByRole('region', { name: '流程记录' });
  }
}
