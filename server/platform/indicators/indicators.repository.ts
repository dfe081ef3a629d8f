import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { subtreeRange } from '../access/scope.ts';

type Conn = Kysely<Database>;

/** A key column of a maintained count. */
export type KeyColumn = 'k1' | 'k2' | 'k3' | 'k4';

/** The children of an org in the tree, in tree order; inactive ones too when asked. */
export async function childOrgs(db: Conn, orgId: number, opts: { withInactive?: boolean } = {}) {
  let q = db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind', 'path', 'active'])
    .where('parent_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('id');
  if (!opts.withInactive) q = q.where('active', '=', 1);
  return q.execute();
}

/** Where the counts come from: the live maintained counts, or the snapshot of a year. */
export type CountSource = { indicator: string; year?: number | undefined };

/**
 * The counts of a subtree grouped by the given keys (and by org when `byOrg`), summed over the other
 * keys. Reads the maintained counts (a few rows per org), never the counted table. Without `byOrg`
 * the rows come back with the node's path and id 0 for the org.
 */
export async function groupedCounts(
  db: Conn,
  source: CountSource,
  orgPath: string,
  keys: KeyColumn[],
  opts: { byOrg: boolean } = { byOrg: true },
) {
  const [from, to] = subtreeRange(orgPath);
  const table = source.year === undefined ? 'indicator_counts' : 'indicator_snapshots';
  let q = db
    .selectFrom(`${table} as c` as 'indicator_counts as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select((eb) => eb.fn.sum<number>('c.n').as('n'))
    .where('c.indicator', '=', source.indicator)
    .where('o.path', '>=', from)
    .where('o.path', '<', to);
  if (opts.byOrg) q = q.select(['c.org_id', 'o.path']).groupBy(['c.org_id', 'o.path']);
  if (source.year !== undefined) q = q.where(sql.ref('c.year'), '=', source.year);
  for (const k of keys) q = q.select(`c.${k}`).groupBy(`c.${k}`);
  const rows = (await q.execute()) as unknown as ({
    org_id?: number;
    path?: string;
    n: number | string;
  } & Record<KeyColumn, string>)[];
  return rows
    .map((r) => ({
      orgId: r.org_id ?? 0,
      path: r.path ?? orgPath,
      keys: keys.map((k) => r[k]),
      n: Number(r.n),
    }))
    .filter((r) => r.n !== 0);
}

/** The snapshot of a year, if taken. */
export async function findSnapshotRun(db: Conn, indicator: string, year: number) {
  return db
    .selectFrom('indicator_snapshot_runs')
    .selectAll()
    .where('indicator', '=', indicator)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** The snapshots taken of a source, newest year first. */
export async function listSnapshotRuns(db: Conn, indicator: string) {
  return db
    .selectFrom('indicator_snapshot_runs')
    .selectAll()
    .where('indicator', '=', indicator)
    .orderBy('year', 'desc')
    .execute();
}

/** Records that a year's snapshot is taken; false when it already was (the primary key refuses a second). */
export async function insertSnapshotRun(
  db: Conn,
  row: { indicator: string; year: number; as_of: string; taken_at: string; taken_by: number | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('indicator_snapshot_runs')
    .values(row)
    .onConflict((oc) => oc.columns(['indicator', 'year']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Freezes a year's counts: `counted` is a query over the source's own records as of that day, giving
 * org_id, k1…k4 and n; its rows are copied into the snapshot in one statement.
 */
export async function insertSnapshotCounts(
  db: Conn,
  indicator: string,
  year: number,
  counted: RawBuilder<unknown>,
): Promise<void> {
  await sql`insert into indicator_snapshots (indicator, year, org_id, k1, k2, k3, k4, n)
    select ${indicator}, ${year}, s.org_id, s.k1, s.k2, s.k3, s.k4, s.n from (${counted}) s`.execute(db);
}

/** Everyone counted in each year's snapshot of a source (the whole tree). */
export async function snapshotTotals(db: Conn, indicator: string) {
  const rows = await db
    .selectFrom('indicator_snapshots')
    .select('year')
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('indicator', '=', indicator)
    .groupBy('year')
    .execute();
  return new Map(rows.map((r) => [r.year, Number(r.n)]));
}
