import type { Page } from '@playwright/test';
import { expect, expectAccessible, signInByApi, test } from './fixtures.ts';
import {
  BranchMeetingsTab,
  MatrixPage,
  MeetingForm,
  MeetingRecordPage,
  TodosPage,
} from './pages/meetings-pages.ts';

const BRANCH = '如皋市民政局离退休干部第一党支部';
const ORG = '如皋市民政局';
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

/** A 1×1 PNG: the meeting's photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const TYPE_NAMES = { committee: '支委会', group: '党小组会', themed_day: '主题党日' } as const;
type MonthlyType = keyof typeof TYPE_NAMES;

interface Cell {
  period: string;
  status: string;
}

/**
 * What to record: the demo leaves the branch's year mostly done, so pick a monthly type (支委会 first)
 * and a month of this year up to now whose cell is not done yet; the meeting is held that month.
 */
async function pickTarget(page: Page, branchId: number) {
  const res = await page.request.get(`/api/branches/${branchId}/meetings/matrix`);
  expect(res.status()).toBe(200);
  const matrix = (await res.json()) as { asOf: string; cells: Record<MonthlyType, Cell[]> };
  const thisMonth = matrix.asOf.slice(0, 7);
  for (const type of Object.keys(TYPE_NAMES) as MonthlyType[]) {
    const open = matrix.cells[type]
      .filter((c) => c.period <= thisMonth && (c.status === 'in_progress' || c.status === 'behind'))
      .at(-1);
    if (open) {
      const heldOn = open.period === thisMonth ? matrix.asOf : `${open.period}-15`;
      return { type, typeName: TYPE_NAMES[type], period: open.period, heldOn };
    }
  }
  throw new Error('the demo left no monthly meeting to record for the branch');
}

async function signInAs(page: Page, username: string, viewport: { width: number; height: number }) {
  await page.context().clearCookies();
  await page.setViewportSize(viewport);
  await signInByApi(page, username);
}

test('meetings: a secretary records a meeting on a phone, the county returns it, it is fixed, approved and counted', async ({
  page,
}) => {
  // Four sign-ins and a review round trip: more than the default minute on a slow machine.
  test.setTimeout(120_000);
  const tab = new BranchMeetingsTab(page);
  const form = new MeetingForm(page);
  const record = new MeetingRecordPage(page);
  const todos = new TodosPage(page);
  const matrix = new MatrixPage(page);
  const comment = `请补充会议决议（${Date.now() % 10000}）`;

  // The secretary, on a phone, records the meeting with a photo.
  await signInAs(page, 'secretary', PHONE);
  const found = await page.request.get(`/api/branches?keyword=${encodeURIComponent(BRANCH)}`);
  const branchId = ((await found.json()) as { items: { id: number; name: string }[] }).items.find(
    (b) => b.name === BRANCH,
  )?.id as number;
  expect(branchId).toBeGreaterThan(0);
  const target = await pickTarget(page, branchId);

  await tab.goto(branchId);
  await expectAccessible(page, 'branch meetings tab (phone)');
  await tab.startRecording();
  await form.chooseType(target.typeName);
  await form.setDate(target.heldOn);
  await form.fill('会议地点', '民政局老干部活动室');
  await form.fill('主持人', '程雪萍');
  await form.fill('记录人', '李忠清');
  await form.everyonePresent();
  await form.fill('会议议题', '学习贯彻党的二十届四中全会精神');
  await form.addPhoto({ name: 'meeting.png', buffer: PNG });
  await expectAccessible(page, 'meeting form (phone)');
  await form.save();

  await expect(
    page.getByRole('heading', { name: `${target.typeName} · ${target.heldOn}`, level: 1 }),
  ).toBeVisible();
  const meetingId = record.idFromUrl();
  await expect(page.getByRole('img', { name: 'meeting.png' })).toBeVisible();
  await record.expectState('草稿');
  await expectAccessible(page, 'meeting page (phone)');
  await record.act('提交审核');
  await record.expectState('待审核');

  // The county, at a desk, finds it in its to-do list and returns it with a comment.
  await signInAs(page, 'rugao', DESKTOP);
  await todos.goto();
  await todos.meetingLink(meetingId).click();
  await record.expectState('待审核');
  await expectAccessible(page, 'meeting page (reviewer)');
  await record.returnWithComment(comment);
  await record.expectState('已退回');

  // The secretary sees it in the to-do list with the comment, fixes it and submits it again.
  await signInAs(page, 'secretary', PHONE);
  await todos.goto();
  await expectAccessible(page, 'to-do list (phone)');
  await todos.meetingLink(meetingId).click();
  await record.expectState('已退回');
  await expect(record.timeline.getByText(comment)).toBeVisible();
  await record.act('编辑');
  await form.fill('会议决议', '各支委结合实际撰写学习体会');
  await form.save();
  await expect(page.getByText('各支委结合实际撰写学习体会')).toBeVisible();
  await record.act('提交审核');
  await record.expectState('待审核');

  // The county approves it.
  await signInAs(page, 'rugao', DESKTOP);
  await todos.goto();
  await todos.meetingLink(meetingId).click();
  await record.act('审核通过');
  await record.expectState('已通过');

  // The completion matrix, drilled down from the county to the branch, counts it: the cell is done.
  await matrix.goto();
  await expectAccessible(page, 'completion matrix');
  await matrix.drillInto(ORG);
  await matrix.drillInto(BRANCH);
  const cell = matrix.cell(target.typeName, target.period);
  await expect(cell).toHaveAttribute('data-status', 'done');
  await expect(cell).toContainText('已完成');
  await expectAccessible(page, 'branch grid');
});
