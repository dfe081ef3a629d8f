import type { Kysely } from 'kysely';

/** A cloud lesson (云端党课) may be an uploaded file (a video, PDF, Word or PowerPoint) instead of a link. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('learning_lessons')
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('learning_lessons').dropColumn('file_id').execute();
}
