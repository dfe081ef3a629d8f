// Indicators (指标): every headline figure is defined once, with its labels, unit and what it counts,
// computed over a node of the org tree and a period, and rolled up the tree in one way (`rollUp`):
// the node's total, one group per child org, and the node's own rows. Counts that would otherwise
// scan a large table per request are maintained by triggers in `indicator_counts` (see
// `createCountTriggers` in db/dialect.ts) and frozen once a year in `indicator_snapshots`.

/** A figure defined once: what it counts, in what unit, over which scope and period. */
export interface Indicator {
  /** stable code, `<module>.<figure>` */
  key: string;
  labelZh: string;
  labelEn: string;
  /** 人, 个, % … */
  unitZh: string;
  unitEn: string;
  /** what is counted and how, in words a statistician would check */
  definitionZh: string;
  definitionEn: string;
  /** the period a value is for: a day (today, or 12-31 in a yearly snapshot), a year, or a round */
  period: 'day' | 'year' | 'round';
}

const registry = new Map<string, Indicator>();

/** Declares an indicator; a key is declared once. */
export function defineIndicator(indicator: Indicator): Indicator {
  if (registry.has(indicator.key)) throw new Error(`indicator ${indicator.key} is defined twice`);
  registry.set(indicator.key, indicator);
  return indicator;
}

/** Every indicator declared so far, by key. */
export function listIndicators(): Indicator[] {
  return [...registry.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** An org of the tree as a roll-up needs it. */
export interface OrgNode {
  id: number;
  name: string;
  kind: string;
  path: string;
}

/** A figure at a node: its subtree's total, each child org's subtree, and what the node holds itself. */
export interface RollUp<R, G> {
  total: G;
  children: { org: OrgNode; group: G }[];
  /** the node's own rows counted together */
  own: G;
  /** the node's own rows, for figures that list them one by one */
  ownRows: R[];
}

/**
 * Rolls rows up the org tree at a node. Each row belongs to the org whose materialised path `pathOf`
 * gives; it counts in the node's total, and in the child whose subtree holds it or, at the node
 * itself, in `own`. A row under a child not in `children` (an inactive org the caller leaves out)
 * counts in the total only.
 */
export function rollUp<R, G>(
  node: OrgNode,
  children: OrgNode[],
  rows: Iterable<R>,
  pathOf: (row: R) => string,
  group: { empty: (org: OrgNode) => G; add: (g: G, row: R) => void },
): RollUp<R, G> {
  const total = group.empty(node);
  const own = group.empty(node);
  const ownRows: R[] = [];
  const groups = children.map((org) => ({ org, group: group.empty(org) }));
  const byChild = new Map(groups.map((g) => [g.org.id, g.group]));
  for (const row of rows) {
    const path = pathOf(row);
    if (!path.startsWith(node.path)) continue;
    group.add(total, row);
    if (path === node.path) {
      group.add(own, row);
      ownRows.push(row);
      continue;
    }
    // '/1/5/23/' under '/1/': the child is the next id on the path.
    const childId = Number(path.slice(node.path.length, path.indexOf('/', node.path.length)));
    const child = byChild.get(childId);
    if (child) group.add(child, row);
  }
  return { total, children: groups, own, ownRows };
}
