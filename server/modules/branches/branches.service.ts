import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError, type FieldProblem } from '../../errors.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import type { Auth } from '../../platform/http/types.ts';
import { fieldProblem, inOrder, notInFuture } from '../../platform/validation/problems.ts';
import { cadreSummaries } from '../cadres/cadres.service.ts';
import { codeSets } from '../dictionaries/dictionaries.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import * as repo from './branches.repository.ts';
import { NON_STANDING, setupAdvice } from './branches.rules.ts';
import type {
  Branch,
  BranchKind,
  BranchTreeNode,
  CreateBranchBody,
  ExportBranchesQuery,
  ListBranchesQuery,
  UpdateBranchBody,
} from './branches.schema.ts';
import { branchHasMeetings, followBranch } from './meetings.moves.ts';

/** A branch inside the caller's scope; outside it answers exactly as a missing one. */
export async function loadBranch(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findBranch(db, id, scope);
  if (!row) throw new AppError('branch.not_found');
  return row;
}

/** A branch that can still take members, posts and entries: inside the scope and not dissolved. */
export async function loadWorkingBranch(db: Db, id: number, scope: Scope | null) {
  const row = await loadBranch(db, id, scope);
  if (row.dissolved_on) throw new AppError('branch.dissolved');
  return row;
}

/** The path of an org filter inside the caller's scope (404 outside it). */
export async function orgPathOf(db: Db, orgId: number | undefined, scope: Scope | null) {
  return orgId ? (await getOrg(db, orgId, scope)).path : undefined;
}

type CountsRow = repo.BranchCountsRow;

const count = (v: unknown) => Number(v ?? 0);

/** The setup rule applied to a branch's counts. */
export function setupOf(r: CountsRow) {
  return setupAdvice(
    r.kind,
    r.dissolved_on !== null,
    count(r.primary_count) + count(r.participating_count),
    count(r.children_count),
  );
}

/** The current secretaries (书记) of some branches, with their names. */
async function secretariesOf(db: Db, branchIds: number[], on: string) {
  const holders = await repo.holdersOn(db, branchIds, 'secretary', on);
  const names = await cadreSummaries(
    db,
    holders.map((h) => h.cadre_id),
  );
  const map = new Map<number, { cadreId: number; name: string }>();
  for (const h of holders) {
    map.set(h.branch_id, { cadreId: h.cadre_id, name: names.get(h.cadre_id)?.name ?? '' });
  }
  return map;
}

function toBranch(r: CountsRow, secretary: Branch['secretary']): Branch {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    name: r.name,
    kind: r.kind,
    basis: r.basis,
    foundedOn: r.founded_on,
    dissolvedOn: r.dissolved_on,
    remarks: r.remarks,
    counts: {
      primary: count(r.primary_count),
      participating: count(r.participating_count),
      mobile: count(r.mobile_count),
      children: count(r.children_count),
      childMembers: count(r.child_member_count),
    },
    setup: setupOf(r),
    secretary,
    lastElectionOn: r.last_election_on,
    nextElectionDueOn: r.next_election_due_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Branches with their counts, setup advice and secretaries, as the API shows them. */
export async function toBranches(db: Db, rows: CountsRow[], on: string): Promise<Branch[]> {
  const secretaries = await secretariesOf(
    db,
    rows.map((r) => r.id),
    on,
  );
  return rows.map((r) => toBranch(r, secretaries.get(r.id) ?? null));
}

/** One branch as the console shows it. */
export async function getBranch(db: Db, auth: Auth, id: number): Promise<Branch> {
  await loadBranch(db, id, auth.scope);
  const on = today();
  const row = await repo.findBranchWithCounts(db, id, on);
  if (!row) throw new AppError('branch.not_found');
  const [branch] = await toBranches(db, [row], on);
  return branch as Branch;
}

/** The list filters resolved against the caller's scope. */
export async function toFilter(db: Db, auth: Auth, query: ExportBranchesQuery): Promise<repo.BranchFilter> {
  return {
    scope: auth.scope,
    orgPath: await orgPathOf(db, query.orgId, auth.scope),
    keyword: query.keyword,
    kind: query.kind,
    parentId: query.parentId,
    status: query.status ?? 'active',
    needsAttention: query.needsAttention,
  };
}

/** A page of the branches in the caller's scope. */
export async function listBranches(db: Db, auth: Auth, query: ListBranchesQuery) {
  const on = today();
  const filter = await toFilter(db, auth, query);
  const { items, total } = await repo.listBranches(db, filter, query.sort ?? 'name', query, on);
  return { items: await toBranches(db, items, on), total };
}

/**
 * The console's tree: general branches with the branches under them, then the branches under no
 * general branch (or under one outside the caller's scope).
 */
export async function branchTree(
  db: Db,
  auth: Auth,
  query: { orgId?: number | undefined; includeDissolved?: boolean | undefined },
): Promise<BranchTreeNode[]> {
  const on = today();
  const rows = await repo.listAllBranches(
    db,
    {
      scope: auth.scope,
      orgPath: await orgPathOf(db, query.orgId, auth.scope),
      status: query.includeDissolved ? 'all' : 'active',
    },
    'name',
    on,
  );
  const leaf = (r: CountsRow) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    orgId: r.org_id,
    orgName: r.org_name,
    dissolvedOn: r.dissolved_on,
    members:
      r.kind === 'general'
        ? count(r.child_member_count)
        : count(r.primary_count) + count(r.participating_count),
    advice: setupOf(r).advice,
  });
  const ids = new Set(rows.map((r) => r.id));
  const nodes = new Map<number, BranchTreeNode>();
  for (const r of rows)
    if (r.parent_id === null || !ids.has(r.parent_id)) nodes.set(r.id, { ...leaf(r), children: [] });
  for (const r of rows) {
    if (r.parent_id !== null && ids.has(r.parent_id)) nodes.get(r.parent_id)?.children.push(leaf(r));
  }
  const top = [...nodes.values()];
  return [...top.filter((n) => n.kind === 'general'), ...top.filter((n) => n.kind !== 'general')];
}

/** Checks the basis: required for the "N" kinds, from the branch_basis table; absent otherwise. */
async function checkBasis(db: Db, kind: BranchKind, basis: string | null) {
  const problems: FieldProblem[] = [];
  if (NON_STANDING.includes(kind)) {
    if (!basis) {
      problems.push(
        fieldProblem(
          'basis',
          'required',
          '功能型、兼合式、特色化支部须写明组建依据',
          'A functional, joint or thematic branch needs its basis',
        ),
      );
    } else if (!(await codeSets(db, ['branch_basis'])).get('branch_basis')?.has(basis)) {
      problems.push(fieldProblem('basis', 'dictionary', '组建依据不在代码表中', 'Unknown basis code'));
    }
  } else if (basis) {
    problems.push(
      fieldProblem(
        'basis',
        'not_allowed',
        '建制性支部和党总支不填组建依据',
        'Standing and general branches have no basis',
      ),
    );
  }
  if (problems.length) throw new AppError('validation', problems);
}

/** Checks the place in the tree: the parent is a working general branch whose org holds the branch's org. */
async function checkParent(
  db: Db,
  scope: Scope | null,
  b: { id: number | null; kind: BranchKind; parentId: number | null; orgPath: string },
) {
  if (b.parentId === null) return;
  const parent = await loadWorkingBranch(db, b.parentId, scope);
  if (parent.kind !== 'general' || b.kind === 'general' || parent.id === b.id) {
    throw new AppError('branch.parent_not_general');
  }
  if (!b.orgPath.startsWith(parent.org_path)) throw new AppError('branch.parent_org_mismatch');
}

async function checkOrg(db: Db, orgId: number, scope: Scope | null) {
  const org = await getOrg(db, orgId, scope);
  if (org.active !== 1) throw new AppError('org.inactive');
  return org;
}

/** What the audit log keeps of a branch. */
function snapshot(b: {
  name: string;
  org_id: number;
  kind: string;
  basis: string | null;
  parent_id: number | null;
  founded_on: string | null;
  dissolved_on: string | null;
  remarks: string | null;
}) {
  return {
    name: b.name,
    orgId: b.org_id,
    kind: b.kind,
    basis: b.basis,
    parentId: b.parent_id,
    foundedOn: b.founded_on,
    dissolvedOn: b.dissolved_on,
    remarks: b.remarks,
  };
}

async function writeGuarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('branch.name_taken');
    throw error;
  }
}

/** Sets up a branch (or a general branch) on an org of the caller's subtree. */
export async function createBranch(db: Db, auth: Auth, actor: Actor, body: CreateBranchBody) {
  const org = await checkOrg(db, body.orgId, auth.scope);
  const name = body.name.trim();
  const basis = body.basis ?? null;
  await checkBasis(db, body.kind, basis);
  await checkParent(db, auth.scope, {
    id: null,
    kind: body.kind,
    parentId: body.parentId ?? null,
    orgPath: org.path,
  });
  notInFuture('foundedOn', body.foundedOn);
  const id = await writeGuarded(() =>
    db.transaction().execute(async (trx) => {
      if (await repo.findNamesake(trx, org.id, name, null)) throw new AppError('branch.name_taken');
      const now = new Date().toISOString();
      const row = {
        org_id: org.id,
        parent_id: body.parentId ?? null,
        name,
        kind: body.kind,
        basis,
        founded_on: body.foundedOn ?? null,
        dissolved_on: null,
        remarks: body.remarks ?? null,
        created_at: now,
        updated_at: now,
      };
      const id = await repo.insertBranch(trx, row);
      await recordAudit(trx, actor, {
        action: 'branch.create',
        entity: 'branch',
        entityId: id,
        summary: name,
        after: snapshot(row),
      });
      return id;
    }),
  );
  return getBranch(db, auth, id);
}

/**
 * Changes a branch. Its kind is fixed while it has members (the kind decides their membership) or,
 * for a general branch, branches under it; dissolving (撤销) needs every member transferred out and
 * every branch under it dissolved first.
 */
export async function updateBranch(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateBranchBody) {
  const row = await loadBranch(db, id, auth.scope);
  const kind = body.kind ?? row.kind;
  const orgId = body.orgId ?? row.org_id;
  const org =
    orgId === row.org_id
      ? { id: row.org_id, path: row.org_path, name: row.org_name }
      : await checkOrg(db, orgId, auth.scope);
  const next = {
    name: body.name?.trim() ?? row.name,
    org_id: org.id,
    kind,
    basis:
      body.basis !== undefined
        ? body.basis
        : kind !== row.kind && !NON_STANDING.includes(kind)
          ? null
          : row.basis,
    parent_id: body.parentId !== undefined ? body.parentId : row.parent_id,
    founded_on: body.foundedOn !== undefined ? body.foundedOn : row.founded_on,
    dissolved_on: body.dissolvedOn !== undefined ? body.dissolvedOn : row.dissolved_on,
    remarks: body.remarks !== undefined ? body.remarks : row.remarks,
  };
  await checkBasis(db, kind, next.basis);
  if (next.parent_id !== row.parent_id || org.id !== row.org_id || kind !== row.kind) {
    await checkParent(db, auth.scope, { id, kind, parentId: next.parent_id, orgPath: org.path });
  }
  notInFuture('foundedOn', next.founded_on);
  notInFuture('dissolvedOn', next.dissolved_on);
  inOrder('dissolvedOn', next.founded_on, next.dissolved_on);
  const members = await repo.countMemberships(db, id);
  const children = await repo.findChildren(db, id);
  if (kind !== row.kind) {
    if (members.open > 0) throw new AppError('branch.kind_in_use');
    if (row.kind === 'general' && children.length > 0) throw new AppError('branch.has_children');
  }
  if (org.id !== row.org_id && children.some((c) => !c.org_path.startsWith(org.path))) {
    throw new AppError('branch.parent_org_mismatch');
  }
  if (next.dissolved_on && !row.dissolved_on) {
    if (members.open > 0) throw new AppError('branch.has_members');
    if (children.some((c) => c.dissolved_on === null)) throw new AppError('branch.has_children');
  }
  await writeGuarded(() =>
    db.transaction().execute(async (trx) => {
      if (!next.dissolved_on && (await repo.findNamesake(trx, next.org_id, next.name, id))) {
        throw new AppError('branch.name_taken');
      }
      await repo.updateBranch(trx, id, { ...next, updated_at: new Date().toISOString() });
      if (org.id !== row.org_id || next.name !== row.name) {
        await followBranch(
          trx,
          { id, name: next.name, orgId: org.id, orgName: org.name },
          org.id !== row.org_id,
        );
      }
      await recordAudit(trx, actor, {
        action: next.dissolved_on && !row.dissolved_on ? 'branch.dissolve' : 'branch.update',
        entity: 'branch',
        entityId: id,
        summary: next.name,
        before: snapshot(row),
        after: snapshot(next),
      });
    }),
  );
  return getBranch(db, auth, id);
}

/**
 * Deletes a branch entered by mistake: only one that never had a member or a meeting and has no branch
 * under it.
 * A branch that has served is dissolved instead, so its history stays.
 */
export async function deleteBranch(db: Db, auth: Auth, actor: Actor, id: number) {
  const row = await loadBranch(db, id, auth.scope);
  if ((await repo.countMemberships(db, id)).total > 0) throw new AppError('branch.has_members');
  if ((await repo.findChildren(db, id)).length > 0) throw new AppError('branch.has_children');
  if (await branchHasMeetings(db, id)) throw new AppError('branch.has_meetings');
  await db.transaction().execute(async (trx) => {
    await repo.deleteBranch(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch.delete',
      entity: 'branch',
      entityId: id,
      summary: row.name,
      before: snapshot(row),
    });
  });
}

/**
 * The branches an assessment round takes: the working branches of some kinds in a subtree, or the
 * branches named by id (dissolved ones among them are answered too, for the caller to refuse).
 */
export async function branchesToAssess(
  db: Db,
  f: { orgPath: string; kinds: readonly BranchKind[] } | { ids: readonly number[] },
) {
  return repo.branchesToAssess(db, f);
}
