import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type {
  BranchCommitteeMembersTable,
  BranchElectionsTable,
  BranchesTable,
  BranchMembershipsTable,
  BranchMobileMembersTable,
  Database,
} from '../../db/schema.ts';
import { inScope, type Scope, subtreeRange } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { namePinyinText } from '../../platform/lists/pinyin.ts';
import { type SortKey, sortBy } from '../../platform/lists/sort.ts';
import { GENERAL_AT, MIN_MEMBERS } from './branches.rules.ts';
import type { BranchKind, BranchSortField, CommitteePost } from './branches.schema.ts';

type Conn = Kysely<Database>;

// ---- branches ----

/** A branch row with its name's pinyin search text, which follows the name. */
const withPinyin = <R extends { name?: string | undefined }>(row: R) =>
  row.name === undefined ? row : { ...row, name_pinyin: namePinyinText(row.name) };

export async function insertBranch(db: Conn, row: Insertable<BranchesTable>) {
  const r = await db.insertInto('branches').values(withPinyin(row)).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBranch(db: Conn, id: number, row: Updateable<BranchesTable>) {
  await db.updateTable('branches').set(withPinyin(row)).where('id', '=', id).execute();
}

/** The pinyin search text of a branch's current name, for other modules' lists that match it by keyword. */
export const branchNamePinyin = (branchId: string) =>
  sql<string>`(select pb.name_pinyin from branches pb where pb.id = ${sql.ref(branchId)})`;

/** Deletes a branch with its committee, mobile members and elections (it has no memberships). */
export async function deleteBranch(db: Conn, id: number) {
  await db.deleteFrom('branch_committee_members').where('branch_id', '=', id).execute();
  await db.deleteFrom('branch_mobile_members').where('branch_id', '=', id).execute();
  await db.deleteFrom('branch_elections').where('branch_id', '=', id).execute();
  await db.deleteFrom('branches').where('id', '=', id).execute();
}

/** One branch with its org's path, only inside the scope. */
export async function findBranch(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .selectAll('b')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('b.id', '=', id)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .executeTakeFirst();
}

export type BranchRecord = NonNullable<Awaited<ReturnType<typeof findBranch>>>;

/** A working branch of the same name in an org, other than the given one. */
export async function findNamesake(db: Conn, orgId: number, name: string, exceptId: number | null) {
  let q = db
    .selectFrom('branches')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .where('dissolved_on', 'is', null);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** The branches under a general branch, with their orgs' paths. */
export async function findChildren(db: Conn, parentId: number) {
  return db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select(['b.id', 'b.dissolved_on', 'o.path as org_path'])
    .where('b.parent_id', '=', parentId)
    .execute();
}

/** How many memberships a branch holds: open ones, and all ever recorded. */
export async function countMemberships(db: Conn, branchId: number) {
  const r = await db
    .selectFrom('branch_memberships')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(sql`case when left_on is null then 1 else 0 end`).as('open'),
    ])
    .where('branch_id', '=', branchId)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), open: Number(r.open ?? 0) };
}

/** A branch with the counts the console shows: members by role, mobile members, branches under it. */
function withCounts(db: Conn, on: string) {
  return db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .leftJoin('branches as p', 'p.id', 'b.parent_id')
    .selectAll('b')
    .select(['o.name as org_name', 'o.path as org_path', 'p.name as parent_name'])
    .select((eb) => [
      eb
        .selectFrom('branch_memberships as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.branch_id', '=', 'b.id')
        .where('m.left_on', 'is', null)
        .where('m.role', '=', 'primary')
        .as('primary_count'),
      eb
        .selectFrom('branch_memberships as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.branch_id', '=', 'b.id')
        .where('m.left_on', 'is', null)
        .where('m.role', '=', 'participating')
        .as('participating_count'),
      eb
        .selectFrom('branch_mobile_members as mm')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('mm.branch_id', '=', 'b.id')
        .where((e) => e.or([e('mm.until_on', 'is', null), e('mm.until_on', '>=', on)]))
        .as('mobile_count'),
      eb
        .selectFrom('branches as c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.parent_id', '=', 'b.id')
        .where('c.dissolved_on', 'is', null)
        .as('children_count'),
      eb
        .selectFrom('branch_memberships as cm')
        .innerJoin('branches as cb', 'cb.id', 'cm.branch_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('cb.parent_id', '=', 'b.id')
        .where('cm.left_on', 'is', null)
        .as('child_member_count'),
    ]);
}

/** The filters of the branch list, already resolved. */
export interface BranchFilter {
  scope: Scope | null;
  /** the path of an org whose subtree the list is narrowed to */
  orgPath?: string | undefined;
  keyword?: string | undefined;
  kind?: BranchKind | undefined;
  parentId?: number | undefined;
  status: 'active' | 'dissolved' | 'all';
  needsAttention?: boolean | undefined;
}

function filtered(db: Conn, f: BranchFilter, on: string) {
  let inner = withCounts(db, on).where((eb) => inScope(eb, 'b.org_id', f.scope));
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    inner = inner.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.kind) inner = inner.where('b.kind', '=', f.kind);
  if (f.parentId) inner = inner.where('b.parent_id', '=', f.parentId);
  if (f.status === 'active') inner = inner.where('b.dissolved_on', 'is', null);
  if (f.status === 'dissolved') inner = inner.where('b.dissolved_on', 'is not', null);
  if (f.keyword)
    inner = inner.where(keywordMatch(db, f.keyword, { contains: ['b.name'], pinyin: ['b.name_pinyin'] }));
  let q = db.selectFrom(inner.as('x')).selectAll();
  if (f.needsAttention) {
    // The setup rule of branches.rules.ts, in SQL, so the filter pages like any other.
    q = q.where((eb) =>
      eb.and([
        eb('x.dissolved_on', 'is', null),
        eb.or([
          eb.and([eb('x.kind', '=', 'general'), eb('x.children_count', '=', 0)]),
          eb.and([
            eb('x.kind', '!=', 'general'),
            eb.or([
              eb(sql`x.primary_count + x.participating_count`, '<', MIN_MEMBERS),
              eb(sql`x.primary_count + x.participating_count`, '>=', GENERAL_AT),
            ]),
          ]),
        ]),
      ]),
    );
  }
  return q;
}

export type BranchCountsRow = Awaited<ReturnType<typeof listAllBranches>>[number];

/** The columns branch lists sort on, by sort field ('members' is the sum of both counts). */
const SORT_COLUMNS = {
  name: 'x.name',
  foundedOn: 'x.founded_on',
  members: sql`x.primary_count + x.participating_count`,
  nextElectionDueOn: 'x.next_election_due_on',
  id: 'x.id',
} as const;
export type BranchSortKey = SortKey<BranchSortField>;

const sorted = (q: ReturnType<typeof filtered>, sort: BranchSortKey) => sortBy(q, sort, SORT_COLUMNS, 'x.id');

/** One page of branches with their counts. */
export async function listBranches(
  db: Conn,
  f: BranchFilter,
  sort: BranchSortKey,
  page: PageRequest,
  on: string,
) {
  return pageOf(db, sorted(filtered(db, f, on), sort), page);
}

/** Every branch matching the filters (exports, the tree), sorted. */
export async function listAllBranches(db: Conn, f: BranchFilter, sort: BranchSortKey, on: string) {
  return sorted(filtered(db, f, on), sort).execute();
}

/** One branch with its counts. */
export async function findBranchWithCounts(db: Conn, id: number, on: string) {
  return db
    .selectFrom(withCounts(db, on).where('b.id', '=', id).as('x'))
    .selectAll()
    .executeTakeFirst();
}

// ---- memberships ----

export async function insertMembership(db: Conn, row: Insertable<BranchMembershipsTable>) {
  const r = await db.insertInto('branch_memberships').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMembership(db: Conn, id: number, row: Updateable<BranchMembershipsTable>) {
  await db.updateTable('branch_memberships').set(row).where('id', '=', id).execute();
}

const membershipColumns = [
  'm.id',
  'm.branch_id',
  'm.cadre_id',
  'm.role',
  'm.joined_on',
  'm.left_on',
  'm.leave_reason',
  'm.transferred_to_id',
  'm.remarks',
  'b.name as branch_name',
  'b.kind as branch_kind',
] as const;

/** One membership, only when its branch lies inside the scope. */
export async function findMembership(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('branch_memberships as m')
    .innerJoin('branches as b', 'b.id', 'm.branch_id')
    .select(membershipColumns)
    .where('m.id', '=', id)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .executeTakeFirst();
}

export type MembershipRecord = NonNullable<Awaited<ReturnType<typeof findMembership>>>;

/** The memberships of a branch: open ones, closed ones, or all. */
export async function listMembers(db: Conn, branchId: number, status: 'active' | 'left' | 'all') {
  let q = db
    .selectFrom('branch_memberships as m')
    .innerJoin('branches as b', 'b.id', 'm.branch_id')
    .select(membershipColumns)
    .where('m.branch_id', '=', branchId);
  if (status === 'active') q = q.where('m.left_on', 'is', null);
  if (status === 'left') q = q.where('m.left_on', 'is not', null);
  return q.orderBy('m.joined_on').orderBy('m.id').execute();
}

/** A person's memberships in branches inside the scope, oldest first. */
export async function listCadreMemberships(db: Conn, cadreId: number, scope: Scope | null) {
  return db
    .selectFrom('branch_memberships as m')
    .innerJoin('branches as b', 'b.id', 'm.branch_id')
    .select(membershipColumns)
    .where('m.cadre_id', '=', cadreId)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .orderBy('m.joined_on')
    .orderBy('m.id')
    .execute();
}

/** A person's open primary membership, wherever it is. */
export async function findOpenPrimary(db: Conn, cadreId: number) {
  return db
    .selectFrom('branch_memberships')
    .select(['id', 'branch_id'])
    .where('cadre_id', '=', cadreId)
    .where('role', '=', 'primary')
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

/** A person's open membership of one branch, or (for a general branch) of a branch under it. */
export async function findOpenMembership(db: Conn, branchIds: number[], cadreId: number) {
  return db
    .selectFrom('branch_memberships')
    .select(['id', 'branch_id', 'role'])
    .where('branch_id', 'in', branchIds.length ? branchIds : [0])
    .where('cadre_id', '=', cadreId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
}

/** Ends what a departing member held in a branch: open posts and mobile-member periods. */
export async function closeLinked(db: Conn, branchId: number, cadreId: number, on: string, now: string) {
  await db
    .updateTable('branch_committee_members')
    .set({ ended_on: on, updated_at: now })
    .where('branch_id', '=', branchId)
    .where('cadre_id', '=', cadreId)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]))
    .execute();
  await db
    .updateTable('branch_mobile_members')
    .set({ until_on: on, updated_at: now })
    .where('branch_id', '=', branchId)
    .where('cadre_id', '=', cadreId)
    .where('from_on', '<=', on)
    .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>', on)]))
    .execute();
}

// ---- mobile members ----

export async function insertMobileMember(db: Conn, row: Insertable<BranchMobileMembersTable>) {
  const r = await db
    .insertInto('branch_mobile_members')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMobileMember(db: Conn, id: number, row: Updateable<BranchMobileMembersTable>) {
  await db.updateTable('branch_mobile_members').set(row).where('id', '=', id).execute();
}

export async function deleteMobileMember(db: Conn, id: number) {
  await db.deleteFrom('branch_mobile_members').where('id', '=', id).execute();
}

function mobileQuery(db: Conn) {
  return db
    .selectFrom('branch_mobile_members as mm')
    .innerJoin('branches as b', 'b.id', 'mm.branch_id')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .selectAll('mm')
    .select(['b.name as branch_name', 'o.name as org_name']);
}

/** One mobile-member entry, only when its branch lies inside the scope. */
export async function findMobileMember(db: Conn, id: number, scope: Scope | null) {
  return mobileQuery(db)
    .where('mm.id', '=', id)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .executeTakeFirst();
}

export type MobileRecord = NonNullable<Awaited<ReturnType<typeof findMobileMember>>>;

/** A person's mobile-member periods in a branch (to refuse overlaps). */
export async function mobilePeriods(db: Conn, branchId: number, cadreId: number) {
  return db
    .selectFrom('branch_mobile_members')
    .select(['id', 'from_on', 'until_on'])
    .where('branch_id', '=', branchId)
    .where('cadre_id', '=', cadreId)
    .execute();
}

export interface MobileFilter {
  scope: Scope | null;
  branchId?: number | undefined;
  orgPath?: string | undefined;
  status: 'current' | 'ended' | 'all';
}

function mobileFiltered(db: Conn, f: MobileFilter, on: string) {
  let q = mobileQuery(db).where((eb) => inScope(eb, 'b.org_id', f.scope));
  if (f.branchId) q = q.where('mm.branch_id', '=', f.branchId);
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.status === 'current') {
    q = q.where((eb) => eb.or([eb('mm.until_on', 'is', null), eb('mm.until_on', '>=', on)]));
  }
  if (f.status === 'ended') q = q.where('mm.until_on', '<', on);
  return q;
}

const mobileSorted = (db: Conn, f: MobileFilter, on: string) =>
  sortBy(mobileFiltered(db, f, on), '-fromOn', { fromOn: 'mm.from_on' }, 'mm.id');

/** A page of mobile-member entries, latest first. */
export async function listMobileMembers(db: Conn, f: MobileFilter, on: string, page: PageRequest) {
  return pageOf(db, mobileSorted(db, f, on), page);
}

/** Every mobile-member entry matching the filters (exports). */
export async function listAllMobileMembers(db: Conn, f: MobileFilter, on: string) {
  return mobileSorted(db, f, on).execute();
}

/** Sealed contact phones in id order, a batch at a time (key rotation). */
export async function* streamSealedPhones(db: Conn, batchSize = 1000) {
  for (let after = 0; ; ) {
    const rows = await db
      .selectFrom('branch_mobile_members')
      .select(['id', 'contact_phone_enc'])
      .where('id', '>', after)
      .where('contact_phone_enc', 'is not', null)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

// ---- committees ----

export async function insertCommitteeMember(db: Conn, row: Insertable<BranchCommitteeMembersTable>) {
  const r = await db
    .insertInto('branch_committee_members')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCommitteeMember(
  db: Conn,
  id: number,
  row: Updateable<BranchCommitteeMembersTable>,
) {
  await db.updateTable('branch_committee_members').set(row).where('id', '=', id).execute();
}

export async function deleteCommitteeMember(db: Conn, id: number) {
  await db.deleteFrom('branch_committee_members').where('id', '=', id).execute();
}

/** One committee entry, only when its branch lies inside the scope. */
export async function findCommitteeMember(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('branch_committee_members as cm')
    .innerJoin('branches as b', 'b.id', 'cm.branch_id')
    .selectAll('cm')
    .where('cm.id', '=', id)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .executeTakeFirst();
}

/** A branch's committee entries, by post and start. */
export async function listCommittee(db: Conn, branchId: number) {
  return db
    .selectFrom('branch_committee_members')
    .selectAll()
    .where('branch_id', '=', branchId)
    .orderBy('started_on', 'desc')
    .orderBy('id')
    .execute();
}

/** Who holds a post on a day, for several branches at once (secretaries on the list). */
export async function holdersOn(db: Conn, branchIds: number[], post: CommitteePost, on: string) {
  if (branchIds.length === 0) return [];
  return db
    .selectFrom('branch_committee_members')
    .select(['branch_id', 'cadre_id', 'started_on'])
    .where('branch_id', 'in', branchIds)
    .where('post', '=', post)
    .where('started_on', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', on)]))
    .orderBy('started_on')
    .execute();
}

// ---- elections ----

export async function insertElection(db: Conn, row: Insertable<BranchElectionsTable>) {
  const r = await db.insertInto('branch_elections').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateElection(db: Conn, id: number, row: Updateable<BranchElectionsTable>) {
  await db.updateTable('branch_elections').set(row).where('id', '=', id).execute();
}

export async function deleteElection(db: Conn, id: number) {
  await db.deleteFrom('branch_elections').where('id', '=', id).execute();
}

/** One election, only when its branch lies inside the scope. */
export async function findElection(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('branch_elections as e')
    .innerJoin('branches as b', 'b.id', 'e.branch_id')
    .selectAll('e')
    .where('e.id', '=', id)
    .where((eb) => inScope(eb, 'b.org_id', scope))
    .executeTakeFirst();
}

/** A branch's elections, latest first. */
export async function listElections(db: Conn, branchId: number) {
  return db
    .selectFrom('branch_elections')
    .selectAll()
    .where('branch_id', '=', branchId)
    .orderBy('held_on', 'desc')
    .execute();
}

/** An election of a branch on a day, other than the given one. */
export async function findElectionOn(db: Conn, branchId: number, heldOn: string, exceptId: number | null) {
  let q = db
    .selectFrom('branch_elections')
    .select('id')
    .where('branch_id', '=', branchId)
    .where('held_on', '=', heldOn);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Keeps the branch's last election and next due date in step with its elections. */
export async function refreshElectionDates(db: Conn, branchId: number, now: string) {
  const latest = await db
    .selectFrom('branch_elections')
    .select(['held_on', 'next_due_on'])
    .where('branch_id', '=', branchId)
    .orderBy('held_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('branches')
    .set({
      last_election_on: latest?.held_on ?? null,
      next_election_due_on: latest?.next_due_on ?? null,
      updated_at: now,
    })
    .where('id', '=', branchId)
    .execute();
}

export interface DueFilter {
  scope: Scope | null;
  orgPath?: string | undefined;
  kind?: BranchKind | undefined;
  /** due on or before this day */
  cutoff: string;
}

function dueFiltered(db: Conn, f: DueFilter) {
  let q = db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select([
      'b.id',
      'b.name',
      'b.kind',
      'b.org_id',
      'o.name as org_name',
      'b.last_election_on',
      'b.next_election_due_on',
    ])
    .select((eb) =>
      eb
        .selectFrom('branch_elections as e')
        .select('e.term_years')
        .whereRef('e.branch_id', '=', 'b.id')
        .whereRef('e.held_on', '=', 'b.last_election_on')
        .as('term_years'),
    )
    .where('b.dissolved_on', 'is', null)
    .where((eb) =>
      eb.or([eb('b.next_election_due_on', 'is', null), eb('b.next_election_due_on', '<=', f.cutoff)]),
    )
    .where((eb) => inScope(eb, 'b.org_id', f.scope));
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.kind) q = q.where('b.kind', '=', f.kind);
  return q;
}

/** Most urgent first: those with no election, then by due date. */
const dueSorted = (q: ReturnType<typeof dueFiltered>) =>
  sortBy(q, 'dueOn', { dueOn: 'b.next_election_due_on' }, 'b.id');

/** A page of branches whose election is due by the cutoff, overdue, or never recorded. */
export async function listDue(db: Conn, f: DueFilter, page: PageRequest) {
  return pageOf(db, dueSorted(dueFiltered(db, f)), page);
}

/** Every branch on the reminder list (exports). */
export async function listAllDue(db: Conn, f: DueFilter) {
  return dueSorted(dueFiltered(db, f)).execute();
}

export type DueRow = Awaited<ReturnType<typeof listAllDue>>[number];

// ---- bulk (demo data) ----

/** Writes rows a chunk at a time (within the bound-parameter limits) and answers their ids in order. */
async function inChunks<R>(rows: R[], size: number, write: (chunk: R[]) => Promise<{ id: number }[]>) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    ids.push(...(await write(rows.slice(i, i + size))).map((r) => r.id));
  }
  return ids;
}

export async function insertBranches(db: Conn, rows: Insertable<BranchesTable>[]) {
  return inChunks(rows, 500, (chunk) =>
    db.insertInto('branches').values(chunk.map(withPinyin)).returning('id').execute(),
  );
}

export async function insertMemberships(db: Conn, rows: Insertable<BranchMembershipsTable>[]) {
  return inChunks(rows, 1000, (chunk) =>
    db.insertInto('branch_memberships').values(chunk).returning('id').execute(),
  );
}

export async function insertMobileMembers(db: Conn, rows: Insertable<BranchMobileMembersTable>[]) {
  return inChunks(rows, 1000, (chunk) =>
    db.insertInto('branch_mobile_members').values(chunk).returning('id').execute(),
  );
}

export async function insertCommitteeMembers(db: Conn, rows: Insertable<BranchCommitteeMembersTable>[]) {
  return inChunks(rows, 1000, (chunk) =>
    db.insertInto('branch_committee_members').values(chunk).returning('id').execute(),
  );
}

export async function insertElections(db: Conn, rows: Insertable<BranchElectionsTable>[]) {
  return inChunks(rows, 1000, (chunk) =>
    db.insertInto('branch_elections').values(chunk).returning('id').execute(),
  );
}

/** The party members ('01', '02') of the roster, living or not, with their date of death (placing them in branches). */
export async function listPartyMembers(db: Conn) {
  return db
    .selectFrom('cadres as c')
    .leftJoin('cadre_deaths as d', 'd.cadre_id', 'c.id')
    .select([
      'c.id',
      'c.org_id',
      'c.name',
      'c.category',
      'c.retired_on',
      'c.hobbies',
      'c.relocated',
      'c.relocation_place',
      'c.status',
      'd.died_on',
    ])
    .where('c.political_status', 'in', ['01', '02'])
    .orderBy('c.id')
    .execute();
}

/** The working branches with their orgs, in id order, without counts (reading the demo branches back). */
export async function listWorkingBranches(db: Conn) {
  return db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select([
      'b.id',
      'b.org_id',
      'b.name',
      'b.kind',
      'b.parent_id',
      'b.founded_on',
      'o.name as org_name',
      'o.path as org_path',
    ])
    .where('b.dissolved_on', 'is', null)
    .orderBy('b.id')
    .execute();
}

/** Every open membership, by branch (reading the demo branches back). */
export async function listOpenMemberships(db: Conn) {
  return db
    .selectFrom('branch_memberships')
    .select(['branch_id', 'cadre_id', 'role', 'joined_on'])
    .where('left_on', 'is', null)
    .orderBy('branch_id')
    .orderBy('id')
    .execute();
}

/**
 * The branches an assessment round may take: of a subtree and some kinds, or named by id (dissolved
 * ones included, so that the caller can say which were refused), in tree order.
 */
export async function branchesToAssess(
  db: Conn,
  f: { orgPath: string; kinds: readonly BranchKind[] } | { ids: readonly number[] },
) {
  let q = db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select(['b.id', 'b.org_id', 'b.name', 'b.kind', 'b.dissolved_on', 'o.path as org_path']);
  if ('ids' in f) {
    q = q.where('b.id', 'in', f.ids.length ? [...f.ids] : [0]);
  } else {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to).where('b.dissolved_on', 'is', null);
    // no kinds chosen: no branch (an empty IN list is not valid SQL)
    q = f.kinds.length ? q.where('b.kind', 'in', [...f.kinds]) : q.where(sql<boolean>`1 = 0`);
  }
  return q.orderBy('o.path').orderBy('b.name').orderBy('b.id').execute();
}

/** Working branches whose next election is due on or before a day (the reminders' source). */
export async function electionsDueBy(db: Conn, cutoff: string) {
  return db
    .selectFrom('branches')
    .select(['id', 'name', 'org_id', 'next_election_due_on'])
    .where('dissolved_on', 'is', null)
    .where('next_election_due_on', 'is not', null)
    .where('next_election_due_on', '<=', cutoff)
    .orderBy('next_election_due_on')
    .orderBy('id')
    .execute();
}
