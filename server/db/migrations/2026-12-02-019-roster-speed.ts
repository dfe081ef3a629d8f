import { type Kysely, sql } from 'kysely';

/** What the list indexes are keyed on after their equality prefix, by the roster's sort fields. */
const SORTS = { name: 'name_pinyin', birth: 'birth_date', retired: 'retired_on', id: 'id' } as const;

/** The indexes the list indexes replace: each was a prefix of one of them. */
const REPLACED: [string, string[]][] = [
  ['cadres_org_birth', ['org_id', 'status', 'birth_date']],
  ['cadres_category_birth', ['status', 'category', 'birth_date']],
  ['cadres_status_pinyin', ['status', 'name_pinyin']],
  ['cadres_status_birth', ['status', 'birth_date']],
  ['cadres_status_id', ['status', 'id']],
];

/**
 * The roster list read in index order (decision 0023). Every list filters on status and category by
 * equality and sorts on one of four keys, so each sort gets an index keyed (org, status, category,
 * sort key, id) and one without the org for city-wide lists: the first page of a subtree is then a
 * few rows from the front of each org's range, merged, instead of a sort of the whole subtree. The
 * name index (the default sort) also carries every filtered column, so the exact count of a filtered
 * list is read from it alone. The indexes they replace were prefixes of these.
 *
 * The masked forms of ID numbers and phones sit beside their ciphertext, so a list or record view shows
 * `320602********1234` without decrypting. Existing rows are filled at start-up by the cadres module
 * (`fillMaskedNumbers`), which holds the key file a migration does not; the partial index finds them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cadres').addColumn('id_number_masked', 'text').execute();
  await db.schema.alterTable('cadres').addColumn('mobile_masked', 'text').execute();
  await db.schema.alterTable('cadres').addColumn('landline_masked', 'text').execute();
  await db.schema
    .createIndex('cadres_unmasked')
    .on('cadres')
    .column('id')
    .where(sql.ref('id_number_masked'), 'is', null)
    .execute();

  for (const [name, column] of Object.entries(SORTS)) {
    const key = column === 'id' ? ['id'] : [column, 'id'];
    const covering =
      name === 'name'
        ? [
            'birth_date',
            'retired_on',
            'rank',
            'treatment_level',
            'living_situation',
            'relocated',
            'political_status',
          ]
        : [];
    await db.schema
      .createIndex(`cadres_list_org_${name}`)
      .on('cadres')
      .columns(['org_id', 'status', 'category', ...key, ...covering])
      .execute();
    await db.schema
      .createIndex(`cadres_list_${name}`)
      .on('cadres')
      .columns(['status', 'category', ...key])
      .execute();
  }
  for (const [name] of REPLACED) await db.schema.dropIndex(name).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of REPLACED)
    await db.schema.createIndex(name).on('cadres').columns(columns).execute();
  for (const name of Object.keys(SORTS)) {
    await db.schema.dropIndex(`cadres_list_org_${name}`).execute();
    await db.schema.dropIndex(`cadres_list_${name}`).execute();
  }
  await db.schema.dropIndex('cadres_unmasked').execute();
  for (const column of ['landline_masked', 'mobile_masked', 'id_number_masked']) {
    await db.schema.alterTable('cadres').dropColumn(column).execute();
  }
}
