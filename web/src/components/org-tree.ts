import type { Org } from '../api/types';

/** One org with its children, in display order. */
export interface OrgNode {
  org: Org;
  depth: number;
  children: OrgNode[];
}

function byDisplayOrder(a: Org, b: Org): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * Turns the flat list GET /api/orgs returns into a forest. The caller only sees its own subtree, so
 * an org whose parent is not in the list is a root.
 */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const ids = new Set(orgs.map((org) => org.id));
  const childrenOf = new Map<number | null, Org[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), org]);
  }
  const build = (parent: number | null, depth: number): OrgNode[] =>
    (childrenOf.get(parent) ?? [])
      .sort(byDisplayOrder)
      .map((org) => ({ org, depth, children: build(org.id, depth + 1) }));
  return build(null, 0);
}

/** The ids of an org and everything under it (an org cannot be moved below itself). */
export function subtreeIds(orgs: readonly Org[], rootId: number): Set<number> {
  const ids = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of orgs) {
      if (org.parentId !== null && ids.has(org.parentId) && !ids.has(org.id)) {
        ids.add(org.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** The ids of every ancestor of an org that is in the list. */
export function ancestorIds(orgs: readonly Org[], id: number): number[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const result: number[] = [];
  let current = byId.get(id);
  while (current && current.parentId !== null && byId.has(current.parentId)) {
    result.push(current.parentId);
    current = byId.get(current.parentId);
  }
  return result;
}
