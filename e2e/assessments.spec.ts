import type { APIRequestContext, Page } from '@playwright/test';
import { expect as baseExpect, expectAccessible, signInByApi, test } from './fixtures.ts';
import { AssessmentPage, AssessmentTodos, RoundBoardPage, RoundsPage } from './pages/rounds-pages.ts';

// Pages holding every measure of the standard draw slowly on a busy machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const BRANCH = '如皋市民政局离退休干部第一党支部';
const COUNTY = '如皋市';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** A 1×1 PNG: the photo taken as evidence. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Measures answered through the page: 2.2 (主题党日) with a photo, 1.2 without; the rest through the API. */
const PHOTO_MEASURE = '2.2';
const FORM_MEASURE = '1.2';

interface Evidence {
  id: number;
  kind: 'file' | 'meeting';
  fileName: string | null;
}
interface Answer {
  measureId: number;
  code: string;
  rule: 'scored' | 'required';
  evidenceKinds: string[];
  verdict: string | null;
  evidence: Evidence[];
}
interface Assessment {
  id: number;
  state: string;
  result: string | null;
  answers: Answer[];
}

async function signInAs(page: Page, username: string, viewport: { width: number; height: number }) {
  await page.context().clearCookies();
  await page.setViewportSize(viewport);
  await signInByApi(page, username);
}

/** The API as the signed-in user, with the session's CSRF token on changes. */
async function apiOf(request: APIRequestContext) {
  const me = (await (await request.get('/api/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const ok = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    expect(res.status(), await res.text()).toBeLessThan(300);
    return res.json();
  };
  return {
    get: async (url: string) => ok(await request.get(url)),
    put: async (url: string, data: object) => ok(await request.put(url, { data, headers })),
    post: async (url: string, data: object) => ok(await request.post(url, { data, headers })),
    upload: async (url: string, name: string, buffer: Buffer) =>
      ok(await request.post(url, { multipart: { file: { name, mimeType: 'image/png', buffer } }, headers })),
  };
}

const A = '/api/assessments/branch-assessments';
const takesFiles = (a: Answer) => a.evidenceKinds.includes('document') || a.evidenceKinds.includes('photo');
const takesMeetings = (a: Answer) => a.evidenceKinds.includes('meetings');

test('assessments: the city opens a round, a secretary self-assesses on a phone, the county reviews, the city verifies and names a demonstration branch', async ({
  page,
}) => {
  // Four sign-ins, 29 measures and three checkers: well over the default minute.
  test.setTimeout(420_000);
  const rounds = new RoundsPage(page);
  const board = new RoundBoardPage(page);
  const record = new AssessmentPage(page);
  const todos = new AssessmentTodos(page);

  // The city, at a desk, opens a round for 如皋市's standing branches on the published 六有一提升 v1.
  await signInAs(page, 'city', DESKTOP);
  const city = await apiOf(page.request);
  // The bureau's day comes from the server (the browser runs far from UTC+8 on purpose).
  const { asOf } = (await city.get('/api/branches/meetings/matrix')) as { asOf: string };
  const year = asOf.slice(0, 4);
  const name = `${year}年度第${(Date.now() % 1000) + 1}轮`;
  await rounds.goto();
  await expectAccessible(page, 'round list');
  await rounds.startOpening();
  await rounds.fill('轮次名称', name);
  await rounds.chooseVersion(/^六有一提升 第1版（/);
  await rounds.setDueDate(`${year}-12-31`);
  await rounds.chooseOrg(COUNTY);
  await expectAccessible(page, 'open round drawer');
  await rounds.open();
  const roundId = board.idFromUrl();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(board.figure('达标')).toHaveText('0');
  await expect(board.figure('市级示范')).toHaveText('0');
  const branches = Number(await board.figure('参加支部').textContent());
  expect(branches).toBeGreaterThan(1);
  await expectAccessible(page, 'round board');
  // The version is frozen by opening.
  const standards = (await city.get('/api/assessments/standards')) as {
    code: string;
    versions: { version: number; status: string }[];
  }[];
  expect(standards.find((s) => s.code === 'liuyou')?.versions.find((v) => v.version === 1)?.status).toBe(
    'frozen',
  );

  // The secretary, on a phone, finds the self-assessment in the to-do list.
  await signInAs(page, 'secretary', PHONE);
  const secretary = await apiOf(page.request);
  const mine = (await secretary.get(
    `/api/assessments/rounds/${roundId}/assessments?keyword=${encodeURIComponent(BRANCH)}`,
  )) as { items: { id: number; branchId: number; branchName: string }[] };
  const row = mine.items.find((r) => r.branchName === BRANCH);
  expect(row).toBeTruthy();
  const id = row?.id as number;
  const branchId = row?.branchId as number;
  await todos.open(id);
  await record.expectState('自评中');
  await expectAccessible(page, 'assessment page (phone, self-assessing)');

  // Most measures through the API: met, with a photo or an approved meeting of the year as evidence;
  // one measure is left for the page, to be named by the refusal of an early submit.
  let assessment = (await secretary.get(`${A}/${id}`)) as Assessment;
  const meetings = (await secretary.get(
    `/api/branches/${branchId}/meetings?state=approved&year=${year}&pageSize=5`,
  )) as { items: { id: number }[] };
  const meetingId = meetings.items[0]?.id;
  expect(meetingId, 'an approved meeting of the year').toBeTruthy();
  for (const answer of assessment.answers) {
    if (answer.code === PHOTO_MEASURE || answer.code === FORM_MEASURE) continue;
    await secretary.put(`${A}/${id}/answers/${answer.measureId}`, { verdict: 'met' });
    if (takesFiles(answer))
      await secretary.upload(`${A}/${id}/files?measureId=${answer.measureId}`, `${answer.code}.png`, PNG);
    else if (takesMeetings(answer))
      await secretary.post(`${A}/${id}/answers/${answer.measureId}/meetings`, { meetingId });
  }
  await page.reload();

  // On the page: the photo measure is met with a photo taken on the phone.
  await record.answer(PHOTO_MEASURE, '达到');
  await record.addPhoto(PHOTO_MEASURE, { name: '主题党日.png', buffer: PNG });

  // Submitting with a measure unanswered is refused, naming it.
  await record.confirmStep('提交自评');
  await expect(page.locator('.step-problem')).toContainText(`细则 ${FORM_MEASURE}`);
  await record.answer(FORM_MEASURE, '达到');
  // 1.2 takes documents: its file goes through the API; then the page submits.
  assessment = (await secretary.get(`${A}/${id}`)) as Assessment;
  const formMeasure = assessment.answers.find((a) => a.code === FORM_MEASURE) as Answer;
  await secretary.upload(`${A}/${id}/files?measureId=${formMeasure.measureId}`, '任职文件.png', PNG);
  await page.reload();
  await record.confirmStep('提交自评');
  await record.expectState('待审核');

  // The county, at a desk, reviews: two measures through the page naming their evidence, the rest
  // through the API; then passes the review.
  await signInAs(page, 'rugao', DESKTOP);
  const county = await apiOf(page.request);
  await todos.open(id);
  await record.expectState('待审核');
  await expect(record.measure(PHOTO_MEASURE).getByRole('img', { name: '主题党日.png' })).toBeVisible();
  await expectAccessible(page, 'assessment page (county review)');
  await record.check(PHOTO_MEASURE, '认可', '主题党日.png');
  await record.check(FORM_MEASURE, '认可', '任职文件.png');
  assessment = (await county.get(`${A}/${id}`)) as Assessment;
  for (const answer of assessment.answers) {
    if (answer.code === PHOTO_MEASURE || answer.code === FORM_MEASURE) continue;
    await county.put(`${A}/${id}/checks/${answer.measureId}`, {
      verdict: 'agree',
      evidenceIds: answer.evidence.map((e) => e.id),
    });
  }
  await page.reload();
  await record.confirmStep('审核通过');
  await record.expectState('待核验');

  // The city verifies by sampling (one measure checked through the page) and names the branch a city
  // demonstration branch.
  await signInAs(page, 'city', DESKTOP);
  await record.goto(id);
  await record.expectState('待核验');
  await record.check(PHOTO_MEASURE, '认可', '主题党日.png');
  await record.verify('抽查核验');
  await record.expectState('已核验');
  await expect(page.locator('.branch-facts').getByText('达标', { exact: true })).toBeVisible();
  await record.nameCityDemonstration();
  await expect(page.locator('.branch-facts').getByText('市级示范', { exact: true })).toBeVisible();
  await expect(record.timeline.getByText('核验', { exact: true })).toBeVisible();
  await expectAccessible(page, 'assessment page (verified)');

  // The board counts it: one compliant branch, one city demonstration branch, from the city down.
  await board.goto(roundId);
  await expect(board.figure('达标')).toHaveText('1');
  await expect(board.figure('市级示范')).toHaveText('1');
  await expect(board.figure('已核验')).toHaveText('1');
  await board.drillInto(COUNTY);
  await expect(board.figure('达标')).toHaveText('1');
  await expect(board.figure('参加支部')).toHaveText(String(branches));
  await expectAccessible(page, 'round board (county)');

  // The branch page lists the round with its result and level.
  await page.goto(`/branches/${branchId}?tab=rounds`);
  const history = page.getByRole('row').filter({ hasText: name });
  await expect(history).toContainText('达标');
  await expect(history).toContainText('市级示范');
  await expectAccessible(page, 'branch rounds tab');
});
