import { type Kysely, sql } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * The deadline engine's data (platform/calendar): the statutory holidays and 调休 working days an
 * administrator keeps, year by year, and the deadlines records have registered, each with its rule,
 * its events (extensions, pauses), its due date and how it was computed, so that a change to the
 * calendar recomputes them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_years')
    .addColumn('year', 'integer', (c) => c.primaryKey().notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey().notNull())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_years.year').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addCheckConstraint('calendar_days_kind', sql`kind in ('holiday', 'workday')`)
    .execute();
  await db.schema.createIndex('calendar_days_year').on('calendar_days').columns(['year', 'date']).execute();

  await withIdColumn(db, db.schema.createTable('deadlines'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deadlines_subject', ['subject', 'subject_id'])
    .addCheckConstraint('deadlines_unit', sql`unit in ('calendar_days', 'working_days', 'years')`)
    .execute();
  await db.schema.createIndex('deadlines_window').on('deadlines').columns(['due_on', 'start_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deadlines').execute();
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.dropTable('calendar_years').execute();
}
