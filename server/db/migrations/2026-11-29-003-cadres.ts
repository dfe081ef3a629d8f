import type { Kysely } from 'kysely';
import { binaryText, withIdColumn } from '../dialect.ts';

/** The cadre roster: the master record, its search terms and its ledgers. */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('cadres'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('former_names', 'text')
    .addColumn('name_pinyin', 'text', (c) => binaryText(db)(c.notNull()))
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_bidx', 'text', (c) => c.notNull().unique())
    .addColumn('ethnicity', 'text')
    .addColumn('native_place', 'text')
    .addColumn('education', 'text')
    .addColumn('political_status', 'text')
    .addColumn('party_joined_on', 'text')
    .addColumn('work_started_on', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('revolutionary_period', 'text')
    .addColumn('retired_on', 'text')
    .addColumn('rank', 'text')
    .addColumn('treatment_level', 'text')
    .addColumn('treatment_doc_no', 'text')
    .addColumn('former_unit', 'text')
    .addColumn('former_position', 'text')
    .addColumn('unit_nature', 'text')
    .addColumn('living_situation', 'text')
    .addColumn('relocated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('relocation_place', 'text')
    .addColumn('military_transfer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mobile_enc', 'text')
    .addColumn('mobile_bidx', 'text')
    .addColumn('landline_enc', 'text')
    .addColumn('landline_bidx', 'text')
    .addColumn('home_address', 'text')
    .addColumn('home_region_code', 'text')
    .addColumn('habitual_address', 'text')
    .addColumn('habitual_region_code', 'text')
    .addColumn('emergency_contacts_enc', 'text')
    .addColumn('birthday_calendar', 'text', (c) => c.notNull())
    .addColumn('birthday_key', 'text', (c) => c.notNull())
    .addColumn('photo_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('hobbies', 'text')
    .addColumn('specialities', 'text')
    .addColumn('remarks', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadres_org').on('cadres').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('cadres_status_id').on('cadres').columns(['status', 'id']).execute();
  await db.schema
    .createIndex('cadres_status_pinyin')
    .on('cadres')
    .columns(['status', 'name_pinyin'])
    .execute();
  await db.schema.createIndex('cadres_status_birth').on('cadres').columns(['status', 'birth_date']).execute();
  await db.schema.createIndex('cadres_mobile_bidx').on('cadres').column('mobile_bidx').execute();
  await db.schema.createIndex('cadres_landline_bidx').on('cadres').column('landline_bidx').execute();
  await db.schema
    .createIndex('cadres_birthday')
    .on('cadres')
    .columns(['birthday_calendar', 'birthday_key'])
    .execute();

  await db.schema
    .createTable('cadre_search_terms')
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => binaryText(db)(c.notNull()))
    .addPrimaryKeyConstraint('cadre_search_terms_pk', ['term', 'cadre_id'])
    .execute();
  await db.schema
    .createIndex('cadre_search_terms_cadre')
    .on('cadre_search_terms')
    .column('cadre_id')
    .execute();

  await withIdColumn(db, db.schema.createTable('cadre_family_members'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('work_unit', 'text')
    .addColumn('remarks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadre_family_cadre').on('cadre_family_members').column('cadre_id').execute();

  await db.schema
    .createTable('cadre_health')
    .addColumn('cadre_id', 'integer', (c) => c.primaryKey().references('cadres.id').onDelete('cascade'))
    .addColumn('illnesses', 'text')
    .addColumn('mobility', 'text')
    .addColumn('disability', 'text')
    .addColumn('caregiver', 'text')
    .addColumn('designated_hospital', 'text')
    .addColumn('nearest_hospital', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadre_health_mobility').on('cadre_health').column('mobility').execute();

  await withIdColumn(db, db.schema.createTable('cadre_hospital_stays'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('hospital', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('bed', 'text')
    .addColumn('admitted_on', 'text', (c) => c.notNull())
    .addColumn('discharged_on', 'text')
    .addColumn('condition', 'text')
    .addColumn('outcome', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cadre_stays_cadre')
    .on('cadre_hospital_stays')
    .columns(['cadre_id', 'admitted_on'])
    .execute();
  await db.schema
    .createIndex('cadre_stays_admitted')
    .on('cadre_hospital_stays')
    .column('admitted_on')
    .execute();

  await withIdColumn(db, db.schema.createTable('cadre_travels'))
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('destination', 'text')
    .addColumn('purpose', 'text')
    .addColumn('departs_on', 'text')
    .addColumn('returns_on', 'text')
    .addColumn('document_type', 'text')
    .addColumn('document_no_enc', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('custody', 'text')
    .addColumn('remarks', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadre_travels_cadre').on('cadre_travels').column('cadre_id').execute();

  await db.schema
    .createTable('cadre_deaths')
    .addColumn('cadre_id', 'integer', (c) => c.primaryKey().references('cadres.id').onDelete('cascade'))
    .addColumn('died_on', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('farewell', 'text')
    .addColumn('pension_recipient', 'text')
    .addColumn('pension_until', 'text')
    .addColumn('remarks', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cadre_deaths_died_on').on('cadre_deaths').column('died_on').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'cadre_deaths',
    'cadre_travels',
    'cadre_hospital_stays',
    'cadre_health',
    'cadre_family_members',
    'cadre_search_terms',
    'cadres',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
