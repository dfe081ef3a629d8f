import ExcelJS from 'exceljs';
import { checkCharacter } from '../server/modules/cadres/id-number.ts';
import { expect, expectAccessible, signInByApi, test } from './fixtures.ts';
import { CadresPage } from './pages/cadres-page.ts';

const HEADERS = ['姓名', '身份证号码', '人员类别', '手机号码', '政治面貌', '生日历法'];

/** A valid ID number for a birth date, with a sequence number to keep it unique. */
function idNumber(birth: string, seq: number) {
  const first17 = `320682${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

async function sheet(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('roster: import with bad rows, fix, import, find by initials, add a hospital stay, export', async ({
  page,
}) => {
  const roster = new CadresPage(page);
  const seq = Date.now() % 500;
  const good = idNumber('1968-03-15', seq);
  const second = idNumber('1968-04-16', seq + 1);
  const broken = `${second.slice(0, -1)}${second.endsWith('0') ? '1' : '0'}`;
  const rows = [
    ['欧阳晴雯', good, '退休', '13955550001', '中国共产党党员', '农历'],
    ['司马长风', broken, '退休', '', '', ''],
    ['', idNumber('1968-05-17', seq + 2), '在职', '', '', ''],
  ];

  await signInByApi(page, 'rugao');
  await roster.goto();
  await expectAccessible(page, 'roster');

  // Import: two bad rows are reported with their reasons and nothing is written.
  await page.getByRole('button', { name: '导入' }).click();
  await expect(page.getByRole('heading', { name: '导入花名册', level: 1 })).toBeVisible();
  await roster.pickOrg('导入到单位', '如皋市');
  await expectAccessible(page, 'import wizard');
  await roster.upload({ name: '如皋名单.xlsx', buffer: await sheet(rows) });
  await expect(page.getByText('文件中有 3 处错误，不能导入')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /3.*身份证号码.*校验码/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /4.*姓名.*必填/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /4.*人员类别.*在职/ })).toBeVisible();
  await expectAccessible(page, 'import preview with errors');
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  const none = await page.request.get(`/api/cadres?keyword=${good}`);
  expect((await none.json()).total).toBe(0);

  // The fixed file goes in.
  await page.getByRole('button', { name: '重新上传' }).click();
  const fixed = [
    rows[0] as string[],
    ['司马长风', second, '退休', '', '', ''],
    ['诸葛月娥', idNumber('1968-05-17', seq + 2), '退休', '', '', ''],
  ];
  await roster.upload({ name: '如皋名单-改.xlsx', buffer: await sheet(fixed) });
  await expect(page.getByText('检查通过，没有发现错误。')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/新增 3 人/)).toBeVisible();

  // Found by pinyin initials.
  await roster.goto();
  await roster.search('oyqw');
  await expect(roster.row('欧阳晴雯')).toBeVisible();
  await roster.row('欧阳晴雯').getByRole('link', { name: '欧阳晴雯' }).click();
  await expect(page.getByRole('heading', { name: /欧阳晴雯/, level: 1 })).toBeVisible();
  await expectAccessible(page, 'record');

  // A hospital stay.
  await page.getByRole('tab', { name: '住院登记' }).click();
  await page.getByRole('button', { name: '新增住院登记' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('医院').fill('如皋市人民医院');
  await dialog.getByLabel('科室').fill('心内科');
  await dialog.getByLabel('入院日期').fill('2026-11-20');
  await dialog.getByLabel('入院日期').press('Enter');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '如皋市人民医院' })).toBeVisible();
  await expectAccessible(page, 'record with a hospital stay');

  // Export the filtered list.
  await roster.goto();
  await roster.search('oyqw');
  await expect(roster.row('欧阳晴雯')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出' }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const exported = wb.worksheets[0];
  const header = exported?.getRow(1).values as string[];
  const names = (exported?.getColumn(header.indexOf('姓名')).values ?? []) as string[];
  expect(names).toContain('欧阳晴雯');
  const ids = (exported?.getColumn(header.indexOf('身份证号码')).values ?? []) as string[];
  expect(ids).toContain(good);
});
