import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Branch standards (六有一提升, 六好…): the standard, its versions (draft, published, frozen), and each
 * version's dimensions and measures. A version's content never changes once frozen: rounds point at it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('assessment_standards'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_standard_versions'))
    .addColumn('standard_id', 'integer', (c) => c.notNull().references('assessment_standards.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('frozen_at', 'text')
    .addColumn('notes', 'text')
    .addColumn('copied_from_id', 'integer', (c) => c.references('assessment_standard_versions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assessment_standard_versions_number', ['standard_id', 'version'])
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_dimensions'))
    .addColumn('version_id', 'integer', (c) =>
      c.notNull().references('assessment_standard_versions.id').onDelete('cascade'),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_dimensions_version')
    .on('assessment_dimensions')
    .columns(['version_id', 'sort_order'])
    .execute();

  await withIdColumn(db, db.schema.createTable('assessment_measures'))
    .addColumn('dimension_id', 'integer', (c) =>
      c.notNull().references('assessment_dimensions.id').onDelete('cascade'),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_kinds', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('remarks', 'text')
    .execute();
  await db.schema
    .createIndex('assessment_measures_dimension')
    .on('assessment_measures')
    .columns(['dimension_id', 'sort_order'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'assessment_measures',
    'assessment_dimensions',
    'assessment_standard_versions',
    'assessment_standards',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
