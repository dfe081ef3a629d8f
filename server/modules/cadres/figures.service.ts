import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isWholeTree } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { dayStart, today } from '../../platform/calendar/days.ts';
import type { Auth } from '../../platform/http/types.ts';
import {
  childOrgs,
  findSnapshotRun,
  groupedCounts,
  insertSnapshotCounts,
  insertSnapshotRun,
  type KeyColumn,
  listSnapshotRuns,
  snapshotTotals,
} from '../../platform/indicators/indicators.repository.ts';
import { defineIndicator, type OrgNode, rollUp } from '../../platform/indicators/indicators.ts';
import { listItems } from '../dictionaries/dictionaries.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import { rosterCountedAsOf } from './figures.repository.ts';
import type { CadreFigures, CadreFiguresQuery, FigureDimension, Snapshot } from './figures.schema.ts';

/** The roster's headcount: the figure every grouping of the roster's figures divides. */
export const CADRE_COUNT = defineIndicator({
  key: 'cadres.count',
  labelZh: '离退休干部人数',
  labelEn: 'Retired cadres',
  unitZh: '人',
  unitEn: 'persons',
  definitionZh:
    '在册且在世的离退休干部，每人只计一次，计入其现管单位（花名册“现管单位”）及其各级上级。年龄按所属年度 12 月 31 日的周岁计；年报快照按当年 12 月 31 日的状况冻结。',
  definitionEn:
    "Living cadres on the roster, each counted once, at the org that manages them (the roster's 现管单位) and every org above it. Ages are whole years reached on 31 December of the year; a yearly snapshot freezes the figures as of 31 December.",
  period: 'day',
});

/**
 * The maintained counts of the roster (kept by triggers, migration 2026-12-02-016): `cadres` by
 * category (k1), party membership (k2) and treatment level (k3); `cadres.birth_year` the same with
 * the birth year (k4), from which the age bands of any year follow. Snapshots keep the finer one.
 */
const LIVE = 'cadres';
const BY_BIRTH_YEAR = 'cadres.birth_year';

const COLUMN: Record<Exclude<FigureDimension, 'org'>, KeyColumn> = {
  category: 'k1',
  party: 'k2',
  treatmentLevel: 'k3',
  ageBand: 'k4',
};

const LABELS: Record<FigureDimension, [string, string]> = {
  org: ['单位', 'Org'],
  category: ['人员类别', 'Category'],
  ageBand: ['年龄段', 'Age band'],
  party: ['中共党员', 'CPC member'],
  treatmentLevel: ['享受待遇', 'Treatment level'],
};

type Value = CadreFigures['dimensions'][number]['values'][number];

/** Age bands by whole years reached in the year: under 60, then tens, then 100 and over. */
const AGE_BANDS: Value[] = [
  { value: 'under_60', labelZh: '60岁以下', labelEn: 'Under 60' },
  { value: '60_69', labelZh: '60–69岁', labelEn: '60–69' },
  { value: '70_79', labelZh: '70–79岁', labelEn: '70–79' },
  { value: '80_89', labelZh: '80–89岁', labelEn: '80–89' },
  { value: '90_99', labelZh: '90–99岁', labelEn: '90–99' },
  { value: '100_plus', labelZh: '100岁及以上', labelEn: '100 and over' },
];

/** The band of someone born in `birthYear`, by the age they reach in `year`. */
export function ageBandOf(birthYear: number, year: number): string {
  const age = year - birthYear;
  if (age < 60) return 'under_60';
  if (age >= 100) return '100_plus';
  const from = Math.floor(age / 10) * 10;
  return `${from}_${from + 9}`;
}

async function valuesOf(db: Db, dim: Exclude<FigureDimension, 'org'>): Promise<Value[]> {
  if (dim === 'category')
    return [
      { value: 'lixiu', labelZh: '离休', labelEn: 'Lixiu (retired before 1949 service)' },
      { value: 'tuixiu', labelZh: '退休', labelEn: 'Tuixiu (retired)' },
    ];
  if (dim === 'party')
    return [
      { value: '1', labelZh: '中共党员', labelEn: 'CPC member' },
      { value: '0', labelZh: '非中共党员', labelEn: 'Not a CPC member' },
    ];
  if (dim === 'ageBand') return AGE_BANDS;
  const items = await listItems(db, 'treatment_level');
  return [
    ...items.map((i) => ({ value: i.code, labelZh: i.labelZh, labelEn: i.labelEn })),
    { value: '', labelZh: '无', labelEn: 'None' },
  ];
}

/** The day a yearly snapshot stands for, and the instant that day ends in the bureau's time zone. */
function yearEnd(year: number) {
  const asOf = `${year}-12-31`;
  const endsAt = dayStart(`${year + 1}-01-01`).toISOString();
  return { asOf, endsAt };
}

/**
 * The roster's figures at a node of the caller's scope, grouped by one or two of org, category, age
 * band, party membership and treatment level: today's, from the maintained counts, or a year's, from
 * its snapshot. Grouping by org gives the node's child orgs (inactive ones too, so the cells always add
 * up to the total) and the node's own cadres. Exact at any size: integer counts, nothing capped.
 */
export async function cadreFigures(db: Db, auth: Auth, query: CadreFiguresQuery): Promise<CadreFigures> {
  if (!auth.scope) throw new AppError('org.not_found');
  const by = [query.rows ?? 'org', ...(query.cols ? [query.cols] : [])] as FigureDimension[];
  if (by[0] === by[1]) throw new AppError('indicator.same_dimension');
  const org = await getOrg(db, query.orgId ?? auth.scope.orgId, auth.scope);
  const snapshotYear = query.year;
  if (snapshotYear !== undefined && !(await findSnapshotRun(db, BY_BIRTH_YEAR, snapshotYear)))
    throw new AppError('indicator.snapshot_missing');
  const asOf = snapshotYear === undefined ? today() : yearEnd(snapshotYear).asOf;
  const year = Number(asOf.slice(0, 4));

  const keyed = by.filter((d): d is Exclude<FigureDimension, 'org'> => d !== 'org');
  const source =
    snapshotYear !== undefined
      ? { indicator: BY_BIRTH_YEAR, year: snapshotYear }
      : { indicator: keyed.includes('ageBand') ? BY_BIRTH_YEAR : LIVE };
  const [rows, children] = await Promise.all([
    groupedCounts(
      db,
      source,
      org.path,
      keyed.map((d) => COLUMN[d]),
      { byOrg: by.includes('org') },
    ),
    by.includes('org') ? childOrgs(db, org.id, { withInactive: true }) : Promise.resolve([]),
  ]);

  // A cell's keys: the org's value (a child's id, or the node's own) and each keyed dimension's value.
  const keyValue = (d: Exclude<FigureDimension, 'org'>, raw: string) =>
    d === 'ageBand' ? ageBandOf(Number(raw), year) : raw;
  const cells = new Map<string, { keys: string[]; n: number }>();
  const add = (keys: string[], n: number) => {
    const id = keys.join('\u0000');
    const cell = cells.get(id);
    if (cell) cell.n += n;
    else cells.set(id, { keys, n });
  };
  let total = 0;
  const orgValues: Value[] = [];
  if (by.includes('org')) {
    type Row = (typeof rows)[number];
    const figures = rollUp(org, children, rows, (r) => r.path, {
      empty: (o: OrgNode) => ({ org: o, rows: [] as Row[] }),
      add: (g, r) => g.rows.push(r),
    });
    const groups = [
      ...figures.children.map((c) => ({ value: String(c.org.id), own: false, g: c.group })),
      { value: String(org.id), own: true, g: figures.own },
    ];
    for (const { value, own, g } of groups) {
      if (g.rows.length === 0) continue;
      orgValues.push({
        value,
        labelZh: own ? `${org.name}（本级）` : g.org.name,
        labelEn: own ? `${org.name} (own)` : g.org.name,
        ...(own ? { own: true } : { orgId: g.org.id }),
      });
      for (const r of g.rows) {
        const keys = by.map((d) => (d === 'org' ? value : keyValue(d, r.keys[keyed.indexOf(d)] as string)));
        add(keys, r.n);
        total += r.n;
      }
    }
  } else {
    for (const r of rows) {
      add(
        keyed.map((d, i) => keyValue(d, r.keys[i] as string)),
        r.n,
      );
      total += r.n;
    }
  }

  const dimensions = await Promise.all(
    by.map(async (d) => ({
      key: d,
      labelZh: LABELS[d][0],
      labelEn: LABELS[d][1],
      values: d === 'org' ? orgValues : await valuesOf(db, d),
    })),
  );
  // A code no longer in its dictionary still counts, under its own code as its label.
  for (const [i, d] of by.entries()) {
    const dim = dimensions[i] as (typeof dimensions)[number];
    if (d === 'org') continue;
    const known = new Set(dim.values.map((v) => v.value));
    for (const cell of cells.values()) {
      const v = cell.keys[i] as string;
      if (!known.has(v)) {
        known.add(v);
        dim.values.push({ value: v, labelZh: v, labelEn: v });
      }
    }
  }
  const { key, labelZh, labelEn, unitZh, unitEn, definitionZh, definitionEn } = CADRE_COUNT;
  return {
    indicator: { key, labelZh, labelEn, unitZh, unitEn, definitionZh, definitionEn },
    org: { id: org.id, name: org.name, kind: org.kind },
    year: snapshotYear ?? null,
    asOf,
    dimensions,
    cells: [...cells.values()],
    total,
  };
}

/**
 * Freezes the roster's figures as of 12-31 of a past year (年报): everyone alive that day whose record
 * existed by its end, each once, at the org managing them, by category, party membership, treatment
 * level and birth year. Taken once; later changes to the records never change it. Counts by the org
 * a cadre is under when the snapshot is taken (the roster keeps no history of moves), so it is taken
 * as early in January as possible, by city staff or a scheduled job.
 */
export async function takeSnapshot(db: Db, actor: Actor, auth: Auth | null, year: number): Promise<Snapshot> {
  if (auth && !(auth.scope && isWholeTree(auth.scope))) throw new AppError('indicator.city_scope');
  const { asOf, endsAt } = yearEnd(year);
  if (today() <= asOf) throw new AppError('indicator.snapshot_too_early');
  const takenAt = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const fresh = await insertSnapshotRun(trx, {
      indicator: BY_BIRTH_YEAR,
      year,
      as_of: asOf,
      taken_at: takenAt,
      taken_by: actor.userId,
    });
    if (!fresh) throw new AppError('indicator.snapshot_taken');
    await insertSnapshotCounts(trx, BY_BIRTH_YEAR, year, rosterCountedAsOf(asOf, endsAt));
    await recordAudit(trx, actor, {
      action: 'indicator.snapshot',
      entity: 'indicator',
      entityId: `${CADRE_COUNT.key}:${year}`,
      summary: `${CADRE_COUNT.labelZh} ${year} 年报快照（截至 ${asOf}）`,
    });
  });
  const totals = await snapshotTotals(db, BY_BIRTH_YEAR);
  return { year, asOf, takenAt, total: totals.get(year) ?? 0 };
}

/** The yearly snapshots taken, newest first, with everyone each counts. */
export async function listSnapshots(db: Db): Promise<Snapshot[]> {
  const [runs, totals] = await Promise.all([
    listSnapshotRuns(db, BY_BIRTH_YEAR),
    snapshotTotals(db, BY_BIRTH_YEAR),
  ]);
  return runs.map((r) => ({
    year: r.year,
    asOf: r.as_of,
    takenAt: r.taken_at,
    total: totals.get(r.year) ?? 0,
  }));
}
