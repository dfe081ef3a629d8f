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
import { findingOf, outcomeOf } from './rounds.rules.ts';

const ctx = await createTestApp();
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const county = await makeOrg(ctx.db, { kind: 'county', name: '如东县' });
const unit = await makeOrg(ctx.db, { parent: county, kind: 'unit', name: '如东县民政局' });
const countyStaff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: unit });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Refusal = { error: { code: string; details: { field: string }[] } };
type Reply = { statusCode: number; body: string; json(): Refusal };
const api = (method: Method, url: string, payload?: object, client: Client = city.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload !== undefined && { payload }),
  });
const A = '/api/assessments/branch-assessments';

async function refused(res: Promise<Reply> | Reply, status: number, code: string): Promise<Refusal['error']> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  expect(r.json().error.code).toBe(code);
  return r.json().error;
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function upload(
  id: number,
  measureId: number,
  name: string,
  bytes: Buffer,
  client: Client = secretary.client,
) {
  const boundary = '----xinyaorounds';
  return ctx.app.inject({
    method: 'POST',
    url: `${A}/${id}/files?measureId=${measureId}`,
    headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

/** A meeting of a branch, approved by the county unless asked to stay a draft. */
async function meetingOf(branchId: number, heldOn: string, approve = true) {
  const meeting = (
    await api('POST', `/api/branches/${branchId}/meetings`, { type: 'assembly', heldOn, presentCount: 1 })
  ).json();
  if (!approve) return meeting.id as number;
  let res = await api(
    'POST',
    `/api/branches/meetings/${meeting.id}/transitions/submit`,
    {},
    await meetingSubmitter(ctx, meeting.id),
  );
  expect(res.statusCode, res.body).toBe(200);
  res = await api('POST', `/api/branches/meetings/${meeting.id}/transitions/approve`, {}, countyStaff.client);
  expect(res.statusCode, res.body).toBe(200);
  return meeting.id as number;
}

/** A branch of one member with an approved meeting held in 2025. */
async function branchWithMeeting(orgId: number) {
  const branch = await makeBranch(ctx, city.client, { orgId });
  await addMember(ctx, city.client, branch, { joinedOn: '2020-01-01' });
  return { branch, meetingId: await meetingOf(branch.id, '2025-03-01') };
}

async function assessmentOf(roundId: number, branchId: number) {
  const board = (
    await api('GET', `${A.replace('branch-assessments', 'rounds')}/${roundId}/assessments?pageSize=200`)
  ).json();
  const row = board.items.find((r: { branchId: number }) => r.branchId === branchId);
  expect(row, 'branch on the board').toBeTruthy();
  return row.id as number;
}

const audits = async (id: number) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'branch_assessment')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('the outcome rules', () => {
  it('counts a measure as the last check found it, and scores the applicable points', () => {
    expect(findingOf('met', null, null)).toBe('met');
    expect(findingOf('met', 'agree', null)).toBe('met');
    expect(findingOf('met', 'disagree', null)).toBe('not_met');
    expect(findingOf('met', 'disagree', 'agree')).toBe('met');
    expect(findingOf('met', 'agree', 'no_evidence')).toBe('not_met');
    expect(findingOf(null, 'agree', null)).toBeNull();
    const m = (
      rule: 'scored' | 'required',
      weight: number,
      finding: 'met' | 'not_met' | 'not_applicable',
    ) => ({
      rule,
      weight,
      finding,
    });
    expect(
      outcomeOf([m('required', 0, 'met'), m('scored', 60, 'met'), m('scored', 40, 'not_met')], 60),
    ).toEqual({
      result: 'compliant',
      score: 60,
    });
    expect(outcomeOf([m('scored', 60, 'met'), m('scored', 40, 'not_met')], 61)).toEqual({
      result: 'not_compliant',
      score: 60,
    });
    expect(outcomeOf([m('scored', 60, 'met'), m('scored', 40, 'not_applicable')], 80)).toEqual({
      result: 'compliant',
      score: 100,
    });
    expect(outcomeOf([m('required', 0, 'not_met'), m('scored', 100, 'met')], 60).result).toBe(
      'not_compliant',
    );
    expect(outcomeOf([m('required', 0, 'met')], 60)).toEqual({ result: 'compliant', score: null });
  });
});

describe('opening a round', () => {
  it('freezes the version, takes the standing working branches of the subtree once each', async () => {
    const org = await makeOrg(ctx.db, { kind: 'county' });
    const u = await makeOrg(ctx.db, { parent: org, kind: 'unit' });
    const standing = await makeBranch(ctx, city.client, { orgId: u.id });
    await makeBranch(ctx, city.client, { orgId: u.id, kind: 'functional' });
    const dissolved = await makeBranch(ctx, city.client, { orgId: u.id });
    const res = await api('PATCH', `/api/branches/${dissolved.id}`, { dissolvedOn: '2024-12-31' });
    expect(res.statusCode, res.body).toBe(200);

    const version = await makePublishedVersion(ctx, city.client);
    const round = await makeRound(ctx, city.client, {
      versionId: version.id,
      orgId: org.id,
      name: '2025年第一轮',
    });
    expect(round).toMatchObject({
      name: '2025年第一轮',
      year: 2025,
      status: 'open',
      branchCount: 1,
      passMark: 60,
    });
    const board = (await api('GET', `/api/assessments/rounds/${round.id}/assessments`)).json();
    expect(board.items.map((r: { branchId: number; state: string }) => [r.branchId, r.state])).toEqual([
      [standing.id, 'self_assessing'],
    ]);

    // The version is frozen by the opening, and stays so: no edit, no withdrawal.
    const v = (await api('GET', `/api/assessments/standards/versions/${version.id}`)).json();
    expect(v.status).toBe('frozen');
    await refused(
      api('PATCH', `/api/assessments/standards/measures/${version.measureIds[0]}`, { text: '改' }),
      409,
      'assessment.version_frozen',
    );
    await refused(
      api('POST', `/api/assessments/standards/versions/${version.id}/withdraw`),
      409,
      'assessment.version_frozen',
    );
    // A second round on the same frozen version is fine; it stays frozen.
    const again = await makeRound(ctx, city.client, {
      versionId: version.id,
      branchIds: [standing.id, standing.id],
    });
    expect(again.branchCount).toBe(1);
    expect((await api('GET', `/api/assessments/standards/versions/${version.id}`)).json().status).toBe(
      'frozen',
    );

    // A listed dissolved branch is refused by name; a draft version cannot be used.
    const error = await refused(
      api('POST', '/api/assessments/rounds', {
        name: '错误轮次',
        year: 2025,
        dueOn: '2025-06-30',
        versionId: version.id,
        branchIds: [standing.id, dissolved.id],
      }),
      400,
      'round.branch_dissolved',
    );
    expect(error.details[0]?.field).toBe('body.branchIds.1');
    await refused(
      api('POST', '/api/assessments/rounds', {
        name: '错误轮次',
        year: 2025,
        dueOn: '2026-01-01',
        versionId: version.id,
      }),
      400,
      'round.due_outside_year',
    );
    const standard = (
      await api('POST', '/api/assessments/standards', { code: 'draft_only', name: '草稿' })
    ).json();
    const draft = (await api('POST', `/api/assessments/standards/${standard.id}/versions`, {})).json();
    await refused(
      api('POST', '/api/assessments/rounds', {
        name: 'x',
        year: 2025,
        dueOn: '2025-06-30',
        versionId: draft.id,
      }),
      409,
      'assessment.version_not_published',
    );
    // Only the city opens rounds.
    await refused(
      api(
        'POST',
        '/api/assessments/rounds',
        { name: 'x', year: 2025, dueOn: '2025-06-30', versionId: version.id },
        countyStaff.client,
      ),
      403,
      'auth.forbidden',
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'assessment_round')
      .where('entity_id', '=', String(round.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['assessment_round.open']);
  });
});

describe('a branch assessment from self-assessment to province demonstration', () => {
  it('self-assesses with a file and a meeting, is returned, reviewed, verified compliant and named', async () => {
    const { branch, meetingId } = await branchWithMeeting(unit.id);
    const other = await branchWithMeeting(unit.id);
    const lastYear = await meetingOf(branch.id, '2024-05-01');
    const unapproved = await meetingOf(branch.id, '2025-04-01', false);
    const version = await makePublishedVersion(ctx, city.client, [
      { rule: 'required', weight: 0, evidenceKinds: ['meetings', 'document'] },
      { rule: 'scored', weight: 60, evidenceKinds: ['document', 'photo'] },
      { rule: 'scored', weight: 40, evidenceKinds: ['document'] },
    ]);
    const [m1, m2, m3] = version.measureIds as [number, number, number];
    const round = await makeRound(ctx, city.client, { versionId: version.id, branchIds: [branch.id] });
    const id = await assessmentOf(round.id, branch.id);
    const waiting = async (client: Client) =>
      (await api('GET', '/api/todos?workflow=assessment&pageSize=200', undefined, client))
        .json()
        .items.filter((t: { recordId: number }) => t.recordId === id)
        .map((t: { state: string }) => t.state);
    // The branch finds its self-assessment in its to-do list; the county has nothing to do yet.
    expect(await waiting(secretary.client)).toEqual(['self_assessing']);
    expect(await waiting(countyStaff.client)).toEqual([]);
    const as = (client: Client) => ({
      answer: (measureId: number, verdict: string, note?: string) =>
        api('PUT', `${A}/${id}/answers/${measureId}`, { verdict, ...(note && { note }) }, client),
      step: (action: string, body: object = {}) =>
        api('POST', `${A}/${id}/transitions/${action}`, body, client),
      check: (measureId: number, body: object) => api('PUT', `${A}/${id}/checks/${measureId}`, body, client),
    });
    const branchSide = as(secretary.client);
    const countySide = as(countyStaff.client);
    const citySide = as(city.client);

    // The secretary answers and attaches evidence: a file, and an approved meeting of the branch.
    let res = await branchSide.answer(m1, 'met', '按时召开党员大会');
    expect(res.statusCode, res.body).toBe(200);
    res = await api('POST', `${A}/${id}/answers/${m1}/meetings`, { meetingId }, secretary.client);
    expect(res.statusCode, res.body).toBe(201);
    res = await branchSide.answer(m2, 'met');
    res = await upload(id, m2, '活动照片.png', PNG);
    expect(res.statusCode, res.body).toBe(201);
    const photoFile = res.json().fileId as number;
    let detail = (await api('GET', `${A}/${id}`, undefined, secretary.client)).json();
    const a2 = detail.answers.find((x: { measureId: number }) => x.measureId === m2);
    expect(a2.evidence).toMatchObject([{ kind: 'file', fileName: '活动照片.png', mime: 'image/png' }]);
    const fileEvidence = a2.evidence[0].id as number;
    const meetingEvidence = detail.answers[0].evidence[0].id as number;
    expect(detail.answers[0].evidence[0]).toMatchObject({
      kind: 'meeting',
      meetingId,
      meetingHeldOn: '2025-03-01',
    });
    const download = await api('GET', `${A}/${id}/files/${photoFile}`, undefined, countyStaff.client);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);

    // Refusals while self-assessing: wrong type, too big, a kind the measure does not take, meetings
    // of another branch or of another year, not applicable on a must-pass measure.
    await refused(upload(id, m2, 'x.png', Buffer.from('not really a picture')), 415, 'file.type_not_allowed');
    await refused(
      upload(id, m2, 'app.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')),
      415,
      'file.type_not_allowed',
    );
    const big = Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]);
    await refused(upload(id, m2, 'big.png', big), 413, 'file.too_large');
    // Word (.doc by its OLE header and name) and Excel files are taken; other OLE files are not.
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    res = await upload(id, m2, '旧版记录.doc', ole);
    expect(res.statusCode, res.body).toBe(201);
    await refused(upload(id, m2, '旧表格.xls', ole), 415, 'file.type_not_allowed');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('台账').addRow(['活动', '日期']);
    res = await upload(id, m2, '活动台账.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    res = await api('GET', `${A}/${id}`, undefined, secretary.client);
    const files = res
      .json()
      .answers[1].evidence.map((e: { fileName: string; mime: string }) => [e.fileName, e.mime]);
    expect(files).toEqual([
      ['活动照片.png', 'image/png'],
      ['旧版记录.doc', 'application/msword'],
      ['活动台账.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    // Taken off again: evidence changes while self-assessing.
    for (const e of res.json().answers[1].evidence.slice(1)) {
      res = await api('DELETE', `${A}/${id}/evidence/${e.id}`, undefined, secretary.client);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect(res.json().answers[1].evidence).toHaveLength(1);
    await refused(
      api('POST', `${A}/${id}/answers/${m2}/meetings`, { meetingId }, secretary.client),
      400,
      'round.evidence_kind_refused',
    );
    await refused(
      api('POST', `${A}/${id}/answers/${m1}/meetings`, { meetingId: other.meetingId }, secretary.client),
      400,
      'round.meeting_other_branch',
    );
    await refused(
      api('POST', `${A}/${id}/answers/${m1}/meetings`, { meetingId: lastYear }, secretary.client),
      400,
      'round.meeting_wrong_year',
    );
    await refused(
      api('POST', `${A}/${id}/answers/${m1}/meetings`, { meetingId: unapproved }, secretary.client),
      400,
      'round.meeting_not_approved',
    );
    await refused(branchSide.answer(m1, 'not_applicable'), 400, 'round.not_applicable_refused');
    // The county may read but not answer for the branch.
    await refused(countySide.answer(m3, 'met'), 403, 'round.not_assessor');

    // Submitting with a measure unanswered names it.
    const missing = await refused(branchSide.step('submit'), 409, 'round.answers_missing');
    expect(missing.details.map((d: { field: string }) => d.field)).toEqual(['record.measures.3.1']);
    res = await branchSide.answer(m3, 'not_applicable', '本支部无此项工作');
    expect(res.json().answered).toBe(3);
    res = await upload(id, m3, '说明.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    res = await api('GET', `${A}/${id}`, undefined, secretary.client);
    const explanation = res.json().answers[2].evidence[0].id as number;

    // The city cannot verify what the county has not reviewed: said so.
    res = await branchSide.step('submit');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('submitted');
    expect(await waiting(countyStaff.client)).toEqual(['submitted']);
    expect(await waiting(secretary.client)).toEqual([]);
    await refused(citySide.step('verify'), 409, 'round.not_reviewed');
    await refused(branchSide.answer(m1, 'not_met'), 409, 'round.not_editable');
    await refused(upload(id, m2, 'late.png', PNG), 409, 'round.not_editable');

    // The county's checks name evidence of the measure; returning needs a comment.
    await refused(
      countySide.check(m1, { verdict: 'agree', evidenceIds: [] }),
      400,
      'round.check_needs_evidence',
    );
    await refused(
      countySide.check(m1, { verdict: 'agree', evidenceIds: [fileEvidence] }),
      400,
      'round.check_needs_evidence',
    );
    await refused(
      countySide.check(m1, { verdict: 'disagree', evidenceIds: [meetingEvidence] }),
      400,
      'validation',
    );
    await refused(
      branchSide.check(m1, { verdict: 'agree', evidenceIds: [meetingEvidence] }),
      403,
      'workflow.not_permitted',
    );
    res = await countySide.check(m2, {
      verdict: 'no_evidence',
      comment: '照片不能说明活动内容',
      evidenceIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    await refused(countySide.step('review'), 409, 'round.checks_missing');
    await refused(countySide.step('return'), 400, 'workflow.comment_required');
    res = await countySide.step('return', { comment: '请补充活动记录' });
    expect(res.json().state).toBe('self_assessing');
    expect(res.json().answers[1].review).toBeNull();

    // The branch adds a record and submits again; the county reviews every answer.
    res = await upload(id, m2, '活动记录.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    res = await api('GET', `${A}/${id}`, undefined, secretary.client);
    const record = res.json().answers[1].evidence[1].id as number;
    expect((await branchSide.step('submit')).json().state).toBe('submitted');
    await countySide.check(m1, { verdict: 'agree', evidenceIds: [meetingEvidence] });
    await countySide.check(m2, { verdict: 'agree', evidenceIds: [fileEvidence, record] });
    res = await countySide.check(m3, { verdict: 'agree', evidenceIds: [explanation], comment: '确无此项' });
    expect(res.json().answers[2].review).toMatchObject({ verdict: 'agree', evidenceIds: [explanation] });
    res = await countySide.step('review');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().state).toBe('reviewed');

    // No demonstration before a compliant result; the city verifies by sampling one measure.
    await refused(
      api('POST', `${A}/${id}/demonstrations`, { level: 'city' }),
      409,
      'round.demo_needs_compliance',
    );
    await refused(citySide.step('verify', { mode: 'sampled' }), 409, 'round.checks_missing');
    await refused(citySide.step('verify', { mode: 'full' }), 409, 'round.checks_missing');
    await citySide.check(m1, { verdict: 'agree', evidenceIds: [meetingEvidence], comment: '抽查属实' });
    res = await citySide.step('verify', { mode: 'sampled' });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    expect(detail).toMatchObject({
      state: 'verified',
      result: 'compliant',
      score: 100,
      verification: 'sampled',
    });
    expect(detail.answers.map((x: { finding: string }) => x.finding)).toEqual([
      'met',
      'met',
      'not_applicable',
    ]);

    // City level, then province level (recorded by the city); the province level revoked with reason.
    res = await api('POST', `${A}/${id}/demonstrations`, { level: 'city', namedOn: '2025-12-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().demoLevel).toBe('city');
    await refused(api('POST', `${A}/${id}/demonstrations`, { level: 'city' }), 409, 'round.demo_exists');
    res = await api('POST', `${A}/${id}/demonstrations`, { level: 'province', note: '省委老干部局命名' });
    expect(res.json().demoLevel).toBe('province');
    const province = res.json().demonstrations.find((d: { level: string }) => d.level === 'province');
    await refused(
      api('POST', `${A}/${id}/demonstrations`, { level: 'city' }, countyStaff.client),
      403,
      'auth.forbidden',
    );
    await refused(
      api('POST', `${A}/${id}/demonstrations/${province.id}/revoke`, { reason: '' }),
      400,
      'validation',
    );
    res = await api('POST', `${A}/${id}/demonstrations/${province.id}/revoke`, { reason: '发现问题' });
    expect(res.json().demoLevel).toBe('city');
    expect(res.json().demonstrations[1]).toMatchObject({ level: 'province', revokeReason: '发现问题' });
    await refused(
      api('POST', `${A}/${id}/demonstrations/${province.id}/revoke`, { reason: '再次' }),
      409,
      'round.demo_revoked',
    );

    // The timeline and the audit log keep every step.
    const history = (await api('GET', `${A}/${id}/history`, undefined, secretary.client)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'start',
      'submit',
      'return',
      'submit',
      'review',
      'verify',
    ]);
    expect(history[2].comment).toBe('请补充活动记录');
    const actions = await audits(id);
    for (const action of [
      'branch_assessment.answer',
      'branch_assessment.evidence_add',
      'branch_assessment.submit',
      'branch_assessment.review_check',
      'branch_assessment.return',
      'branch_assessment.verify_check',
      'branch_assessment.verify',
      'branch_assessment.result',
      'branch_assessment.demonstration_name',
      'branch_assessment.demonstration_revoke',
    ]) {
      expect(actions).toContain(action);
    }

    // A demonstration level needs compliance in the same round: not carried into the next one.
    const next = await makeRound(ctx, city.client, {
      versionId: version.id,
      year: 2026,
      branchIds: [branch.id],
    });
    const nextId = await assessmentOf(next.id, branch.id);
    await refused(
      api('POST', `${A}/${nextId}/demonstrations`, { level: 'province' }),
      409,
      'round.demo_needs_compliance',
    );

    // The branch's history across rounds, newest first.
    const rounds = (
      await api('GET', `/api/assessments/branches/${branch.id}/rounds`, undefined, secretary.client)
    ).json();
    expect(rounds.map((r: Record<string, unknown>) => [r.roundId, r.state, r.result, r.demoLevel])).toEqual([
      [next.id, 'self_assessing', null, null],
      [round.id, 'verified', 'compliant', 'city'],
    ]);
    // …and as .xlsx, filtered by result.
    const file = await api(
      'GET',
      `/api/assessments/branches/${branch.id}/rounds/export?result=compliant`,
      undefined,
      secretary.client,
    );
    expect(file.statusCode, file.body).toBe(200);
    const historyBook = new ExcelJS.Workbook();
    await historyBook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const historyRows: unknown[][] = [];
    historyBook.worksheets[0]?.eachRow((row) => historyRows.push((row.values as unknown[]).slice(1)));
    expect(historyRows[0]).toContain('考核轮次');
    expect(historyRows.slice(1).map((r) => [r[0], r[2], r[6], r[7]])).toEqual([
      [round.name, '已核验', '达标', '市级示范'],
    ]);

    // A closed round changes no more.
    res = await api('POST', `/api/assessments/rounds/${next.id}/close`);
    expect(res.json()).toMatchObject({ status: 'closed' });
    await refused(
      api('PUT', `${A}/${nextId}/answers/${m1}`, { verdict: 'met' }, secretary.client),
      409,
      'round.closed',
    );
    await refused(api('POST', `/api/assessments/rounds/${next.id}/close`), 409, 'round.closed');
    expect((await api('GET', `${A}/${nextId}`, undefined, secretary.client)).json().actions).toEqual([]);
  });

  it('lets the city send a reviewed assessment back to the county, and verifies in full as not compliant', async () => {
    const { branch, meetingId } = await branchWithMeeting(unit.id);
    const version = await makePublishedVersion(ctx, city.client, [
      { rule: 'required', weight: 0, evidenceKinds: ['meetings'] },
      { rule: 'scored', weight: 100, evidenceKinds: ['document'] },
    ]);
    const [m1, m2] = version.measureIds as [number, number];
    const round = await makeRound(ctx, city.client, {
      versionId: version.id,
      branchIds: [branch.id],
      passMark: 80,
    });
    const id = await assessmentOf(round.id, branch.id);
    await api('PUT', `${A}/${id}/answers/${m1}`, { verdict: 'met' }, secretary.client);
    const ev = (
      await api('POST', `${A}/${id}/answers/${m1}/meetings`, { meetingId }, secretary.client)
    ).json().answers[0].evidence[0].id;
    await api('PUT', `${A}/${id}/answers/${m2}`, { verdict: 'not_met', note: '尚未开展' }, secretary.client);
    expect((await api('POST', `${A}/${id}/transitions/submit`, {}, secretary.client)).json().state).toBe(
      'submitted',
    );
    await api('PUT', `${A}/${id}/checks/${m1}`, { verdict: 'agree', evidenceIds: [ev] }, countyStaff.client);
    // Agreeing that a measure is not met names no evidence.
    let res = await api(
      'PUT',
      `${A}/${id}/checks/${m2}`,
      { verdict: 'agree', evidenceIds: [] },
      countyStaff.client,
    );
    expect(res.statusCode, res.body).toBe(200);
    await api('POST', `${A}/${id}/transitions/review`, {}, countyStaff.client);
    await refused(api('POST', `${A}/${id}/transitions/send_back`, {}), 400, 'workflow.comment_required');
    res = await api('POST', `${A}/${id}/transitions/send_back`, { comment: '请县区核实会议记录' });
    expect(res.json().state).toBe('submitted');
    await refused(
      api('POST', `${A}/${id}/transitions/verify`, { mode: 'full' }, countyStaff.client),
      403,
      'workflow.not_permitted',
    );
    await api('POST', `${A}/${id}/transitions/review`, {}, countyStaff.client);
    await api('PUT', `${A}/${id}/checks/${m1}`, { verdict: 'agree', evidenceIds: [ev] });
    await api('PUT', `${A}/${id}/checks/${m2}`, { verdict: 'agree', evidenceIds: [] });
    res = await api('POST', `${A}/${id}/transitions/verify`, { mode: 'full' });
    expect(res.json()).toMatchObject({
      state: 'verified',
      result: 'not_compliant',
      score: 0,
      verification: 'full',
    });
    await refused(
      api('POST', `${A}/${id}/demonstrations`, { level: 'city' }),
      409,
      'round.demo_needs_compliance',
    );
  });
});

describe('a measure resting on the platform registers', () => {
  it('takes no attached evidence, and is checked against the registers naming none', async () => {
    const { branch } = await branchWithMeeting(unit.id);
    const version = await makePublishedVersion(ctx, city.client, [
      { rule: 'required', weight: 0, evidenceKinds: ['members'] },
      { rule: 'scored', weight: 100, evidenceKinds: ['document'] },
    ]);
    const [m1, m2] = version.measureIds as [number, number];
    const round = await makeRound(ctx, city.client, { versionId: version.id, branchIds: [branch.id] });
    const id = await assessmentOf(round.id, branch.id);
    await api('PUT', `${A}/${id}/answers/${m1}`, { verdict: 'met' }, secretary.client);
    await refused(upload(id, m1, '名册.pdf', PDF), 400, 'round.evidence_kind_refused');
    await api('PUT', `${A}/${id}/answers/${m2}`, { verdict: 'met' }, secretary.client);
    expect((await upload(id, m2, '计划.pdf', PDF)).statusCode).toBe(201);
    const doc = (await api('GET', `${A}/${id}`, undefined, secretary.client)).json().answers[1].evidence[0]
      .id as number;
    await api('POST', `${A}/${id}/transitions/submit`, {}, secretary.client);
    // The register-only measure is agreed naming nothing; a measure taking evidence still needs some.
    let res = await api(
      'PUT',
      `${A}/${id}/checks/${m1}`,
      { verdict: 'agree', evidenceIds: [] },
      countyStaff.client,
    );
    expect(res.statusCode, res.body).toBe(200);
    await refused(
      api('PUT', `${A}/${id}/checks/${m2}`, { verdict: 'agree', evidenceIds: [] }, countyStaff.client),
      400,
      'round.check_needs_evidence',
    );
    await api('PUT', `${A}/${id}/checks/${m2}`, { verdict: 'agree', evidenceIds: [doc] }, countyStaff.client);
    await api('POST', `${A}/${id}/transitions/review`, {}, countyStaff.client);
    await api('PUT', `${A}/${id}/checks/${m1}`, { verdict: 'agree', evidenceIds: [] });
    await api('PUT', `${A}/${id}/checks/${m2}`, { verdict: 'agree', evidenceIds: [doc] });
    res = await api('POST', `${A}/${id}/transitions/verify`, { mode: 'full' });
    expect(res.json()).toMatchObject({ state: 'verified', result: 'compliant', score: 100 });
    expect(res.json().answers[0]).toMatchObject({
      finding: 'met',
      verify: { verdict: 'agree', evidenceIds: [] },
    });
  });
});

describe('round figures and board', () => {
  it('counts a known set exactly, for the city and by county, drills down, filters and exports', async () => {
    const X = await makeOrg(ctx.db, { kind: 'county', name: '甲区' });
    const Y = await makeOrg(ctx.db, { kind: 'county', name: '乙区' });
    const xUnit = await makeOrg(ctx.db, { parent: X, kind: 'unit', name: '甲区单位' });
    const yUnit = await makeOrg(ctx.db, { parent: Y, kind: 'unit', name: '乙区单位' });
    const staffX = await signedInUser(ctx, { roles: ['county_staff'], org: X });
    const staffY = await signedInUser(ctx, { roles: ['county_staff'], org: Y });
    const secX = await signedInUser(ctx, { roles: ['branch_secretary'], org: xUnit });
    const secY = await signedInUser(ctx, { roles: ['branch_secretary'], org: yUnit });
    const b = async (orgId: number, name: string) => makeBranch(ctx, city.client, { orgId, name });
    const x1 = await b(xUnit.id, '甲一支部');
    const x2 = await b(xUnit.id, '甲二支部');
    const x3 = await b(xUnit.id, '甲三支部');
    const x4 = await b(X.id, '甲区机关支部');
    const y1 = await b(yUnit.id, '乙一支部');
    const y2 = await b(yUnit.id, '乙二支部');
    const version = await makePublishedVersion(ctx, city.client);
    const [m] = version.measureIds as [number];
    const round = await makeRound(ctx, city.client, {
      versionId: version.id,
      branchIds: [x1.id, x2.id, x3.id, x4.id, y1.id, y2.id],
    });

    /** Takes one branch's assessment as far as asked, with the verdict given. */
    async function take(branchId: number, sec: Client, staff: Client, to: string, verdict = 'met') {
      const id = await assessmentOf(round.id, branchId);
      await api('PUT', `${A}/${id}/answers/${m}`, { verdict }, sec);
      expect((await upload(id, m, '记录.pdf', PDF, sec)).statusCode).toBe(201);
      const ev = (await api('GET', `${A}/${id}`, undefined, sec)).json().answers[0].evidence[0].id;
      if (to === 'self_assessing') return id;
      expect((await api('POST', `${A}/${id}/transitions/submit`, {}, sec)).statusCode).toBe(200);
      if (to === 'submitted') return id;
      await api('PUT', `${A}/${id}/checks/${m}`, { verdict: 'agree', evidenceIds: [ev] }, staff);
      expect((await api('POST', `${A}/${id}/transitions/review`, {}, staff)).statusCode).toBe(200);
      if (to === 'reviewed') return id;
      await api('PUT', `${A}/${id}/checks/${m}`, { verdict: 'agree', evidenceIds: [ev] });
      const res = await api('POST', `${A}/${id}/transitions/verify`, {});
      expect(res.statusCode, res.body).toBe(200);
      return id;
    }
    const ax1 = await take(x1.id, secX.client, staffX.client, 'verified');
    await take(x2.id, secX.client, staffX.client, 'verified', 'not_met');
    await take(x3.id, secX.client, staffX.client, 'submitted');
    const ay1 = await take(y1.id, secY.client, staffY.client, 'verified');
    await take(y2.id, secY.client, staffY.client, 'reviewed');
    await api('POST', `${A}/${ax1}/demonstrations`, { level: 'city' });
    await api('POST', `${A}/${ay1}/demonstrations`, { level: 'city' });
    await api('POST', `${A}/${ay1}/demonstrations`, { level: 'province' });

    const figures = (await api('GET', `/api/assessments/rounds/${round.id}/figures`)).json();
    expect(figures.org.kind).toBe('city');
    expect(figures.round).toMatchObject({ id: round.id, year: 2025 });
    expect(figures.total).toMatchObject({
      branches: 6,
      selfAssessing: 1,
      submitted: 1,
      reviewed: 1,
      verified: 3,
      selfAssessed: 5,
      compliant: 2,
      notCompliant: 1,
      complianceRate: 33.3,
      cityDemonstrations: 1,
      provinceDemonstrations: 1,
    });
    const byCounty = Object.fromEntries(
      figures.children.map((g: Record<string, unknown>) => [
        g.orgName,
        [
          g.branches,
          g.selfAssessing,
          g.submitted,
          g.reviewed,
          g.verified,
          g.compliant,
          g.complianceRate,
          g.cityDemonstrations,
          g.provinceDemonstrations,
        ],
      ]),
    );
    expect(byCounty).toEqual({
      甲区: [4, 1, 1, 0, 2, 1, 25, 1, 0],
      乙区: [2, 0, 0, 1, 1, 1, 50, 0, 1],
    });
    // Drilling into 甲区: its unit, and its own branch counted directly.
    const drill = (await api('GET', `/api/assessments/rounds/${round.id}/figures?orgId=${X.id}`)).json();
    expect(drill.children.map((g: { orgName: string; branches: number }) => [g.orgName, g.branches])).toEqual(
      [['甲区单位', 3]],
    );
    expect(drill.direct).toMatchObject({ branches: 1, selfAssessing: 1 });
    // A county's own figures default to its subtree; another county's answer 404.
    const own = (
      await api('GET', `/api/assessments/rounds/${round.id}/figures`, undefined, staffY.client)
    ).json();
    expect(own.total).toMatchObject({ branches: 2, compliant: 1, complianceRate: 50 });
    await refused(
      api('GET', `/api/assessments/rounds/${round.id}/figures?orgId=${X.id}`, undefined, staffY.client),
      404,
      'org.not_found',
    );

    // The board: filters, sort, paging.
    const board = (q: string, client: Client = city.client) =>
      api('GET', `/api/assessments/rounds/${round.id}/assessments?${q}`, undefined, client).then((r) =>
        r.json(),
      );
    const names = (page: { items: { branchName: string }[] }) => page.items.map((r) => r.branchName);
    expect(names(await board('result=compliant&sort=branchName'))).toEqual(['乙一支部', '甲一支部']);
    expect(names(await board('state=verified&sort=-score'))).toHaveLength(3);
    expect(names(await board('level=province'))).toEqual(['乙一支部']);
    expect(names(await board('level=any&sort=branchName'))).toEqual(['乙一支部', '甲一支部']);
    expect(names(await board(`orgId=${X.id}&result=none&sort=branchName`))).toEqual([
      '甲三支部',
      '甲区机关支部',
    ]);
    expect(names(await board('keyword=乙&sort=-branchName'))).toEqual(['乙二支部', '乙一支部']);
    const paged = await board('pageSize=4&page=2&sort=branchName');
    expect(paged.total).toBe(6);
    expect(paged.items).toHaveLength(2);
    expect((await board('', staffX.client)).total).toBe(4);

    // The export of the results table follows the filters.
    const res = await api(
      'GET',
      `/api/assessments/rounds/${round.id}/assessments/export?state=verified&sort=branchName`,
    );
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toContain('考核结果');
    expect(rows.slice(1).map((r) => [r[0], r[6], r[7] ?? null])).toEqual([
      ['乙一支部', '达标', '省级示范'],
      ['甲一支部', '达标', '市级示范'],
      ['甲二支部', '不达标', null],
    ]);
  });
});
