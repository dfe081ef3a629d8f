import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Conn = Kysely<Database>;

export async function listDictionaries(db: Conn) {
  return db
    .selectFrom('dictionaries as d')
    .select([
      'd.code',
      'd.name_zh',
      'd.name_en',
      'd.standard',
      'd.editable',
      (eb) =>
        eb
          .selectFrom('dictionary_items as i')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('i.dictionary_code', '=', 'd.code')
          .as('item_count'),
    ])
    .orderBy('d.code')
    .execute();
}

export async function findDictionary(db: Conn, code: string) {
  return db.selectFrom('dictionaries').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listItems(db: Conn, dictionaryCode: string) {
  return db
    .selectFrom('dictionary_items')
    .selectAll()
    .where('dictionary_code', '=', dictionaryCode)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export async function findItem(db: Conn, dictionaryCode: string, code: string) {
  return db
    .selectFrom('dictionary_items')
    .selectAll()
    .where('dictionary_code', '=', dictionaryCode)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function insertDictionary(
  db: Conn,
  d: { code: string; nameZh: string; nameEn: string; standard: string | null; editable: boolean },
) {
  await db
    .insertInto('dictionaries')
    .values({
      code: d.code,
      name_zh: d.nameZh,
      name_en: d.nameEn,
      standard: d.standard,
      editable: d.editable ? 1 : 0,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function insertItems(
  db: Conn,
  dictionaryCode: string,
  items: { code: string; labelZh: string; labelEn: string; sortOrder: number }[],
) {
  if (items.length === 0) return;
  await db
    .insertInto('dictionary_items')
    .values(
      items.map((i) => ({
        dictionary_code: dictionaryCode,
        code: i.code,
        label_zh: i.labelZh,
        label_en: i.labelEn,
        sort_order: i.sortOrder,
        active: 1,
      })),
    )
    .onConflict((oc) => oc.columns(['dictionary_code', 'code']).doNothing())
    .execute();
}

export async function updateItem(
  db: Conn,
  dictionaryCode: string,
  code: string,
  values: Partial<{ label_zh: string; label_en: string; sort_order: number; active: number }>,
) {
  return db
    .updateTable('dictionary_items')
    .set(values)
    .where('dictionary_code', '=', dictionaryCode)
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The items of several dictionaries, in order. */
export async function listItemsOf(db: Conn, dictionaryCodes: readonly string[]) {
  if (dictionaryCodes.length === 0) return [];
  return db
    .selectFrom('dictionary_items')
    .selectAll()
    .where('dictionary_code', 'in', dictionaryCodes)
    .orderBy('dictionary_code')
    .orderBy('sort_order')
    .execute();
}
