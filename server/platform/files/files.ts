import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Where file contents live. Content-addressed by SHA-256: the same bytes are stored once. The disk
 * store is the default; an object store implements the same three methods.
 */
export interface FileStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer>;
  has(sha256: string): Promise<boolean>;
}

/** Files under `root/ab/abcdef…`, written atomically. */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private where(sha256: string) {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(sha256: string, bytes: Buffer) {
    const file = this.where(sha256);
    if (fs.existsSync(file)) return;
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.promises.writeFile(tmp, bytes);
    await fs.promises.rename(tmp, file);
  }

  async get(sha256: string) {
    return fs.promises.readFile(this.where(sha256));
  }

  async has(sha256: string) {
    return fs.existsSync(this.where(sha256));
  }
}

/** What kinds of file an upload may be; checked by content, not by the name or the client's claim. */
export type FileKindName = 'image' | 'spreadsheet' | 'document' | 'attachment' | 'evidence' | 'lesson';

const KINDS: Record<FileKindName, { mimes: string[]; text?: string[] }> = {
  image: { mimes: ['image/jpeg', 'image/png', 'image/webp'] },
  spreadsheet: {
    mimes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip'],
    text: ['.csv'],
  },
  document: { mimes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] },
  /** what is kept with a record (minutes, sign-in sheets, photos): images, PDF and Word .docx */
  attachment: {
    mimes: [
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  },
  /**
   * supporting evidence (佐证材料) of an assessment: images, PDF, Word (.docx, and the old .doc, which
   * sniffs as an OLE compound file) and Excel .xlsx
   */
  evidence: {
    mimes: [
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/x-cfb',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
  },
  /** a cloud lesson (云端党课) given as a file: a video (MP4, WebM), PDF, Word .docx or PowerPoint .pptx */
  lesson: {
    mimes: [
      'video/mp4',
      'video/webm',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
};

/** Whether a stored file's type is one a kind of upload takes (a file reused for another purpose). */
export function isOfKind(mime: string, kind: FileKindName): boolean {
  return KINDS[kind].mimes.includes(mime);
}

/** Why an upload was refused. */
export type UploadProblem = 'file.too_large' | 'file.type_not_allowed' | 'file.empty';

/**
 * Checks an upload's size and real type. CSV has no magic bytes: it is accepted by name only when the
 * content sniffs as no known binary type.
 */
export async function checkUpload(
  bytes: Buffer,
  name: string,
  kind: FileKindName,
  maxBytes: number,
): Promise<{ ok: true; mime: string } | { ok: false; problem: UploadProblem }> {
  if (bytes.length === 0) return { ok: false, problem: 'file.empty' };
  if (bytes.length > maxBytes) return { ok: false, problem: 'file.too_large' };
  const detected = await fileTypeFromBuffer(bytes);
  const rule = KINDS[kind];
  if (detected && rule.mimes.includes(detected.mime)) {
    const mime =
      detected.mime === 'application/zip'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : detected.mime;
    return { ok: true, mime };
  }
  if (!detected && rule.text?.some((ext) => name.toLowerCase().endsWith(ext)))
    return { ok: true, mime: 'text/csv' };
  return { ok: false, problem: 'file.type_not_allowed' };
}

/** Stores checked bytes and records the file; returns its id. */
export async function saveFile(
  db: Kysely<Database>,
  store: FileStore,
  file: { bytes: Buffer; name: string; mime: string; userId: number | null },
): Promise<number> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await store.put(sha256, file.bytes);
  const row = await db
    .insertInto('files')
    .values({
      sha256,
      size: file.bytes.length,
      mime: file.mime,
      name: file.name.slice(0, 200),
      created_by: file.userId,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A stored file's record. */
export async function findFile(db: Kysely<Database>, id: number) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}
