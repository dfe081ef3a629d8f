import type { Kysely } from 'kysely';

/** Indexes for the roster's common filters at a million records: category with age, and org with age. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cadres_category_birth')
    .on('cadres')
    .columns(['status', 'category', 'birth_date'])
    .execute();
  await db.schema
    .createIndex('cadres_org_birth')
    .on('cadres')
    .columns(['org_id', 'status', 'birth_date'])
    .execute();
  await db.schema.dropIndex('cadres_org').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('cadres_org').on('cadres').columns(['org_id', 'status']).execute();
  await db.schema.dropIndex('cadres_org_birth').execute();
  await db.schema.dropIndex('cadres_category_birth').execute();
}
