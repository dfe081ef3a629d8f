import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  CadreDeathsTable,
  CadreFamilyMembersTable,
  CadreHealthTable,
  CadreHospitalStaysTable,
  CadresTable,
  CadreTravelsTable,
  Database,
} from '../../db/schema.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import { pageOf } from '../../platform/lists/page.ts';
import { type SortKey, sortColumn } from '../../platform/lists/sort.ts';
import { type CadreSortField, CadreStatus, Category, type Mobility } from './cadres.schema.ts';

type Conn = Kysely<Database>;

// ---- the master record ----

export async function insertCadre(db: Conn, row: Insertable<CadresTable>) {
  const r = await db.insertInto('cadres').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts many records in one statement per chunk (imports); returns their ids in order. */
export async function insertCadres(db: Conn, rows: Insertable<CadresTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db.insertInto('cadres').values(chunk).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Updates a record; its search terms follow when its status, managing org or name pinyin changes. */
export async function updateCadre(db: Conn, id: number, row: Updateable<CadresTable>) {
  await db.updateTable('cadres').set(row).where('id', '=', id).execute();
  if (row.status !== undefined || row.org_id !== undefined || row.name_pinyin !== undefined) {
    const own =
      (column: 'status' | 'org_id' | 'name_pinyin') =>
      (eb: ExpressionBuilder<Database, 'cadre_search_terms'>) =>
        eb.selectFrom('cadres').select(column).where('cadres.id', '=', id);
    await db
      .updateTable('cadre_search_terms')
      .set((eb) => ({
        status: own('status')(eb) as never,
        org_id: own('org_id')(eb) as never,
        sort_name: own('name_pinyin')(eb) as never,
      }))
      .where('cadre_id', '=', id)
      .execute();
  }
}

/**
 * Replaces the search terms of records (already written: each term carries its record's status,
 * managing org and name pinyin, read here so the two cannot disagree).
 */
export async function replaceSearchTerms(db: Conn, entries: { cadreId: number; terms: string[] }[]) {
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    const ids = chunk.map((e) => e.cadreId);
    await db.deleteFrom('cadre_search_terms').where('cadre_id', 'in', ids).execute();
    const owners = new Map(
      (
        await db
          .selectFrom('cadres')
          .select(['id', 'status', 'org_id', 'name_pinyin'])
          .where('id', 'in', ids)
          .execute()
      ).map((c) => [c.id, c]),
    );
    const rows = chunk.flatMap((e) => {
      const c = owners.get(e.cadreId);
      if (!c) return [];
      return [...new Set(e.terms)].map((term) => ({
        term,
        status: c.status,
        org_id: c.org_id,
        sort_name: c.name_pinyin,
        cadre_id: c.id,
      }));
    });
    for (let j = 0; j < rows.length; j += 1000) {
      await db
        .insertInto('cadre_search_terms')
        .values(rows.slice(j, j + 1000))
        .execute();
    }
  }
}

/** One record with its org's name, only inside the scope. */
export async function findCadre(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('c.id', '=', id)
    .where((eb) => inScope(eb, 'c.org_id', scope))
    .executeTakeFirst();
}

/** Names, orgs and statuses of records by id (to show people linked to other records). */
export async function findSummaries(db: Conn, ids: number[]) {
  const rows: {
    id: number;
    name: string;
    org_id: number;
    org_name: string;
    political_status: string | null;
    status: string;
  }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('cadres as c')
        .innerJoin('orgs as o', 'o.id', 'c.org_id')
        .select(['c.id', 'c.name', 'c.org_id', 'o.name as org_name', 'c.political_status', 'c.status'])
        .where('c.id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** The record holding an ID number (by blind index), wherever it is. */
export async function findByIdNumberIndex(db: Conn, bidx: string) {
  return db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.status', 'o.path as org_path'])
    .where('c.id_number_bidx', '=', bidx)
    .executeTakeFirst();
}

/** Records by ID-number blind index (duplicate detection in imports). */
export async function findByIdNumberIndexes(db: Conn, bidxs: string[]) {
  const found: { id: number; id_number_bidx: string; org_path: string; name: string }[] = [];
  for (let i = 0; i < bidxs.length; i += 500) {
    found.push(
      ...(await db
        .selectFrom('cadres as c')
        .innerJoin('orgs as o', 'o.id', 'c.org_id')
        .select(['c.id', 'c.id_number_bidx', 'o.path as org_path', 'c.name'])
        .where('c.id_number_bidx', 'in', bidxs.slice(i, i + 500))
        .execute()),
    );
  }
  return found;
}

/** The filters of the roster list, already resolved to columns. */
export interface CadreFilter {
  /** the orgs whose records are wanted (the caller's subtree, narrowed by a filter); null: every org */
  orgIds: number[] | null;
  status?: CadreStatus | undefined;
  category?: Category | undefined;
  rank?: string | undefined;
  treatmentLevel?: string | undefined;
  /** birth_date <= bornOnOrBefore */
  bornOnOrBefore?: string | undefined;
  /** birth_date > bornAfter */
  bornAfter?: string | undefined;
  relocated?: boolean | undefined;
  livingSituation?: string | undefined;
  partyMember?: boolean | undefined;
  mobility?: Mobility | undefined;
  /** prefix of a search term */
  term?: string | undefined;
  /** exact blind-index matches (ID number or phone) */
  idNumberBidx?: string | undefined;
  phoneBidx?: string | undefined;
}

/** The columns the roster sorts on, by sort field. */
const SORT_COLUMNS = {
  name: 'c.name_pinyin',
  birthDate: 'c.birth_date',
  retiredOn: 'c.retired_on',
  id: 'c.id',
} as const satisfies Record<CadreSortField, string>;
export type CadreSortKey = SortKey<CadreSortField>;

const PARTY_CODES = ['01', '02'];

/** The records a filter selects, joined to their orgs. */
function filtered(db: Conn, f: CadreFilter) {
  return matching(db, f).innerJoin('orgs as o', 'o.id', 'c.org_id');
}

/** The records a filter selects, alone: a count or a page of ids needs nothing else. */
function matching(db: Conn, f: CadreFilter) {
  let q = db.selectFrom('cadres as c');
  if (f.orgIds !== null) q = q.where('c.org_id', 'in', f.orgIds.length > 0 ? f.orgIds : [0]);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.rank) q = q.where('c.rank', '=', f.rank);
  if (f.treatmentLevel) q = q.where('c.treatment_level', '=', f.treatmentLevel);
  if (f.bornOnOrBefore) q = q.where('c.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornAfter) q = q.where('c.birth_date', '>', f.bornAfter);
  if (f.relocated !== undefined) q = q.where('c.relocated', '=', f.relocated ? 1 : 0);
  if (f.livingSituation) q = q.where('c.living_situation', '=', f.livingSituation);
  if (f.partyMember !== undefined) {
    q = f.partyMember
      ? q.where('c.political_status', 'in', PARTY_CODES)
      : q.where((eb) =>
          eb.or([eb('c.political_status', 'is', null), eb('c.political_status', 'not in', PARTY_CODES)]),
        );
  }
  if (f.mobility) {
    // Per record, by the health table's key: a unit's list does not gather the whole city's matches first.
    const mobility = f.mobility;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cadre_health as h')
          .select('h.cadre_id')
          .whereRef('h.cadre_id', '=', 'c.id')
          .where('h.mobility', '=', mobility),
      ),
    );
  }
  if (f.idNumberBidx) q = q.where('c.id_number_bidx', '=', f.idNumberBidx);
  if (f.phoneBidx) {
    const b = f.phoneBidx;
    q = q.where((eb) => eb.or([eb('c.mobile_bidx', '=', b), eb('c.landline_bidx', '=', b)]));
  }
  if (f.term) {
    // A prefix match as an index range: terms compare byte by byte, and U+FFFF sorts after every character.
    const term = f.term;
    q = q.where((eb) =>
      eb(
        'c.id',
        'in',
        eb
          .selectFrom('cadre_search_terms')
          .select('cadre_id')
          .where('term', '>=', term)
          .where('term', '<', `${term}\uffff`),
      ),
    );
  }
  return q;
}

const listColumns = [
  'c.id',
  'c.name',
  'c.gender',
  'c.birth_date',
  'c.id_number_masked',
  'c.mobile_masked',
  'c.id_number_enc',
  'c.mobile_enc',
  'c.category',
  'c.org_id',
  'o.name as org_name',
  'c.rank',
  'c.treatment_level',
  'c.political_status',
  'c.retired_on',
  'c.living_situation',
  'c.relocated',
  'c.status',
] as const;

/** The values of the columns every list filters on by equality, for reading the list indexes range by range. */
const STATUSES = CadreStatus.anyOf.map((t) => t.const);
const CATEGORIES = Category.anyOf.map((t) => t.const);

/**
 * How many index entries a merged page may read (ranges × rows each). A first page of a county (some
 * 56 orgs, 20 rows each) reads about 1,100; a deep page of a wide subtree is sorted instead.
 */
const MERGE_BUDGET = 50_000;
/** SQLite allows 500 terms in a compound SELECT. */
const MAX_RANGES = 400;

/** One page of the roster, with the exact number of matches. */
export async function listCadres(
  db: Conn,
  f: CadreFilter,
  sort: CadreSortKey,
  page: number,
  pageSize: number,
) {
  if (f.term && isTermsOnly(f) && (sort === 'name' || sort === '-name'))
    return listByTerms(db, f, f.term, sort === 'name' ? 'asc' : 'desc', page, pageSize);
  const offset = (page - 1) * pageSize;
  const [ids, total] = await Promise.all([pageIds(db, f, sort, offset, pageSize), countCadres(db, f)]);
  return { items: await listRows(db, ids), total };
}

/** The list rows of records, in the order of their ids. */
async function listRows(db: Conn, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = (await db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(listColumns)
    .where('c.id', 'in', ids)
    .execute()) as ListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ListRow => r !== undefined);
}

/**
 * The ids of one page, read in index order where the list indexes allow it. Every list filters on
 * status and category by equality and on the org by a list of ids, and each (org, status, category)
 * range of a `cadres_list_org_*` index is already in sort order: the page is the first rows of each
 * range, merged (a compound SELECT of one bounded range read per org). A unit's first page reads 20
 * index entries, a county's about 1,100, where sorting read every record of the county. Searches,
 * exact lookups and health filters select few records and take the general path, as do deep pages.
 */
async function pageIds(db: Conn, f: CadreFilter, sort: CadreSortKey, offset: number, limit: number) {
  const [column, direction] = sortColumn(SORT_COLUMNS, sort);
  const ranges = listRanges(f);
  if (ranges && ranges.length > 0 && ranges.length * (offset + limit) <= MERGE_BUDGET) {
    const rest = matching(db, { ...f, orgIds: null, status: undefined, category: undefined });
    const reads = ranges.map((r, i) => {
      let q = rest.where('c.status', '=', r.status).where('c.category', '=', r.category);
      if (r.orgId !== null) q = q.where('c.org_id', '=', r.orgId);
      const read = q
        .select([sql.ref(column).as('k'), 'c.id'])
        .orderBy(column, direction)
        .orderBy('c.id', direction)
        .limit(offset + limit);
      return sql`select k, id from (${read}) as ${sql.id(`r${i}`)}`;
    });
    // Joined as SQL rather than by chained unionAll calls, each of which copies the whole query so far
    // (a county's 56 ranges took 30 ms to build, against 2 ms to run).
    const order = sql.raw(direction);
    const { rows } = await sql<{ id: number }>`${sql.join(reads, sql` union all `)}
      order by k ${order}, id ${order} limit ${limit} offset ${offset}`.execute(db);
    return rows.map((r) => r.id);
  }
  // Within a subtree, select first and sort what was selected: wrapping the key keeps the planner from
  // walking a city-wide sort index through every record to fill a deep page of one county.
  const key = column === 'c.id' || f.orgIds === null ? sql.ref(column) : sql`${sql.ref(column)} || ''`;
  const rows = await matching(db, f)
    .select('c.id')
    .orderBy(key, direction)
    .orderBy('c.id', direction)
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The (org, status, category) index ranges a filter covers, or null when the list is not read range by
 * range (a keyword, an exact lookup or a health filter, each selecting few records; too many ranges).
 */
function listRanges(f: CadreFilter) {
  if (f.term || f.idNumberBidx || f.phoneBidx || f.mobility) return null;
  const orgs = f.orgIds ?? [null];
  const statuses = f.status ? [f.status] : STATUSES;
  const categories = f.category ? [f.category] : CATEGORIES;
  if (orgs.length * statuses.length * categories.length > MAX_RANGES) return null;
  return orgs.flatMap((orgId) =>
    statuses.flatMap((status) => categories.map((category) => ({ orgId, status, category }))),
  );
}

/** True when a filter asks only for what search terms carry besides the term: status and managing org. */
function isTermsOnly(f: CadreFilter) {
  const { orgIds: _orgs, status: _status, term: _term, ...rest } = f;
  return Object.values(rest).every((v) => v === undefined);
}

/**
 * A keyword search sorted by name, answered from the search terms' key (term, status, org, name
 * pinyin, id) alone: a broad keyword ("王" matches one person in twelve) costs one range scan and a
 * bounded sort, not a visit to every matching record. A person can match on several terms; those rows
 * sort next to each other, so the page is read with room to spare and de-duplicated in order.
 */
async function listByTerms(
  db: Conn,
  f: CadreFilter,
  term: string,
  direction: 'asc' | 'desc',
  page: number,
  pageSize: number,
) {
  let q = db.selectFrom('cadre_search_terms').where('term', '>=', term).where('term', '<', `${term}\uffff`);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.orgIds !== null) q = q.where('org_id', 'in', f.orgIds.length > 0 ? f.orgIds : [0]);
  const wanted = page * pageSize;
  let ids: number[] = [];
  for (let limit = wanted * 3; ; limit *= 2) {
    const rows = await q
      .select('cadre_id')
      .orderBy('sort_name', direction)
      .orderBy('cadre_id', direction)
      .limit(limit)
      .execute();
    ids = rows.map((r) => r.cadre_id).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    if (ids.length >= wanted || rows.length < limit) break;
  }
  const pageIds = ids.slice((page - 1) * pageSize, wanted);
  const [items, count] = await Promise.all([
    listRows(db, pageIds),
    q.select(sql<number>`count(distinct cadre_id)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export interface ListRow {
  id: number;
  name: string;
  gender: string;
  birth_date: string;
  /** null only for a record written by an instance of an earlier version, until the next start fills it */
  id_number_masked: string | null;
  mobile_masked: string | null;
  id_number_enc: string;
  mobile_enc: string | null;
  category: string;
  org_id: number;
  org_name: string;
  rank: string | null;
  treatment_level: string | null;
  political_status: string | null;
  retired_on: string | null;
  living_situation: string | null;
  relocated: number;
  status: string;
}

/**
 * Whole records of the roster in list order, in batches of `batchSize`. The order is settled first, as
 * ids: a narrow sort of what the filter selected (the sort key is wrapped so the planner does not walk a
 * whole sort index instead, visiting every record of the city to export one county). The records then
 * follow a batch at a time by id: only the ids (8 bytes a record) are held, and no OFFSET rescans.
 */
export async function* streamCadres(db: Conn, f: CadreFilter, sort: CadreSortKey, batchSize = 1000) {
  const [column, direction] = sortColumn(SORT_COLUMNS, sort);
  const key = column === 'c.id' ? sql.ref(column) : sql`${sql.ref(column)} || ''`;
  const order = await matching(db, f)
    .select('c.id')
    .orderBy(key, direction)
    .orderBy('c.id', direction)
    .execute();
  for (let i = 0; i < order.length; i += batchSize) {
    const ids = order.slice(i, i + batchSize).map((r) => r.id);
    const rows = await db
      .selectFrom('cadres as c')
      .innerJoin('orgs as o', 'o.id', 'c.org_id')
      .selectAll('c')
      .select(['o.name as org_name'])
      .where('c.id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    yield ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  }
}

/**
 * Counts the records a filter selects, exactly: from the ranges of `cadres_list_org_name` (which carries
 * every filtered column) without visiting a record, unless a keyword or health filter narrows it first.
 */
export async function countCadres(db: Conn, f: CadreFilter) {
  const r = await matching(db, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Active records whose birthday key is among the given ones, by calendar. */
export async function findByBirthdayKeys(
  db: Conn,
  f: CadreFilter,
  keys: { solar: string[]; lunar: string[] },
) {
  return filtered(db, f)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('c.birthday_calendar', '=', 'solar'),
          eb('c.birthday_key', 'in', keys.solar.length ? keys.solar : ['']),
        ]),
        eb.and([
          eb('c.birthday_calendar', '=', 'lunar'),
          eb('c.birthday_key', 'in', keys.lunar.length ? keys.lunar : ['']),
        ]),
      ]),
    )
    .select([
      'c.id',
      'c.name',
      'c.org_id',
      'o.name as org_name',
      'c.category',
      'c.birth_date',
      'c.birthday_calendar',
      'c.birthday_key',
    ])
    .limit(5000)
    .execute();
}

/** Every record's encrypted columns (key rotation), a batch at a time. */
export async function* streamEncrypted(db: Conn, batchSize = 1000) {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('cadres')
      .select(['id', 'id_number_enc', 'mobile_enc', 'landline_enc', 'emergency_contacts_enc'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** Records whose masked numbers are not stored yet (by the partial index `cadres_unmasked`). */
export async function findUnmasked(db: Conn, limit: number) {
  return db
    .selectFrom('cadres')
    .select(['id', 'id_number_enc', 'mobile_enc', 'landline_enc', 'id_number_masked', 'mobile_masked'])
    .where('id_number_masked', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- death ----

export async function findDeath(db: Conn, cadreId: number) {
  return db.selectFrom('cadre_deaths').selectAll().where('cadre_id', '=', cadreId).executeTakeFirst();
}

export async function insertDeath(db: Conn, row: Insertable<CadreDeathsTable>) {
  await db.insertInto('cadre_deaths').values(row).execute();
}

export async function deleteDeath(db: Conn, cadreId: number) {
  await db.deleteFrom('cadre_deaths').where('cadre_id', '=', cadreId).execute();
}

// ---- health ----

export async function findHealth(db: Conn, cadreId: number) {
  return db.selectFrom('cadre_health').selectAll().where('cadre_id', '=', cadreId).executeTakeFirst();
}

export async function saveHealth(db: Conn, row: Insertable<CadreHealthTable>) {
  const { cadre_id, ...rest } = row;
  await db
    .insertInto('cadre_health')
    .values(row)
    .onConflict((oc) => oc.column('cadre_id').doUpdateSet(rest))
    .execute();
}

// ---- the list ledgers: family members, hospital stays, travels ----

/** The ledger tables that hold many entries per record. */
export type LedgerTable = 'cadre_family_members' | 'cadre_hospital_stays' | 'cadre_travels';
type LedgerRow = CadreFamilyMembersTable | CadreHospitalStaysTable | CadreTravelsTable;

const LEDGER_ORDER: Record<LedgerTable, string> = {
  cadre_family_members: 'id',
  cadre_hospital_stays: 'admitted_on',
  cadre_travels: 'created_at',
};

/** A record's entries in one ledger, newest first. */
export async function listLedger(db: Conn, table: LedgerTable, cadreId: number) {
  return db
    .selectFrom(table)
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .orderBy(LEDGER_ORDER[table] as never, 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findLedgerEntry(db: Conn, table: LedgerTable, cadreId: number, id: number) {
  return db
    .selectFrom(table)
    .selectAll()
    .where('cadre_id', '=', cadreId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertLedgerEntry(db: Conn, table: LedgerTable, row: Record<string, unknown>) {
  const r = await db
    .insertInto(table)
    .values(row as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateLedgerEntry(
  db: Conn,
  table: LedgerTable,
  id: number,
  row: Record<string, unknown>,
) {
  await db
    .updateTable(table)
    .set(row as never)
    .where('id', '=', id)
    .execute();
}

export async function deleteLedgerEntry(db: Conn, table: LedgerTable, id: number) {
  await db.deleteFrom(table).where('id', '=', id).execute();
}

/** Entries of one ledger across every record in scope, newest first, with the record's name. */
export async function listLedgerAcross(
  db: Conn,
  table: LedgerTable | 'cadre_deaths' | 'cadre_health',
  scope: Scope | null,
  opts: {
    from?: string | undefined;
    to?: string | undefined;
    dateColumn?: string;
    page: number;
    pageSize: number;
  },
) {
  let q = db
    .selectFrom(`${table} as l` as 'cadre_travels as l')
    .innerJoin('cadres as c', 'c.id', 'l.cadre_id')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .where((eb) => inScope(eb, 'c.org_id', scope));
  const dateColumn = opts.dateColumn ? (`l.${opts.dateColumn}` as 'l.created_at') : null;
  if (dateColumn && opts.from) q = q.where(dateColumn, '>=', opts.from);
  if (dateColumn && opts.to) q = q.where(dateColumn, '<=', opts.to);
  const { items, total } = await pageOf(
    db,
    q
      .selectAll('l')
      .select(['c.name as cadre_name', 'o.name as org_name'])
      .orderBy(dateColumn ?? 'l.cadre_id', 'desc'),
    opts,
  );
  return { items: items as unknown as (LedgerRow & { cadre_name: string; org_name: string })[], total };
}

/** Re-seals the ledgers' encrypted columns of some records (key rotation). */
export async function resealLedgers(
  db: Conn,
  cadreIds: number[],
  reseal: (v: string | null) => string | null,
) {
  const family = await db
    .selectFrom('cadre_family_members')
    .select(['id', 'phone_enc'])
    .where('cadre_id', 'in', cadreIds)
    .execute();
  for (const f of family) {
    if (f.phone_enc)
      await db
        .updateTable('cadre_family_members')
        .set({ phone_enc: reseal(f.phone_enc) })
        .where('id', '=', f.id)
        .execute();
  }
  const travels = await db
    .selectFrom('cadre_travels')
    .select(['id', 'document_no_enc'])
    .where('cadre_id', 'in', cadreIds)
    .execute();
  for (const t of travels) {
    if (t.document_no_enc) {
      await db
        .updateTable('cadre_travels')
        .set({ document_no_enc: reseal(t.document_no_enc) })
        .where('id', '=', t.id)
        .execute();
    }
  }
}
