import type { Db } from '../../db/database.ts';
import type { OrgRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { type Scope, WHOLE_TREE } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import * as repo from './orgs.repository.ts';
import type { CreateOrgBody, Org, OrgKind, UpdateOrgBody } from './orgs.schema.ts';

/** Which kinds of node may hang under which: the shape of the tree. */
const ALLOWED_PARENTS: Record<OrgKind, OrgKind[]> = {
  city: [],
  county: ['city'],
  town: ['county'],
  unit: ['city', 'county', 'town', 'unit'],
};

/** The API shape of an org row. */
export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    code: row.code,
    path: row.path,
    depth: row.depth,
    liaisonAreaId: row.liaison_area_id,
    active: row.active === 1,
    sortOrder: row.sort_order,
  };
}

/** The org tree the caller may see, flat. */
export async function listOrgs(
  db: Db,
  scope: Scope | null,
  includeInactive: boolean,
  keyword?: string,
): Promise<Org[]> {
  return (await repo.listOrgs(db, scope, includeInactive, keyword)).map(toOrg);
}

/** One org inside the caller's scope; outside it is as missing as a missing one. */
export async function getOrg(db: Db, id: number, scope: Scope | null): Promise<OrgRow> {
  const row = await repo.findOrg(db, id, scope);
  if (!row) throw new AppError('org.not_found');
  return row;
}

function checkKind(kind: OrgKind, parentKind: string) {
  if (!ALLOWED_PARENTS[kind].includes(parentKind as OrgKind)) throw new AppError('org.kind_not_allowed');
}

async function checkLiaisonArea(db: Db, id: number | null | undefined) {
  if (id != null && !(await repo.findLiaisonArea(db, id))) throw new AppError('liaison_area.not_found');
}

/** Adds a node under a parent in the caller's scope. */
export async function createOrg(
  db: Db,
  actor: Actor,
  scope: Scope | null,
  body: CreateOrgBody,
): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const parent = await getOrg(trx, body.parentId, scope);
    if (parent.active !== 1) throw new AppError('org.parent_inactive');
    checkKind(body.kind, parent.kind);
    await checkLiaisonArea(trx, body.liaisonAreaId);
    const row = await repo.insertOrg(trx, {
      parentId: parent.id,
      parentPath: parent.path,
      parentDepth: parent.depth,
      name: body.name.trim(),
      kind: body.kind,
      code: body.code ?? null,
      liaisonAreaId: body.liaisonAreaId ?? null,
      sortOrder: body.sortOrder ?? 0,
      now: new Date().toISOString(),
    });
    const org = toOrg(row);
    await recordAudit(trx, actor, {
      action: 'org.create',
      entity: 'org',
      entityId: org.id,
      summary: org.name,
      after: org,
    });
    return org;
  });
}

/** Renames or recodes a node. */
export async function updateOrg(
  db: Db,
  actor: Actor,
  scope: Scope | null,
  id: number,
  body: UpdateOrgBody,
): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const before = await getOrg(trx, id, scope);
    await checkLiaisonArea(trx, body.liaisonAreaId);
    const row = await repo.updateOrg(trx, id, {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.code !== undefined && { code: body.code }),
      ...(body.liaisonAreaId !== undefined && { liaison_area_id: body.liaisonAreaId }),
      ...(body.sortOrder !== undefined && { sort_order: body.sortOrder }),
    });
    const after = toOrg(row);
    await recordAudit(trx, actor, {
      action: 'org.update',
      entity: 'org',
      entityId: id,
      summary: after.name,
      before: toOrg(before),
      after,
    });
    return after;
  });
}

/** Moves a node and its whole subtree under a new parent; every path is recomputed in one transaction. */
export async function moveOrg(
  db: Db,
  actor: Actor,
  scope: Scope | null,
  id: number,
  parentId: number,
): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const org = await getOrg(trx, id, scope);
    if (org.parent_id === null) throw new AppError('org.root_immutable');
    const parent = await getOrg(trx, parentId, scope);
    if (parent.path.startsWith(org.path)) throw new AppError('org.move_into_own_subtree');
    if (parent.active !== 1) throw new AppError('org.parent_inactive');
    checkKind(org.kind, parent.kind);
    const newPath = `${parent.path}${org.id}/`;
    await repo.moveSubtree(trx, org.id, parent.id, org.path, newPath, parent.depth + 1 - org.depth);
    const moved = toOrg(await getOrg(trx, id, WHOLE_TREE));
    await recordAudit(trx, actor, {
      action: 'org.move',
      entity: 'org',
      entityId: id,
      summary: `${org.name} → ${parent.name}`,
      before: toOrg(org),
      after: moved,
    });
    return moved;
  });
}

/**
 * Takes a node out of use, or back in. A node with active children or with staff accounts cannot be
 * deactivated: those must move or end first, so nothing is left hanging off a dead branch.
 */
export async function setOrgActive(
  db: Db,
  actor: Actor,
  scope: Scope | null,
  id: number,
  active: boolean,
  countUsers: (db: Db, orgId: number) => Promise<number>,
): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const org = await getOrg(trx, id, scope);
    if (org.parent_id === null) throw new AppError('org.root_immutable');
    if (!active) {
      if ((await repo.countActiveChildren(trx, id)) > 0) throw new AppError('org.has_active_children');
      if ((await countUsers(trx, id)) > 0) throw new AppError('org.in_use');
    } else {
      const parent = await getOrg(trx, org.parent_id, WHOLE_TREE);
      if (parent.active !== 1) throw new AppError('org.parent_inactive');
    }
    const after = toOrg(await repo.updateOrg(trx, id, { active: active ? 1 : 0 }));
    await recordAudit(trx, actor, {
      action: active ? 'org.activate' : 'org.deactivate',
      entity: 'org',
      entityId: id,
      summary: org.name,
      before: toOrg(org),
      after,
    });
    return after;
  });
}

export const listLiaisonAreas = repo.listLiaisonAreas;
export const findRoot = repo.findRoot;

/** Adds a liaison area (老干部工作联系片). */
export async function createLiaisonArea(
  db: Db,
  actor: Actor,
  name: string,
  sortOrder: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertLiaisonArea(trx, name, sortOrder);
    await recordAudit(trx, actor, {
      action: 'liaison_area.create',
      entity: 'liaison_area',
      entityId: id,
      summary: name,
    });
    return id;
  });
}

/**
 * Creates the root of the tree (the city) when the tree is empty: the first step of a new
 * installation. Returns the existing root otherwise.
 */
export async function ensureRoot(db: Db, actor: Actor, name: string, code: string | null): Promise<Org> {
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findRoot(trx);
    if (existing) return toOrg(existing);
    const row = await repo.insertOrg(trx, {
      parentId: null,
      parentPath: '/',
      parentDepth: -1,
      name,
      kind: 'city',
      code,
      liaisonAreaId: null,
      sortOrder: 0,
      now: new Date().toISOString(),
    });
    const org = toOrg(row);
    await recordAudit(trx, actor, {
      action: 'org.create',
      entity: 'org',
      entityId: org.id,
      summary: name,
      after: org,
    });
    return org;
  });
}
