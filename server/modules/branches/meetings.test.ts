import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countAudit } from '../../platform/audit/audit.ts';
import { addDays, today } from '../../platform/calendar/days.ts';
import {
  addMember,
  type Client,
  makeBranch,
  makeCadre,
  makeCounty,
  makeOrg,
  meetingSubmitter,
  signedInUser,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { cellStatus, owes, periodOf } from './meetings.rules.ts';

const ctx = await createTestApp();
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const k = await makeCounty(ctx.db);
const countyStaff = await signedInUser(ctx, { roles: ['county_staff'], org: k.county });
const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: k.unit });
const unitStaff = await signedInUser(ctx, { roles: ['unit_staff'], org: k.unit });
const leader = await signedInUser(ctx, { roles: ['leader'], org: k.county });

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, payload?: unknown, client: Client = city.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload !== undefined && { payload: payload as object }),
  });

/** A standing branch at the unit with members who joined in 2020. */
async function branchWith(members: number, body: Record<string, unknown> = {}) {
  const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id, ...body });
  const people = [];
  for (let i = 0; i < members; i++)
    people.push(await addMember(ctx, city.client, branch, { joinedOn: '2020-01-01' }));
  return { ...branch, members: people };
}

const create = (branchId: number, body: Record<string, unknown>, client: Client = city.client) =>
  api('POST', `/api/branches/${branchId}/meetings`, body, client);

/** Takes a step as the given client; by default a submit by the branch's own secretary, else the city. */
const step = async (id: number, action: string, comment?: string, client?: Client) =>
  api(
    'POST',
    `/api/branches/meetings/${id}/transitions/${action}`,
    comment === undefined ? {} : { comment },
    client ?? (action === 'submit' ? await meetingSubmitter(ctx, id) : city.client),
  );

/** A meeting of one expected and one present, moved through the given steps by the city. */
async function meetingOf(
  branchId: number,
  type: string,
  heldOn: string,
  steps: ('submit' | 'approve')[] = ['submit', 'approve'],
) {
  const res = await create(branchId, { type, heldOn, expectedCount: 1, presentCount: 1 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  for (const s of steps) expect((await step(id, s)).statusCode).toBe(200);
  return id;
}

const counts = async () => ({
  meetings: Number(
    (
      await ctx.db
        .selectFrom('branch_meetings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  items: Number(
    (
      await ctx.db
        .selectFrom('workflow_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workflow', '=', 'meeting')
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: await countAudit(ctx.db),
});

describe('recording a meeting', () => {
  it('derives the period from the day by type, defaults the expected count, and starts its review', async () => {
    const branch = await branchWith(5);
    const [absent] = branch.members;
    const res = await create(
      branch.id,
      {
        type: 'assembly',
        heldOn: '2025-05-20',
        startTime: '09:30',
        place: ' 活动中心三楼 ',
        chair: '王书记',
        recorder: '李委员',
        presentCount: 4,
        absences: [{ cadreId: absent?.cadreId, reason: '住院' }],
        outsideAttendees: '街道党工委委员',
        topics: '学习党的二十届全会精神',
        resolutions: '开展走访',
      },
      secretary.client,
    );
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      branchId: branch.id,
      branchName: branch.name,
      orgId: k.unit.id,
      orgName: k.unit.name,
      type: 'assembly',
      period: '2025-Q2',
      heldOn: '2025-05-20',
      startTime: '09:30',
      place: '活动中心三楼',
      expectedCount: 5,
      presentCount: 4,
      absentCount: 1,
      state: 'draft',
      stateLabel: { zh: '草稿', en: 'Draft' },
      actions: [{ action: 'submit', label: { zh: '提交审核', en: 'Submit' }, commentRequired: false }],
      editable: true,
      files: [],
    });
    expect(m.absences).toEqual([
      { cadreId: absent?.cadreId, name: expect.stringMatching(/^测试/), reason: '住院' },
    ]);
    const item = await ctx.db
      .selectFrom('workflow_items')
      .select(['title', 'state', 'org_id'])
      .where('workflow', '=', 'meeting')
      .where('record_id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({
      title: `${k.unit.name}${branch.name} · 2025-Q2 党员大会`,
      state: 'draft',
      org_id: k.unit.id,
    });

    const periods = [];
    for (const [type, heldOn] of [
      ['committee', '2025-03-10'],
      ['group', '2025-12-31'],
      ['themed_day', '2025-01-01'],
      ['lesson', '2025-07-01'],
      ['org_life', '2025-02-01'],
      ['appraisal', '2025-11-11'],
    ]) {
      const r = await create(branch.id, { type, heldOn, expectedCount: 0, presentCount: 0 });
      periods.push(r.json().period);
    }
    expect(periods).toEqual(['2025-03', '2025-12', '2025-01', '2025', '2025', '2025']);
  });

  it('expects the committee at a committee meeting, the members on the day otherwise', async () => {
    const branch = await branchWith(4);
    const later = await addMember(ctx, city.client, branch, { joinedOn: '2025-06-01' });
    for (const [m, post] of [
      [branch.members[0], 'secretary'],
      [branch.members[1], 'organisation'],
    ] as const) {
      await api('POST', `/api/branches/${branch.id}/committee`, {
        cadreId: m?.cadreId,
        post,
        startedOn: '2024-01-01',
      });
    }
    const expected = async (type: string, heldOn: string) => {
      const res = await create(branch.id, { type, heldOn, presentCount: 0, absences: [] });
      return res.json().error?.details?.[0]?.message as string;
    };
    // Each is refused for its attendance; the message names the expected count it defaulted to.
    expect(await expected('committee', '2025-03-01')).toContain('应到 2 人');
    expect(await expected('assembly', '2025-03-01')).toContain('应到 4 人');
    expect(await expected('assembly', '2025-07-01')).toContain('应到 5 人');
    const ok = await create(branch.id, {
      type: 'committee',
      heldOn: '2025-07-01',
      presentCount: 1,
      absences: [{ cadreId: branch.members[1]?.cadreId, reason: '外出' }],
    });
    expect(ok.json()).toMatchObject({ expectedCount: 2, presentCount: 1, absentCount: 1 });
    expect(later.active).toBe(true);
  });

  it('refuses present above expected, absences that do not add up, a future day, outsiders; writing nothing', async () => {
    const branch = await branchWith(3);
    const outsider = await makeCadre(ctx, city.client, { orgId: k.unit.id, politicalStatus: '01' });
    const before = await counts();
    const refused = async (body: Record<string, unknown>, status: number, code: string) => {
      const res = await create(
        branch.id,
        { type: 'committee', heldOn: '2025-04-01', ...body },
        secretary.client,
      );
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      return res.json().error.details?.[0];
    };
    expect(
      await refused({ expectedCount: 3, presentCount: 4 }, 400, 'meeting.present_exceeds_expected'),
    ).toMatchObject({
      field: 'body.presentCount',
      rule: 'present_le_expected',
    });
    expect(await refused({ presentCount: 2 }, 400, 'meeting.attendance_mismatch')).toMatchObject({
      field: 'body.absences',
      rule: 'present_plus_absent_equals_expected',
      message: '应到 3 人、实到 2 人，应登记缺席 1 人，现登记 0 人',
    });
    expect(
      await refused(
        { presentCount: 1, absences: [{ name: '张三', reason: '病假' }] },
        400,
        'meeting.attendance_mismatch',
      ),
    ).toMatchObject({ rule: 'present_plus_absent_equals_expected' });
    expect(await refused({ heldOn: addDays(today(), 1), presentCount: 3 }, 400, 'validation')).toMatchObject({
      field: 'body.heldOn',
      rule: 'not_in_future',
    });
    expect(
      await refused(
        { presentCount: 2, absences: [{ cadreId: outsider.id, reason: '病假' }] },
        409,
        'branch.not_member',
      ),
    ).toMatchObject({ field: 'body.absences.0.cadreId', rule: 'member_on_day' });
    expect(
      await refused({ presentCount: 2, absences: [{ reason: '病假' }] }, 400, 'validation'),
    ).toMatchObject({ field: 'body.absences.0.name', rule: 'required' });
    const m = branch.members[0]?.cadreId;
    expect(
      await refused(
        {
          presentCount: 1,
          absences: [
            { cadreId: m, reason: '病假' },
            { cadreId: m, reason: '事假' },
          ],
        },
        400,
        'validation',
      ),
    ).toMatchObject({ field: 'body.absences.1.cadreId', rule: 'unique' });
    expect(await refused({ type: 'weekly', presentCount: 3 }, 400, 'validation')).toMatchObject({
      field: 'body.type',
    });
    expect(await counts()).toEqual(before);

    const named = await create(branch.id, {
      type: 'committee',
      heldOn: '2025-04-01',
      presentCount: 2,
      absences: [{ name: ' 张三 ', reason: '随子女外出' }],
    });
    expect(named.json().absences).toEqual([{ cadreId: null, name: '张三', reason: '随子女外出' }]);
  });

  it('refuses a meeting before the branch was founded, and for a dissolved branch', async () => {
    const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id, foundedOn: '2024-06-01' });
    const early = await create(branch.id, {
      type: 'committee',
      heldOn: '2024-05-01',
      expectedCount: 0,
      presentCount: 0,
    });
    expect(early.json().error.details[0]).toMatchObject({ field: 'body.heldOn', rule: 'after_founding' });
    await api('PATCH', `/api/branches/${branch.id}`, { dissolvedOn: '2025-01-01' });
    const late = await create(branch.id, {
      type: 'committee',
      heldOn: '2024-12-01',
      expectedCount: 0,
      presentCount: 0,
    });
    expect(late.json().error.code).toBe('branch.dissolved');
  });
});

describe('review', () => {
  it('runs submit, return with a comment, edit, resubmit and approve, with its timeline', async () => {
    const branch = await branchWith(3);
    const created = await create(
      branch.id,
      { type: 'committee', heldOn: '2025-09-09', presentCount: 3 },
      secretary.client,
    );
    const id = created.json().id as number;
    const get = async (client: Client = secretary.client) =>
      (await api('GET', `/api/branches/meetings/${id}`, undefined, client)).json();

    const submitted = await step(id, 'submit', undefined, secretary.client);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', actions: [], editable: false });
    expect((await get(countyStaff.client)).actions.map((a: { action: string }) => a.action)).toEqual([
      'approve',
      'return',
    ]);

    // Neither the branch nor a leader may approve; nobody may edit or delete a submitted meeting.
    const refuse = async (
      res: Promise<{ statusCode: number; json(): { error: { code: string } } }>,
      status: number,
      code: string,
    ) => {
      const r = await res;
      expect(r.statusCode).toBe(status);
      expect(r.json().error.code).toBe(code);
    };
    await refuse(step(id, 'approve', undefined, secretary.client), 403, 'workflow.not_permitted');
    await refuse(step(id, 'approve', undefined, leader.client), 403, 'workflow.not_permitted');
    await refuse(step(id, 'submit', undefined, secretary.client), 409, 'workflow.invalid_transition');
    await refuse(
      api('PATCH', `/api/branches/meetings/${id}`, { place: '改' }, secretary.client),
      409,
      'meeting.not_editable',
    );
    await refuse(
      api('PATCH', `/api/branches/meetings/${id}`, { place: '改' }, countyStaff.client),
      409,
      'meeting.not_editable',
    );
    await refuse(
      api('DELETE', `/api/branches/meetings/${id}`, undefined, secretary.client),
      409,
      'meeting.not_editable',
    );
    expect((await step(id, 'review')).statusCode).toBe(400);

    // Returning needs a comment; a refused step writes nothing.
    const before = await counts();
    await refuse(step(id, 'return', undefined, countyStaff.client), 400, 'workflow.comment_required');
    await refuse(step(id, 'return', '  ', countyStaff.client), 400, 'workflow.comment_required');
    expect(await counts()).toEqual(before);
    expect((await get()).state).toBe('submitted');

    const returned = await step(id, 'return', '缺少缺席人员和议题', countyStaff.client);
    // The county may keep meetings too (meetings:write), but submitting is the branch's own step.
    expect(returned.json()).toMatchObject({ state: 'returned', editable: true, actions: [] });
    expect((await get(countyStaff.client)).actions).toEqual([]);
    expect((await get()).actions.map((a: { action: string }) => a.action)).toEqual(['submit']);

    const edited = await api(
      'PATCH',
      `/api/branches/meetings/${id}`,
      {
        presentCount: 2,
        absences: [{ cadreId: branch.members[2]?.cadreId, reason: '病假' }],
        topics: '研究发展党员',
        heldOn: '2025-10-09',
      },
      secretary.client,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      period: '2025-10',
      presentCount: 2,
      absentCount: 1,
      topics: '研究发展党员',
    });
    const badEdit = await api('PATCH', `/api/branches/meetings/${id}`, { presentCount: 3 }, secretary.client);
    expect(badEdit.json().error.code).toBe('meeting.attendance_mismatch');
    expect((await step(id, 'submit', '已补充', secretary.client)).json().state).toBe('submitted');
    const approved = await step(id, 'approve', undefined, countyStaff.client);
    expect(approved.json()).toMatchObject({
      state: 'approved',
      stateLabel: { zh: '已通过', en: 'Approved' },
      actions: [],
    });
    await refuse(
      api('PATCH', `/api/branches/meetings/${id}`, { place: '改' }, city.client),
      409,
      'meeting.not_editable',
    );
    await refuse(step(id, 'return', '再看看', city.client), 409, 'workflow.invalid_transition');

    const history = (
      await api('GET', `/api/branches/meetings/${id}/history`, undefined, secretary.client)
    ).json();
    expect(
      history.map(
        (e: { action: string; fromState: string | null; toState: string; comment: string | null }) => [
          e.action,
          e.fromState,
          e.toState,
          e.comment,
        ],
      ),
    ).toEqual([
      ['start', null, 'draft', null],
      ['submit', 'draft', 'submitted', null],
      ['return', 'submitted', 'returned', '缺少缺席人员和议题'],
      ['submit', 'returned', 'submitted', '已补充'],
      ['approve', 'submitted', 'approved', null],
    ]);
    const actors = history.map((e: { actorId: number }) => e.actorId);
    const [s, c] = [secretary.id, countyStaff.id];
    expect(actors).toEqual([s, s, c, s, c]);
    expect(history[2]).toMatchObject({
      actionLabel: { zh: '退回修改', en: 'Return' },
      toStateLabel: { zh: '已退回', en: 'Returned' },
    });
    const title = (
      await ctx.db
        .selectFrom('workflow_items')
        .select('title')
        .where('record_id', '=', id)
        .where('workflow', '=', 'meeting')
        .executeTakeFirstOrThrow()
    ).title;
    expect(title).toBe(`${k.unit.name}${branch.name} · 2025-10 支委会`);
  });

  it('takes approval from the level above only: a county never approves its own branch’s meeting', async () => {
    const atCounty = await makeBranch(ctx, city.client, { orgId: k.county.id });
    const res = await create(
      atCounty.id,
      { type: 'assembly', heldOn: '2025-03-03', expectedCount: 0, presentCount: 0 },
      countyStaff.client,
    );
    const id = res.json().id as number;
    expect((await step(id, 'approve', undefined, city.client)).json().error.code).toBe(
      'workflow.invalid_transition',
    );
    expect((await step(id, 'submit', undefined, countyStaff.client)).json().state).toBe('submitted');
    const sameLevel = await step(id, 'approve', undefined, countyStaff.client);
    expect(sameLevel.statusCode).toBe(403);
    expect(sameLevel.json().error.code).toBe('workflow.not_permitted');
    expect((await step(id, 'approve', undefined, city.client)).json().state).toBe('approved');
  });

  it('puts a returned meeting in the to-do of those who may submit it, a submitted one in the reviewer’s', async () => {
    const branch = await branchWith(1);
    const otherCounty = await makeCounty(ctx.db);
    const otherReviewer = await signedInUser(ctx, { roles: ['county_staff'], org: otherCounty.county });
    const id = (
      await create(branch.id, { type: 'themed_day', heldOn: '2025-07-01', presentCount: 1 }, secretary.client)
    ).json().id;
    const todo = async (client: Client) => {
      const page = (await api('GET', '/api/todos?workflow=meeting&pageSize=200', undefined, client)).json();
      return page.items.find((i: { recordId: number }) => i.recordId === id);
    };
    expect(await todo(secretary.client)).toMatchObject({ state: 'draft', actions: [{ action: 'submit' }] });
    await step(id, 'submit', undefined, secretary.client);
    expect(await todo(secretary.client)).toBeUndefined();
    expect(await todo(countyStaff.client)).toMatchObject({
      workflow: 'meeting',
      workflowTitle: { zh: '组织生活审核', en: 'Meeting review' },
      title: `${k.unit.name}${branch.name} · 2025-07 主题党日`,
      state: 'submitted',
      orgId: k.unit.id,
      actions: [{ action: 'approve' }, { action: 'return', commentRequired: true }],
    });
    expect(await todo(otherReviewer.client)).toBeUndefined();
    expect(await todo(leader.client)).toBeUndefined();

    await step(id, 'return', '照片不清晰', countyStaff.client);
    // The branch's own people have it back to submit; the county, which may also keep meetings, does
    // not find it among the things waiting for it.
    for (const client of [secretary.client, unitStaff.client]) {
      expect(await todo(client)).toMatchObject({
        state: 'returned',
        stateLabel: { zh: '已退回', en: 'Returned' },
        actions: [{ action: 'submit' }],
      });
    }
    expect(await todo(countyStaff.client)).toBeUndefined();
    const counts = (await api('GET', '/api/todos/counts', undefined, secretary.client)).json();
    expect(counts.workflows).toContainEqual(expect.objectContaining({ workflow: 'meeting' }));
  });

  it('deletes a draft with its review, and keeps a branch that has met from being deleted', async () => {
    const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id });
    const id = (
      await create(branch.id, { type: 'lesson', heldOn: '2025-01-05', expectedCount: 0, presentCount: 0 })
    ).json().id;
    expect((await api('DELETE', `/api/branches/${branch.id}`)).json().error.code).toBe('branch.has_meetings');
    expect(
      (await api('DELETE', `/api/branches/meetings/${id}`, undefined, secretary.client)).statusCode,
    ).toBe(204);
    expect((await api('GET', `/api/branches/meetings/${id}`)).json().error.code).toBe('meeting.not_found');
    expect(
      await ctx.db
        .selectFrom('workflow_items')
        .select('id')
        .where('workflow', '=', 'meeting')
        .where('record_id', '=', id)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await api('DELETE', `/api/branches/${branch.id}`)).statusCode).toBe(204);
  });

  it('moves a branch’s meetings, and their place in the to-do lists, with the branch', async () => {
    const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id, name: '迁移支部' });
    const id = (
      await create(branch.id, { type: 'committee', heldOn: '2025-02-02', expectedCount: 0, presentCount: 0 })
    ).json().id;
    await step(id, 'submit');
    const elsewhere = await makeOrg(ctx.db, { parent: k.town, kind: 'unit', name: '新单位' });
    expect(
      (await api('PATCH', `/api/branches/${branch.id}`, { orgId: elsewhere.id, name: '新支部' })).statusCode,
    ).toBe(200);
    expect((await api('GET', `/api/branches/meetings/${id}`)).json()).toMatchObject({
      orgId: elsewhere.id,
      orgName: '新单位',
    });
    const item = await ctx.db
      .selectFrom('workflow_items')
      .select(['org_id', 'title'])
      .where('workflow', '=', 'meeting')
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ org_id: elsewhere.id, title: '新单位新支部 · 2025-02 支委会' });
    // The secretary of the old unit no longer sees it.
    expect((await api('GET', `/api/branches/meetings/${id}`, undefined, secretary.client)).statusCode).toBe(
      404,
    );
  });
});

// ---- photos and attachments ----

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The first entry of a Word document: enough for the content check, which reads the zip's first header. */
function docx() {
  const name = Buffer.from('word/document.xml');
  const data = Buffer.from('<w:document/>');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

function multipart(name: string, bytes: Buffer) {
  const boundary = '----xinyaomeeting';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (id: number, name: string, bytes: Buffer, query = '', client: Client = secretary.client) => {
  const { body, contentType } = multipart(name, bytes);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/branches/meetings/${id}/files${query}`,
    headers: { ...client.headers, 'content-type': contentType },
    payload: body,
  });
};

describe('photos and attachments', () => {
  it('keeps photos, PDF and Word attachments checked by content, while the meeting may change', async () => {
    const branch = await branchWith(1);
    const id = (
      await create(branch.id, { type: 'themed_day', heldOn: '2025-06-01', presentCount: 1 }, secretary.client)
    ).json().id;
    const photo = await upload(id, '合影.png', PNG, `?caption=${encodeURIComponent('会场合影')}`);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: 'photo',
      caption: '会场合影',
      name: '合影.png',
      mime: 'image/png',
      size: PNG.length,
    });
    const minutes = await upload(id, '会议记录.pdf', PDF);
    expect(minutes.json()).toMatchObject({ kind: 'attachment', mime: 'application/pdf' });
    const word = await upload(id, '签到表.docx', docx());
    expect(word.statusCode, word.body).toBe(201);
    expect(word.json()).toMatchObject({
      kind: 'attachment',
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });

    const refused = async (
      res: Promise<{ statusCode: number; json(): { error: { code: string } } }>,
      status: number,
      code: string,
    ) => {
      const r = await res;
      expect(r.statusCode).toBe(status);
      expect(r.json().error.code).toBe(code);
    };
    await refused(upload(id, 'x.png', Buffer.from('not really a picture')), 415, 'file.type_not_allowed');
    await refused(
      upload(id, 'script.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')),
      415,
      'file.type_not_allowed',
    );
    await refused(upload(id, '记录.pdf', PDF, '?kind=photo'), 415, 'file.type_not_allowed');
    await refused(upload(id, 'empty.png', Buffer.alloc(0)), 400, 'file.empty');
    await refused(upload(id, 'x.png', PNG, '?kind=video'), 400, 'validation');

    const detail = (await api('GET', `/api/branches/meetings/${id}`)).json();
    expect(detail.files.map((f: { kind: string; name: string }) => [f.kind, f.name])).toEqual([
      ['photo', '合影.png'],
      ['attachment', '会议记录.pdf'],
      ['attachment', '签到表.docx'],
    ]);
    const list = (await api('GET', `/api/branches/${branch.id}/meetings`)).json();
    expect(list.items[0]).toMatchObject({ photoCount: 1, attachmentCount: 2 });

    const download = await api(
      'GET',
      `/api/branches/meetings/${id}/files/${photo.json().fileId}`,
      undefined,
      leader.client,
    );
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('inline');
    expect(download.rawPayload.equals(PNG)).toBe(true);
    const wordDownload = await api('GET', `/api/branches/meetings/${id}/files/${word.json().fileId}`);
    expect(wordDownload.headers['content-disposition']).toContain('attachment');
    // A file of another meeting is not reachable through this one.
    const other = (
      await create(branch.id, { type: 'themed_day', heldOn: '2025-07-01', presentCount: 1 })
    ).json().id;
    expect(
      (await api('GET', `/api/branches/meetings/${other}/files/${photo.json().fileId}`)).json().error.code,
    ).toBe('file.not_found');

    expect(
      (
        await api(
          'DELETE',
          `/api/branches/meetings/${id}/files/${minutes.json().fileId}`,
          undefined,
          secretary.client,
        )
      ).statusCode,
    ).toBe(204);
    expect((await api('GET', `/api/branches/meetings/${id}`)).json().files).toHaveLength(2);

    await step(id, 'submit', undefined, secretary.client);
    await refused(upload(id, '补充.png', PNG), 409, 'meeting.not_editable');
    await refused(
      api('DELETE', `/api/branches/meetings/${id}/files/${photo.json().fileId}`, undefined, secretary.client),
      409,
      'meeting.not_editable',
    );
    expect((await api('GET', `/api/branches/meetings/${id}`)).json().files).toHaveLength(2);
  });
});

// ---- lists and export ----

async function readXlsx(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as never);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { name: sheet.name, header: rows[0] as string[], rows: rows.slice(1) };
}

describe('lists', () => {
  it('filters by branch, org, type, state and months, sorts, pages and exports', async () => {
    const town = await makeOrg(ctx.db, { parent: k.county, kind: 'town' });
    const branch = await makeBranch(ctx, city.client, { orgId: town.id, name: '列表支部' });
    const a = await meetingOf(branch.id, 'committee', '2024-01-15', []);
    const b = await meetingOf(branch.id, 'committee', '2024-02-15', ['submit']);
    const c = await meetingOf(branch.id, 'assembly', '2024-03-15');
    const d = await meetingOf(branch.id, 'lesson', '2024-11-30');
    const ids = async (query: string) => {
      const res = await api('GET', `/api/branches/meetings?orgId=${town.id}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((m: { id: number }) => m.id);
    };
    expect(await ids('')).toEqual([d, c, b, a]);
    expect(await ids('sort=heldOn')).toEqual([a, b, c, d]);
    expect(await ids('type=committee')).toEqual([b, a]);
    expect(await ids('state=approved')).toEqual([d, c]);
    expect(await ids('state=draft')).toEqual([a]);
    expect(await ids('fromMonth=2024-02&toMonth=2024-03')).toEqual([c, b]);
    expect(await ids('year=2024&toMonth=2024-01')).toEqual([a]);
    expect(await ids('year=2023')).toEqual([]);
    expect(await ids(`branchId=${branch.id}&pageSize=2&page=2`)).toEqual([b, a]);
    const page = (await api('GET', `/api/branches/meetings?orgId=${town.id}&pageSize=1`)).json();
    expect(page.total).toBe(4);
    expect(page.items[0]).toMatchObject({ id: d, state: 'approved', period: '2024', branchName: '列表支部' });
    expect((await api('GET', '/api/branches/meetings?sort=secret')).statusCode).toBe(400);
    expect((await api('GET', '/api/branches/meetings?fromMonth=2024-13')).statusCode).toBe(400);
    const own = (await api('GET', `/api/branches/${branch.id}/meetings?state=submitted`)).json();
    expect(own.items.map((m: { id: number }) => m.id)).toEqual([b]);

    const res = await api('GET', `/api/branches/meetings/export?orgId=${town.id}&sort=heldOn`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readXlsx(res.rawPayload);
    expect(sheet.name).toBe('组织生活台账');
    expect(sheet.header.slice(0, 5)).toEqual(['支部名称', '所在组织', '会议类型', '所属期间', '召开日期']);
    expect(sheet.rows.map((r) => [r[2], r[3], r.at(-1)])).toEqual([
      ['支委会', '2024-01', '草稿'],
      ['支委会', '2024-02', '待审核'],
      ['党员大会', '2024-Q1', '已通过'],
      ['党课', '2024', '已通过'],
    ]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'meeting.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

// ---- the completion matrix ----

describe('completion matrix', () => {
  /**
   * A county of known branches in 2025 (every period over): A done on committee, assembly and lessons;
   * B short by December's committee (only submitted), three assemblies and a lesson; C nothing; G
   * dissolved at the end of June; D held at the county itself with January's committee; F functional
   * (not bound) with approved meetings that do not count.
   */
  it('counts approved meetings against the frequencies, branch by branch and per child org', async () => {
    const county = await makeCounty(ctx.db);
    const town2 = await makeOrg(ctx.db, { parent: county.county, kind: 'town' });
    const bA = await makeBranch(ctx, city.client, { orgId: county.unit.id, name: 'A支部' });
    const bB = await makeBranch(ctx, city.client, { orgId: county.town.id, name: 'B支部' });
    const bC = await makeBranch(ctx, city.client, { orgId: town2.id, name: 'C支部' });
    const bD = await makeBranch(ctx, city.client, { orgId: county.county.id, name: 'D支部' });
    const bG = await makeBranch(ctx, city.client, { orgId: county.unit.id, name: 'G支部' });
    const bF = await makeBranch(ctx, city.client, {
      orgId: county.unit.id,
      name: 'F合唱支部',
      kind: 'functional',
    });
    await api('PATCH', `/api/branches/${bG.id}`, { dissolvedOn: '2025-06-30' });
    const month = (m: number) => `2025-${String(m).padStart(2, '0')}-10`;
    for (let m = 1; m <= 12; m++) await meetingOf(bA.id, 'committee', month(m));
    for (const m of [2, 5, 8, 11]) await meetingOf(bA.id, 'assembly', month(m));
    await meetingOf(bA.id, 'lesson', month(3));
    await meetingOf(bA.id, 'lesson', month(9));
    for (let m = 1; m <= 11; m++) await meetingOf(bB.id, 'committee', month(m));
    await meetingOf(bB.id, 'committee', month(12), ['submit']);
    await meetingOf(bB.id, 'assembly', month(1));
    await meetingOf(bB.id, 'assembly', month(4), []);
    await meetingOf(bB.id, 'lesson', month(6));
    await meetingOf(bD.id, 'committee', month(1));
    await meetingOf(bF.id, 'committee', month(1));
    await meetingOf(bF.id, 'org_life', month(1));
    // Another year's meetings do not count in 2025.
    await meetingOf(bC.id, 'committee', '2024-12-31');

    const grid = (await api('GET', `/api/branches/${bB.id}/meetings/matrix?year=2025`)).json();
    expect(grid).toMatchObject({
      year: 2025,
      bound: true,
      branch: { id: bB.id, name: 'B支部', kind: 'standing' },
    });
    expect(grid.types).toContainEqual({
      type: 'lesson',
      label: { zh: '党课', en: 'Party lesson' },
      unit: 'year',
      required: 2,
    });
    expect(grid.periods.map((p: { key: string }) => p.key)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2025',
    ]);
    expect(grid.periods[13]).toEqual({
      key: '2025-Q2',
      unit: 'quarter',
      label: { zh: '第二季度', en: 'Q2' },
      startsOn: '2025-04-01',
      endsOn: '2025-06-30',
      months: [4, 5, 6],
    });
    const statuses = (type: string) => grid.cells[type].map((c: { status: string }) => c.status);
    expect(statuses('committee')).toEqual([...Array(11).fill('done'), 'behind']);
    expect(grid.cells.committee[11]).toEqual({ period: '2025-12', required: 1, held: 0, status: 'behind' });
    expect(grid.cells.assembly).toEqual([
      { period: '2025-Q1', required: 1, held: 1, status: 'done' },
      { period: '2025-Q2', required: 1, held: 0, status: 'behind' },
      { period: '2025-Q3', required: 1, held: 0, status: 'behind' },
      { period: '2025-Q4', required: 1, held: 0, status: 'behind' },
    ]);
    expect(grid.cells.lesson).toEqual([{ period: '2025', required: 2, held: 1, status: 'behind' }]);
    expect(grid.cells.group).toHaveLength(12);
    expect(grid.status).toEqual({
      assembly: 'behind',
      committee: 'behind',
      group: 'behind',
      lesson: 'behind',
      themed_day: 'behind',
      org_life: 'behind',
      appraisal: 'behind',
    });
    expect(grid).toMatchObject({ done: 12, due: 43, rate: 27.9 });

    const dissolved = (await api('GET', `/api/branches/${bG.id}/meetings/matrix?year=2025`)).json();
    expect(dissolved.cells.committee.map((c: { status: string }) => c.status)).toEqual([
      ...Array(6).fill('behind'),
      ...Array(6).fill('not_due'),
    ]);
    expect(dissolved.cells.org_life[0].status).toBe('not_due');
    expect(dissolved).toMatchObject({ done: 0, due: 20 });

    const functional = (await api('GET', `/api/branches/${bF.id}/meetings/matrix?year=2025`)).json();
    expect(functional).toMatchObject({ bound: false, done: 0, due: 0, rate: null });
    expect(functional.cells.committee[0]).toEqual({
      period: '2025-01',
      required: 1,
      held: 1,
      status: 'not_due',
    });
    expect(functional.status.committee).toBe('not_due');

    // A town with no branch has nothing to show in the drill-down.
    const empty = await makeOrg(ctx.db, { parent: county.county, kind: 'town', name: '无支部镇' });
    const res = await api('GET', `/api/branches/meetings/matrix?year=2025&orgId=${county.county.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.children.map((c: { orgId: number }) => c.orgId)).not.toContain(empty.id);
    expect(m.org).toEqual({ id: county.county.id, name: county.county.name, kind: 'county' });
    expect(m.children).toEqual([
      {
        orgId: county.town.id,
        orgName: county.town.name,
        orgKind: 'town',
        branches: 3,
        behindBranches: 3,
        types: {
          assembly: { onTrack: 1, behind: 2 },
          committee: { onTrack: 1, behind: 2 },
          group: { onTrack: 0, behind: 3 },
          lesson: { onTrack: 1, behind: 1 },
          themed_day: { onTrack: 0, behind: 3 },
          org_life: { onTrack: 0, behind: 2 },
          appraisal: { onTrack: 0, behind: 2 },
        },
        done: 29,
        due: 106,
        rate: 27.4,
      },
      {
        orgId: town2.id,
        orgName: town2.name,
        orgKind: 'town',
        branches: 1,
        behindBranches: 1,
        types: {
          assembly: { onTrack: 0, behind: 1 },
          committee: { onTrack: 0, behind: 1 },
          group: { onTrack: 0, behind: 1 },
          lesson: { onTrack: 0, behind: 1 },
          themed_day: { onTrack: 0, behind: 1 },
          org_life: { onTrack: 0, behind: 1 },
          appraisal: { onTrack: 0, behind: 1 },
        },
        done: 0,
        due: 43,
        rate: 0,
      },
    ]);
    expect(m.total).toMatchObject({
      orgId: county.county.id,
      branches: 5,
      behindBranches: 5,
      done: 30,
      due: 192,
      rate: 15.6,
    });
    expect(m.total.types.committee).toEqual({ onTrack: 1, behind: 4 });
    expect(m.branches).toEqual([
      {
        branchId: bD.id,
        branchName: 'D支部',
        orgId: county.county.id,
        orgName: county.county.name,
        behind: true,
        types: expect.objectContaining({
          committee: { held: 1, done: 1, behind: 11, status: 'behind' },
          assembly: { held: 0, done: 0, behind: 4, status: 'behind' },
        }),
        done: 1,
        due: 43,
        rate: 2.3,
      },
    ]);

    // One level down: the town holds B directly and A and G through its unit.
    const town = (await api('GET', `/api/branches/meetings/matrix?year=2025&orgId=${county.town.id}`)).json();
    expect(town.branches.map((b: { branchName: string }) => b.branchName)).toEqual(['B支部']);
    expect(town.children).toEqual([
      expect.objectContaining({ orgId: county.unit.id, branches: 2, done: 17, due: 63 }),
    ]);
    const unitRows = (
      await api('GET', `/api/branches/meetings/matrix?year=2025&orgId=${county.unit.id}`)
    ).json();
    expect(
      unitRows.branches.map((b: { branchName: string; rate: number }) => [b.branchName, b.rate]),
    ).toEqual([
      ['A支部', 39.5],
      ['G支部', 0],
    ]);
    expect(unitRows.branches[0].types.committee).toEqual({
      held: 12,
      done: 12,
      behind: 0,
      status: 'on_track',
    });

    // The city sees the county as one row, the same as the county's own total.
    const cityView = (await api('GET', '/api/branches/meetings/matrix?year=2025')).json();
    const row = cityView.children.find((c: { orgId: number }) => c.orgId === county.county.id);
    expect(row).toEqual({ ...m.total, orgKind: 'county' });
    // The county's staff see their own node by default.
    const own = await signedInUser(ctx, { roles: ['county_staff'], org: county.county });
    expect(
      (await api('GET', '/api/branches/meetings/matrix?year=2025', undefined, own.client)).json().total,
    ).toEqual(m.total);

    const exported = await api(
      'GET',
      `/api/branches/meetings/matrix/export?year=2025&orgId=${county.county.id}`,
    );
    expect(exported.statusCode).toBe(200);
    const sheet = await readXlsx(exported.rawPayload);
    expect(sheet.header.slice(0, 6)).toEqual([
      '名称',
      '层级',
      '应开展支部数',
      '滞后支部数',
      '党员大会·完成',
      '党员大会·滞后',
    ]);
    expect(sheet.rows.map((r) => [r[0], r[1], r[2], r[3], r.at(-1)])).toEqual([
      [county.county.name, '合计', 5, 5, '15.6%'],
      [county.town.name, '乡镇（街道）', 3, 3, '27.4%'],
      [town2.name, '乡镇（街道）', 1, 1, '0%'],
      ['D支部', '支部', 1, 1, '2.3%'],
    ]);
  });

  it('holds the current period in progress, not behind, and leaves later ones not due', async () => {
    const on = today();
    const year = Number(on.slice(0, 4));
    const month = Number(on.slice(5, 7));
    const branch = await makeBranch(ctx, city.client, { orgId: k.unit.id, name: '本年支部' });
    await meetingOf(branch.id, 'committee', on);
    await meetingOf(branch.id, 'lesson', on);
    await meetingOf(branch.id, 'themed_day', on, ['submit']);
    const grid = (await api('GET', `/api/branches/${branch.id}/meetings/matrix`)).json();
    expect(grid).toMatchObject({ year, asOf: on });
    const cell = (type: string, i: number) => grid.cells[type][i]?.status;
    const now = month - 1;
    expect(cell('committee', now)).toBe('done');
    expect(cell('group', now)).toBe('in_progress');
    expect(cell('themed_day', now)).toBe('in_progress');
    expect(grid.cells.lesson[0]).toMatchObject({ held: 1, status: 'in_progress' });
    expect(cell('assembly', Math.ceil(month / 3) - 1)).toBe('in_progress');
    if (month > 1) expect(cell('group', now - 1)).toBe('behind');
    if (month < 12) expect(cell('group', now + 1)).toBe('not_due');
    // In progress counts neither as done nor as due; done counts as soon as it is done.
    const behindSoFar = 3 * (month - 1) + (Math.ceil(month / 3) - 1);
    expect(grid).toMatchObject({ done: 1, due: 1 + behindSoFar });
    expect(grid.status.group).toBe(month > 1 ? 'behind' : 'on_track');
    expect(grid.status.lesson).toBe('on_track');
  });
});

describe('the rules as pure functions', () => {
  it('judges a period on a day', () => {
    const march = { startsOn: '2025-03-01', endsOn: '2025-03-31' };
    expect(cellStatus(march, 1, 0, true, '2025-02-28')).toBe('not_due');
    expect(cellStatus(march, 1, 0, true, '2025-03-31')).toBe('in_progress');
    expect(cellStatus(march, 1, 0, true, '2025-04-01')).toBe('behind');
    expect(cellStatus(march, 1, 2, true, '2025-03-05')).toBe('done');
    expect(cellStatus(march, 1, 2, false, '2025-04-01')).toBe('not_due');
    const life = { bound: true, foundedOn: '2025-03-15', dissolvedOn: null };
    expect(owes(life, { endsOn: '2025-02-28' })).toBe(false);
    expect(owes(life, { endsOn: '2025-03-31' })).toBe(true);
    expect(owes({ ...life, dissolvedOn: '2025-03-30' }, { endsOn: '2025-03-31' })).toBe(false);
    expect(owes({ ...life, bound: false }, { endsOn: '2025-03-31' })).toBe(false);
    expect([
      periodOf('assembly', '2025-12-31'),
      periodOf('assembly', '2025-04-01'),
      periodOf('group', '2025-09-30'),
    ]).toEqual(['2025-Q4', '2025-Q2', '2025-09']);
  });
});
