import { type Kysely, sql } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * One link between records and their files (record_files) in place of four: brand_files,
 * branch_meeting_files, learning_post_files, and the files of assessment_evidence. Every link is
 * copied, in the order it was made, with its kind, caption, uploader and time; no stored file
 * changes. Assessment evidence stays what a measure's answer cites (an attachment of the assessment,
 * or a meeting), so the evidence ids that checks name do not change.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('record_files'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('record_files_once', ['record_type', 'record_id', 'file_id'])
    .execute();

  const into = sql`insert into record_files (record_type, record_id, file_id, kind, caption, created_by, created_at)`;
  await sql`${into}
    select 'brand', brand_id, file_id, 'attachment', caption, created_by, created_at
    from brand_files order by id`.execute(db);
  await sql`${into}
    select 'meeting', meeting_id, file_id, kind, caption, created_by, created_at
    from branch_meeting_files order by id`.execute(db);
  await sql`${into}
    select 'learning_post', pf.post_id, pf.file_id, pf.kind, null, f.created_by, pf.created_at
    from learning_post_files pf join files f on f.id = pf.file_id order by pf.id`.execute(db);
  // One file may be cited for several measures of an assessment (the demo does): it is one attachment.
  await sql`${into}
    select 'branch_assessment', assessment_id, file_id, 'evidence', min(caption), min(created_by), min(created_at)
    from assessment_evidence where kind = 'file' and file_id is not null
    group by assessment_id, file_id order by min(id)`.execute(db);

  await db.schema.dropTable('brand_files').execute();
  await db.schema.dropTable('branch_meeting_files').execute();
  await db.schema.dropTable('learning_post_files').execute();
}

/** Puts the links back into the four tables they came from. */
export async function down(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('brand_files'))
    .addColumn('brand_id', 'integer', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('caption', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brand_files_once', ['brand_id', 'file_id'])
    .execute();
  await withIdColumn(db, db.schema.createTable('branch_meeting_files'))
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('branch_meetings.id').onDelete('cascade'),
    )
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('caption', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('branch_meeting_files_once', ['meeting_id', 'file_id'])
    .execute();
  await withIdColumn(db, db.schema.createTable('learning_post_files'))
    .addColumn('post_id', 'integer', (c) => c.notNull().references('learning_posts.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_post_files_post')
    .on('learning_post_files')
    .column('post_id')
    .execute();

  await sql`insert into brand_files (brand_id, file_id, caption, created_by, created_at)
    select record_id, file_id, caption, created_by, created_at from record_files
    where record_type = 'brand' order by id`.execute(db);
  await sql`insert into branch_meeting_files (meeting_id, file_id, kind, caption, created_by, created_at)
    select record_id, file_id, kind, caption, created_by, created_at from record_files
    where record_type = 'meeting' order by id`.execute(db);
  await sql`insert into learning_post_files (post_id, file_id, kind, created_at)
    select record_id, file_id, kind, created_at from record_files
    where record_type = 'learning_post' order by id`.execute(db);
  await db.schema.dropTable('record_files').execute();
}
