import type { APIRequestContext } from '@playwright/test';
import ExcelJS from 'exceljs';
import { checkCharacter } from '../server/modules/cadres/id-number.ts';
import { expect, expectAccessible, signInByApi, test } from './fixtures.ts';
import { BranchesPage } from './pages/branches-page.ts';

/** A valid ID number for a birth date, with a sequence number to keep it unique. */
function idNumber(birth: string, seq: number) {
  const first17 = `320602${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** Creates a Party member (政治面貌 01) on the roster through the API, at the org of that name. */
async function makePartyMember(
  request: APIRequestContext,
  csrf: string,
  person: { name: string; birthDate: string; seq: number },
  org: string,
) {
  const orgs = (await (await request.get('/api/orgs')).json()) as { id: number; name: string }[];
  const orgId = orgs.find((candidate) => candidate.name === org)?.id;
  const res = await request.post('/api/cadres', {
    headers: { 'x-csrf-token': csrf },
    data: {
      name: person.name,
      idNumber: idNumber(person.birthDate, person.seq),
      orgId,
      category: 'tuixiu',
      politicalStatus: '01',
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('branches: a city user sets up a branch, adds members, a secretary and an election, and exports the list', async ({
  page,
}) => {
  const branches = new BranchesPage(page);
  const seq = Date.now() % 500;
  const branchName = `崇川区离退休干部第${seq}党支部`;
  // Birth dates of this run: they tell these two apart from namesakes left by earlier runs.
  const day = String(1 + (seq % 28)).padStart(2, '0');
  const situ = { name: '司徒望舒', birthDate: `19${40 + (seq % 20)}-02-${day}`, seq };
  const duanmu = { name: '端木清扬', birthDate: `19${40 + (seq % 20)}-07-${day}`, seq };

  await signInByApi(page, 'city');
  const me = await (await page.request.get('/api/auth/me')).json();
  await makePartyMember(page.request, me.csrfToken, situ, '崇川区');
  await makePartyMember(page.request, me.csrfToken, duanmu, '崇川区');

  await branches.goto();
  await expectAccessible(page, 'branches');

  // A standing branch through the form; the console opens its page.
  await branches.create({ name: branchName, org: '崇川区' });
  await expectAccessible(page, 'branch page');

  // Two members, found by pinyin initials and by full pinyin.
  await branches.addMember('stws', situ);
  await branches.addMember('duanmuqingyang', duanmu);
  await expect(branches.fact('组织关系党员')).toHaveText('2 人');
  // Fewer than three: the setup rule advises joining a joint branch.
  await expect(page.getByText('不足3人，宜并入兼合式支部').first()).toBeVisible();
  await expect(page.getByText(/支部现有 2 名党员，不足3人/)).toBeVisible();
  await expectAccessible(page, 'branch with members');

  // The secretary.
  await branches.openTab('支委会');
  await page.getByRole('button', { name: '新增支委' }).click();
  await branches.choose('姓名', '司徒望舒');
  await branches.choose('职务', '书记');
  await branches.save();
  await expect(page.getByRole('row', { name: /书记.*司徒望舒.*现任/ })).toBeVisible();
  await expect(branches.fact('书记')).toHaveText('司徒望舒');
  await expectAccessible(page, 'committee');

  // An election, five-year term: the next one falls due five years on.
  await branches.openTab('换届');
  await expect(page.getByText(/尚未录入换届/)).toBeVisible();
  await page.getByRole('button', { name: '录入换届' }).click();
  await branches.fillDate('换届日期', '2024-06-18');
  await branches.dialog.getByLabel('地点').fill('崇川区老干部活动中心');
  await branches.dialog.getByRole('radio', { name: '5 年' }).check();
  await branches.save();
  await expect(
    page.getByRole('row', { name: /2024-06-18.*崇川区老干部活动中心.*5 年.*2029-06-18/ }),
  ).toBeVisible();
  await expect(branches.fact('下次换届')).toHaveText('2029-06-18');
  await expectAccessible(page, 'elections');

  // The list shows the counts and the advice, and exports what it shows.
  await branches.goto();
  await branches.search(branchName);
  const row = branches.row(branchName);
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  await expect(row.getByText('不足3人，宜并入兼合式支部')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出' }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.worksheets[0];
  const names = sheet?.getSheetValues().flatMap((values) => (Array.isArray(values) ? values : [])) ?? [];
  expect(names).toContain(branchName);

  // The to-do list, through the header's bell.
  const bell = page.getByRole('link', { name: /^待办事项：\d+\+? 项$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { name: '待办', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: '待办事项列表' })).toBeVisible();
  await expectAccessible(page, 'to-do list');
});

test('branches: on a phone the tree folds away and the registers pass axe', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signInByApi(page, 'city');
  const branches = new BranchesPage(page);
  await branches.goto();
  await expect(page.getByText(/^支部结构/)).toBeVisible();
  await expectAccessible(page, 'branches on a phone');
  for (const [path, heading] of [
    ['/branches/elections-due', '换届提醒'],
    ['/branches/mobile-members', '流动党员'],
    ['/todos', '待办'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expectAccessible(page, `${heading} on a phone`);
  }
});
