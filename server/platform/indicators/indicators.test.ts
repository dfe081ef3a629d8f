import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeCadre, makeIdNumber, makeOrg, rootOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { childOrgs, groupedCounts } from './indicators.repository.ts';
import { defineIndicator, listIndicators, type OrgNode, rollUp } from './indicators.ts';

const ctx = await createTestApp();

describe('rollUp', () => {
  const node: OrgNode = { id: 1, name: '市', kind: 'city', path: '/1/' };
  const a: OrgNode = { id: 2, name: '甲县', kind: 'county', path: '/1/2/' };
  const b: OrgNode = { id: 12, name: '乙县', kind: 'county', path: '/1/12/' };
  const rows = [
    { path: '/1/', n: 1 },
    { path: '/1/2/', n: 2 },
    { path: '/1/2/5/', n: 4 },
    // '/1/12/' must not count under '/1/2/' though it starts with '/1/1'
    { path: '/1/12/7/', n: 8 },
    // under an org left out of the children (inactive): the total only
    { path: '/1/30/', n: 16 },
    // outside the node: nowhere
    { path: '/9/', n: 32 },
  ];
  const sum = {
    empty: () => ({ n: 0 }),
    add: (g: { n: number }, r: { n: number }) => {
      g.n += r.n;
    },
  };

  it('puts each row in the total, in the child whose subtree holds it, or in the node’s own', () => {
    const r = rollUp(node, [a, b], rows, (x) => x.path, sum);
    expect(r.total.n).toBe(1 + 2 + 4 + 8 + 16);
    expect(r.children.map((c) => [c.org.id, c.group.n])).toEqual([
      [2, 6],
      [12, 8],
    ]);
    expect(r.own.n).toBe(1);
    expect(r.ownRows).toEqual([{ path: '/1/', n: 1 }]);
  });

  it('rolls a deeper node the same way', () => {
    const r = rollUp(a, [{ id: 5, name: '镇', kind: 'town', path: '/1/2/5/' }], rows, (x) => x.path, sum);
    expect([r.total.n, r.children[0]?.group.n, r.own.n]).toEqual([6, 4, 2]);
  });
});

describe('indicator definitions', () => {
  it('are declared once, with labels, unit and definition', () => {
    const keys = listIndicators().map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    const def = {
      key: `test.${Date.now()}`,
      labelZh: '测试',
      labelEn: 'Test',
      unitZh: '个',
      unitEn: 'items',
      definitionZh: '测试用',
      definitionEn: 'for the test',
      period: 'day' as const,
    };
    defineIndicator(def);
    expect(listIndicators()).toContainEqual(def);
    expect(() => defineIndicator(def)).toThrow(/defined twice/);
  });
});

describe('maintained counts', () => {
  it('follow every write to the counted table, bulk statements included, as a direct count does', async () => {
    const city = await signedInUser(ctx, { roles: ['city_staff'] });
    const root = await rootOrg(ctx.db);
    const county = await makeOrg(ctx.db, { parent: root, kind: 'county' });
    const town = await makeOrg(ctx.db, { parent: county, kind: 'town' });
    for (const [i, org] of [county, town, town, county, town].entries()) {
      await makeCadre(ctx, city.client, {
        orgId: org.id,
        idNumber: makeIdNumber(`19${50 + i}-01-0${i + 1}`),
        politicalStatus: i % 2 ? '01' : '13',
      });
    }
    const direct = async () => {
      const rows = await ctx.db
        .selectFrom('cadres')
        .select(['org_id', 'category', 'political_status', 'treatment_level'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'active')
        .groupBy(['org_id', 'category', 'political_status', 'treatment_level'])
        .execute();
      const m = new Map<string, number>();
      for (const r of rows) {
        const key = `${r.org_id}|${r.category}|${['01', '02'].includes(r.political_status ?? '') ? 1 : 0}|${r.treatment_level ?? ''}`;
        m.set(key, (m.get(key) ?? 0) + Number(r.n));
      }
      return m;
    };
    const maintained = async () => {
      const rows = await groupedCounts(ctx.db, { indicator: 'cadres' }, root.path, ['k1', 'k2', 'k3']);
      return new Map(rows.map((r) => [`${r.orgId}|${r.keys.join('|')}`, r.n]));
    };
    expect(await maintained()).toEqual(await direct());

    // Statements that touch many rows at once, as an import or a script would.
    await ctx.db
      .updateTable('cadres')
      .set({ treatment_level: 'county_main' })
      .where('org_id', '=', town.id)
      .execute();
    await ctx.db.updateTable('cadres').set({ org_id: town.id }).where('org_id', '=', county.id).execute();
    await ctx.db
      .updateTable('cadres')
      .set({ status: 'deceased' })
      .where('org_id', '=', town.id)
      .where('political_status', '=', '13')
      .execute();
    await sql`delete from cadre_search_terms where cadre_id in (select id from cadres where org_id = ${town.id} and status = 'active')`.execute(
      ctx.db,
    );
    await ctx.db.deleteFrom('cadres').where('org_id', '=', town.id).where('status', '=', 'active').execute();
    expect(await maintained()).toEqual(await direct());
  });

  it('list the children of a node, inactive ones only when asked', async () => {
    const county = await makeOrg(ctx.db, { kind: 'county' });
    const open = await makeOrg(ctx.db, { parent: county, kind: 'town' });
    const closed = await makeOrg(ctx.db, { parent: county, kind: 'town' });
    await ctx.db.updateTable('orgs').set({ active: 0 }).where('id', '=', closed.id).execute();
    expect((await childOrgs(ctx.db, county.id)).map((o) => o.id)).toEqual([open.id]);
    expect((await childOrgs(ctx.db, county.id, { withInactive: true })).map((o) => o.id)).toEqual([
      open.id,
      closed.id,
    ]);
  });
});
