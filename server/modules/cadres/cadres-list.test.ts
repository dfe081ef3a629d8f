import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fullScans, refreshStatistics } from '../../db/dialect.ts';
import { subtreeOrgIds } from '../../platform/access/scope.ts';
import { today } from '../../platform/calendar/days.ts';
import { loadKeyring } from '../../platform/crypto/personal-data.ts';
import { makeCounty, makeIdNumber, makeOrg, signedInUser } from '../../test/factories.ts';
import { queryLog } from '../../test/query-log.ts';
import { createTestApp } from '../../test/test-app.ts';
import * as repo from './cadres.repository.ts';
import { CADRE_SORT_FIELDS, type CadreStatus, type Category, type ListCadresQuery } from './cadres.schema.ts';
import { toFilter } from './cadres.service.ts';

const ctx = await createTestApp();
const staff = await signedInUser(ctx, { roles: ['city_staff'] });
const { county, town, unit } = await makeCounty(ctx.db);
const second = await makeOrg(ctx.db, { parent: county, kind: 'unit' });
const elsewhere = await makeOrg(ctx.db);

const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄'];
const GIVEN = ['建国', '秀英', '国庆', '桂兰', '志强', '德华'];

/** 40 people over four orgs (three in the county), of both categories, some with no retirement date. */
const people: number[] = [];
for (let i = 0; i < 40; i++) {
  const lixiu = i % 5 === 0;
  const birth = lixiu
    ? `19${25 + (i % 8)}-0${1 + (i % 9)}-1${i % 9}`
    : `19${40 + (i % 20)}-0${1 + (i % 9)}-2${i % 8}`;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/cadres',
    headers: staff.client.headers,
    payload: {
      // Equal names on purpose: the id breaks the tie, on every path.
      name: `${SURNAMES[i % 8]}${GIVEN[i % 6]}`,
      idNumber: makeIdNumber(birth, i % 2 ? '1' : '2'),
      orgId: [unit, second, town, elsewhere][i % 4]?.id,
      category: lixiu ? 'lixiu' : 'tuixiu',
      ...(lixiu && { revolutionaryPeriod: 'liberation_war' }),
      ...(i % 3 !== 0 && { retiredOn: `20${String(i % 10).padStart(2, '0')}-06-30` }),
      livingSituation: i % 2 ? 'alone' : 'with_family',
      politicalStatus: i % 3 ? '01' : '13',
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  people.push(res.json().id);
}
for (const id of people.slice(0, 40).filter((_, i) => i % 7 === 3)) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/cadres/${id}/death`,
    headers: staff.client.headers,
    payload: { diedOn: '2024-01-01' },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}

for (const [i, id] of people.entries()) {
  const res = await ctx.app.inject({
    method: 'PUT',
    url: `/api/cadres/${id}/health`,
    headers: staff.client.headers,
    payload: { mobility: ['self_care', 'partial', 'dependent'][i % 3] },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
}
// Enough records elsewhere that reading a page's 20 by key beats reading the table, as at scale.
const padding = await makeOrg(ctx.db);
await sql`insert into cadres (org_id, name, name_pinyin, gender, birth_date, id_number_enc, id_number_bidx,
    category, relocated, military_transfer, birthday_calendar, birthday_key, status, created_at, updated_at)
  select ${padding.id}, name, name_pinyin, gender, birth_date, id_number_enc, id_number_bidx || '-pad',
    category, relocated, military_transfer, birthday_calendar, birthday_key, status, created_at, updated_at
  from cadres`.execute(ctx.db);
for (let round = 0; round < 5; round++) {
  await sql`insert into cadres (org_id, name, name_pinyin, gender, birth_date, id_number_enc, id_number_bidx,
      category, relocated, military_transfer, birthday_calendar, birthday_key, status, created_at, updated_at)
    select org_id, name, name_pinyin, gender, birth_date, id_number_enc, id_number_bidx || ${`-${round}`},
      category, relocated, military_transfer, birthday_calendar, birthday_key, status, created_at, updated_at
    from cadres where org_id = ${padding.id}`.execute(ctx.db);
}
// Statistics as the server keeps them, so the planners see tables with rows in them.
await refreshStatistics(ctx.db);

const COLUMNS = {
  name: 'name_pinyin',
  birthDate: 'birth_date',
  retiredOn: 'retired_on',
  id: 'id',
} as const;

/** The same list straight from the table, sorted by the database: what every page must agree with. */
async function expected(
  orgIds: number[],
  where: { category?: Category; status?: CadreStatus },
  sort: string,
) {
  const descending = sort.startsWith('-');
  const column = COLUMNS[(descending ? sort.slice(1) : sort) as keyof typeof COLUMNS];
  const direction = descending ? 'desc' : 'asc';
  let q = ctx.db.selectFrom('cadres').select('id').where('org_id', 'in', orgIds);
  if (where.category) q = q.where('category', '=', where.category);
  if (where.status) q = q.where('status', '=', where.status);
  const rows = await q.orderBy(sql.ref(column), direction).orderBy('id', direction).execute();
  return rows.map((r) => r.id);
}

const list = async (query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/cadres?${params}`,
    headers: staff.client.read,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: number }[]; total: number; totalCapped?: boolean };
};

/** The roster's large tables, by the names and aliases the list queries give them (orgs are few). */
const ROSTER = new Set(['c', 'cadres', 'cadre_search_terms', 'cadre_health', 'h']);

describe('the roster list', () => {
  const countyOrgs = [county.id, town.id, unit.id, second.id];

  it('pages a subtree in every sort order, filtered or not, with the exact total', async () => {
    for (const field of CADRE_SORT_FIELDS) {
      for (const sort of [field, `-${field}`]) {
        const wheres: { category?: Category; status?: 'all' }[] = [
          {},
          { category: 'tuixiu' },
          { category: 'lixiu', status: 'all' },
        ];
        for (const where of wheres) {
          const all = await expected(
            countyOrgs,
            { ...where, status: 'status' in where ? undefined : 'active' },
            sort,
          );
          const query = { orgId: county.id, sort, pageSize: 4, ...where };
          const first = await list({ ...query, page: 1 });
          const second = await list({ ...query, page: 2 });
          expect(
            [...first.items, ...second.items].map((c) => c.id),
            `${sort} ${JSON.stringify(where)}`,
          ).toEqual(all.slice(0, 8));
          expect(first.total).toBe(all.length);
          expect(first).not.toHaveProperty('totalCapped');
        }
      }
    }
  });

  it('pages one unit, and leaves out what lies outside the subtree', async () => {
    const all = await expected([unit.id], { status: 'active' }, 'name');
    const page = await list({ orgId: unit.id, pageSize: 200 });
    expect(page.items.map((c) => c.id)).toEqual(all);
    expect(page.total).toBe(all.length);
    const city = await list({ pageSize: 200, status: 'all' });
    const everyone = await ctx.db
      .selectFrom('cadres')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(city.total).toBe(Number(everyone.n));
    const orgs = (await ctx.db.selectFrom('orgs').select('id').execute()).map((o) => o.id);
    expect(city.items.map((c) => c.id)).toEqual((await expected(orgs, {}, 'name')).slice(0, 200));
  });

  it('reads every org subtree, filter and sort from an index, never a whole table', async () => {
    const keyring = loadKeyring(ctx.config.keysFile, false);
    const { db, queries } = queryLog(ctx);
    const filters: Partial<ListCadresQuery>[] = [
      {},
      { category: 'lixiu' },
      { status: 'all' },
      { status: 'deceased', category: 'tuixiu' },
      { rank: 'clerk' },
      { treatmentLevel: 'county_main' },
      { ageBand: '90+' },
      { ageMin: 70, ageMax: 80 },
      { relocated: true },
      { livingSituation: 'alone' },
      { partyMember: true },
      { partyMember: false, category: 'tuixiu' },
      { mobility: 'dependent' },
      { keyword: '王' },
      { keyword: 'wjg', category: 'lixiu' },
      { keyword: makeIdNumber() },
      { keyword: '13711112222' },
    ];
    const scopes = [
      { path: unit.path, orgId: unit.id },
      { path: county.path, orgId: county.id },
      { path: '/', orgId: 0 },
    ];
    for (const scope of scopes) {
      const orgIds = await subtreeOrgIds(ctx.db, scope);
      for (const filter of filters) {
        for (const field of CADRE_SORT_FIELDS) {
          for (const sort of [field, `-${field}`] as const) {
            queries.length = 0;
            const f = toFilter({ ...filter }, orgIds, keyring, today());
            for (const page of [1, 3000]) await repo.listCadres(db, f, sort, page, 20);
            // Counting the whole roster reads a whole index, by nature (the indicators keep that figure).
            for (const query of queries.filter((q) => /\bwhere\b/.test(q.sql))) {
              const scans = (await fullScans(ctx.db, query)).filter((alias) => ROSTER.has(alias));
              expect(scans, `${scope.path} ${JSON.stringify(filter)} ${sort}: ${query.sql}`).toEqual([]);
            }
          }
        }
      }
    }
  });
});
