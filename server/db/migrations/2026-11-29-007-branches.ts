import { type Kysely, sql } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Party branches (standing and the "N" of "1+N", general branches above them), memberships ("one
 * primary, many participating"), mobile members, committees and elections.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('branches'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('branches.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('basis', 'text')
    .addColumn('founded_on', 'text')
    .addColumn('dissolved_on', 'text')
    .addColumn('remarks', 'text')
    .addColumn('last_election_on', 'text')
    .addColumn('next_election_due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('branches_org').on('branches').columns(['org_id', 'kind']).execute();
  await db.schema.createIndex('branches_parent').on('branches').column('parent_id').execute();
  await db.schema
    .createIndex('branches_election_due')
    .on('branches')
    .columns(['next_election_due_on'])
    .where(sql.ref('dissolved_on'), 'is', null)
    .execute();
  // One name per org among the branches still working; a dissolved branch's name may be used again.
  await db.schema
    .createIndex('branches_org_name')
    .unique()
    .on('branches')
    .columns(['org_id', 'name'])
    .where(sql.ref('dissolved_on'), 'is', null)
    .execute();

  await withIdColumn(db, db.schema.createTable('branch_memberships'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('leave_reason', 'text')
    .addColumn('transferred_to_id', 'integer', (c) => c.references('branch_memberships.id'))
    .addColumn('remarks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // 一方隶属: at most one open primary membership per person, whatever the code does.
  await db.schema
    .createIndex('branch_memberships_one_primary')
    .unique()
    .on('branch_memberships')
    .column('cadre_id')
    .where(sql<boolean>`role = 'primary' and left_on is null`)
    .execute();
  await db.schema
    .createIndex('branch_memberships_once')
    .unique()
    .on('branch_memberships')
    .columns(['branch_id', 'cadre_id'])
    .where(sql.ref('left_on'), 'is', null)
    .execute();
  await db.schema
    .createIndex('branch_memberships_branch')
    .on('branch_memberships')
    .columns(['branch_id', 'left_on'])
    .execute();
  await db.schema
    .createIndex('branch_memberships_cadre')
    .on('branch_memberships')
    .columns(['cadre_id', 'joined_on'])
    .execute();

  await withIdColumn(db, db.schema.createTable('branch_mobile_members'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('living_place', 'text', (c) => c.notNull())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('until_on', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('contact_phone_enc', 'text')
    .addColumn('remarks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('branch_mobile_branch')
    .on('branch_mobile_members')
    .columns(['branch_id', 'until_on'])
    .execute();
  await db.schema.createIndex('branch_mobile_cadre').on('branch_mobile_members').column('cadre_id').execute();

  await withIdColumn(db, db.schema.createTable('branch_committee_members'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id'))
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('branch_committee_branch')
    .on('branch_committee_members')
    .columns(['branch_id', 'post', 'started_on'])
    .execute();
  await db.schema
    .createIndex('branch_committee_cadre')
    .on('branch_committee_members')
    .column('cadre_id')
    .execute();

  await withIdColumn(db, db.schema.createTable('branch_elections'))
    .addColumn('branch_id', 'integer', (c) => c.notNull().references('branches.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('term_years', 'integer', (c) => c.notNull())
    .addColumn('next_due_on', 'text', (c) => c.notNull())
    .addColumn('remarks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('branch_elections_branch')
    .unique()
    .on('branch_elections')
    .columns(['branch_id', 'held_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'branch_elections',
    'branch_committee_members',
    'branch_mobile_members',
    'branch_memberships',
    'branches',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
