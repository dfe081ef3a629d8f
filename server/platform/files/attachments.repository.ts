import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { Database, RecordFilesTable } from '../../db/schema.ts';

type Conn = Kysely<Database>;

const columns = [
  'rf.id',
  'rf.record_id',
  'rf.file_id',
  'rf.kind',
  'rf.caption',
  'rf.created_at',
  'f.name',
  'f.mime',
  'f.size',
  'f.sha256',
] as const;

/** The files of some records of a type, in the order they were added. */
export async function listLinks(db: Conn, recordType: string, recordIds: readonly number[]) {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('record_files as rf')
    .innerJoin('files as f', 'f.id', 'rf.file_id')
    .select(columns)
    .where('rf.record_type', '=', recordType)
    .where('rf.record_id', 'in', recordIds)
    .orderBy('rf.id')
    .execute();
}

export type LinkRow = Awaited<ReturnType<typeof listLinks>>[number];

/** One file of a record. */
export async function findLink(db: Conn, recordType: string, recordId: number, fileId: number) {
  return db
    .selectFrom('record_files as rf')
    .innerJoin('files as f', 'f.id', 'rf.file_id')
    .select(columns)
    .where('rf.record_type', '=', recordType)
    .where('rf.record_id', '=', recordId)
    .where('rf.file_id', '=', fileId)
    .executeTakeFirst();
}

/** Writes links; many at once for seeding. */
export async function insertLinks(db: Conn, rows: Insertable<RecordFilesTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('record_files')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/** Takes a file off a record; the number taken (0 when it was not there). */
export async function deleteLink(db: Conn, recordType: string, recordId: number, fileId: number) {
  const r = await db
    .deleteFrom('record_files')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Takes every file off a record that is being deleted (the stored files stay). */
export async function deleteLinksOf(db: Conn, recordType: string, recordId: number) {
  await db
    .deleteFrom('record_files')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .execute();
}

/**
 * How many files of a kind a record has, as a subquery for a list's row (a meeting's photo count):
 * `select(eb => attachmentCount(eb, 'meeting', 'm.id', 'photo').as('photo_count'))`.
 */
export function attachmentCount<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  recordType: string,
  recordIdColumn: string,
  kind?: string,
) {
  const e = eb as unknown as ExpressionBuilder<Database, 'record_files'>;
  let q = e
    .selectFrom('record_files as rf_n')
    .select((x) => x.fn.countAll<number>().as('n'))
    .where('rf_n.record_type', '=', recordType)
    .whereRef('rf_n.record_id', '=', e.ref(recordIdColumn as 'record_files.record_id'));
  if (kind) q = q.where('rf_n.kind', '=', kind);
  return q;
}
