import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  type Client,
  makeBranch,
  makeCadre,
  makeOrg,
  signedInUser,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const county = await makeOrg(ctx.db, { kind: 'county', name: '如东县' });
const unit = await makeOrg(ctx.db, { parent: county, kind: 'unit', name: '县民政局' });
const staff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: unit });
const leader = await signedInUser(ctx, { roles: ['leader'], org: county });
const branch = await makeBranch(ctx, staff.client, { orgId: unit.id, name: '民政局离退休党支部' });
const other = await makeBranch(ctx, staff.client, { orgId: unit.id, name: '第二党支部' });
const P = '/api/learning/posts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const api = (method: Method, url: string, payload?: object, client: Client = secretary.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });

async function post(body: Record<string, unknown>, client: Client = secretary.client) {
  const res = await api('POST', P, { title: '学习通知', body: '本周五学习。', ...body }, client);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: number; [k: string]: unknown }>();
}

const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((p) => p.title);

async function audits(entityId: number) {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'learning_post')
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('posts of the online party branch', () => {
  it("lets a branch's secretary post to its members, change, pin, withdraw and republish, auditing each", async () => {
    const p = await post({
      branchId: branch.id,
      title: '七一活动安排',
      body: '# 安排\n- 集合',
      format: 'markdown',
    });
    expect(p).toMatchObject({
      branchId: branch.id,
      branchName: '民政局离退休党支部',
      orgId: unit.id,
      format: 'markdown',
      pinned: false,
      state: 'published',
      reads: 0,
      files: [],
      manageable: true,
      withdrawnAt: null,
    });
    const changed = await api('PATCH', `${P}/${p.id}`, { pinned: true, title: '七一活动安排（更新）' });
    expect(changed.json()).toMatchObject({ pinned: true, title: '七一活动安排（更新）' });

    expect((await api('POST', `${P}/${p.id}/withdraw`, {})).statusCode).toBe(400);
    const withdrawn = await api('POST', `${P}/${p.id}/withdraw`, { reason: '时间有变' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', withdrawReason: '时间有变' });
    expect(withdrawn.json().withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await api('POST', `${P}/${p.id}/withdraw`, { reason: '再撤' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('learning.post_withdrawn');
    expect((await api('PATCH', `${P}/${p.id}`, { title: 'x' })).json().error.code).toBe(
      'learning.post_withdrawn',
    );

    const back = await api('POST', `${P}/${p.id}/republish`);
    expect(back.json()).toMatchObject({ state: 'published', withdrawReason: null, withdrawnAt: null });
    expect((await api('POST', `${P}/${p.id}/republish`)).json().error.code).toBe(
      'learning.post_not_withdrawn',
    );
    expect(await audits(p.id)).toEqual([
      'learning_post.create',
      'learning_post.update',
      'learning_post.withdraw',
      'learning_post.republish',
    ]);
  });

  it('refuses a post with no audience or two, and a subtree post from a secretary', async () => {
    const none = await api('POST', P, { title: 'x', body: 'y' });
    expect(none.json().error.code).toBe('learning.post_audience');
    const both = await api('POST', P, { title: 'x', body: 'y', branchId: branch.id, orgId: unit.id });
    expect(both.json().error.code).toBe('learning.post_audience');
    const wide = await api('POST', P, { title: 'x', body: 'y', orgId: unit.id });
    expect(wide.statusCode).toBe(403);
    expect(wide.json().error.code).toBe('learning.post_audience_forbidden');
    const blank = await api('POST', P, { title: '  ', body: 'y', branchId: branch.id });
    expect(blank.statusCode).toBe(400);
    expect(
      (await api('POST', P, { title: 'x', body: 'y', branchId: branch.id }, leader.client)).statusCode,
    ).toBe(403);
  });

  it("reaches every branch of the org a county or the city posts to, in each branch's feed", async () => {
    // Its own county, so the other tests' posts stay out of the lists.
    const county = await makeOrg(ctx.db, { kind: 'county', name: '如皋市' });
    const unit = await makeOrg(ctx.db, { parent: county, kind: 'unit' });
    const staff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
    const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: unit });
    const branch = await makeBranch(ctx, staff.client, { orgId: unit.id });
    const other = await makeBranch(ctx, staff.client, { orgId: unit.id });
    const county2 = await makeOrg(ctx.db, { kind: 'county', name: '海安市' });
    const farBranch = await makeBranch(ctx, city.client, { orgId: county2.id, name: '海安党支部' });
    const cityWide = await post({ orgId: county2.id, title: '全市：学习纲要' }, city.client);
    expect(cityWide).toMatchObject({ branchId: null, branchName: null, orgId: county2.id });
    const countyWide = await post({ orgId: county.id, title: '全县：冬季安全', pinned: true }, staff.client);
    const own = await post({ branchId: branch.id, title: '本支部：缴纳党费' }, secretary.client);
    await post({ branchId: other.id, title: '二支部：读书会' }, secretary.client);

    const feed = await api('GET', `${P}?branchId=${branch.id}`, undefined, secretary.client);
    expect(titles(feed)).toEqual(['全县：冬季安全', '本支部：缴纳党费']);
    expect(feed.json().items[0].manageable).toBe(false);
    expect(titles(await api('GET', `${P}?branchId=${farBranch.id}`, undefined, city.client))).toEqual([
      '全市：学习纲要',
    ]);
    // A secretary reads the county's post but cannot change or withdraw it.
    expect((await api('GET', `${P}/${countyWide.id}`, undefined, secretary.client)).json().title).toBe(
      '全县：冬季安全',
    );
    const refused = await api('POST', `${P}/${countyWide.id}/withdraw`, { reason: 'x' }, secretary.client);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    // Filters: audience, pinned, keyword, state, year; the county sees its own subtree's posts.
    const countyList = (q: string) => api('GET', `${P}?${q}`, undefined, staff.client);
    expect(titles(await countyList('audience=org'))).toEqual(['全县：冬季安全']);
    expect(titles(await countyList('pinned=true'))).toEqual(['全县：冬季安全']);
    expect(titles(await countyList(`keyword=${encodeURIComponent('党费')}`))).toEqual(['本支部：缴纳党费']);
    expect(titles(await countyList('keyword=nothing-like-this'))).toEqual([]);
    expect(titles(await countyList('year=2001'))).toEqual([]);
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    expect(titles(await countyList(`year=${thisYear}&orgId=${unit.id}&sort=title`))).toContain(
      '本支部：缴纳党费',
    );
    expect(titles(await countyList(`orgId=${unit.id}`))).not.toContain('全县：冬季安全');
    expect((await countyList('sort=secret')).statusCode).toBe(400);
    const paged = (await countyList('page=1&pageSize=1')).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(3);
    await api('POST', `${P}/${own.id}/withdraw`, { reason: '重复' }, secretary.client);
    expect(titles(await countyList('state=withdrawn'))).toContain('本支部：缴纳党费');
    expect(titles(await countyList('state=published'))).not.toContain('本支部：缴纳党费');
  });

  it('keeps photos and attachments checked by type and size, downloadable by readers', async () => {
    const p = await post({ branchId: branch.id, title: '活动照片' });
    const PNG = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (name: string, bytes: Buffer, query = '', client: Client = secretary.client) => {
      const boundary = '----xinyaopost';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.app.inject({
        method: 'POST',
        url: `${P}/${p.id}/files${query}`,
        headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const photo = await upload('合影.png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: 'photo',
      name: '合影.png',
      mime: 'image/png',
      size: PNG.length,
    });
    expect((await upload('通知.pdf', PDF)).json()).toMatchObject({
      kind: 'attachment',
      mime: 'application/pdf',
    });
    const fake = await upload('x.png', Buffer.from('not a picture'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('file.type_not_allowed');
    expect((await upload('pdf-as-photo.pdf', PDF, '?kind=photo')).json().error.code).toBe(
      'file.type_not_allowed',
    );
    expect((await upload('empty.png', Buffer.alloc(0))).json().error.code).toBe('file.empty');
    expect((await upload('x.png', PNG, '', leader.client)).statusCode).toBe(403);

    const detail = (await api('GET', `${P}/${p.id}`, undefined, leader.client)).json();
    expect(detail.files.map((f: { kind: string }) => f.kind)).toEqual(['photo', 'attachment']);
    const download = await api('GET', `${P}/${p.id}/files/${photo.json().fileId}`, undefined, leader.client);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.equals(PNG)).toBe(true);

    const removed = await api('DELETE', `${P}/${p.id}/files/${photo.json().fileId}`);
    expect(removed.statusCode).toBe(204);
    expect((await api('DELETE', `${P}/${p.id}/files/${photo.json().fileId}`)).json().error.code).toBe(
      'file.not_found',
    );
    expect((await api('GET', `${P}/${p.id}`)).json().files).toHaveLength(1);
    await api('POST', `${P}/${p.id}/withdraw`, { reason: '撤回' });
    expect((await upload('y.png', PNG)).json().error.code).toBe('learning.post_withdrawn');
    expect(await audits(p.id)).toEqual([
      'learning_post.create',
      'learning_post.file_add',
      'learning_post.file_add',
      'learning_post.file_remove',
      'learning_post.withdraw',
    ]);
  });

  it("records each member's read once, only for members of a branch addressed", async () => {
    const p = await post({ branchId: branch.id, title: '回执测试' });
    const member = await addMember(ctx, staff.client, branch);
    const outsider = await makeCadre(ctx, staff.client, { orgId: unit.id });
    const otherMember = await addMember(ctx, staff.client, other);
    const read = await api('POST', `${P}/${p.id}/reads`, { cadreId: member.cadreId });
    expect(read.statusCode, read.body).toBe(201);
    expect(read.json()).toEqual([expect.objectContaining({ cadreId: member.cadreId })]);
    expect((await api('POST', `${P}/${p.id}/reads`, { cadreId: member.cadreId })).json().error.code).toBe(
      'learning.post_already_read',
    );
    for (const cadreId of [outsider.id, otherMember.cadreId]) {
      const refused = await api('POST', `${P}/${p.id}/reads`, { cadreId });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('learning.post_reader');
    }
    expect((await api('GET', `${P}/${p.id}`)).json().reads).toBe(1);
    expect((await api('GET', `${P}/${p.id}/reads`, undefined, leader.client)).json()).toHaveLength(1);

    // A county-wide post: any current member of a branch below the county may be recorded.
    const wide = await post({ orgId: county.id, title: '全县回执' }, staff.client);
    expect((await api('POST', `${P}/${wide.id}/reads`, { cadreId: otherMember.cadreId })).statusCode).toBe(
      201,
    );
    expect((await api('POST', `${P}/${wide.id}/reads`, { cadreId: outsider.id })).json().error.code).toBe(
      'learning.post_reader',
    );
  });

  it('exports the filtered posts as .xlsx, audited', async () => {
    await post({ branchId: other.id, title: '导出专用帖子' });
    const res = await api(
      'GET',
      `${P}/export?keyword=${encodeURIComponent('导出专用')}`,
      undefined,
      staff.client,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(sheet?.name).toBe('网上党支部帖子');
    expect(rows[0]?.slice(0, 3)).toEqual(['标题', '发送对象', '发布人']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([['导出专用帖子', '第二党支部', '已发布']]);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'learning.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('posts: 1 rows');
  });
});
