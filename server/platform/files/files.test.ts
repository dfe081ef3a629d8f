import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { makeOrg, signedInUser, uploadFile } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { App } from '../http/types.ts';
import { registerAttachments } from './attachments.routes.ts';
import { DiskFileStore, readWhole } from './files.ts';
import { acceptedType, FILE_KINDS, isOfKind, sizeInWords } from './kinds.ts';

const MB = 1024 * 1024;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** An MP4's first box (ftyp): what the content sniffs as a video by. */
const MP4_HEAD = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
const padded = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Chunks of a buffer as a stream, as a socket would deliver them. */
const chunked = (b: Buffer, size = 64 * 1024) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
    })(),
  );

describe('the disk store', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-store-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const store = new DiskFileStore(root);

  it('stores a stream under its SHA-256 while it is written, and gives it back as a stream', async () => {
    const bytes = Buffer.from(Array.from({ length: 3 * MB + 17 }, (_, i) => i % 251));
    const stored = await store.put(chunked(bytes));
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(fs.existsSync(path.join(root, stored.sha256.slice(0, 2), stored.sha256))).toBe(true);
    const back = await store.get(stored.sha256);
    expect(back).toBeInstanceOf(Readable);
    expect((await readWhole(store, stored.sha256)).equals(bytes)).toBe(true);
    // The same bytes again are the same file; no temporary file is left behind either time.
    expect(await store.put(chunked(bytes, 1000))).toEqual(stored);
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    back.destroy();
  });

  it('keeps nothing of a stream that fails, and says file.not_found for bytes it does not hold', async () => {
    const failing = Readable.from(
      (function* () {
        yield Buffer.from('half of a file');
        throw new Error('connection lost');
      })(),
    );
    await expect(store.put(failing)).rejects.toThrow('connection lost');
    expect(fs.readdirSync(path.join(root, 'tmp'))).toEqual([]);
    expect(await store.has(sha(Buffer.from('half of a file')))).toBe(false);
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: 'file.not_found' });
    await expect(store.get('../../etc/passwd')).rejects.toBeInstanceOf(AppError);
  });
});

describe('the kinds table', () => {
  it('judges a type by content, a .doc and a .csv by name only where the content cannot say', () => {
    expect(acceptedType('photo', 'image/png', 'x.pdf')).toBe('image/png');
    expect(acceptedType('photo', 'application/pdf', 'x.png')).toBeNull();
    expect(acceptedType('evidence', 'application/x-cfb', '记录.DOC')).toBe('application/msword');
    expect(acceptedType('evidence', 'application/x-cfb', '表格.xls')).toBeNull();
    expect(acceptedType('spreadsheet', undefined, 'roster.csv')).toBe('text/csv');
    expect(acceptedType('spreadsheet', 'application/zip', 'roster.xlsx')).toBe(
      FILE_KINDS.spreadsheet.types[0]?.sniffed,
    );
    expect(acceptedType('attachment', undefined, 'notes.csv')).toBeNull();
    expect(isOfKind('video/mp4', 'lesson')).toBe(true);
    expect(isOfKind('image/png', 'lesson')).toBe(false);
    // Every kind fits under the largest, and a lesson is larger than the old 50 MB cap of every route.
    expect(FILE_KINDS.lesson.maxBytes).toBeGreaterThan(50 * MB);
  });
});

// ---- the attachment mechanism, on a record type of its own ----

/** Notes 1 and 2 are open, note 3 is closed to changes, anything else is outside the caller's scope. */
function withNotes(app: App) {
  const store = new DiskFileStore(path.join(app.config.dataDir, 'files'));
  const note = async (id: number) => {
    if (id > 3) throw new AppError('not_found');
    return { id, title: `便签${id}` };
  };
  registerAttachments(app, store, {
    recordType: 'test_note',
    kinds: ['photo', 'attachment'],
    load: (_db, _auth, id) => note(id),
    async writable(_db, _auth, id) {
      const n = await note(id);
      if (id === 3) throw new AppError('meeting.not_editable');
      return n;
    },
    audit: {
      entity: 'test_note',
      added: 'test_note.file_add',
      removed: 'test_note.file_remove',
      summary: (n, name) => `${n.title}: ${name}`,
    },
    path: '/api/test-notes/:id/files',
    tags: ['test'],
    access: { read: 'authenticated', write: 'authenticated' },
    what: 'a test note',
  });
}

const ctx = await createTestApp({}, withNotes);
const user = await signedInUser(ctx, {
  roles: ['county_staff'],
  org: await makeOrg(ctx.db, { kind: 'county' }),
});
const N = '/api/test-notes';
const send = (id: number, name: string, bytes: Buffer, query = '') =>
  uploadFile(ctx, user.client, `${N}/${id}/files${query}`, { name, bytes });
const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: user.client.read });
const storedFiles = () => fs.readdirSync(path.join(ctx.config.dataDir, 'files')).filter((d) => d !== 'tmp');

describe('record attachments', () => {
  it('keeps photos and attachments judged by content, lists, streams and removes them, audited', async () => {
    const photo = await send(1, '合影.png', PNG, `?caption=${encodeURIComponent('会场')}`);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: 'photo',
      caption: '会场',
      name: '合影.png',
      mime: 'image/png',
      size: PNG.length,
    });
    const minutes = await send(1, '记录.pdf', PDF);
    expect(minutes.json()).toMatchObject({ kind: 'attachment', mime: 'application/pdf' });
    const asAttachment = await send(1, '截图.png', PNG, '?kind=attachment');
    expect(asAttachment.json()).toMatchObject({ kind: 'attachment', mime: 'image/png' });

    const list = await get(`${N}/1/files`);
    expect(list.json().map((f: { name: string }) => f.name)).toEqual(['合影.png', '记录.pdf', '截图.png']);
    expect((await get(`${N}/2/files`)).json()).toEqual([]);

    const download = await get(`${N}/1/files/${minutes.json().fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'cache-control': 'private, no-store',
    });
    expect(download.headers['content-disposition']).toContain('inline');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // Another note does not reach this note's file.
    expect((await get(`${N}/2/files/${minutes.json().fileId}`)).json().error.code).toBe('file.not_found');

    const removed = await ctx.app.inject({
      method: 'DELETE',
      url: `${N}/1/files/${minutes.json().fileId}`,
      headers: user.client.headers,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await get(`${N}/1/files`)).json()).toHaveLength(2);

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'before', 'after'])
      .where('entity', '=', 'test_note')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'test_note.file_add',
      'test_note.file_add',
      'test_note.file_add',
      'test_note.file_remove',
    ]);
    expect(JSON.parse(audit[1]?.after ?? '{}')).toEqual({
      fileId: minutes.json().fileId,
      kind: 'attachment',
      mime: 'application/pdf',
      size: PDF.length,
    });
    expect(JSON.parse(audit[3]?.before ?? '{}')).toEqual({
      fileId: minutes.json().fileId,
      kind: 'attachment',
      name: '记录.pdf',
    });
  });

  it('holds each kind to its own limit while the upload streams, and keeps nothing it refuses', async () => {
    const before = {
      stored: storedFiles().length,
      rows: (await ctx.db.selectFrom('files').select('id').execute()).length,
    };
    const photoMax = FILE_KINDS.photo.maxBytes;
    // A photo exactly at its limit is taken; one byte more is not, as a photo…
    expect((await send(2, 'max.png', padded(PNG, photoMax), '?kind=photo')).statusCode).toBe(201);
    const big = padded(PNG, photoMax + 1);
    const refused = await send(2, 'big.png', big, '?kind=photo');
    expect([refused.statusCode, refused.json().error.code]).toEqual([413, 'file.too_large']);
    // …nor when the content makes it a photo, while as an attachment it is within 20 MB.
    expect((await send(2, 'big.png', big)).json().error.code).toBe('file.too_large');
    expect((await send(2, 'big.png', big, '?kind=attachment')).statusCode).toBe(201);
    const pdf = await send(2, 'big.pdf', padded(PDF, FILE_KINDS.attachment.maxBytes + 1));
    expect([pdf.statusCode, pdf.json().error.code]).toEqual([413, 'file.too_large']);
    // Two kept (their bytes and rows), the three refused left nothing in the store.
    expect(storedFiles().length - before.stored).toBeLessThanOrEqual(2);
    expect((await ctx.db.selectFrom('files').select('id').execute()).length - before.rows).toBe(2);
    expect(fs.readdirSync(path.join(ctx.config.dataDir, 'files', 'tmp'))).toEqual([]);
  });

  it('refuses by type, emptiness, kind, state and scope with their codes', async () => {
    const refusal = async (res: Promise<{ statusCode: number; json(): { error: { code: string } } }>) => {
      const r = await res;
      return [r.statusCode, r.json().error.code];
    };
    expect(await refusal(send(1, 'x.png', Buffer.from('not really a picture')))).toEqual([
      415,
      'file.type_not_allowed',
    ]);
    expect(await refusal(send(1, 'a.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')))).toEqual([
      415,
      'file.type_not_allowed',
    ]);
    expect(await refusal(send(1, '记录.pdf', PDF, '?kind=photo'))).toEqual([415, 'file.type_not_allowed']);
    expect(await refusal(send(1, 'empty.png', Buffer.alloc(0)))).toEqual([400, 'file.empty']);
    expect(await refusal(send(1, 'x.png', PNG, '?kind=evidence'))).toEqual([400, 'validation']);
    expect(await refusal(send(3, 'x.png', PNG))).toEqual([409, 'meeting.not_editable']);
    expect(await refusal(send(9, 'x.png', PNG))).toEqual([404, 'not_found']);
    expect(await refusal(get(`${N}/9/files`))).toEqual([404, 'not_found']);
    expect(await refusal(get(`${N}/9/files/1`))).toEqual([404, 'not_found']);
    const noFile = await ctx.app.inject({
      method: 'POST',
      url: `${N}/1/files`,
      headers: { ...user.client.headers, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n',
    });
    expect([noFile.statusCode, noFile.json().error.code]).toEqual([400, 'file.empty']);
  });
});

describe('a lesson file', () => {
  it('is taken up to its own limit, past the 50 MB every upload was capped at before', async () => {
    const video = padded(MP4_HEAD, 60 * MB);
    const res = await uploadFile(ctx, user.client, '/api/learning/lesson-files', {
      name: '党课.mp4',
      bytes: video,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mime: 'video/mp4', size: video.length });
    const row = await ctx.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toBe(sha(video));
  });
});

describe('the README', () => {
  it('states exactly the limits the kinds table enforces', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    const stated = Object.fromEntries(
      [...readme.matchAll(/^\| `(\w+)` \| [^|]+ \| [^|]+ \| ([\d.]+ [KM]B) \|$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(stated).toEqual(
      Object.fromEntries(Object.entries(FILE_KINDS).map(([kind, k]) => [kind, sizeInWords(k.maxBytes)])),
    );
  });
});
