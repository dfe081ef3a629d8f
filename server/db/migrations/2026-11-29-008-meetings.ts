import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Branch meetings (三会一课 and 主题党日): the meeting with its period and attendance, the members
 * absent and why, and the photos and attachments kept with it. Their review state lives in the
 * workflow's items, not here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('branch_meetings'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('place', 'text')
    .addColumn('chair', 'text')
    .addColumn('recorder', 'text')
    .addColumn('expected_count', 'integer', (c) => c.notNull())
    .addColumn('present_count', 'integer', (c) => c.notNull())
    .addColumn('outside_attendees', 'text')
    .addColumn('topics', 'text')
    .addColumn('resolutions', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A branch's meetings by date (its list, the matrix's grouped counts), and the scoped lists.
  await db.schema
    .createIndex('branch_meetings_branch')
    .on('branch_meetings')
    .columns(['branch_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('branch_meetings_org')
    .on('branch_meetings')
    .columns(['org_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('branch_meetings_held')
    .on('branch_meetings')
    .columns(['held_on', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('branch_meeting_absences'))
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('branch_meetings.id').onDelete('cascade'),
    )
    .addColumn('cadre_id', 'integer', (c) => c.references('cadres.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('branch_meeting_absences_meeting')
    .on('branch_meeting_absences')
    .column('meeting_id')
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
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['branch_meeting_files', 'branch_meeting_absences', 'branch_meetings']) {
    await db.schema.dropTable(table).execute();
  }
}
