import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { type CountedSource, createCountTriggers, dropCountTriggers, withoutRowid } from '../dialect.ts';

/**
 * The roster's maintained counts, as they stood when this migration was written (frozen): living
 * cadres by managing org, category, party membership (中共党员 and 预备党员) and treatment level, and the
 * same with the birth year, from which age bands follow for any date.
 */
const party = `case when {r}.political_status in ('01', '02') then '1' else '0' end`;
const ROSTER: CountedSource[] = [
  {
    name: 'cadres',
    table: 'cadres',
    org: 'org_id',
    keys: ['{r}.category', party, `coalesce({r}.treatment_level, '')`],
    where: `{r}.status = 'active'`,
    columns: ['org_id', 'status', 'category', 'political_status', 'treatment_level'],
  },
  {
    name: 'cadres.birth_year',
    table: 'cadres',
    org: 'org_id',
    keys: ['{r}.category', party, `coalesce({r}.treatment_level, '')`, 'substr({r}.birth_date, 1, 4)'],
    where: `{r}.status = 'active'`,
    columns: ['org_id', 'status', 'category', 'political_status', 'treatment_level', 'birth_date'],
  },
];

/**
 * platform/indicators: counts maintained by triggers as records change (`indicator_counts`), and the
 * yearly snapshots frozen at 12-31 (`indicator_snapshots`, one `indicator_snapshot_runs` row per
 * indicator and year). Existing cadres are counted here, so no row is lost to the new figures.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // k1…k4 are the keys of the count's definition in order; '' where it has fewer.
  const keyed = <C extends string>(table: CreateTableBuilder<string, C>) =>
    table
      .addColumn('org_id', 'integer', (c) => c.notNull())
      .addColumn('k1', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('k2', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('k3', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('k4', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('n', 'integer', (c) => c.notNull());
  await withoutRowid(
    db,
    keyed(db.schema.createTable('indicator_counts').addColumn('indicator', 'text', (c) => c.notNull())),
  )
    .addPrimaryKeyConstraint('indicator_counts_pk', ['indicator', 'org_id', 'k1', 'k2', 'k3', 'k4'])
    .execute();

  await db.schema
    .createTable('indicator_snapshot_runs')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'integer')
    .addPrimaryKeyConstraint('indicator_snapshot_runs_pk', ['indicator', 'year'])
    .execute();

  await withoutRowid(
    db,
    keyed(
      db.schema
        .createTable('indicator_snapshots')
        .addColumn('indicator', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull()),
    ),
  )
    .addPrimaryKeyConstraint('indicator_snapshots_pk', [
      'indicator',
      'year',
      'org_id',
      'k1',
      'k2',
      'k3',
      'k4',
    ])
    .execute();

  for (const source of ROSTER) {
    const keys = [0, 1, 2, 3].map((i) => (source.keys[i] ? source.keys[i].replaceAll('{r}', 'c') : `''`));
    await sql
      .raw(`insert into indicator_counts (indicator, org_id, k1, k2, k3, k4, n)
        select '${source.name}', c.${source.org}, ${keys.join(', ')}, count(*) from ${source.table} c
        where ${source.where.replaceAll('{r}', 'c')}
        group by c.${source.org}, ${keys.slice(0, source.keys.length).join(', ')}`)
      .execute(db);
    await createCountTriggers(db, source);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const source of ROSTER) await dropCountTriggers(db, source);
  await db.schema.dropTable('indicator_snapshots').execute();
  await db.schema.dropTable('indicator_snapshot_runs').execute();
  await db.schema.dropTable('indicator_counts').execute();
}
