import { describe, expect, it } from 'vitest';
import type { OrgRow } from '../../db/schema.ts';
import {
  type Client,
  makeCadre,
  makeIdNumber,
  makeOrg,
  rootOrg,
  signedInUser,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { ageBandOf } from './figures.service.ts';

const ctx = await createTestApp();
const city = await signedInUser(ctx, { roles: ['city_staff'] });

type Dim = 'org' | 'category' | 'ageBand' | 'party' | 'treatmentLevel';
const DIMS: Dim[] = ['org', 'category', 'ageBand', 'party', 'treatmentLevel'];

interface Figures {
  org: { id: number };
  year: number | null;
  asOf: string;
  dimensions: { key: Dim; values: { value: string; orgId?: number; own?: boolean }[] }[];
  cells: { keys: string[]; n: number }[];
  total: number;
}

async function figures(client: Client, query: Record<string, string | number>) {
  const qs = new URLSearchParams(
    Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  ).toString();
  const res = await ctx.app.inject({ method: 'GET', url: `/api/cadres/figures?${qs}`, headers: client.read });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Figures;
}

/** Asks for a year's snapshot to be taken. */
const takeSnapshot = (client: Client, year: number) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/cadres/figures/snapshots',
    headers: client.headers,
    payload: { year },
  });

/** The cells as a map 'a|b' → n, without empty cells. */
const asMap = (f: { cells: { keys: string[]; n: number }[] }) =>
  new Map(f.cells.filter((c) => c.n !== 0).map((c) => [c.keys.join('|'), c.n]));

/**
 * The same figures counted directly from the roster's rows (no maintained count involved): every
 * living cadre under the node, by the node's child holding them or the node itself.
 */
async function directCount(node: OrgRow, by: Dim[], year: number) {
  const rows = await ctx.db
    .selectFrom('cadres as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['o.path', 'c.category', 'c.political_status', 'c.treatment_level', 'c.birth_date'])
    .where('c.status', '=', 'active')
    .execute();
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    if (!r.path.startsWith(node.path)) continue;
    const value = (d: Dim) => {
      if (d === 'org')
        return r.path === node.path ? String(node.id) : r.path.slice(node.path.length).split('/')[0];
      if (d === 'category') return r.category;
      if (d === 'party') return ['01', '02'].includes(r.political_status ?? '') ? '1' : '0';
      if (d === 'treatmentLevel') return r.treatment_level ?? '';
      return ageBandOf(Number(r.birth_date.slice(0, 4)), year);
    };
    const key = by.map(value).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

/** A county with two towns, a unit in one, and cadres of every kind spread over all levels. */
async function smallCounty() {
  const root = await rootOrg(ctx.db);
  const county = await makeOrg(ctx.db, { parent: root, kind: 'county' });
  const townA = await makeOrg(ctx.db, { parent: county, kind: 'town' });
  const townB = await makeOrg(ctx.db, { parent: county, kind: 'town' });
  const unit = await makeOrg(ctx.db, { parent: townA, kind: 'unit' });
  const people = [
    { org: county, category: 'tuixiu', birth: '1950-03-04', party: '01', treatment: null },
    { org: county, category: 'lixiu', birth: '1928-07-01', party: '01', treatment: 'bureau_deputy' },
    { org: townA, category: 'tuixiu', birth: '1960-12-31', party: '13', treatment: null },
    { org: townA, category: 'tuixiu', birth: '1945-01-01', party: '02', treatment: 'county_main' },
    { org: unit, category: 'lixiu', birth: '1925-05-05', party: '01', treatment: 'county_main' },
    { org: unit, category: 'tuixiu', birth: '1966-06-06', party: '05', treatment: null },
    { org: unit, category: 'tuixiu', birth: '1938-02-02', party: '01', treatment: null },
    { org: townB, category: 'tuixiu', birth: '1955-09-09', party: '01', treatment: null },
  ];
  const ids: number[] = [];
  for (const p of people) {
    const cadre = await makeCadre(ctx, city.client, {
      orgId: p.org.id,
      category: p.category,
      idNumber: makeIdNumber(p.birth),
      politicalStatus: p.party,
      treatmentLevel: p.treatment,
      ...(p.category === 'lixiu' && { revolutionaryPeriod: 'liberation_war', workStartedOn: '1945-05-01' }),
    });
    ids.push(cadre.id);
  }
  return { root, county, townA, townB, unit, ids };
}

async function expectAgreement(nodes: OrgRow[], year: number) {
  for (const node of nodes) {
    for (const rows of DIMS) {
      for (const cols of [undefined, ...DIMS.filter((d) => d !== rows)]) {
        const by = cols ? [rows, cols] : [rows];
        const got = await figures(city.client, { orgId: node.id, rows, ...(cols && { cols }) });
        const want = await directCount(node, by, year);
        expect(asMap(got), `${node.name} by ${by.join(' × ')}`).toEqual(want.counts);
        expect(got.total).toBe(want.total);
        expect(got.cells.reduce((s, c) => s + c.n, 0)).toBe(got.total);
      }
    }
  }
}

describe('roster figures', () => {
  it('agree with a direct count of the roster at every level of the tree, for every grouping', async () => {
    const { root, county, townA, townB, unit, ids } = await smallCounty();
    const year = Number((await figures(city.client, { rows: 'category' })).asOf.slice(0, 4));
    await expectAgreement([root, county, townA, townB, unit], year);

    // The county's figures, by hand: two cadres at the county itself, five in town A (with its unit), one in B.
    const byOrg = await figures(city.client, { orgId: county.id, rows: 'org', cols: 'category' });
    expect(asMap(byOrg)).toEqual(
      new Map([
        [`${county.id}|tuixiu`, 1],
        [`${county.id}|lixiu`, 1],
        [`${townA.id}|tuixiu`, 4],
        [`${townA.id}|lixiu`, 1],
        [`${townB.id}|tuixiu`, 1],
      ]),
    );
    expect(byOrg.total).toBe(8);
    const own = byOrg.dimensions[0]?.values.find((v) => v.own);
    expect(own?.value).toBe(String(county.id));
    expect(byOrg.dimensions[0]?.values.find((v) => v.value === String(townA.id))?.orgId).toBe(townA.id);

    // Every way a record changes moves the counts with it: an edit, a move, a death and its reversal.
    const patch = (id: number, payload: object) =>
      ctx.app.inject({ method: 'PATCH', url: `/api/cadres/${id}`, headers: city.client.headers, payload });
    expect(
      (await patch(ids[2] as number, { politicalStatus: '01', treatmentLevel: 'county_deputy' })).statusCode,
    ).toBe(200);
    expect((await patch(ids[6] as number, { orgId: townB.id })).statusCode).toBe(200);
    const died = await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/${ids[1]}/death`,
      headers: city.client.headers,
      payload: { diedOn: '2026-01-05' },
    });
    expect(died.statusCode, died.body).toBe(200);
    const gone = await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/${ids[4]}/death`,
      headers: city.client.headers,
      payload: { diedOn: '2026-02-05' },
    });
    expect(gone.statusCode).toBe(200);
    const back = await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/${ids[4]}/death/reverse`,
      headers: city.client.headers,
      payload: { reason: '误报，人员健在' },
    });
    expect(back.statusCode, back.body).toBe(200);
    await expectAgreement([root, county, townA, townB, unit], year);
    expect((await figures(city.client, { orgId: county.id, rows: 'category' })).total).toBe(7);
  });

  it('keeps a county to its own subtree and refuses grouping rows and columns by the same thing', async () => {
    const { county, unit } = await smallCounty();
    const other = await makeOrg(ctx.db, { kind: 'county' });
    const staff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
    const mine = await figures(staff.client, { rows: 'category' });
    expect(mine.org.id).toBe(county.id);
    expect(mine.total).toBe(8);
    expect((await figures(staff.client, { orgId: unit.id, rows: 'party' })).total).toBe(3);
    const outside = await ctx.app.inject({
      method: 'GET',
      url: `/api/cadres/figures?orgId=${other.id}`,
      headers: staff.client.read,
    });
    expect(outside.statusCode).toBe(404);
    const same = await ctx.app.inject({
      method: 'GET',
      url: '/api/cadres/figures?rows=party&cols=party',
      headers: staff.client.read,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.code).toBe('indicator.same_dimension');
  });
});

describe('yearly snapshots (年报)', () => {
  it('freeze the figures as of 12-31 and never change when records change afterwards', async () => {
    const { root, county, townA, townB, ids } = await smallCounty();
    // The records existed during 2025: entered then (the roster keeps when a record was entered).
    await ctx.db
      .updateTable('cadres')
      .set({ created_at: '2025-06-01T00:00:00.000Z' })
      .where('id', 'in', ids)
      .execute();
    // One of them died on 2026-01-05, after the year's end: alive on 12-31, so in the 2025 snapshot.
    await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/${ids[0]}/death`,
      headers: city.client.headers,
      payload: { diedOn: '2026-01-05' },
    });
    // Entered in 2026: not on the roster on 2025-12-31.
    const late = await makeCadre(ctx, city.client, { orgId: townB.id, idNumber: makeIdNumber('1958-04-04') });

    const taken = await takeSnapshot(city.client, 2025);
    expect(taken.statusCode, taken.body).toBe(201);
    expect(taken.json()).toMatchObject({ year: 2025, asOf: '2025-12-31' });

    const read = async () =>
      Promise.all(
        [county, townA, townB].flatMap((node) =>
          (['org', 'ageBand', 'treatmentLevel'] as const).map((rows) =>
            figures(city.client, { orgId: node.id, rows, cols: 'category', year: 2025 }),
          ),
        ),
      );
    const before = await read();
    const atCounty = before[0] as Figures;
    expect(atCounty.year).toBe(2025);
    expect(atCounty.asOf).toBe('2025-12-31');
    expect(atCounty.total).toBe(8);
    // Ages as of 2025-12-31: born 1928 → 97, born 1925 → 100 and over.
    const ages = asMap(before[1] as Figures);
    expect(ages.get('90_99|lixiu')).toBe(1);
    expect(ages.get('100_plus|lixiu')).toBe(1);
    expect(ages.get('60_69|tuixiu')).toBe(1); // born 1960-12-31, 65
    expect([...asMap(before[6] as Figures).values()].reduce((a, b) => a + b, 0)).toBe(1);
    expect(late.id).toBeGreaterThan(0);

    // Change the records every way: edit, move, death, a new record backdated into 2025.
    await ctx.app.inject({
      method: 'PATCH',
      url: `/api/cadres/${ids[2]}`,
      headers: city.client.headers,
      payload: { category: 'tuixiu', treatmentLevel: 'county_main', orgId: townB.id },
    });
    await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/${ids[3]}/death`,
      headers: city.client.headers,
      payload: { diedOn: '2026-03-01' },
    });
    const backdated = await makeCadre(ctx, city.client, {
      orgId: county.id,
      idNumber: makeIdNumber('1952-02-02'),
    });
    await ctx.db
      .updateTable('cadres')
      .set({ created_at: '2025-01-01T00:00:00.000Z' })
      .where('id', '=', backdated.id)
      .execute();

    expect(await read()).toEqual(before);
    // Today's figures did move.
    expect((await figures(city.client, { orgId: county.id, rows: 'category' })).total).toBe(
      8 - 1 - 1 + 1 + 1,
    );

    // Taken once: a second attempt is refused, and so is a year not yet over.
    const again = await takeSnapshot(city.client, 2025);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('indicator.snapshot_taken');
    const early = await takeSnapshot(city.client, 2199);
    expect(early.json().error.code).toBe('indicator.snapshot_too_early');
    const missing = await ctx.app.inject({
      method: 'GET',
      url: `/api/cadres/figures?year=2024`,
      headers: city.client.read,
    });
    expect(missing.statusCode).toBe(404);

    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/cadres/figures/snapshots',
      headers: city.client.read,
    });
    expect(list.json()).toEqual([expect.objectContaining({ year: 2025, asOf: '2025-12-31' })]);
    expect(list.json()[0].total).toBe((await figures(city.client, { orgId: root.id, year: 2025 })).total);
  });

  it('are taken only with a city-wide scope', async () => {
    const { county } = await smallCounty();
    const staff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
    const res = await takeSnapshot(staff.client, 2024);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('indicator.city_scope');
  });
});
