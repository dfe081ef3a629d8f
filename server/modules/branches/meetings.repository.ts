import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect.ts';
import type { BranchMeetingAbsencesTable, BranchMeetingsTable, Database } from '../../db/schema.ts';
import { inScope, type Scope, subtreeRange } from '../../platform/access/scope.ts';
import { attachmentCount } from '../../platform/files/attachments.repository.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { type SortKey, sortBy } from '../../platform/lists/sort.ts';
import type { MeetingSortField, MeetingState, MeetingType } from './meetings.schema.ts';
import { meetingWorkflow } from './meetings.workflow.ts';

type Conn = Kysely<Database>;

/**
 * A meeting with its branch, org and review state. The state is read from the workflow's item (where
 * it lives, ADR 0006), joined here so that lists can filter and the matrix count by it in SQL.
 */
function meetingQuery(db: Conn) {
  return db
    .selectFrom('branch_meetings as m')
    .innerJoin('branches as b', 'b.id', 'm.branch_id')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .innerJoin('workflow_items as w', (join) =>
      join.onRef('w.record_id', '=', 'm.id').on('w.workflow', '=', meetingWorkflow.name),
    )
    .selectAll('m')
    .select([
      'b.name as branch_name',
      'b.kind as branch_kind',
      'o.name as org_name',
      'o.path as org_path',
      'w.state as state',
    ]);
}

export async function insertMeeting(db: Conn, row: Insertable<BranchMeetingsTable>) {
  const r = await db.insertInto('branch_meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Writes many meetings at once (the demo data), answering their ids in the rows' order. */
export async function insertMeetings(db: Conn, rows: Insertable<BranchMeetingsTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    ids.push(
      ...(await db.insertInto('branch_meetings').values(chunk).returning('id').execute()).map((r) => r.id),
    );
  }
  return ids;
}

/** Writes many absences at once, of any meetings (the demo data). */
export async function insertAbsences(db: Conn, rows: Insertable<BranchMeetingAbsencesTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('branch_meeting_absences')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function updateMeeting(db: Conn, id: number, row: Updateable<BranchMeetingsTable>) {
  await db.updateTable('branch_meetings').set(row).where('id', '=', id).execute();
}

/** Deletes a meeting with its absences (its files' links go in the caller's transaction; the stored files stay). */
export async function deleteMeeting(db: Conn, id: number) {
  await db.deleteFrom('branch_meeting_absences').where('meeting_id', '=', id).execute();
  await db.deleteFrom('branch_meetings').where('id', '=', id).execute();
}

/** One meeting, only when its org lies inside the scope. */
export async function findMeeting(db: Conn, id: number, scope: Scope | null) {
  return meetingQuery(db)
    .where('m.id', '=', id)
    .where((eb) => inScope(eb, 'm.org_id', scope))
    .executeTakeFirst();
}

export type MeetingRecord = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/**
 * Locks a meeting's row until the transaction ends, so that edits, file changes and review steps on
 * one meeting run one after the other (SQLite serialises writers anyway).
 */
export async function lockMeeting(trx: Conn, id: number) {
  await forUpdate(
    trx,
    trx.selectFrom('branch_meetings').select('id').where('id', '=', id),
  ).executeTakeFirst();
}

// ---- absences ----

export async function listAbsences(db: Conn, meetingId: number) {
  return db
    .selectFrom('branch_meeting_absences')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
}

/** Replaces a meeting's absences with the given ones. */
export async function replaceAbsences(
  db: Conn,
  meetingId: number,
  rows: Omit<Insertable<BranchMeetingAbsencesTable>, 'meeting_id'>[],
) {
  await db.deleteFrom('branch_meeting_absences').where('meeting_id', '=', meetingId).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('branch_meeting_absences')
      .values(rows.slice(i, i + 200).map((r) => ({ ...r, meeting_id: meetingId })))
      .execute();
  }
}

// ---- lists ----

/** The filters of the meeting list, already resolved. */
export interface MeetingFilter {
  scope: Scope | null;
  /** the path of an org whose subtree the list is narrowed to */
  orgPath?: string | undefined;
  branchId?: number | undefined;
  type?: MeetingType | undefined;
  state?: MeetingState | undefined;
  /** held on or after this day */
  from?: string | undefined;
  /** held on or before this day */
  to?: string | undefined;
}

function filtered(db: Conn, f: MeetingFilter) {
  let q = meetingQuery(db)
    .select((eb) => [
      attachmentCount(eb, 'meeting', 'm.id', 'photo').as('photo_count'),
      attachmentCount(eb, 'meeting', 'm.id', 'attachment').as('attachment_count'),
      eb
        .selectFrom('branch_meeting_absences as ab')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ab.meeting_id', '=', 'm.id')
        .as('absent_count'),
    ])
    .where((eb) => inScope(eb, 'm.org_id', f.scope));
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.branchId) q = q.where('m.branch_id', '=', f.branchId);
  if (f.type) q = q.where('m.type', '=', f.type);
  if (f.state) q = q.where('w.state', '=', f.state);
  if (f.from) q = q.where('m.held_on', '>=', f.from);
  if (f.to) q = q.where('m.held_on', '<=', f.to);
  return q;
}

export type MeetingListRow = Awaited<ReturnType<typeof listAllMeetings>>[number];

/** The columns meeting lists sort on, by sort field. */
const SORT_COLUMNS = {
  heldOn: 'm.held_on',
  updatedAt: 'm.updated_at',
  type: 'm.type',
  branchName: 'b.name',
  id: 'm.id',
} as const satisfies Record<MeetingSortField, string>;
export type MeetingSortKey = SortKey<MeetingSortField>;

const sorted = (q: ReturnType<typeof filtered>, sort: MeetingSortKey) =>
  sortBy(q, sort, SORT_COLUMNS, 'm.id');

/** One page of meetings. */
export async function listMeetings(db: Conn, f: MeetingFilter, sort: MeetingSortKey, page: PageRequest) {
  return pageOf(db, sorted(filtered(db, f), sort), page);
}

/** Every meeting matching the filters (exports). */
export async function listAllMeetings(db: Conn, f: MeetingFilter, sort: MeetingSortKey) {
  return sorted(filtered(db, f), sort).execute();
}

// ---- attendance ----

/** How many members the branches had on a day (a general branch's are those of its branches). */
export async function countMembersOn(db: Conn, branchIds: number[], on: string) {
  if (branchIds.length === 0) return 0;
  const r = await db
    .selectFrom('branch_memberships')
    .select((eb) => eb.fn.count<number>('cadre_id').distinct().as('n'))
    .where('branch_id', 'in', branchIds)
    .where('joined_on', '<=', on)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', on)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** How many people sat on a branch's committee (支委会) on a day. */
export async function countCommitteeOn(db: Conn, branchId: number, on: string) {
  const r = await db
    .selectFrom('branch_committee_members')
    .select((eb) => eb.fn.count<number>('cadre_id').distinct().as('n'))
    .where('branch_id', '=', branchId)
    .where('started_on', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', on)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Which of some people were members of the branches on a day. */
export async function membersAmong(db: Conn, branchIds: number[], cadreIds: number[], on: string) {
  if (branchIds.length === 0 || cadreIds.length === 0) return new Set<number>();
  const rows = await db
    .selectFrom('branch_memberships')
    .select('cadre_id')
    .where('branch_id', 'in', branchIds)
    .where('cadre_id', 'in', cadreIds)
    .where('joined_on', '<=', on)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', on)]))
    .execute();
  return new Set(rows.map((r) => r.cadre_id));
}

// ---- the branch's side ----

/** A branch's meetings, as much as their titles need (to follow the branch when it changes). */
export async function meetingsOf(db: Conn, branchId: number) {
  return db
    .selectFrom('branch_meetings')
    .select(['id', 'type', 'period'])
    .where('branch_id', '=', branchId)
    .orderBy('id')
    .execute();
}

/** Moves a branch's meetings to its new org. */
export async function moveMeetings(db: Conn, branchId: number, orgId: number, now: string) {
  await db
    .updateTable('branch_meetings')
    .set({ org_id: orgId, updated_at: now })
    .where('branch_id', '=', branchId)
    .execute();
}

// ---- the completion matrix ----

/**
 * Approved meetings counted by branch, type and period over a year, for the branches of a subtree (or
 * one branch): the grouped counts the matrix is built from, never the meetings themselves.
 */
export async function approvedCounts(
  db: Conn,
  where: { orgPath: string } | { branchId: number },
  year: number,
) {
  let q = db
    .selectFrom('branch_meetings as m')
    .innerJoin('workflow_items as w', (join) =>
      join
        .onRef('w.record_id', '=', 'm.id')
        .on('w.workflow', '=', meetingWorkflow.name)
        .on('w.state', '=', 'approved'),
    )
    .select(['m.branch_id', 'm.type', 'm.period', sql<number>`count(*)`.as('n')])
    .where('m.held_on', '>=', `${year}-01-01`)
    .where('m.held_on', '<=', `${year}-12-31`);
  if ('branchId' in where) {
    q = q.where('m.branch_id', '=', where.branchId);
  } else {
    const [from, to] = subtreeRange(where.orgPath);
    q = q.innerJoin('orgs as o', 'o.id', 'm.org_id').where('o.path', '>=', from).where('o.path', '<', to);
  }
  const rows = await q.groupBy(['m.branch_id', 'm.type', 'm.period']).execute();
  return rows.map((r) => ({ branchId: r.branch_id, type: r.type, period: r.period, n: Number(r.n) }));
}

/**
 * The branches of a subtree bound by the frequencies in a year: standing branches (建制性支部) founded
 * by the year's end and not dissolved before it began.
 */
export async function boundBranches(db: Conn, orgPath: string, year: number) {
  const [from, to] = subtreeRange(orgPath);
  return db
    .selectFrom('branches as b')
    .innerJoin('orgs as o', 'o.id', 'b.org_id')
    .select([
      'b.id',
      'b.name',
      'b.org_id',
      'b.founded_on',
      'b.dissolved_on',
      'o.name as org_name',
      'o.path as org_path',
    ])
    .where('b.kind', '=', 'standing')
    .where('o.path', '>=', from)
    .where('o.path', '<', to)
    .where((eb) => eb.or([eb('b.founded_on', 'is', null), eb('b.founded_on', '<=', `${year}-12-31`)]))
    .where((eb) => eb.or([eb('b.dissolved_on', 'is', null), eb('b.dissolved_on', '>=', `${year}-01-01`)]))
    .orderBy('o.path')
    .orderBy('b.name')
    .orderBy('b.id')
    .execute();
}
