import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { BranchCommitteeMemberRow, BranchElectionRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { addDays, addYears, daysBetween, today } from '../../platform/calendar/days.ts';
import type { Auth } from '../../platform/http/types.ts';
import { inOrder, notInFuture } from '../../platform/validation/problems.ts';
import { cadreSummaries, cadreSummary } from '../cadres/cadres.service.ts';
import * as repo from './branches.repository.ts';
import { overlaps, SINGLE_HOLDER_POSTS } from './branches.rules.ts';
import type {
  CommitteeMember,
  CommitteePost,
  CreateCommitteeMemberBody,
  CreateElectionBody,
  Election,
  ElectionDue,
  ElectionsDueQuery,
  ExportElectionsDueQuery,
  UpdateCommitteeMemberBody,
  UpdateElectionBody,
} from './branches.schema.ts';
import { loadBranch, loadWorkingBranch, orgPathOf } from './branches.service.ts';

// ---- committee (支委会) ----

const POST_ORDER: CommitteePost[] = [
  'secretary',
  'deputy_secretary',
  'organisation',
  'propaganda',
  'discipline',
];

async function toCommittee(db: Db, rows: BranchCommitteeMemberRow[]): Promise<CommitteeMember[]> {
  const on = today();
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return rows.map((r) => ({
    id: r.id,
    branchId: r.branch_id,
    cadreId: r.cadre_id,
    cadreName: people.get(r.cadre_id)?.name ?? '',
    post: r.post,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    current: r.started_on <= on && (r.ended_on === null || r.ended_on >= on),
  }));
}

async function loadCommitteeMember(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findCommitteeMember(db, id, scope);
  if (!row) throw new AppError('branch.committee_not_found');
  return row;
}

/** A branch's committee: every post held, by post, latest first; or only those held today. */
export async function listCommittee(db: Db, auth: Auth, branchId: number, current?: boolean) {
  await loadBranch(db, branchId, auth.scope);
  const all = await toCommittee(db, await repo.listCommittee(db, branchId));
  return all
    .filter((c) => !current || c.current)
    .sort(
      (a, b) =>
        POST_ORDER.indexOf(a.post) - POST_ORDER.indexOf(b.post) ||
        Number(b.current) - Number(a.current) ||
        b.startedOn.localeCompare(a.startedOn),
    );
}

/** Refuses a second holder of a single-holder post whose term overlaps. */
async function checkPost(
  db: Db,
  branchId: number,
  post: CommitteePost,
  period: { from: string; until: string | null },
  exceptId: number | null,
) {
  inOrder('endedOn', period.from, period.until);
  if (!SINGLE_HOLDER_POSTS.includes(post)) return;
  const rows = await repo.listCommittee(db, branchId);
  const taken = rows.some(
    (r) =>
      r.id !== exceptId && r.post === post && overlaps({ from: r.started_on, until: r.ended_on }, period),
  );
  if (taken) throw new AppError('branch.post_taken');
}

function committeeSnapshot(r: {
  cadre_id: number;
  post: string;
  started_on: string;
  ended_on: string | null;
}) {
  return { cadreId: r.cadre_id, post: r.post, startedOn: r.started_on, endedOn: r.ended_on };
}

/**
 * Puts a member on the branch committee. The person must be a current member of the branch (for a
 * general branch: of a branch under it); secretary, organisation, propaganda and discipline posts
 * have one holder at a time.
 */
export async function addCommitteeMember(
  db: Db,
  auth: Auth,
  actor: Actor,
  branchId: number,
  body: CreateCommitteeMemberBody,
) {
  const branch = await loadWorkingBranch(db, branchId, auth.scope);
  const cadre = await cadreSummary(db, body.cadreId, auth.scope);
  if (cadre.status === 'deceased') throw new AppError('branch.cadre_deceased');
  const branches =
    branch.kind === 'general' ? (await repo.findChildren(db, branchId)).map((c) => c.id) : [branchId];
  if (!(await repo.findOpenMembership(db, branches, cadre.id))) throw new AppError('branch.not_member');
  const period = { from: body.startedOn, until: body.endedOn ?? null };
  await checkPost(db, branchId, body.post, period, null);
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const row = {
      branch_id: branchId,
      cadre_id: cadre.id,
      post: body.post,
      started_on: period.from,
      ended_on: period.until,
      created_at: now,
      updated_at: now,
    };
    const id = await repo.insertCommitteeMember(trx, row);
    await recordAudit(trx, actor, {
      action: 'branch.committee_add',
      entity: 'branch',
      entityId: branchId,
      summary: `${branch.name}: ${cadre.name}`,
      after: { committeeId: id, ...committeeSnapshot(row) },
    });
    return id;
  });
  const [entry] = await toCommittee(db, [await loadCommitteeMember(db, id, auth.scope)]);
  return entry as CommitteeMember;
}

/** Changes a committee entry: its post or its term (ending it, most often). */
export async function updateCommitteeMember(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateCommitteeMemberBody,
) {
  const row = await loadCommitteeMember(db, id, auth.scope);
  const next = {
    cadre_id: row.cadre_id,
    post: body.post ?? row.post,
    started_on: body.startedOn ?? row.started_on,
    ended_on: body.endedOn !== undefined ? body.endedOn : row.ended_on,
  };
  await checkPost(db, row.branch_id, next.post, { from: next.started_on, until: next.ended_on }, id);
  await db.transaction().execute(async (trx) => {
    await repo.updateCommitteeMember(trx, id, {
      post: next.post,
      started_on: next.started_on,
      ended_on: next.ended_on,
      updated_at: new Date().toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'branch.committee_update',
      entity: 'branch',
      entityId: row.branch_id,
      before: { committeeId: id, ...committeeSnapshot(row) },
      after: { committeeId: id, ...committeeSnapshot(next) },
    });
  });
  const [entry] = await toCommittee(db, [await loadCommitteeMember(db, id, auth.scope)]);
  return entry as CommitteeMember;
}

/** Removes a committee entry made by mistake (a term that ended is ended, not removed). */
export async function deleteCommitteeMember(db: Db, auth: Auth, actor: Actor, id: number) {
  const row = await loadCommitteeMember(db, id, auth.scope);
  await db.transaction().execute(async (trx) => {
    await repo.deleteCommitteeMember(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch.committee_delete',
      entity: 'branch',
      entityId: row.branch_id,
      before: { committeeId: id, ...committeeSnapshot(row) },
    });
  });
}

// ---- elections (换届) ----

function toElection(r: BranchElectionRow): Election {
  return {
    id: r.id,
    branchId: r.branch_id,
    heldOn: r.held_on,
    place: r.place,
    termYears: r.term_years,
    nextDueOn: r.next_due_on,
    remarks: r.remarks,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function loadElection(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findElection(db, id, scope);
  if (!row) throw new AppError('branch.election_not_found');
  return row;
}

/** A branch's elections, latest first. */
export async function listElections(db: Db, auth: Auth, branchId: number) {
  await loadBranch(db, branchId, auth.scope);
  return (await repo.listElections(db, branchId)).map(toElection);
}

function electionSnapshot(r: {
  held_on: string;
  place: string | null;
  term_years: number;
  remarks: string | null;
}) {
  return { heldOn: r.held_on, place: r.place, termYears: r.term_years, remarks: r.remarks };
}

async function electionGuarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('branch.election_exists');
    throw error;
  }
}

/** Records an election held (换届选举); the branch's next due date follows from the latest one. */
export async function createElection(
  db: Db,
  auth: Auth,
  actor: Actor,
  branchId: number,
  body: CreateElectionBody,
) {
  const branch = await loadBranch(db, branchId, auth.scope);
  notInFuture('heldOn', body.heldOn);
  const id = await electionGuarded(() =>
    db.transaction().execute(async (trx) => {
      if (await repo.findElectionOn(trx, branchId, body.heldOn, null))
        throw new AppError('branch.election_exists');
      const now = new Date().toISOString();
      const row = {
        branch_id: branchId,
        held_on: body.heldOn,
        place: body.place ?? null,
        term_years: body.termYears,
        next_due_on: addYears(body.heldOn, body.termYears),
        remarks: body.remarks ?? null,
        created_at: now,
        updated_at: now,
      };
      const id = await repo.insertElection(trx, row);
      await repo.refreshElectionDates(trx, branchId, now);
      await recordAudit(trx, actor, {
        action: 'branch.election_create',
        entity: 'branch',
        entityId: branchId,
        summary: `${branch.name}: ${body.heldOn}`,
        after: { electionId: id, ...electionSnapshot(row) },
      });
      return id;
    }),
  );
  return toElection(await loadElection(db, id, auth.scope));
}

/** Changes an election record. */
export async function updateElection(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateElectionBody) {
  const row = await loadElection(db, id, auth.scope);
  const next = {
    held_on: body.heldOn ?? row.held_on,
    place: body.place !== undefined ? body.place : row.place,
    term_years: body.termYears ?? row.term_years,
    remarks: body.remarks !== undefined ? body.remarks : row.remarks,
  };
  notInFuture('heldOn', next.held_on);
  await electionGuarded(() =>
    db.transaction().execute(async (trx) => {
      if (await repo.findElectionOn(trx, row.branch_id, next.held_on, id)) {
        throw new AppError('branch.election_exists');
      }
      const now = new Date().toISOString();
      await repo.updateElection(trx, id, {
        ...next,
        next_due_on: addYears(next.held_on, next.term_years),
        updated_at: now,
      });
      await repo.refreshElectionDates(trx, row.branch_id, now);
      await recordAudit(trx, actor, {
        action: 'branch.election_update',
        entity: 'branch',
        entityId: row.branch_id,
        before: { electionId: id, ...electionSnapshot(row) },
        after: { electionId: id, ...electionSnapshot(next) },
      });
    }),
  );
  return toElection(await loadElection(db, id, auth.scope));
}

/** Removes an election record made by mistake. */
export async function deleteElection(db: Db, auth: Auth, actor: Actor, id: number) {
  const row = await loadElection(db, id, auth.scope);
  await db.transaction().execute(async (trx) => {
    await repo.deleteElection(trx, id);
    await repo.refreshElectionDates(trx, row.branch_id, new Date().toISOString());
    await recordAudit(trx, actor, {
      action: 'branch.election_delete',
      entity: 'branch',
      entityId: row.branch_id,
      before: { electionId: id, ...electionSnapshot(row) },
    });
  });
}

/** The reminder filters resolved against the caller's scope. */
export async function toDueFilter(db: Db, auth: Auth, query: ExportElectionsDueQuery, on: string) {
  return {
    scope: auth.scope,
    orgPath: await orgPathOf(db, query.orgId, auth.scope),
    kind: query.kind,
    cutoff: addDays(on, query.withinDays),
  };
}

/** A branch on the reminder list, with how many days are left. */
export function toDue(r: repo.DueRow, on: string): ElectionDue {
  const daysLeft = r.next_election_due_on ? daysBetween(on, r.next_election_due_on) : null;
  return {
    branchId: r.id,
    branchName: r.name,
    kind: r.kind,
    orgId: r.org_id,
    orgName: r.org_name,
    lastElectionOn: r.last_election_on,
    termYears: r.term_years ?? null,
    nextDueOn: r.next_election_due_on,
    daysLeft,
    status: daysLeft === null ? 'none' : daysLeft < 0 ? 'overdue' : 'due',
  };
}

/** Working branches whose term ends within N days, has ended, or which have no election recorded. */
export async function electionsDue(db: Db, auth: Auth, query: ElectionsDueQuery) {
  const on = today();
  const { items, total } = await repo.listDue(db, await toDueFilter(db, auth, query, on), query);
  return { items: items.map((r) => toDue(r, on)), total };
}
