import { expect, type Page } from '@playwright/test';
import { chooseOption } from './antd.ts';

/** The meetings tab of a branch page and the meeting form in its drawer (full-screen on a phone). */
export class BranchMeetingsTab {
  constructor(readonly page: Page) {}

  async goto(branchId: number) {
    await this.page.goto(`/branches/${branchId}?tab=meetings`);
    await expect(this.page.getByRole('tab', { name: '组织生活', selected: true })).toBeVisible();
  }

  /** Opens the form for a new meeting. */
  async startRecording() {
    await this.page.getByRole('button', { name: '记录会议' }).click();
    await expect(this.form.getByText(/^记录会议：/)).toBeVisible();
  }

  get form() {
    return this.page.getByRole('dialog');
  }
}

/** The meeting form (new or changed), inside its drawer. */
export class MeetingForm {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog');
  }

  async chooseType(type: string) {
    await chooseOption(this.page, type, this.dialog.getByLabel('会议类型'));
  }

  async setDate(date: string) {
    const field = this.dialog.getByLabel('会议日期');
    await field.fill(date);
    await field.press('Enter');
  }

  /** Present = expected (nobody absent): waits for the default expected count, then copies it. */
  async everyonePresent() {
    const expected = this.dialog.getByLabel('应到人数');
    await expect(expected).not.toHaveValue('');
    await this.dialog.getByLabel('实到人数').fill(await expected.inputValue());
  }

  async fill(label: string, value: string) {
    await this.dialog.getByLabel(label).fill(value);
  }

  async addPhoto(file: { name: string; buffer: Buffer }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: '拍照或选择照片' }).click();
    await (await chooser).setFiles({ name: file.name, mimeType: 'image/png', buffer: file.buffer });
    await expect(this.dialog.getByText(file.name)).toBeVisible();
  }

  async save() {
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** One meeting's page: its record, the review actions and the timeline. */
export class MeetingRecordPage {
  constructor(readonly page: Page) {}

  /** The meeting's id, from the address of its page. */
  idFromUrl(): number {
    const match = /\/branches\/meetings\/(\d+)/.exec(this.page.url());
    expect(match, this.page.url()).not.toBeNull();
    return Number(match?.[1]);
  }

  async expectState(state: string) {
    await expect(this.page.locator('.page-header').getByText(state, { exact: true })).toBeVisible();
  }

  async act(action: string) {
    await this.page.getByRole('button', { name: action, exact: true }).click();
  }

  async returnWithComment(comment: string) {
    await this.act('退回修改');
    const dialog = this.page.getByRole('dialog', { name: '退回修改' });
    await dialog.getByLabel('退回意见').fill(comment);
    await dialog.getByRole('button', { name: '退回', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  get timeline() {
    return this.page.getByRole('region', { name: '流程记录' });
  }
}

/** 待办: the records waiting for the signed-in user. */
export class TodosPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/todos');
    await expect(this.page.getByRole('heading', { name: '待办', level: 1 })).toBeVisible();
  }

  /** The to-do row's link to a meeting (several meetings may share a title, never an id). */
  meetingLink(id: number) {
    return this.page.locator(`a[href="/branches/meetings/${id}"]`).first();
  }
}

/** 完成情况: the completion matrix, drilled down to a branch's month grid. */
export class MatrixPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/branches/meetings/matrix');
    await expect(this.page.getByRole('heading', { name: '完成情况', level: 1 })).toBeVisible();
  }

  async drillInto(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.page.locator('.matrix-breadcrumb').getByText(name, { exact: true })).toBeVisible();
  }

  /** The grid cell of a type ("支委会") and period ("2026-11"). */
  cell(type: string, period: string) {
    return this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${type}`) }) })
      .locator(`td[data-period="${period}"]`);
  }
}
