import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, today } from '../../platform/calendar/days.ts';
import { type Client, makeBranch, makeCounty, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { nextReview, reviewSchedule } from './brands.rules.ts';

const ctx = await createTestApp();
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const k = await makeCounty(ctx.db);
const countyStaff = await signedInUser(ctx, { roles: ['county_staff'], org: k.county });
const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: k.unit });
const leader = await signedInUser(ctx, { roles: ['leader'], org: k.county });

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, payload?: unknown, client: Client = city.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload !== undefined && { payload: payload as object }),
  });

const application = (branchId: number, name = '银发先锋') => ({
  branchId,
  name,
  idea: '离岗不离党，退休不褪色',
  practices: '结对帮扶，进社区宣讲',
  results: '服务群众三千人次',
});

/** A branch at the unit with a brand drafted by its secretary. */
async function drafted(name?: string) {
  const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id });
  const res = await api('POST', '/api/brands', application(branch.id, name), secretary.client);
  expect(res.statusCode, res.body).toBe(201);
  return { branch, brand: res.json() };
}

const step = (id: number, action: string, client: Client, comment?: string) =>
  api('POST', `/api/brands/${id}/transitions/${action}`, comment === undefined ? {} : { comment }, client);

/** A brand drafted, submitted by the branch and approved by the city. */
async function approved(name?: string) {
  const { branch, brand } = await drafted(name);
  expect((await step(brand.id, 'submit', secretary.client)).statusCode).toBe(200);
  const res = await step(brand.id, 'approve', city.client);
  expect(res.statusCode, res.body).toBe(200);
  return { branch, brand: res.json() };
}

/** Moves a brand's cycle back in time as if it had been approved `years` years (and `days` days) ago. */
async function approvedAgo(id: number, years: number, days = 0) {
  const start = addDays(addYears(today(), -years), -days);
  await ctx.db
    .updateTable('brands')
    .set({ cycle_start: start, cycle_end: addYears(start, 3), next_review_due: addYears(start, 1) })
    .where('id', '=', id)
    .execute();
  return start;
}

const review = (id: number, body: Record<string, unknown>, client: Client = city.client) =>
  api('POST', `/api/brands/${id}/reviews`, { reviewer: '市局组织处', ...body }, client);

describe('the review schedule (pure rules)', () => {
  it('puts each year on its anniversary, keeps an improvement open until its deadline, stops at withdrawal', () => {
    expect(reviewSchedule('2024-02-29', []).map((y) => y.dueOn)).toEqual([
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
    ]);
    const improving = [{ cycleYear: 1, verdict: 'improve', deadline: '2025-06-30' }];
    expect(nextReview('2024-03-01', improving)).toMatchObject({
      year: 1,
      dueOn: '2025-06-30',
      status: 'improving',
    });
    const passed = [...improving, { cycleYear: 1, verdict: 'pass', deadline: null }];
    expect(nextReview('2024-03-01', passed)).toMatchObject({ year: 2, dueOn: '2026-03-01' });
    expect(nextReview('2024-03-01', [{ cycleYear: 1, verdict: 'withdraw', deadline: null }])).toBeNull();
    const all = [1, 2, 3].map((y) => ({ cycleYear: y, verdict: 'pass', deadline: null }));
    expect(nextReview('2024-03-01', all)).toBeNull();
  });
});

describe('brand applications', () => {
  it('goes from draft through return and resubmission to approval, which starts a three-year cycle', async () => {
    const { brand } = await drafted('红色管家');
    expect(brand).toMatchObject({
      state: 'draft',
      status: 'draft',
      editable: true,
      cycleStart: null,
      cycleNo: 0,
    });
    expect(brand.actions.map((a: { action: string }) => a.action)).toEqual(['submit']);

    // The city cannot submit the branch's own application; the branch cannot approve it.
    expect((await step(brand.id, 'submit', city.client)).json().error.code).toBe('workflow.not_permitted');
    expect((await step(brand.id, 'submit', secretary.client)).json().state).toBe('submitted');
    expect((await step(brand.id, 'approve', secretary.client)).json().error.code).toBe(
      'workflow.not_permitted',
    );
    expect((await step(brand.id, 'approve', countyStaff.client)).json().error.code).toBe(
      'workflow.not_permitted',
    );
    expect(
      (await api('PATCH', `/api/brands/${brand.id}`, { name: 'x' }, secretary.client)).json().error.code,
    ).toBe('brand.not_editable');

    const noComment = await step(brand.id, 'return', city.client);
    expect(noComment.json().error.code).toBe('workflow.comment_required');
    expect((await step(brand.id, 'return', city.client, '请补充成效数据')).json().state).toBe('returned');

    const changed = await api(
      'PATCH',
      `/api/brands/${brand.id}`,
      { results: '服务群众五千人次' },
      secretary.client,
    );
    expect(changed.json()).toMatchObject({ results: '服务群众五千人次', state: 'returned' });
    expect((await step(brand.id, 'submit', secretary.client)).json().state).toBe('submitted');
    const done = (await step(brand.id, 'approve', city.client)).json();
    expect(done).toMatchObject({
      state: 'approved',
      status: 'active',
      cycleNo: 1,
      cycleStart: today(),
      cycleEnd: addYears(today(), 3),
      nextReviewDue: addYears(today(), 1),
      reviewOverdue: false,
      editable: false,
    });
    expect(done.schedule.map((y: { dueOn: string }) => y.dueOn)).toEqual(
      [1, 2, 3].map((n) => addYears(today(), n)),
    );

    const history = (await api('GET', `/api/brands/${brand.id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'start',
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    expect(history[2].comment).toBe('请补充成效数据');
  });

  it('keeps one live brand per branch and refuses re-applying before the cycle ends', async () => {
    const { branch, brand } = await approved();
    const second = await api('POST', '/api/brands', application(branch.id, '第二个'), secretary.client);
    expect(second.json().error.code).toBe('brand.branch_has_brand');
    expect(brand.actions).toEqual([]);
    expect((await step(brand.id, 'reapply', secretary.client)).json().error.code).toBe(
      'brand.cycle_not_ended',
    );

    // Three years and a day on, the cycle has ended: the brand shows as expired and may re-apply.
    await approvedAgo(brand.id, 3, 1);
    const expired = (await api('GET', `/api/brands/${brand.id}`, undefined, secretary.client)).json();
    expect(expired.status).toBe('expired');
    expect(expired.actions.map((a: { action: string }) => a.action)).toEqual(['reapply']);
    const listed = (await api('GET', `/api/brands?status=expired&branchId=${branch.id}`)).json();
    expect(listed.items.map((b: { id: number }) => b.id)).toEqual([brand.id]);
    expect((await step(brand.id, 'reapply', secretary.client)).json().state).toBe('submitted');
    const renewed = (await step(brand.id, 'approve', city.client)).json();
    expect(renewed).toMatchObject({ status: 'active', cycleNo: 2, cycleStart: today() });
  });

  it('refuses an application by someone without brands:apply and for a branch outside the scope', async () => {
    const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id });
    const asLeader = await api('POST', '/api/brands', application(branch.id), leader.client);
    expect(asLeader.statusCode).toBe(403);
    const other = await makeCounty(ctx.db);
    const far = await makeBranch(ctx, city.client, { orgId: other.unit.id });
    const outside = await api('POST', '/api/brands', application(far.id), secretary.client);
    expect(outside.json().error.code).toBe('branch.not_found');
  });

  it('keeps attachments with a draft and refuses them once submitted', async () => {
    const { brand } = await drafted();
    const boundary = '----brandfile';
    const upload = () =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/brands/${brand.id}/files?caption=${encodeURIComponent('申报书')}`,
        headers: { ...secretary.client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      });
    const added = await upload();
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ caption: '申报书', mime: 'application/pdf' });
    const got = await api(
      'GET',
      `/api/brands/${brand.id}/files/${added.json().fileId}`,
      undefined,
      leader.client,
    );
    expect(got.statusCode).toBe(200);
    await step(brand.id, 'submit', secretary.client);
    expect((await upload()).json().error.code).toBe('brand.not_editable');
    const removed = await api(
      'DELETE',
      `/api/brands/${brand.id}/files/${added.json().fileId}`,
      undefined,
      secretary.client,
    );
    expect(removed.json().error.code).toBe('brand.not_editable');
  });
});

describe('yearly reviews and inspections', () => {
  it('shows the next review due and the overdue ones, and records pass and improve', async () => {
    const { brand } = await approved('夕阳红');
    const start = await approvedAgo(brand.id, 1, 10);
    const before = (await api('GET', `/api/brands/${brand.id}`)).json();
    expect(before).toMatchObject({ nextReviewDue: addYears(start, 1), reviewOverdue: true });
    expect(before.schedule[0]).toMatchObject({ year: 1, status: 'open', overdue: true });
    const overdue = (await api('GET', '/api/brands?overdue=true&pageSize=200')).json();
    expect(overdue.items.map((b: { id: number }) => b.id)).toContain(brand.id);

    // The branch's own level cannot review; the county (a level above) records an improvement.
    const own = await review(brand.id, { reviewedOn: today(), verdict: 'pass' }, secretary.client);
    expect(own.statusCode).toBe(403);
    const noDeadline = await review(
      brand.id,
      { reviewedOn: today(), verdict: 'improve' },
      countyStaff.client,
    );
    expect(noDeadline.json().error.details[0].field).toBe('body.deadline');
    const deadline = addDays(today(), 30);
    const improve = await review(
      brand.id,
      { reviewedOn: today(), verdict: 'improve', deadline, comments: '台账不全' },
      countyStaff.client,
    );
    expect(improve.statusCode, improve.body).toBe(201);
    expect(improve.json()).toMatchObject({ nextReviewDue: deadline, reviewOverdue: false });
    expect(improve.json().schedule[0]).toMatchObject({ status: 'improving', dueOn: deadline });

    const pass = (await review(brand.id, { reviewedOn: today(), verdict: 'pass' })).json();
    expect(pass.nextReviewDue).toBe(addYears(start, 2));
    expect(pass.schedule.map((y: { status: string }) => y.status)).toEqual(['passed', 'open', 'open']);
    expect(pass.reviews.map((r: { cycleYear: number; verdict: string }) => [r.cycleYear, r.verdict])).toEqual(
      [
        [1, 'improve'],
        [1, 'pass'],
      ],
    );
    const early = await review(brand.id, { reviewedOn: addDays(start, -1), verdict: 'pass' });
    expect(early.json().error.details[0].field).toBe('body.reviewedOn');
    const future = await review(brand.id, { reviewedOn: addDays(today(), 1), verdict: 'pass' });
    expect(future.json().error.code).toBe('validation');

    const inspected = await api(
      'POST',
      `/api/brands/${brand.id}/inspections`,
      { inspectedOn: today(), inspectors: '张三、李四', findings: '阵地规范' },
      countyStaff.client,
    );
    expect(inspected.statusCode).toBe(201);
    expect(inspected.json().inspections).toMatchObject([{ inspectors: '张三、李四', findings: '阵地规范' }]);
  });

  it('says when all three years have passed', async () => {
    const { brand } = await approved();
    await approvedAgo(brand.id, 3, 1);
    for (let i = 0; i < 3; i++)
      expect((await review(brand.id, { reviewedOn: today(), verdict: 'pass' })).statusCode).toBe(201);
    const again = await review(brand.id, { reviewedOn: today(), verdict: 'pass' });
    expect(again.json().error.code).toBe('brand.reviews_complete');
    expect((await api('GET', `/api/brands/${brand.id}`)).json()).toMatchObject({
      nextReviewDue: null,
      reviewOverdue: false,
    });
  });

  it('withdraws a brand only by the city with a reason, and refuses any review after it', async () => {
    const { brand } = await approved();
    await approvedAgo(brand.id, 1, 1);
    const noReason = await review(brand.id, { reviewedOn: today(), verdict: 'withdraw' });
    expect(noReason.json().error.details[0].field).toBe('body.reason');
    const byCounty = await review(
      brand.id,
      { reviewedOn: today(), verdict: 'withdraw', reason: '活动停滞' },
      countyStaff.client,
    );
    expect(byCounty.json().error.code).toBe('workflow.not_permitted');
    expect((await api('GET', `/api/brands/${brand.id}`)).json().reviews).toEqual([]);
    expect((await step(brand.id, 'withdraw', city.client, '直接撤销')).json().error.code).toBe(
      'brand.withdraw_by_review',
    );

    const withdrawn = (
      await review(brand.id, { reviewedOn: today(), verdict: 'withdraw', reason: '活动停滞' })
    ).json();
    expect(withdrawn).toMatchObject({
      state: 'withdrawn',
      status: 'withdrawn',
      withdrawnOn: today(),
      withdrawnReason: '活动停滞',
      nextReviewDue: null,
      canReview: false,
    });
    const again = await review(brand.id, { reviewedOn: today(), verdict: 'pass' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('brand.withdrawn');
    expect(again.json().error.message).toBe('该品牌已被撤销，不能再复核');
    const inspect = await api('POST', `/api/brands/${brand.id}/inspections`, {
      inspectedOn: today(),
      inspectors: '王五',
      findings: '无',
    });
    expect(inspect.json().error.code).toBe('brand.withdrawn');
    const award = await api('POST', `/api/brands/${brand.id}/awards`, {
      year: Number(today().slice(0, 4)),
      kind: 'excellent',
    });
    expect(award.json().error.code).toBe('brand.not_awardable');
    const history = (await api('GET', `/api/brands/${brand.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({ action: 'withdraw', comment: '活动停滞' });
  });
});

describe('selections and provincial cases', () => {
  const year = Number(today().slice(0, 4));

  it('refuses an eleventh top-ten brand of a year, and a draft brand', async () => {
    const ten: { id: number }[] = [];
    for (let i = 0; i < 11; i++) ten.push((await approved(`十佳候选${i}`)).brand);
    const [first, second] = ten as [{ id: number }, { id: number }];
    const last = ten[10] as { id: number };
    for (const b of ten.slice(0, 10)) {
      const res = await api('POST', `/api/brands/${b.id}/awards`, { year, kind: 'top10' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const eleventh = await api('POST', `/api/brands/${last.id}/awards`, { year, kind: 'top10' });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().error.code).toBe('brand.top10_full');
    // Excellent is still open to it, and top ten and excellent exclude each other in a year.
    expect((await api('POST', `/api/brands/${last.id}/awards`, { year, kind: 'excellent' })).statusCode).toBe(
      201,
    );
    const both = await api('POST', `/api/brands/${first.id}/awards`, { year, kind: 'excellent' });
    expect(both.json().error.code).toBe('brand.award_exists');
    // Before the brand's approval year it cannot be selected.
    const earlier = await api('POST', `/api/brands/${second.id}/awards`, {
      year: year - 1,
      kind: 'excellent',
    });
    expect(earlier.json().error.code).toBe('brand.not_awardable');

    const { brand: draft } = await drafted();
    expect(
      (await api('POST', `/api/brands/${draft.id}/awards`, { year, kind: 'excellent' })).json().error.code,
    ).toBe('brand.not_awardable');
    const asCounty = await api(
      'POST',
      `/api/brands/${second.id}/awards`,
      { year, kind: 'province_case' },
      countyStaff.client,
    );
    expect(asCounty.statusCode).toBe(403);

    const list = (await api('GET', `/api/brands/awards?year=${year}&kind=top10&pageSize=200`)).json();
    expect(list.total).toBe(10);
    expect(list.items[0]).toMatchObject({ year, kind: 'top10', idea: '离岗不离党，退休不褪色' });
    const exported = await api('GET', `/api/brands/awards/export?year=${year}`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    expect(wb.worksheets[0]?.rowCount).toBe(12);
    expect(JSON.stringify(wb.worksheets[0]?.getSheetValues())).toContain('十佳候选0');

    // Taking one back makes room for the eleventh.
    const awardId = list.items.find((a: { brandId: number }) => a.brandId === first.id).id;
    expect((await api('DELETE', `/api/brands/awards/${awardId}`)).statusCode).toBe(204);
    const excellent = (
      await api('GET', `/api/brands/awards?year=${year}&kind=excellent&pageSize=200`)
    ).json();
    const lastExcellent = excellent.items.find((a: { brandId: number }) => a.brandId === last.id);
    expect((await api('DELETE', `/api/brands/awards/${lastExcellent.id}`)).statusCode).toBe(204);
    expect((await api('POST', `/api/brands/${last.id}/awards`, { year, kind: 'top10' })).statusCode).toBe(
      201,
    );
  });

  it('holds the limit of ten when selections of a year arrive at once', async () => {
    const brands: { id: number }[] = [];
    for (let i = 0; i < 11; i++) {
      const { brand } = await approved(`同时入选${i}`);
      await approvedAgo(brand.id, 1);
      brands.push(brand);
    }
    const results = await Promise.all(
      brands.map((b) => api('POST', `/api/brands/${b.id}/awards`, { year: year - 1, kind: 'top10' })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(1);
    const list = (await api('GET', `/api/brands/awards?year=${year - 1}&kind=top10&pageSize=200`)).json();
    expect(list.total).toBe(10);
  });

  it('records provincial innovation cases with their year', async () => {
    const { brand } = await approved('江海先锋');
    const res = await api('POST', `/api/brands/${brand.id}/awards`, {
      year,
      kind: 'province_case',
      title: '银发先锋进社区',
      note: '省委组织部公布',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().awards).toMatchObject([{ kind: 'province_case', year, title: '银发先锋进社区' }]);
    const again = await api('POST', `/api/brands/${brand.id}/awards`, { year, kind: 'province_case' });
    expect(again.json().error.code).toBe('brand.award_exists');
    const cases = (
      await api('GET', `/api/brands/awards?kind=province_case&pageSize=200`, undefined, leader.client)
    ).json();
    expect(cases.items.map((a: { brandId: number }) => a.brandId)).toContain(brand.id);
  });
});

describe('the umbrella brand and the list', () => {
  it('is kept by the city; new brands belong to it; the list filters and exports', async () => {
    const refused = await api('POST', '/api/brands/systems', { name: '县里的体系' }, countyStaff.client);
    expect(refused.statusCode).toBe(403);
    const created = await api('POST', '/api/brands/systems', {
      name: '江海银发先锋计划',
      description: '统领全市品牌',
    });
    expect(created.statusCode, created.body).toBe(201);
    const system = created.json();
    const patched = await api('PATCH', `/api/brands/systems/${system.id}`, {
      description: '全市离退休干部党建品牌体系',
    });
    expect(patched.json().description).toBe('全市离退休干部党建品牌体系');

    const { brand } = await approved('体系内品牌');
    expect((await api('GET', `/api/brands/${brand.id}`)).json()).toMatchObject({
      systemId: system.id,
      systemName: '江海银发先锋计划',
    });
    const systems = (await api('GET', '/api/brands/systems', undefined, secretary.client)).json();
    expect(systems).toMatchObject([{ name: '江海银发先锋计划', brandCount: 1 }]);

    const year = Number(today().slice(0, 4));
    const page = (
      await api(
        'GET',
        `/api/brands?systemId=${system.id}&status=active&year=${year}&orgId=${k.county.id}&keyword=体系内`,
      )
    ).json();
    expect(page.items.map((b: { id: number }) => b.id)).toEqual([brand.id]);
    expect((await api('GET', `/api/brands?systemId=${system.id}&year=${year - 1}`)).json().total).toBe(0);
    const sorted = (await api('GET', '/api/brands?sort=name&pageSize=5&page=1')).json();
    expect(sorted.items).toHaveLength(5);
    expect(sorted.total).toBeGreaterThan(5);

    const exported = await api('GET', `/api/brands/export?systemId=${system.id}`);
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(text).toContain('体系内品牌');
    expect(text).toContain('创建期内');
  });

  it('deletes a draft entered by mistake', async () => {
    const { brand } = await drafted();
    expect((await api('DELETE', `/api/brands/${brand.id}`, undefined, secretary.client)).statusCode).toBe(
      204,
    );
    expect((await api('GET', `/api/brands/${brand.id}`)).statusCode).toBe(404);
  });
});
