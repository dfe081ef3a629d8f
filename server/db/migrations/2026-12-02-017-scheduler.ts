import { type Kysely, sql } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * The scheduler (platform/scheduler): durable jobs that run on time exactly once across instances
 * (claimed by a lease), their runs, the live instances (so work left by a dead one can be told from
 * work still going on), and the reminders the scheduled jobs leave for the to-do list. Imports and
 * exports (`jobs`) remember the instance running them, so a crash can be noticed at the next start.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('scheduled_jobs'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('scheduled_jobs_status', sql`status in ('pending', 'running', 'done', 'failed')`)
    .execute();
  await db.schema
    .createIndex('scheduled_jobs_due')
    .on('scheduled_jobs')
    .columns(['status', 'run_at', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('scheduled_job_runs'))
    .addColumn('job_id', 'integer', (c) => c.notNull().references('scheduled_jobs.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addCheckConstraint(
      'scheduled_job_runs_outcome',
      sql`outcome in ('running', 'succeeded', 'failed', 'abandoned')`,
    )
    .execute();
  await db.schema
    .createIndex('scheduled_job_runs_job')
    .on('scheduled_job_runs')
    .columns(['job_id', 'id'])
    .execute();

  await db.schema
    .createTable('app_instances')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('jobs').addColumn('instance_id', 'text').execute();
  await db.schema.createIndex('jobs_status').on('jobs').columns(['status', 'id']).execute();

  await withIdColumn(db, db.schema.createTable('reminders'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reminders_once', ['kind', 'subject_id', 'due_on'])
    .addCheckConstraint('reminders_kind', sql`kind in ('election_due', 'brand_review_due', 'birthday')`)
    .execute();
  await db.schema.createIndex('reminders_due').on('reminders').columns(['due_on', 'id']).execute();
  await db.schema.createIndex('reminders_org').on('reminders').columns(['org_id', 'due_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders').execute();
  await db.schema.dropIndex('jobs_status').execute();
  await db.schema.alterTable('jobs').dropColumn('instance_id').execute();
  await db.schema.dropTable('app_instances').execute();
  await db.schema.dropTable('scheduled_job_runs').execute();
  await db.schema.dropTable('scheduled_jobs').execute();
}
