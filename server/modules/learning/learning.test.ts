import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCadre, makeOrg, signedInUser, uploadFile } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const county = await makeOrg(ctx.db, { kind: 'county' });
const staff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
const leader = await signedInUser(ctx, { roles: ['leader'], org: county });
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, payload?: object, client = staff.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });
const L = '/api/learning';

async function lesson(body: Record<string, unknown> = {}) {
  const res = await api('POST', `${L}/lessons`, {
    orgId: county.id,
    title: '党课',
    kind: 'video',
    url: 'https://example.org/v.mp4',
    publishedOn: '2026-03-01',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; views: number; learners: number; title: string }>();
}

describe('cloud party lessons', () => {
  it('takes only web links (http or https) as a lesson link', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://x/y',
    ]) {
      const res = await api('POST', `${L}/lessons`, {
        orgId: county.id,
        title: '党课',
        kind: 'video',
        url,
        publishedOn: '2026-03-01',
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.url');
    }
    const made = await lesson({ url: 'http://example.org/v.mp4' });
    const changed = await api('PATCH', `${L}/lessons/${made.id}`, { url: 'javascript:alert(1)' });
    expect(changed.statusCode).toBe(400);
  });

  it('creates, changes, lists with filters and deletes lessons, auditing each write', async () => {
    const unit = await makeOrg(ctx.db, { parent: county });
    const a = await lesson({ orgId: unit.id, title: '学习二十大精神', publishedOn: '2025-06-01' });
    const b = await lesson({ orgId: unit.id, title: '党史故事', kind: 'text', url: null, body: '正文' });
    expect(
      (
        await api('POST', `${L}/lessons`, {
          orgId: unit.id,
          title: 'x',
          kind: 'text',
          publishedOn: '2026-01-01',
        })
      ).json().error.code,
    ).toBe('learning.lesson_content');

    const changed = await api('PATCH', `${L}/lessons/${a.id}`, { title: '学习二十大精神（修订）' });
    expect(changed.json().title).toBe('学习二十大精神（修订）');

    const list = (q: string) => api('GET', `${L}/lessons?${q}`).then((r) => r.json());
    expect((await list('keyword=二十大')).items.map((l: { id: number }) => l.id)).toEqual([a.id]);
    expect((await list('kind=text')).items.map((l: { id: number }) => l.id)).toContain(b.id);
    expect((await list('kind=text')).items.every((l: { kind: string }) => l.kind === 'text')).toBe(true);
    expect((await list('year=2025')).items.map((l: { id: number }) => l.id)).toEqual([a.id]);
    const sorted = await list('sort=publishedOn&pageSize=1');
    expect(sorted.items).toHaveLength(1);
    expect(sorted.items[0].publishedOn <= '2025-06-01').toBe(true);
    expect(sorted.total).toBeGreaterThanOrEqual(2);

    expect((await api('DELETE', `${L}/lessons/${b.id}`)).statusCode).toBe(204);
    expect((await api('GET', `${L}/lessons/${b.id}`)).json().error.code).toBe('learning.lesson_not_found');
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'learning_lesson')
      .where('entity_id', 'in', [String(a.id), String(b.id)])
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual(
      [
        'learning_lesson.create',
        'learning_lesson.create',
        'learning_lesson.delete',
        'learning_lesson.update',
      ].sort(),
    );
  });

  it('counts views by any reader, and records and totals learning per lesson and per year', async () => {
    const year = 2031;
    const one = await lesson({ publishedOn: `${year}-02-01` });
    const two = await lesson({ publishedOn: `${year}-05-01` });
    await lesson({ publishedOn: `${year + 1}-01-01` });
    for (const client of [staff.client, leader.client, leader.client]) {
      expect((await api('POST', `${L}/lessons/${one.id}/views`, undefined, client)).statusCode).toBe(200);
    }
    expect((await api('POST', `${L}/lessons/${two.id}/views`)).json()).toEqual({ id: two.id, views: 1 });

    const p = await makeCadre(ctx, staff.client, { orgId: county.id });
    const q = await makeCadre(ctx, staff.client, { orgId: county.id });
    const rec = (lessonId: number, cadreId: number, learnedOn: string) =>
      api('POST', `${L}/lessons/${lessonId}/records`, { cadreId, learnedOn, minutes: 30 });
    const first = await rec(one.id, p.id, `${year}-02-02`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ lessonId: one.id, cadreId: p.id, cadreName: p.name, minutes: 30 });
    await rec(one.id, p.id, `${year}-02-03`);
    await rec(one.id, q.id, `${year}-02-03`);
    await rec(two.id, q.id, `${year + 1}-01-05`);

    const got = (await api('GET', `${L}/lessons/${one.id}`)).json();
    expect(got).toMatchObject({ views: 3, learners: 2 });
    expect((await api('GET', `${L}/lessons/${one.id}/records`)).json()).toHaveLength(3);
    const mine = (await api('GET', `${L}/cadres/${q.id}/records`)).json();
    expect(mine.map((r: { lessonId: number }) => r.lessonId).sort()).toEqual([one.id, two.id].sort());

    expect((await api('GET', `${L}/lessons/stats?year=${year}`)).json()).toEqual({
      year,
      lessons: 2,
      views: 4,
      records: 3,
      learners: 2,
    });
    expect((await api('GET', `${L}/lessons/stats?year=${year + 1}`)).json()).toEqual({
      year: year + 1,
      lessons: 1,
      views: 0,
      records: 1,
      learners: 1,
    });
  });
});

describe('lessons given as an uploaded file', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );

  it('keeps an uploaded PDF as the lesson, serves it to readers, and refuses other files', async () => {
    const uploaded = await uploadFile(ctx, staff.client, `${L}/lesson-files`, {
      name: '党章学习.pdf',
      bytes: PDF,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const file = uploaded.json<{ id: number; mime: string }>();
    expect(file).toMatchObject({ name: '党章学习.pdf', mime: 'application/pdf', size: PDF.length });

    // A picture is not a lesson file; a file lesson needs a link or a file.
    const png = await uploadFile(ctx, staff.client, `${L}/lesson-files`, { name: 'a.png', bytes: PNG });
    expect([png.statusCode, png.json().error.code]).toEqual([415, 'file.type_not_allowed']);
    const empty = await api('POST', `${L}/lessons`, {
      orgId: county.id,
      title: '空',
      kind: 'file',
      publishedOn: '2026-03-01',
    });
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'learning.lesson_content']);

    const created = await lesson({ kind: 'file', url: null, fileId: file.id, title: '党章学习' });
    expect(created).toMatchObject({ kind: 'file', url: null, file: { id: file.id, name: '党章学习.pdf' } });
    const download = await api('GET', `${L}/lessons/${created.id}/file`, undefined, leader.client);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // Another user's file (uploaded by someone else) cannot be named by id.
    const other = await signedInUser(ctx, { roles: ['county_staff'], org: county });
    const theirs = await uploadFile(ctx, other.client, `${L}/lesson-files`, { name: 'b.pdf', bytes: PDF });
    const borrowed = await api('PATCH', `${L}/lessons/${created.id}`, { fileId: theirs.json().id });
    expect([borrowed.statusCode, borrowed.json().error.code]).toEqual([400, 'learning.lesson_file']);
    // A reader cannot upload.
    const refused = await uploadFile(ctx, leader.client, `${L}/lesson-files`, { name: 'c.pdf', bytes: PDF });
    expect(refused.statusCode).toBe(403);
    // Turned into a text lesson, it keeps no file.
    const text = await api('PATCH', `${L}/lessons/${created.id}`, { kind: 'text', body: '正文' });
    expect(text.json()).toMatchObject({ kind: 'text', file: null });
    expect((await api('GET', `${L}/lessons/${created.id}/file`)).json().error.code).toBe(
      'learning.lesson_no_file',
    );
  });
});

describe('training programmes', () => {
  it('counts sessions, person-times (人次) and distinct people exactly, and refuses a second attendance', async () => {
    const year = 2032;
    const created = await api('POST', `${L}/programmes`, {
      orgId: county.id,
      name: '头雁工程',
      code: 'touyan',
      year,
    });
    expect(created.statusCode, created.body).toBe(201);
    const prog = created.json();
    const other = (
      await api('POST', `${L}/programmes`, { orgId: county.id, name: '其他培训', code: 'other', year })
    ).json();
    const session = async (programmeId: number, heldOn: string) => {
      const res = await api('POST', `${L}/programmes/${programmeId}/sessions`, {
        heldOn,
        title: `第${heldOn}期`,
        hours: 3.5,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().sessions.at(-1) as { id: number };
    };
    const s1 = await session(prog.id, `${year}-03-01`);
    const s2 = await session(prog.id, `${year}-04-01`);
    const s3 = await session(prog.id, `${year}-05-01`);
    const mk = () => makeCadre(ctx, staff.client, { orgId: county.id });
    const people = [await mk(), await mk(), await mk()] as const;
    const attend = (s: { id: number }, cadreId: number) =>
      api('POST', `${L}/sessions/${s.id}/attendance`, { cadreId });
    for (const p of people) expect((await attend(s1, p.id)).statusCode).toBe(201);
    await attend(s2, people[0].id);
    await attend(s2, people[1].id);
    await attend(s3, people[0].id);

    const again = await attend(s1, people[0].id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('learning.already_attended');

    const removed = await api('DELETE', `${L}/sessions/${s3.id}/attendance/${people[0].id}`);
    expect(removed.json()).toEqual([]);
    expect((await api('DELETE', `${L}/sessions/${s3.id}/attendance/${people[0].id}`)).json().error.code).toBe(
      'learning.attendance_not_found',
    );
    await attend(s3, people[2].id);

    const detail = (await api('GET', `${L}/programmes/${prog.id}`)).json();
    expect(
      detail.sessions.map((s: { attendance: number; hours: number }) => [s.attendance, s.hours]),
    ).toEqual([
      [3, 3.5],
      [2, 3.5],
      [1, 3.5],
    ]);
    expect(
      (await api('GET', `${L}/sessions/${s2.id}/attendance`))
        .json()
        .map((a: { cadreId: number }) => a.cadreId),
    ).toEqual([people[0].id, people[1].id]);

    const stats = (await api('GET', `${L}/programmes/stats?year=${year}`)).json();
    expect(stats).toEqual([
      {
        programmeId: prog.id,
        name: '头雁工程',
        code: 'touyan',
        year,
        sessions: 3,
        personTimes: 6,
        people: 3,
      },
      {
        programmeId: other.id,
        name: '其他培训',
        code: 'other',
        year,
        sessions: 0,
        personTimes: 0,
        people: 0,
      },
    ]);

    expect((await api('PATCH', `${L}/sessions/${s3.id}`, { place: '党校' })).json().sessions[2].place).toBe(
      '党校',
    );
    expect((await api('DELETE', `${L}/sessions/${s3.id}`)).json().sessions).toHaveLength(2);
    expect(
      (await api('PATCH', `${L}/programmes/${prog.id}`, { name: '头雁工程（第一期）' })).json().name,
    ).toBe('头雁工程（第一期）');
    expect(
      (await api('GET', `${L}/programmes?year=${year}&code=touyan`)).json().map((p: { id: number }) => p.id),
    ).toEqual([prog.id]);
    expect((await api('DELETE', `${L}/programmes/${prog.id}`)).statusCode).toBe(204);
    expect((await api('GET', `${L}/programmes/stats?year=${year}`)).json()).toHaveLength(1);
  });
});

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

describe('the learning lists and their exports', () => {
  it('pages and filters the learning records, and exports lessons, records, programmes and attendance', async () => {
    const unit = await makeOrg(ctx.db, { parent: county });
    const a = await lesson({ orgId: unit.id, title: '导出：党章学习', publishedOn: '2024-05-01' });
    const b = await lesson({
      orgId: unit.id,
      title: '导出：党史',
      kind: 'text',
      url: null,
      body: '正文',
      publishedOn: '2024-06-01',
    });
    const p = await makeCadre(ctx, staff.client, { orgId: unit.id, name: '张学习' });
    const q = await makeCadre(ctx, staff.client, { orgId: unit.id, name: '李学习' });
    for (const [lessonId, cadreId, learnedOn] of [
      [a.id, p.id, '2024-05-02'],
      [a.id, q.id, '2024-05-03'],
      [b.id, p.id, '2025-01-02'],
    ] as const) {
      expect(
        (await api('POST', `${L}/lessons/${lessonId}/records`, { cadreId, learnedOn, minutes: 45 }))
          .statusCode,
      ).toBe(201);
    }
    const names = (res: { json: () => { items: { cadreName: string; learnedOn: string }[] } }) =>
      res.json().items.map((r) => `${r.cadreName} ${r.learnedOn}`);
    expect(names(await api('GET', `${L}/records?lessonId=${a.id}`, undefined, leader.client))).toEqual([
      '李学习 2024-05-03',
      '张学习 2024-05-02',
    ]);
    expect(names(await api('GET', `${L}/records?cadreId=${p.id}&year=2025`))).toEqual(['张学习 2025-01-02']);
    expect(names(await api('GET', `${L}/records?keyword=${encodeURIComponent('导出：党史')}`))).toEqual([
      '张学习 2025-01-02',
    ]);
    const page = (
      await api('GET', `${L}/records?keyword=${encodeURIComponent('导出')}&pageSize=2&page=2`)
    ).json();
    expect(page).toMatchObject({ total: 3 });
    expect(page.items).toHaveLength(1);

    const lessons = await readXlsx(
      (
        await api(
          'GET',
          `${L}/lessons/export?year=2024&keyword=${encodeURIComponent('导出')}&sort=publishedOn`,
        )
      ).rawPayload,
    );
    expect(lessons.name).toBe('云端党课');
    expect(lessons.header.slice(0, 5)).toEqual(['党课名称', '形式', '发布日期', '浏览次数', '学习人数']);
    expect(lessons.rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['导出：党章学习', '视频', 2],
      ['导出：党史', '图文', 1],
    ]);
    const records = await readXlsx((await api('GET', `${L}/records/export?cadreId=${p.id}`)).rawPayload);
    expect(records.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['张学习', '导出：党史', '2025-01-02', 45],
      ['张学习', '导出：党章学习', '2024-05-02', 45],
    ]);

    const prog = (
      await api('POST', `${L}/programmes`, { orgId: unit.id, name: '导出头雁', code: 'touyan', year: 2023 })
    ).json();
    const sessionId = (
      await api('POST', `${L}/programmes/${prog.id}/sessions`, {
        heldOn: '2023-04-01',
        title: '第一期',
        hours: 3,
      })
    ).json().sessions[0].id;
    for (const cadreId of [p.id, q.id])
      await api('POST', `${L}/sessions/${sessionId}/attendance`, { cadreId });
    const programmes = await readXlsx((await api('GET', `${L}/programmes/export?year=2023`)).rawPayload);
    expect(programmes.rows).toEqual([[2023, '导出头雁', 'touyan', 1, 2, 2]]);
    const attendance = await readXlsx(
      (await api('GET', `${L}/programmes/${prog.id}/attendance/export`)).rawPayload,
    );
    expect(attendance.rows.map((r) => r[3]).sort()).toEqual(['张学习', '李学习'].sort());
    expect(attendance.rows[0]?.slice(0, 3)).toEqual(['2023-04-01', '第一期', '3']);

    const exportsAudited = await ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'learning.export')
      .orderBy('id')
      .execute();
    expect(exportsAudited.map((e) => e.summary).slice(-4)).toEqual([
      'lessons: 2 rows',
      'learning_records: 2 rows',
      'programmes: 1 rows',
      `programme_attendance ${prog.id}: 2 rows`,
    ]);
  });
});
