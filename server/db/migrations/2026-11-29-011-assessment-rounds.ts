import { type Kysely, sql } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Assessment rounds (考核轮次) against a frozen version of a branch standard: the round, one assessment
 * per branch in it (its state lives in the `assessment` workflow's items), the branch's answer to each
 * measure with its evidence, the county's and the city's checks of each answer, and the demonstration
 * levels (示范支部) named on a compliant result.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('assessment_rounds'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version_id', 'integer', (c) => c.notNull().references('assessment_standard_versions.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('branch_assessments'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('assessment_rounds.id'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('branch_name', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('score', 'integer')
    .addColumn('verification', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('demo_level', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('branch_assessments_once', ['round_id', 'branch_id'])
    .execute();
  await db.schema
    .createIndex('branch_assessments_org')
    .on('branch_assessments')
    .columns(['round_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('branch_assessments_branch')
    .on('branch_assessments')
    .column('branch_id')
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_answers'))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('branch_assessments.id').onDelete('cascade'),
    )
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('assessment_measures.id'))
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_answers_once', ['assessment_id', 'measure_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_evidence'))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('branch_assessments.id').onDelete('cascade'),
    )
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('assessment_measures.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('meeting_id', 'integer', (c) => c.references('branch_meetings.id'))
    .addColumn('caption', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_evidence_answer')
    .on('assessment_evidence')
    .columns(['assessment_id', 'measure_id'])
    .execute();
  await db.schema
    .createIndex('assessment_evidence_meeting_once')
    .unique()
    .on('assessment_evidence')
    .columns(['assessment_id', 'measure_id', 'meeting_id'])
    .where(sql.ref('meeting_id'), 'is not', null)
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_checks'))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('branch_assessments.id').onDelete('cascade'),
    )
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('assessment_measures.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('checked_by_name', 'text')
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_checks_once', ['assessment_id', 'measure_id', 'stage'])
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_demonstrations'))
    .addColumn('assessment_id', 'integer', (c) =>
      c.notNull().references('branch_assessments.id').onDelete('cascade'),
    )
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('named_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('named_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_demonstrations_active')
    .unique()
    .on('assessment_demonstrations')
    .columns(['assessment_id', 'level'])
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'assessment_demonstrations',
    'assessment_checks',
    'assessment_evidence',
    'assessment_answers',
    'branch_assessments',
    'assessment_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
