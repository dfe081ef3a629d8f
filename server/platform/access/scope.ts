import { type ExpressionBuilder, type ExpressionWrapper, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { OrgKind } from '../../modules/orgs/orgs.schema.ts';

/** The org subtree a caller acts on: the materialised path of their active assignment's org. */
export interface Scope {
  orgId: number;
  path: string;
  /** the level of the scope's org; set for a signed-in caller, for rules that depend on the level */
  kind?: OrgKind;
}

/** The half-open range of paths in a subtree: '/1/5/' covers ['/1/5/', '/1/50'), since '0' follows '/'. */
export function subtreeRange(path: string): [string, string] {
  return [path, `${path.slice(0, -1)}0`];
}

/**
 * The one scope filter: the row's org column names an org inside the caller's subtree. A caller with
 * no scope sees nothing. Written as an IN over the indexed path range so both databases use indexes.
 */
export function inScope<DB extends Database, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  orgIdColumn: string,
  scope: Scope | null,
): ExpressionWrapper<DB, TB, SqlBool> {
  if (!scope) return sql<SqlBool>`1 = 0` as unknown as ExpressionWrapper<DB, TB, SqlBool>;
  // The root's subtree is every org: no filter at all, so city-wide lists pay nothing for scoping.
  if (isWholeTree(scope)) return sql<SqlBool>`1 = 1` as unknown as ExpressionWrapper<DB, TB, SqlBool>;
  const [from, to] = subtreeRange(scope.path);
  return eb(
    eb.ref(orgIdColumn as never),
    'in',
    sql<number>`(select id from orgs where path >= ${from} and path < ${to})` as never,
  ) as ExpressionWrapper<DB, TB, SqlBool>;
}

/** True for the scope of the tree's root (paths of depth 0 look like '/1/'), or the whole tree. */
export function isWholeTree(scope: Scope): boolean {
  return scope.path === '/' || /^\/\d+\/$/.test(scope.path);
}

/** True when a path lies inside the scope's subtree (for checks on a row already loaded). */
export function pathInScope(path: string, scope: Scope | null): boolean {
  return scope !== null && path.startsWith(scope.path);
}

/** The whole tree, for the system's own reads (start-up, scripts); never for a caller's request. */
export const WHOLE_TREE: Scope = { orgId: 0, path: '/' };

/**
 * The ids of the orgs in a subtree, or null for the whole tree. For queries over very large tables:
 * a literal list lets the planner see how narrow the filter is (one unit, a county's few dozen orgs),
 * which the subquery of `inScope` hides from it.
 */
export async function subtreeOrgIds(db: Kysely<Database>, scope: Scope | null): Promise<number[] | null> {
  if (scope && isWholeTree(scope)) return null;
  if (!scope) return [];
  const [from, to] = subtreeRange(scope.path);
  const rows = await db
    .selectFrom('orgs')
    .select('id')
    .where('path', '>=', from)
    .where('path', '<', to)
    .execute();
  return rows.map((r) => r.id);
}

/** The narrower of two scopes when one lies inside the other (a filter inside the caller's scope). */
export function narrowest(scope: Scope | null, inner: Scope | undefined): Scope | null {
  if (!scope || !inner) return scope;
  return inner.path.startsWith(scope.path) ? inner : scope;
}
