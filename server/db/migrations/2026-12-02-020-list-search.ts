import type { Kysely } from 'kysely';
// The spelling rules are read from the platform, not frozen here: this migration fills in what the
// repositories write from now on, and both must agree on the day it runs.
import { namePinyinText, personPinyinText, personTerms } from '../../platform/lists/pinyin.ts';

/**
 * Branches, orgs and users get a pinyin search text beside their name (full spelling and initials;
 * for people also the mixed hezs form), so every list finds them by Latin letters; the roster's search
 * terms gain the mixed form. Every existing row is filled in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const filled = [
    ['branches', namePinyinText],
    ['orgs', namePinyinText],
    ['users', personPinyinText],
  ] as const;
  for (const [table, text] of filled) {
    await db.schema
      .alterTable(table)
      .addColumn('name_pinyin', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    for (let after = 0; ; ) {
      const rows = await db
        .selectFrom(table)
        .select(['id', 'name'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(1000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        await db
          .updateTable(table)
          .set({ name_pinyin: text(r.name) })
          .where('id', '=', r.id)
          .execute();
      }
      after = rows[rows.length - 1]?.id ?? after;
    }
  }
  for (let after = 0; ; ) {
    const cadres = await db
      .selectFrom('cadres')
      .select(['id', 'name', 'former_names', 'status', 'org_id', 'name_pinyin'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (cadres.length === 0) break;
    const rows = cadres.flatMap((c) =>
      personTerms([c.name, ...(c.former_names ? String(c.former_names).split('、') : [])]).map((term) => ({
        term,
        status: c.status,
        org_id: c.org_id,
        sort_name: c.name_pinyin,
        cadre_id: c.id,
      })),
    );
    for (let i = 0; i < rows.length; i += 1000) {
      await db
        .insertInto('cadre_search_terms')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    after = cadres[cadres.length - 1]?.id ?? after;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['branches', 'orgs', 'users']) {
    await db.schema.alterTable(table).dropColumn('name_pinyin').execute();
  }
}
