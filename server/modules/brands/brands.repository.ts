import type { Insertable, Kysely, Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect.ts';
import type {
  BrandAwardsTable,
  BrandInspectionsTable,
  BrandReviewsTable,
  BrandSystemsTable,
  BrandsTable,
  Database,
} from '../../db/schema.ts';
import { inScope, type Scope, subtreeRange } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { type SortKey, sortBy } from '../../platform/lists/sort.ts';
import type { AwardKind, BrandSortField, BrandStatus } from './brands.schema.ts';
import { brandWorkflow } from './brands.workflow.ts';

type Conn = Kysely<Database>;

// ---- the umbrella brand ----

/** The umbrella brands, with how many approved, not withdrawn brands of the scope belong to each. */
export async function listSystems(db: Conn, scope: Scope | null) {
  return db
    .selectFrom('brand_systems as s')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.name as org_name')
    .select((eb) =>
      eb
        .selectFrom('brands as b')
        .innerJoin('workflow_items as w', (join) =>
          join.onRef('w.record_id', '=', 'b.id').on('w.workflow', '=', brandWorkflow.name),
        )
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.system_id', '=', 's.id')
        .where('w.state', '=', 'approved')
        .where((e) => inScope(e, 'b.org_id', scope))
        .as('brand_count'),
    )
    .orderBy('s.id')
    .execute();
}

export async function findSystem(db: Conn, id: number) {
  return db.selectFrom('brand_systems').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSystem(db: Conn, row: Insertable<BrandSystemsTable>) {
  const r = await db.insertInto('brand_systems').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSystem(db: Conn, id: number, row: Updateable<BrandSystemsTable>) {
  await db.updateTable('brand_systems').set(row).where('id', '=', id).execute();
}

// ---- brands ----

/** A brand with its branch, org, umbrella and application state (read from the workflow's item). */
function brandQuery(db: Conn) {
  return db
    .selectFrom('brands as b')
    .innerJoin('branches as br', 'br.id', 'b.branch_id')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .leftJoin('brand_systems as s', 's.id', 'b.system_id')
    .innerJoin('workflow_items as w', (join) =>
      join.onRef('w.record_id', '=', 'b.id').on('w.workflow', '=', brandWorkflow.name),
    )
    .selectAll('b')
    .select([
      'br.name as branch_name',
      'o.name as org_name',
      'o.path as org_path',
      's.name as system_name',
      'w.state as state',
    ]);
}

export async function insertBrand(db: Conn, row: Insertable<BrandsTable>) {
  const r = await db.insertInto('brands').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBrand(db: Conn, id: number, row: Updateable<BrandsTable>) {
  await db.updateTable('brands').set(row).where('id', '=', id).execute();
}

/** Deletes a brand (its files' links go with it in the caller's transaction; the stored files stay). */
export async function deleteBrand(db: Conn, id: number) {
  await db.deleteFrom('brands').where('id', '=', id).execute();
}

/** One brand, only when its org lies inside the scope. */
export async function findBrand(db: Conn, id: number, scope: Scope | null) {
  return brandQuery(db)
    .where('b.id', '=', id)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .executeTakeFirst();
}

export type BrandRecord = NonNullable<Awaited<ReturnType<typeof findBrand>>>;

/** Locks a brand's row until the transaction ends, so that changes to one brand run one after another. */
export async function lockBrand(trx: Conn, id: number) {
  await forUpdate(trx, trx.selectFrom('brands').select('id').where('id', '=', id)).executeTakeFirst();
}

/** The branch's other brands that are being applied for or still in their cycle on a day. */
export async function liveBrandsOfBranch(db: Conn, branchId: number, on: string, except?: number) {
  let q = db
    .selectFrom('brands as b')
    .innerJoin('workflow_items as w', (join) =>
      join.onRef('w.record_id', '=', 'b.id').on('w.workflow', '=', brandWorkflow.name),
    )
    .select('b.id')
    .where('b.branch_id', '=', branchId)
    .where((eb) =>
      eb.or([
        eb('w.state', 'in', ['draft', 'submitted', 'returned']),
        eb.and([eb('w.state', '=', 'approved'), eb('b.cycle_end', '>=', on)]),
      ]),
    );
  if (except) q = q.where('b.id', '!=', except);
  return q.execute();
}

/** The filters of the brand list, already resolved. */
export interface BrandFilter {
  scope: Scope | null;
  orgPath?: string | undefined;
  branchId?: number | undefined;
  systemId?: number | undefined;
  status?: BrandStatus | undefined;
  year?: number | undefined;
  overdue?: boolean | undefined;
  keyword?: string | undefined;
  /** today, for active, expired and overdue */
  today: string;
}

function filtered(db: Conn, f: BrandFilter) {
  let q = brandQuery(db).where((eb) => inScope(eb, 'b.org_id', f.scope));
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.branchId) q = q.where('b.branch_id', '=', f.branchId);
  if (f.systemId) q = q.where('b.system_id', '=', f.systemId);
  if (f.status === 'active') q = q.where('w.state', '=', 'approved').where('b.cycle_end', '>=', f.today);
  else if (f.status === 'expired') q = q.where('w.state', '=', 'approved').where('b.cycle_end', '<', f.today);
  else if (f.status) q = q.where('w.state', '=', f.status);
  if (f.year) {
    q = q.where('b.cycle_start', '<=', `${f.year}-12-31`).where('b.cycle_end', '>=', `${f.year}-01-01`);
  }
  if (f.overdue) q = q.where('w.state', '=', 'approved').where('b.next_review_due', '<', f.today);
  if (f.keyword) {
    q = q.where(keywordMatch(db, f.keyword, { contains: ['b.name', 'br.name'], pinyin: ['br.name_pinyin'] }));
  }
  return q;
}

const SORT_COLUMNS = {
  name: 'b.name',
  branchName: 'br.name',
  cycleStart: 'b.cycle_start',
  nextReviewDue: 'b.next_review_due',
  updatedAt: 'b.updated_at',
  id: 'b.id',
} as const satisfies Record<BrandSortField, string>;
export type BrandSortKey = SortKey<BrandSortField>;

const sorted = (q: ReturnType<typeof filtered>, sort: BrandSortKey) => sortBy(q, sort, SORT_COLUMNS, 'b.id');

/** One page of brands. */
export async function listBrands(db: Conn, f: BrandFilter, sort: BrandSortKey, page: PageRequest) {
  return pageOf(db, sorted(filtered(db, f), sort), page);
}

/** Every brand matching the filters (exports). */
export async function listAllBrands(db: Conn, f: BrandFilter, sort: BrandSortKey) {
  return sorted(filtered(db, f), sort).execute();
}

// ---- reviews and inspections ----

/** A brand's reviews, oldest first. */
export async function listReviews(db: Conn, brandId: number) {
  return db.selectFrom('brand_reviews').selectAll().where('brand_id', '=', brandId).orderBy('id').execute();
}

export async function insertReview(db: Conn, row: Insertable<BrandReviewsTable>) {
  const r = await db.insertInto('brand_reviews').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A brand's inspections, latest first. */
export async function listInspections(db: Conn, brandId: number) {
  return db
    .selectFrom('brand_inspections')
    .selectAll()
    .where('brand_id', '=', brandId)
    .orderBy('inspected_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertInspection(db: Conn, row: Insertable<BrandInspectionsTable>) {
  const r = await db.insertInto('brand_inspections').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- selections and provincial cases ----

function awardQuery(db: Conn) {
  return db
    .selectFrom('brand_awards as a')
    .innerJoin('brands as b', 'b.id', 'a.brand_id')
    .innerJoin('branches as br', 'br.id', 'b.branch_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select(['b.name as brand_name', 'b.idea as idea', 'br.name as branch_name', 'o.name as org_name']);
}

export type AwardRow = Awaited<ReturnType<typeof listAllAwards>>[number];

/** The filters of the selections list, already resolved. */
export interface AwardFilter {
  scope: Scope | null;
  orgPath?: string | undefined;
  brandId?: number | undefined;
  year?: number | undefined;
  kind?: AwardKind | undefined;
}

function awardsFiltered(db: Conn, f: AwardFilter) {
  let q = awardQuery(db).where((eb) => inScope(eb, 'a.org_id', f.scope));
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.brandId) q = q.where('a.brand_id', '=', f.brandId);
  if (f.year) q = q.where('a.year', '=', f.year);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  return q.orderBy('a.year', 'desc').orderBy('a.kind', 'desc').orderBy('b.name').orderBy('a.id');
}

export async function listAwards(db: Conn, f: AwardFilter, page: PageRequest) {
  return pageOf(db, awardsFiltered(db, f), page);
}

export async function listAllAwards(db: Conn, f: AwardFilter) {
  return awardsFiltered(db, f).execute();
}

export async function findAward(db: Conn, id: number, scope: Scope | null) {
  return awardQuery(db)
    .where('a.id', '=', id)
    .where((eb) => inScope(eb, 'a.org_id', scope))
    .executeTakeFirst();
}

/** How many awards of a kind a year already has, across the whole city (the limit is the city's). */
export async function countAwards(db: Conn, year: number, kind: AwardKind) {
  const r = await db
    .selectFrom('brand_awards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('year', '=', year)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A brand's awards in a year. */
export async function awardsOfBrand(db: Conn, brandId: number, year: number) {
  return db
    .selectFrom('brand_awards')
    .select(['id', 'kind'])
    .where('brand_id', '=', brandId)
    .where('year', '=', year)
    .execute();
}

export async function insertAward(db: Conn, row: Insertable<BrandAwardsTable>) {
  const r = await db.insertInto('brand_awards').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteAward(db: Conn, id: number) {
  await db.deleteFrom('brand_awards').where('id', '=', id).execute();
}

/**
 * Locks a year's selections until the transaction ends (creating the year's row on first use), so that
 * two selections of one year are written one after the other and the ten-a-year count holds.
 */
export async function lockAwardYear(trx: Conn, year: number) {
  await trx
    .insertInto('brand_award_years')
    .values({ year })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
  await forUpdate(
    trx,
    trx.selectFrom('brand_award_years').select('year').where('year', '=', year),
  ).executeTakeFirst();
}

// ---- bulk writes (the demo data) ----

/** Writes rows a chunk at a time (within the bound-parameter limits) and answers their ids in order. */
async function inChunks<R>(rows: R[], size: number, write: (chunk: R[]) => Promise<{ id: number }[]>) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    ids.push(...(await write(rows.slice(i, i + size))).map((r) => r.id));
  }
  return ids;
}

export async function insertBrands(db: Conn, rows: Insertable<BrandsTable>[]) {
  return inChunks(rows, 200, (chunk) => db.insertInto('brands').values(chunk).returning('id').execute());
}

export async function insertReviews(db: Conn, rows: Insertable<BrandReviewsTable>[]) {
  return inChunks(rows, 500, (chunk) =>
    db.insertInto('brand_reviews').values(chunk).returning('id').execute(),
  );
}

export async function insertInspections(db: Conn, rows: Insertable<BrandInspectionsTable>[]) {
  return inChunks(rows, 500, (chunk) =>
    db.insertInto('brand_inspections').values(chunk).returning('id').execute(),
  );
}

/** Writes many selections at once, with their years' rows (which the selections of a year lock). */
export async function insertAwards(db: Conn, rows: Insertable<BrandAwardsTable>[]) {
  const years = [...new Set(rows.map((r) => r.year))];
  if (years.length > 0) {
    await db
      .insertInto('brand_award_years')
      .values(years.map((year) => ({ year })))
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
  }
  return inChunks(rows, 500, (chunk) =>
    db.insertInto('brand_awards').values(chunk).returning('id').execute(),
  );
}

/** Approved brands whose next yearly review is due on or before a day (the reminders' source). */
export async function reviewsDueBy(db: Conn, cutoff: string) {
  return db
    .selectFrom('brands as b')
    .innerJoin('workflow_items as w', (join) =>
      join.onRef('w.record_id', '=', 'b.id').on('w.workflow', '=', brandWorkflow.name),
    )
    .select(['b.id', 'b.name', 'b.org_id', 'b.next_review_due'])
    .where('w.state', '=', 'approved')
    .where('b.next_review_due', 'is not', null)
    .where('b.next_review_due', '<=', cutoff)
    .orderBy('b.next_review_due')
    .orderBy('b.id')
    .execute();
}
