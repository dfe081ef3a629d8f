import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Party-building brands (党建品牌): the city's umbrella brand (品牌体系, e.g. 江海银发先锋计划), the
 * branch brands under it with their three-year cycle, their files, yearly reviews (复核), inspections
 * (调研检查) and the yearly selections (十佳, 优秀) and provincial cases. The application's state lives in
 * the workflow's items, not here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('brand_systems'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('brands'))
    .addColumn('system_id', 'integer', (c) => c.references('brand_systems.id'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('idea', 'text', (c) => c.notNull())
    .addColumn('practices', 'text', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull())
    .addColumn('cycle_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cycle_start', 'text')
    .addColumn('cycle_end', 'text')
    .addColumn('next_review_due', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('brands_org').on('brands').columns(['org_id', 'id']).execute();
  await db.schema.createIndex('brands_branch').on('brands').column('branch_id').execute();
  await db.schema.createIndex('brands_due').on('brands').columns(['next_review_due', 'id']).execute();

  await withIdColumn(db, db.schema.createTable('brand_files'))
    .addColumn('brand_id', 'integer', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('caption', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brand_files_once', ['brand_id', 'file_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('brand_reviews'))
    .addColumn('brand_id', 'integer', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('cycle_no', 'integer', (c) => c.notNull())
    .addColumn('cycle_year', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('reason', 'text')
    .addColumn('comments', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('brand_reviews_brand')
    .on('brand_reviews')
    .columns(['brand_id', 'id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('brand_inspections'))
    .addColumn('brand_id', 'integer', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('inspectors', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('brand_inspections_brand')
    .on('brand_inspections')
    .columns(['brand_id', 'inspected_on'])
    .execute();

  await withIdColumn(db, db.schema.createTable('brand_awards'))
    .addColumn('brand_id', 'integer', (c) => c.notNull().references('brands.id').onDelete('cascade'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('brand_awards_once', ['brand_id', 'year', 'kind'])
    .execute();
  await db.schema.createIndex('brand_awards_year').on('brand_awards').columns(['year', 'kind']).execute();
  // One row per year of selections, locked while a selection is written: the ten-a-year limit holds
  // when two people select at once.
  await db.schema
    .createTable('brand_award_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'brand_award_years',
    'brand_awards',
    'brand_inspections',
    'brand_reviews',
    'brand_files',
    'brands',
    'brand_systems',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
