import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Learning: cloud party lessons (云端党课) with their view counts and per-cadre learning records, and
 * training programmes (头雁工程…) with their sessions and attendance, counted in person-times (人次).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('learning_lessons'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('body', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_lessons_org')
    .on('learning_lessons')
    .columns(['org_id', 'published_on'])
    .execute();

  await withIdColumn(db, db.schema.createTable('learning_records'))
    .addColumn('lesson_id', 'integer', (c) =>
      c.notNull().references('learning_lessons.id').onDelete('cascade'),
    )
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('learned_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_records_lesson').on('learning_records').column('lesson_id').execute();
  await db.schema.createIndex('learning_records_cadre').on('learning_records').column('cadre_id').execute();

  await withIdColumn(db, db.schema.createTable('learning_programmes'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_programmes_org')
    .on('learning_programmes')
    .columns(['org_id', 'year'])
    .execute();

  await withIdColumn(db, db.schema.createTable('learning_sessions'))
    .addColumn('programme_id', 'integer', (c) =>
      c.notNull().references('learning_programmes.id').onDelete('cascade'),
    )
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('hours', 'real', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('learning_sessions_programme')
    .on('learning_sessions')
    .column('programme_id')
    .execute();

  await withIdColumn(db, db.schema.createTable('learning_attendance'))
    .addColumn('session_id', 'integer', (c) =>
      c.notNull().references('learning_sessions.id').onDelete('cascade'),
    )
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('learning_attendance_once', ['session_id', 'cadre_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'learning_attendance',
    'learning_sessions',
    'learning_programmes',
    'learning_records',
    'learning_lessons',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
