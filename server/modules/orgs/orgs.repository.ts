import { type Kysely, sql } from 'kysely';
import type { Database, OrgRow } from '../../db/schema.ts';
import { inScope, type Scope, subtreeRange } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { namePinyinText } from '../../platform/lists/pinyin.ts';
import type { OrgKind } from './orgs.schema.ts';

type Conn = Kysely<Database>;

/** Orgs inside the scope, in tree order; with a keyword, those whose name or its pinyin holds it. */
export async function listOrgs(db: Conn, scope: Scope | null, includeInactive: boolean, keyword?: string) {
  let q = db
    .selectFrom('orgs')
    .selectAll()
    .where((eb) => inScope(eb, 'orgs.id', scope));
  if (!includeInactive) q = q.where('active', '=', 1);
  if (keyword)
    q = q.where(keywordMatch(db, keyword, { contains: ['orgs.name'], pinyin: ['orgs.name_pinyin'] }));
  return q.orderBy('depth').orderBy('sort_order').orderBy('id').execute();
}

/** One org, only when it lies inside the scope. */
export async function findOrg(db: Conn, id: number, scope: Scope | null): Promise<OrgRow | undefined> {
  return db
    .selectFrom('orgs')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inScope(eb, 'orgs.id', scope))
    .executeTakeFirst();
}

/** The root of the tree (the city), if any. */
export async function findRoot(db: Conn) {
  return db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
}

export async function insertOrg(
  db: Conn,
  o: {
    parentId: number | null;
    parentPath: string;
    parentDepth: number;
    name: string;
    kind: OrgKind;
    code: string | null;
    liaisonAreaId: number | null;
    sortOrder: number;
    now: string;
  },
): Promise<OrgRow> {
  const { id } = await db
    .insertInto('orgs')
    .values({
      parent_id: o.parentId,
      name: o.name,
      name_pinyin: namePinyinText(o.name),
      kind: o.kind,
      code: o.code,
      path: `tmp:${crypto.randomUUID()}`,
      depth: o.parentDepth + 1,
      liaison_area_id: o.liaisonAreaId,
      active: 1,
      sort_order: o.sortOrder,
      created_at: o.now,
      updated_at: o.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .updateTable('orgs')
    .set({ path: `${o.parentPath}${id}/` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateOrg(
  db: Conn,
  id: number,
  values: Partial<{
    name: string;
    code: string | null;
    liaison_area_id: number | null;
    sort_order: number;
    active: number;
  }>,
) {
  return db
    .updateTable('orgs')
    .set({
      ...values,
      ...(values.name !== undefined && { name_pinyin: namePinyinText(values.name) }),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Re-roots a whole subtree: every path under `oldPath` now starts with `newPath`, depths shift. */
export async function moveSubtree(
  db: Conn,
  id: number,
  newParentId: number,
  oldPath: string,
  newPath: string,
  depthDelta: number,
) {
  const [from, to] = subtreeRange(oldPath);
  await db
    .updateTable('orgs')
    .set({
      path: sql`cast(${newPath} as text) || substr(path, ${oldPath.length + 1})`,
      depth: sql`depth + ${depthDelta}`,
      updated_at: new Date().toISOString(),
    })
    .where('path', '>=', from)
    .where('path', '<', to)
    .execute();
  await db.updateTable('orgs').set({ parent_id: newParentId }).where('id', '=', id).execute();
}

export async function countActiveChildren(db: Conn, id: number) {
  const r = await db
    .selectFrom('orgs')
    .select(sql<number>`count(*)`.as('n'))
    .where('parent_id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listLiaisonAreas(db: Conn) {
  const rows = await db
    .selectFrom('liaison_areas as l')
    .select([
      'l.id',
      'l.name',
      (eb) =>
        eb
          .selectFrom('orgs')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('orgs.liaison_area_id', '=', 'l.id')
          .where('orgs.active', '=', 1)
          .as('unit_count'),
    ])
    .orderBy('l.sort_order')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, unitCount: Number(r.unit_count ?? 0) }));
}

export async function findLiaisonArea(db: Conn, id: number) {
  return db.selectFrom('liaison_areas').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertLiaisonArea(db: Conn, name: string, sortOrder: number) {
  const r = await db
    .insertInto('liaison_areas')
    .values({ name, sort_order: sortOrder })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
