import { createHash } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.ts';
import {
  addMember,
  type Client,
  makeBranch,
  makeOrg,
  makePublishedVersion,
  makeRound,
  signedInUser,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { DiskFileStore } from './files.ts';

// The links that brand_files, branch_meeting_files, learning_post_files and assessment_evidence held
// before 2026-12-02-015 read back, every one, through the attachment routes after it.

const ctx = await createTestApp();
const county = await makeOrg(ctx.db, { kind: 'county', name: '迁移县' });
const unit = await makeOrg(ctx.db, { parent: county, kind: 'unit', name: '迁移单位' });
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: unit });

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, client: Client, payload?: object) => {
  const res = await ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });
  return res;
};
const created = async (method: 'POST', url: string, client: Client, payload: object) => {
  const res = await call(method, url, client, payload);
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% file ${n}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const migrator = new Migrator({ db: ctx.db, provider: { getMigrations: async () => migrations } });
const BEFORE = '2026-11-29-014-lesson-files';

describe('the record-files migration', () => {
  it('keeps every link of the four old tables, with its file, kind, caption and order', async () => {
    // Records made through the API on the current schema.
    const branch = await makeBranch(ctx, city.client, { orgId: unit.id, name: '迁移支部' });
    await addMember(ctx, city.client, branch, { joinedOn: '2020-01-01' });
    const meeting = await created('POST', `/api/branches/${branch.id}/meetings`, city.client, {
      type: 'committee',
      heldOn: '2025-03-01',
      presentCount: 1,
    });
    const brand = await created('POST', '/api/brands', secretary.client, {
      branchId: branch.id,
      name: '迁移品牌',
      idea: '理念',
      practices: '做法',
      results: '成效',
    });
    const post = await created('POST', '/api/learning/posts', secretary.client, {
      branchId: branch.id,
      title: '迁移帖子',
      body: '正文',
    });
    const version = await makePublishedVersion(ctx, city.client);
    const [measure] = version.measureIds as [number];
    const round = await makeRound(ctx, city.client, { versionId: version.id, branchIds: [branch.id] });
    const board = (await call('GET', `/api/assessments/rounds/${round.id}/assessments`, city.client)).json();
    const assessmentId = board.items[0].id as number;

    // Back to the schema before the migration; links written as the old code wrote them.
    const down = await migrator.migrateTo(BEFORE);
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => [r.migrationName, r.direction])).toContainEqual([
      '2026-12-02-015-record-files',
      'Down',
    ]);
    const store = new DiskFileStore(path.join(ctx.config.dataDir, 'files'));
    const at = (minute: number) => `2025-03-01T08:${String(minute).padStart(2, '0')}:00.000Z`;
    const file = async (bytes: Buffer, name: string, mime: string) => {
      const stored = await store.put(Readable.from([bytes]));
      const row = await ctx.db
        .insertInto('files')
        .values({ ...stored, name, mime, created_by: city.id, created_at: at(0) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, bytes };
    };
    const old = ctx.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
    const brandFile = await file(pdf(1), '申报书.pdf', 'application/pdf');
    await old
      .insertInto('brand_files')
      .values({
        brand_id: brand.id,
        file_id: brandFile.id,
        caption: '申报书',
        created_by: secretary.id,
        created_at: at(1),
      })
      .execute();
    const photo = await file(PNG, '合影.png', 'image/png');
    const minutes = await file(pdf(2), '会议记录.pdf', 'application/pdf');
    await old
      .insertInto('branch_meeting_files')
      .values([
        {
          meeting_id: meeting.id,
          file_id: minutes.id,
          kind: 'attachment',
          caption: null,
          created_by: city.id,
          created_at: at(2),
        },
        {
          meeting_id: meeting.id,
          file_id: photo.id,
          kind: 'photo',
          caption: '会场',
          created_by: city.id,
          created_at: at(3),
        },
      ])
      .execute();
    const postPhoto = await file(PNG, '活动.png', 'image/png');
    await old
      .insertInto('learning_post_files')
      .values({ post_id: post.id, file_id: postPhoto.id, kind: 'photo', created_at: at(4) })
      .execute();
    const evidenceFile = await file(pdf(3), '佐证.pdf', 'application/pdf');
    const evidence = await old
      .insertInto('assessment_evidence')
      .values({
        assessment_id: assessmentId,
        measure_id: measure,
        kind: 'file',
        file_id: evidenceFile.id,
        meeting_id: null,
        caption: '活动记录',
        created_by: secretary.id,
        created_at: at(5),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Up again: every link reads back through the API.
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    for (const table of ['brand_files', 'branch_meeting_files', 'learning_post_files']) {
      await expect(old.selectFrom(table).selectAll().execute()).rejects.toThrow();
    }

    const download = async (url: string, bytes: Buffer) => {
      const res = await call('GET', url, city.client);
      expect(res.statusCode, url).toBe(200);
      expect(res.rawPayload.equals(bytes), url).toBe(true);
    };

    const brandFiles = (await call('GET', `/api/brands/${brand.id}/files`, city.client)).json();
    expect(brandFiles).toEqual([
      {
        fileId: brandFile.id,
        kind: 'attachment',
        caption: '申报书',
        name: '申报书.pdf',
        mime: 'application/pdf',
        size: brandFile.bytes.length,
        createdAt: at(1),
      },
    ]);
    expect((await call('GET', `/api/brands/${brand.id}`, city.client)).json().files).toEqual(brandFiles);
    await download(`/api/brands/${brand.id}/files/${brandFile.id}`, brandFile.bytes);

    const meetingFiles = (await call('GET', `/api/branches/meetings/${meeting.id}`, city.client)).json()
      .files;
    expect(
      meetingFiles.map((f: { fileId: number; kind: string; caption: string | null }) => [
        f.fileId,
        f.kind,
        f.caption,
      ]),
    ).toEqual([
      [minutes.id, 'attachment', null],
      [photo.id, 'photo', '会场'],
    ]);
    const list = (await call('GET', `/api/branches/${branch.id}/meetings`, city.client)).json();
    expect(list.items[0]).toMatchObject({ photoCount: 1, attachmentCount: 1 });
    await download(`/api/branches/meetings/${meeting.id}/files/${photo.id}`, PNG);
    await download(`/api/branches/meetings/${meeting.id}/files/${minutes.id}`, minutes.bytes);

    const postFiles = (await call('GET', `/api/learning/posts/${post.id}`, city.client)).json().files;
    expect(postFiles).toMatchObject([
      { fileId: postPhoto.id, kind: 'photo', name: '活动.png', createdAt: at(4) },
    ]);
    await download(`/api/learning/posts/${post.id}/files/${postPhoto.id}`, PNG);

    const A = `/api/assessments/branch-assessments/${assessmentId}`;
    const answer = (await call('GET', A, city.client)).json().answers[0];
    expect(answer.evidence).toMatchObject([
      { id: evidence.id, kind: 'file', fileId: evidenceFile.id, fileName: '佐证.pdf', caption: '活动记录' },
    ]);
    expect((await call('GET', `${A}/files`, city.client)).json()).toMatchObject([
      { fileId: evidenceFile.id, kind: 'evidence', caption: '活动记录', name: '佐证.pdf' },
    ]);
    await download(`${A}/files/${evidenceFile.id}`, evidenceFile.bytes);
    expect(
      (
        await ctx.db
          .selectFrom('files')
          .select('sha256')
          .where('id', '=', evidenceFile.id)
          .executeTakeFirstOrThrow()
      ).sha256,
    ).toBe(createHash('sha256').update(evidenceFile.bytes).digest('hex'));
  });
});
