import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { today } from '../../platform/calendar/days.ts';
import type { Auth } from '../../platform/http/types.ts';
import { childOrgs } from '../../platform/indicators/indicators.repository.ts';
import { rollUp } from '../../platform/indicators/indicators.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import { loadBranch } from './branches.service.ts';
import * as repo from './meetings.repository.ts';
import {
  type BranchLife,
  cellStatus,
  FREQUENCIES,
  meetingRules,
  owes,
  periodsOf,
  periodsOfYear,
  rateOf,
} from './meetings.rules.ts';
import {
  type BranchMatrix,
  type MatrixBranchRow,
  type MatrixCell,
  type MatrixGroup,
  MEETING_TYPES,
  type MeetingType,
  type OrgMatrix,
} from './meetings.schema.ts';

/** Approved meetings held, by branch, type and period: the grouped counts, looked up. */
type Held = Map<string, number>;
const heldKey = (branchId: number, type: string, period: string) => `${branchId}|${type}|${period}`;

function toHeld(rows: Awaited<ReturnType<typeof repo.approvedCounts>>): Held {
  return new Map(rows.map((r) => [heldKey(r.branchId, r.type, r.period), r.n]));
}

type TypeStatus = 'on_track' | 'behind' | 'not_due';

/** One branch's year, type by type: its cells and what they add up to. */
function gridOf(branchId: number, life: BranchLife, year: number, held: Held, on: string) {
  const cells = {} as Record<MeetingType, MatrixCell[]>;
  const types = {} as MatrixBranchRow['types'];
  let done = 0;
  let due = 0;
  for (const type of MEETING_TYPES) {
    const { unit, required } = FREQUENCIES[type];
    const row: MatrixCell[] = periodsOf(unit, year).map((p) => {
      const n = held.get(heldKey(branchId, type, p.key)) ?? 0;
      return { period: p.key, required, held: n, status: cellStatus(p, required, n, owes(life, p), on) };
    });
    const count = (s: MatrixCell['status']) => row.filter((c) => c.status === s).length;
    const [typeDone, typeBehind] = [count('done'), count('behind')];
    const owing = typeDone + typeBehind + count('in_progress') > 0;
    const status: TypeStatus = typeBehind > 0 ? 'behind' : owing ? 'on_track' : 'not_due';
    cells[type] = row;
    types[type] = {
      held: row.reduce((sum, c) => sum + c.held, 0),
      done: typeDone,
      behind: typeBehind,
      status,
    };
    done += typeDone;
    due += typeDone + typeBehind;
  }
  return { cells, types, done, due };
}

/** The year asked for, or this one. */
const yearOf = (year: number | undefined, on: string) => year ?? Number(on.slice(0, 4));

/**
 * One branch's completion grid for a year: every period of every type with what it required, the
 * approved meetings held and its status. Branches not bound by the frequencies (the "N" and general
 * branches) show what they held, with nothing due.
 */
export async function branchMatrix(
  db: Db,
  auth: Auth,
  branchId: number,
  query: { year?: number | undefined },
): Promise<BranchMatrix> {
  const branch = await loadBranch(db, branchId, auth.scope);
  const on = today();
  const year = yearOf(query.year, on);
  const held = toHeld(await repo.approvedCounts(db, { branchId }, year));
  const life: BranchLife = {
    bound: branch.kind === 'standing',
    foundedOn: branch.founded_on,
    dissolvedOn: branch.dissolved_on,
  };
  const grid = gridOf(branch.id, life, year, held, on);
  const status = Object.fromEntries(
    MEETING_TYPES.map((t) => [t, grid.types[t].status]),
  ) as BranchMatrix['status'];
  return {
    year,
    asOf: on,
    branch: {
      id: branch.id,
      name: branch.name,
      kind: branch.kind,
      orgId: branch.org_id,
      orgName: branch.org_name,
      foundedOn: branch.founded_on,
      dissolvedOn: branch.dissolved_on,
    },
    bound: life.bound,
    types: meetingRules(),
    periods: periodsOfYear(year),
    cells: grid.cells,
    status,
    done: grid.done,
    due: grid.due,
    rate: rateOf(grid.done, grid.due),
  };
}

type BoundBranch = Awaited<ReturnType<typeof repo.boundBranches>>[number];

function emptyGroup(org: { id: number; name: string; kind: string }): MatrixGroup {
  return {
    orgId: org.id,
    orgName: org.name,
    orgKind: org.kind,
    branches: 0,
    behindBranches: 0,
    types: Object.fromEntries(
      MEETING_TYPES.map((t) => [t, { onTrack: 0, behind: 0 }]),
    ) as MatrixGroup['types'],
    done: 0,
    due: 0,
    rate: null,
  };
}

/** Adds a branch's row to a group's counts. */
function addTo(group: MatrixGroup, row: MatrixBranchRow) {
  group.branches++;
  if (row.behind) group.behindBranches++;
  for (const t of MEETING_TYPES) {
    const s = row.types[t].status;
    if (s === 'on_track') group.types[t].onTrack++;
    if (s === 'behind') group.types[t].behind++;
  }
  group.done += row.done;
  group.due += row.due;
  group.rate = rateOf(group.done, group.due);
}

function branchRow(b: BoundBranch, year: number, held: Held, on: string): MatrixBranchRow {
  const life = { bound: true, foundedOn: b.founded_on, dissolvedOn: b.dissolved_on };
  const grid = gridOf(b.id, life, year, held, on);
  return {
    branchId: b.id,
    branchName: b.name,
    orgId: b.org_id,
    orgName: b.org_name,
    behind: MEETING_TYPES.some((t) => grid.types[t].status === 'behind'),
    types: grid.types,
    done: grid.done,
    due: grid.due,
    rate: rateOf(grid.done, grid.due),
  };
}

/**
 * The drill-down of the completion matrix at a node of the org tree (the caller's own, or one inside
 * their scope): for each child org (the counties, at city level) how many of its branches are on track
 * or behind per type and the completion rate; the branches the node holds directly, one row each; and
 * the node's total. Built from approved meetings counted by branch, type and period in SQL.
 */
export async function orgMatrix(
  db: Db,
  auth: Auth,
  query: { year?: number | undefined; orgId?: number | undefined },
): Promise<OrgMatrix> {
  if (!auth.scope) throw new AppError('org.not_found');
  const org = await getOrg(db, query.orgId ?? auth.scope.orgId, auth.scope);
  const on = today();
  const year = yearOf(query.year, on);
  const [branches, counts, children] = await Promise.all([
    repo.boundBranches(db, org.path, year),
    repo.approvedCounts(db, { orgPath: org.path }, year),
    childOrgs(db, org.id),
  ]);
  const held = toHeld(counts);
  const rows = branches.map((b) => ({ path: b.org_path, row: branchRow(b, year, held, on) }));
  // A branch under an inactive child org counts in the total only.
  const figures = rollUp(org, children, rows, (r) => r.path, {
    empty: emptyGroup,
    add: (group, r) => addTo(group, r.row),
  });
  return {
    year,
    asOf: on,
    org: { id: org.id, name: org.name, kind: org.kind },
    types: meetingRules(),
    total: figures.total,
    // A child org with no branch bound by the frequencies has nothing to show (a county's many towns).
    children: figures.children.map((c) => c.group).filter((g) => g.branches > 0),
    branches: figures.ownRows.map((r) => r.row),
  };
}
