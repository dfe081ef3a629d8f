import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Auth } from '../http/types.ts';
import * as repo from './attachments.repository.ts';
import type { Attachment, AttachmentKind } from './attachments.schema.ts';
import { recordFile } from './files.ts';
import type { ReceivedUpload, UploadRule } from './upload.ts';

/** What an upload's query may say: the kind (when the record takes two), a caption, and a module's own fields. */
export interface UploadQuery {
  kind?: AttachmentKind;
  caption?: string;
  [field: string]: unknown;
}

/**
 * What a kind of record tells the attachment mechanism: who may see and change its files, what it
 * takes, what to lock and mark in the same transaction, and how the audit names it. Every module's
 * photos, attachments and evidence files go through one of these.
 */
export interface AttachmentSpec<R> {
  /** the record's type as stored in record_files (brand, meeting, learning_post, branch_assessment) */
  recordType: string;
  /** the kinds of file it takes; with photo and another, an image sent without a kind is a photo */
  kinds: readonly AttachmentKind[];
  /** the record as the caller may read it; one out of the caller's scope is not found */
  load(db: Db, auth: Auth, id: number): Promise<R>;
  /** the record when the caller may change its files now (checked before an upload is read), else refused */
  writable(db: Db, auth: Auth, id: number, query: UploadQuery): Promise<R>;
  /** in the change's transaction: lock the record, refuse when it can no longer change, mark it updated */
  changing?(trx: Db, id: number, record: R): Promise<void>;
  /** what the new file means to the record beyond the link (a measure's evidence); adds to the audit */
  attached?(
    trx: Db,
    record: R,
    link: { recordId: number; fileId: number; caption: string | null; userId: number },
    query: UploadQuery,
  ): Promise<Record<string, unknown> | undefined>;
  /** undoes what `attached` did, when the file is taken off */
  detached?(trx: Db, record: R, link: { recordId: number; fileId: number }): Promise<void>;
  audit: {
    /** the audit entity of the record (brand, meeting…) */
    entity: string;
    added: string;
    removed: string;
    summary(record: R, fileName: string): string;
  };
}

const clean = (v: string | null | undefined) => v?.trim() || null;

function toAttachment(row: repo.LinkRow): Attachment {
  return {
    fileId: row.file_id,
    kind: row.kind as AttachmentKind,
    caption: row.caption,
    name: row.name,
    mime: row.mime,
    size: Number(row.size),
    createdAt: row.created_at,
  };
}

/** What an upload to a record is checked against: the kind asked for, or judged by its content. */
export function uploadRule(kinds: readonly AttachmentKind[], asked: AttachmentKind | undefined): UploadRule {
  if (asked) {
    if (!kinds.includes(asked)) throw new AppError('file.type_not_allowed');
    return { kind: asked };
  }
  const broadest = kinds.at(-1) as AttachmentKind;
  if (kinds.includes('photo') && broadest !== 'photo') {
    return { kind: broadest, classify: (mime) => (mime.startsWith('image/') ? 'photo' : broadest) };
  }
  return { kind: broadest };
}

/** The files of a record, in the order they were added (for its detail view). */
export async function attachmentsOf(db: Db, recordType: string, recordId: number): Promise<Attachment[]> {
  return (await repo.listLinks(db, recordType, [recordId])).map(toAttachment);
}

/** The files of many records at once, by record id (for a page of a list). */
export async function attachmentsOfMany(
  db: Db,
  recordType: string,
  recordIds: readonly number[],
): Promise<Map<number, Attachment[]>> {
  const by = new Map<number, Attachment[]>(recordIds.map((id) => [id, []]));
  for (const row of await repo.listLinks(db, recordType, recordIds))
    by.get(row.record_id)?.push(toAttachment(row));
  return by;
}

/** Keeps a received upload with a record: the file, the link, the module's own meaning, the audit, at once. */
export async function attach<R>(
  db: Db,
  spec: AttachmentSpec<R>,
  auth: Auth,
  actor: Actor,
  id: number,
  record: R,
  upload: ReceivedUpload,
  query: UploadQuery,
): Promise<Attachment> {
  const caption = clean(query.caption);
  const fileId = await db.transaction().execute(async (trx) => {
    await spec.changing?.(trx, id, record);
    const fileId = await recordFile(trx, { ...upload, userId: auth.userId });
    await repo.insertLinks(trx, [
      {
        record_type: spec.recordType,
        record_id: id,
        file_id: fileId,
        kind: upload.kind,
        caption,
        created_by: auth.userId,
        created_at: new Date().toISOString(),
      },
    ]);
    const more = await spec.attached?.(
      trx,
      record,
      { recordId: id, fileId, caption, userId: auth.userId },
      query,
    );
    await recordAudit(trx, actor, {
      action: spec.audit.added,
      entity: spec.audit.entity,
      entityId: id,
      summary: spec.audit.summary(record, upload.name),
      after: { fileId, kind: upload.kind, mime: upload.mime, size: upload.size, ...more },
    });
    return fileId;
  });
  return attachment(db, spec.recordType, id, fileId);
}

/** One file of a record (file.not_found when the record has no such file). */
export async function attachment(
  db: Db,
  recordType: string,
  id: number,
  fileId: number,
): Promise<Attachment> {
  return toAttachment(await link(db, recordType, id, fileId));
}

/** One file of a record with where its bytes are, for the download. */
export async function link(db: Db, recordType: string, id: number, fileId: number) {
  const row = await repo.findLink(db, recordType, id, fileId);
  if (!row) throw new AppError('file.not_found');
  return row;
}

/** Takes a file off a record (its stored bytes stay: the audit and other records may name them). */
export async function detach<R>(
  db: Db,
  spec: AttachmentSpec<R>,
  auth: Auth,
  actor: Actor,
  id: number,
  fileId: number,
): Promise<void> {
  const record = await spec.writable(db, auth, id, {});
  const file = await link(db, spec.recordType, id, fileId);
  await db.transaction().execute(async (trx) => {
    await spec.changing?.(trx, id, record);
    if ((await repo.deleteLink(trx, spec.recordType, id, fileId)) === 0) throw new AppError('file.not_found');
    await spec.detached?.(trx, record, { recordId: id, fileId });
    await recordAudit(trx, actor, {
      action: spec.audit.removed,
      entity: spec.audit.entity,
      entityId: id,
      summary: spec.audit.summary(record, file.name),
      before: { fileId, kind: file.kind, name: file.name },
    });
  });
}

/**
 * Takes a file off a record inside a transaction the module already holds, without an audit entry of
 * its own: for a module whose own change (taking a piece of evidence off) is audited and carries it.
 */
export async function unlink(trx: Db, recordType: string, id: number, fileId: number): Promise<void> {
  await repo.deleteLink(trx, recordType, id, fileId);
}

/** Takes every file off a record being deleted, in the deleting transaction. */
export async function unlinkAll(trx: Db, recordType: string, id: number): Promise<void> {
  await repo.deleteLinksOf(trx, recordType, id);
}
