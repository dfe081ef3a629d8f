import { type Kysely, sql } from 'kysely';
import { binaryText, withoutRowid } from '../dialect.ts';

/**
 * Search terms carry what the roster's keyword search filters and sorts on (status, managing org, the
 * name's pinyin), keyed in that order after the term: the first page of a broad search ("王", "w") is
 * then one range scan of the key, without visiting the matching records at all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withoutRowid(
    db,
    db.schema
      .createTable('cadre_search_terms_list')
      .addColumn('term', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('sort_name', 'text', (c) => binaryText(db)(c.notNull()))
      .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('cadre_search_terms_list_pk', [
        'term',
        'status',
        'org_id',
        'sort_name',
        'cadre_id',
      ]),
  ).execute();
  await sql`insert into cadre_search_terms_list (term, status, org_id, sort_name, cadre_id)
    select t.term, c.status, c.org_id, c.name_pinyin, t.cadre_id
    from cadre_search_terms t join cadres c on c.id = t.cadre_id`.execute(db);
  await db.schema.dropTable('cadre_search_terms').execute();
  await db.schema.alterTable('cadre_search_terms_list').renameTo('cadre_search_terms').execute();
  await db.schema
    .createIndex('cadre_search_terms_cadre')
    .on('cadre_search_terms')
    .column('cadre_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cadre_search_terms_old')
    .addColumn('cadre_id', 'integer', (c) => c.notNull().references('cadres.id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => binaryText(db)(c.notNull()))
    .addPrimaryKeyConstraint('cadre_search_terms_pk', ['term', 'cadre_id'])
    .execute();
  await sql`insert into cadre_search_terms_old (cadre_id, term)
    select distinct cadre_id, term from cadre_search_terms`.execute(db);
  await db.schema.dropTable('cadre_search_terms').execute();
  await db.schema.alterTable('cadre_search_terms_old').renameTo('cadre_search_terms').execute();
  await db.schema
    .createIndex('cadre_search_terms_cadre')
    .on('cadre_search_terms')
    .column('cadre_id')
    .execute();
}
