import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  makeBranch,
  makeOrg,
  makePublishedVersion,
  makeRound,
  meetingSubmitter,
  signedInUser,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const countyA = await makeOrg(ctx.db, { kind: 'county', name: '甲县' });
const countyB = await makeOrg(ctx.db, { kind: 'county', name: '乙县' });
const unitA = await makeOrg(ctx.db, { parent: countyA, kind: 'unit', name: '甲县单位' });
const unitA2 = await makeOrg(ctx.db, { parent: countyA, kind: 'unit', name: '甲县另一单位' });
const unitB = await makeOrg(ctx.db, { parent: countyB, kind: 'unit', name: '乙县单位' });
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const staffA = await signedInUser(ctx, { roles: ['county_staff'], org: countyA });
const staffB = await signedInUser(ctx, { roles: ['county_staff'], org: countyB });
const secA = await signedInUser(ctx, { roles: ['branch_secretary'], org: unitA });

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client: Client = staffA.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });
const A = '/api/assessments/branch-assessments';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(id: number, measureId: number, client: Client) {
  const boundary = '----xinyaoroundscope';
  return ctx.app.inject({
    method: 'POST',
    url: `${A}/${id}/files?measureId=${measureId}`,
    headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

/** A branch of one member in a unit with an approved 2025 meeting. */
async function branchIn(orgId: number, name: string, reviewer: Client) {
  const branch = await makeBranch(ctx, city.client, { orgId, name });
  await addMember(ctx, city.client, branch, { joinedOn: '2020-01-01' });
  const meeting = (
    await call(
      'POST',
      `/api/branches/${branch.id}/meetings`,
      { type: 'assembly', heldOn: '2025-03-01', presentCount: 1 },
      city.client,
    )
  ).json();
  await call(
    'POST',
    `/api/branches/meetings/${meeting.id}/transitions/submit`,
    {},
    await meetingSubmitter(ctx, meeting.id),
  );
  await call('POST', `/api/branches/meetings/${meeting.id}/transitions/approve`, {}, reviewer);
  return { branch, meetingId: meeting.id as number };
}

const a = await branchIn(unitA.id, '甲县第一支部', staffA.client);
const a2 = await branchIn(unitA2.id, '甲县第二支部', staffA.client);
const b = await branchIn(unitB.id, '乙县第一支部', staffB.client);
const version = await makePublishedVersion(ctx, city.client);
const [measure] = version.measureIds as [number];
const round = await makeRound(ctx, city.client, {
  versionId: version.id,
  branchIds: [a.branch.id, a2.branch.id, b.branch.id],
});
const cityBoard = (
  await call('GET', `/api/assessments/rounds/${round.id}/assessments`, undefined, city.client)
).json();
const idOf = (branchId: number) =>
  cityBoard.items.find((r: { branchId: number }) => r.branchId === branchId).id as number;
const [idA, idA2, idB] = [idOf(a.branch.id), idOf(a2.branch.id), idOf(b.branch.id)];

// Each branch's own secretary answers its measure with a file as evidence.
const secB = await signedInUser(ctx, { roles: ['branch_secretary'], org: unitB });
await call('PUT', `${A}/${idB}/answers/${measure}`, { verdict: 'met' }, secB.client);
const fileB = (await upload(idB, measure, secB.client)).json().fileId as number;
const evidenceB = (await call('GET', `${A}/${idB}`, undefined, secB.client)).json().answers[0].evidence[0]
  .id as number;
await call('PUT', `${A}/${idA}/answers/${measure}`, { verdict: 'met' }, secA.client);
await upload(idA, measure, secA.client);
const evidenceA = (await call('GET', `${A}/${idA}`, undefined, secA.client)).json().answers[0].evidence[0]
  .id as number;

async function expectCode(
  res: Promise<{ statusCode: number; body: string; json(): { error: { code: string } } }>,
  status: number,
  code: string,
) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  expect(r.json().error.code).toBe(code);
}

describe('assessment rounds scope', () => {
  it("answers 404 on every endpoint of another county's branch assessment", async () => {
    const NF = 'round.assessment_not_found';
    for (const [method, url, payload] of [
      ['GET', `${A}/${idB}`],
      ['GET', `${A}/${idB}/history`],
      ['PUT', `${A}/${idB}/answers/${measure}`, { verdict: 'met' }],
      ['POST', `${A}/${idB}/answers/${measure}/meetings`, { meetingId: b.meetingId }],
      ['DELETE', `${A}/${idB}/evidence/${evidenceB}`],
      ['GET', `${A}/${idB}/files`],
      ['GET', `${A}/${idB}/files/${fileB}`],
      ['DELETE', `${A}/${idB}/files/${fileB}`],
      ['PUT', `${A}/${idB}/checks/${measure}`, { verdict: 'agree', evidenceIds: [evidenceB] }],
      ['POST', `${A}/${idB}/transitions/submit`, {}],
      ['POST', `${A}/${idB}/transitions/review`, {}],
      ['POST', `${A}/${idB}/transitions/return`, { comment: '越权' }],
    ] as [Method, string, object?][]) {
      await expectCode(call(method, url, payload), 404, NF);
      await expectCode(call(method, url, payload, secA.client), 404, NF);
    }
    await expectCode(upload(idB, measure, staffA.client), 404, NF);
    await expectCode(upload(idB, measure, secA.client), 404, NF);
    // Naming demonstration branches is the city's: the county lacks the right altogether.
    await expectCode(call('POST', `${A}/${idB}/demonstrations`, { level: 'city' }), 403, 'auth.forbidden');
    // Nothing of B changed.
    const detail = (await call('GET', `${A}/${idB}`, undefined, city.client)).json();
    expect(detail).toMatchObject({ state: 'self_assessing' });
    expect(detail.answers[0].evidence.map((e: { id: number }) => e.id)).toEqual([evidenceB]);
  });

  it("keeps the secretary to the branches of its own org, and another branch's evidence out of a check", async () => {
    await expectCode(call('GET', `${A}/${idA2}`, undefined, secA.client), 404, 'round.assessment_not_found');
    expect((await call('GET', `${A}/${idA2}`)).statusCode).toBe(200);
    // The county reads a unit's assessment but does not answer for it.
    await expectCode(
      call('PUT', `${A}/${idA2}/answers/${measure}`, { verdict: 'met' }),
      403,
      'round.not_assessor',
    );
    // A meeting of another county is not found; another branch's evidence is not this measure's.
    await expectCode(
      call('POST', `${A}/${idA}/answers/${measure}/meetings`, { meetingId: b.meetingId }, secA.client),
      404,
      'meeting.not_found',
    );
    await expectCode(
      call('POST', `${A}/${idA}/answers/${measure}/meetings`, { meetingId: a2.meetingId }, secA.client),
      404,
      'meeting.not_found',
    );
    expect((await call('POST', `${A}/${idA}/transitions/submit`, {}, secA.client)).statusCode).toBe(200);
    await expectCode(
      call('PUT', `${A}/${idA}/checks/${measure}`, { verdict: 'agree', evidenceIds: [evidenceB] }),
      400,
      'round.check_needs_evidence',
    );
    const ok = await call('PUT', `${A}/${idA}/checks/${measure}`, {
      verdict: 'agree',
      evidenceIds: [evidenceA],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // County B cannot review county A's.
    await expectCode(
      call('POST', `${A}/${idA}/transitions/review`, {}, staffB.client),
      404,
      'round.assessment_not_found',
    );
  });

  it('scopes the round, board, export, figures and branch history', async () => {
    const r = (await call('GET', `/api/assessments/rounds/${round.id}`)).json();
    expect(r.branchCount).toBe(2);
    expect(
      (await call('GET', `/api/assessments/rounds/${round.id}`, undefined, city.client)).json().branchCount,
    ).toBe(3);
    const list = (await call('GET', '/api/assessments/rounds?year=2025')).json();
    expect(list.items.find((x: { id: number }) => x.id === round.id).branchCount).toBe(2);
    expect((await call('GET', '/api/assessments/rounds?year=2024')).json()).toEqual({ items: [], total: 0 });
    const roundsFile = await call('GET', '/api/assessments/rounds/export?status=open');
    expect(roundsFile.statusCode).toBe(200);
    const roundsBook = new ExcelJS.Workbook();
    await roundsBook.xlsx.load(roundsFile.rawPayload as unknown as ArrayBuffer);
    const roundRows: unknown[][] = [];
    roundsBook.worksheets[0]?.eachRow((row) => roundRows.push((row.values as unknown[]).slice(1)));
    expect(roundRows[0]).toEqual([
      '轮次名称',
      '年度',
      '考核标准',
      '自评截止',
      '达标分数',
      '参评支部',
      '状态',
    ]);
    expect(roundRows.slice(1).map((x) => [x[0], x[5], x[6]])).toEqual([[round.name, 2, '进行中']]);

    const board = (await call('GET', `/api/assessments/rounds/${round.id}/assessments`)).json();
    expect(board.items.map((x: { branchName: string }) => x.branchName).sort()).toEqual([
      '甲县第一支部',
      '甲县第二支部',
    ]);
    expect(
      (await call('GET', `/api/assessments/rounds/${round.id}/assessments`, undefined, secA.client))
        .json()
        .items.map((x: { id: number }) => x.id),
    ).toEqual([idA]);
    await expectCode(
      call('GET', `/api/assessments/rounds/${round.id}/assessments?orgId=${countyB.id}`),
      404,
      'org.not_found',
    );

    const res = await call('GET', `/api/assessments/rounds/${round.id}/assessments/export`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: unknown[] = [];
    book.worksheets[0]?.eachRow((row, n) => n > 1 && names.push(row.getCell(1).value));
    expect(names.sort()).toEqual(['甲县第一支部', '甲县第二支部']);

    const figures = (await call('GET', `/api/assessments/rounds/${round.id}/figures`)).json();
    expect(figures.org.id).toBe(countyA.id);
    expect(figures.total.branches).toBe(2);
    await expectCode(
      call('GET', `/api/assessments/rounds/${round.id}/figures?orgId=${countyB.id}`),
      404,
      'org.not_found',
    );
    const secFigures = (
      await call('GET', `/api/assessments/rounds/${round.id}/figures`, undefined, secA.client)
    ).json();
    expect(secFigures.total.branches).toBe(1);

    expect((await call('GET', `/api/assessments/branches/${a2.branch.id}/rounds`)).json()).toHaveLength(1);
    await expectCode(call('GET', `/api/assessments/branches/${b.branch.id}/rounds`), 404, 'branch.not_found');
    expect((await call('GET', `/api/assessments/branches/${a2.branch.id}/rounds/export`)).statusCode).toBe(
      200,
    );
    await expectCode(
      call('GET', `/api/assessments/branches/${b.branch.id}/rounds/export`),
      404,
      'branch.not_found',
    );
    await expectCode(
      call('GET', `/api/assessments/branches/${a2.branch.id}/rounds`, undefined, secA.client),
      404,
      'branch.not_found',
    );
  });

  it('keeps opening, closing and demonstrations to city-wide staff', async () => {
    const body = { name: '县里开的轮次', year: 2025, dueOn: '2025-06-30', versionId: version.id };
    await expectCode(call('POST', '/api/assessments/rounds', body), 403, 'auth.forbidden');
    await expectCode(call('POST', `/api/assessments/rounds/${round.id}/close`), 403, 'auth.forbidden');
    const cityAtCounty = await signedInUser(ctx, { roles: ['city_staff'], org: countyA });
    await expectCode(
      call('POST', '/api/assessments/rounds', body, cityAtCounty.client),
      403,
      'round.city_scope',
    );
    await expectCode(
      call('POST', `/api/assessments/rounds/${round.id}/close`, undefined, cityAtCounty.client),
      403,
      'round.city_scope',
    );
    await expectCode(
      call('POST', `${A}/${idA}/demonstrations`, { level: 'city' }, cityAtCounty.client),
      403,
      'round.city_scope',
    );
    expect(
      (await call('GET', `/api/assessments/rounds/${round.id}`, undefined, city.client)).json().status,
    ).toBe('open');
  });
});
