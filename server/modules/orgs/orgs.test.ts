import { describe, expect, it } from 'vitest';
import {
  makeCounty,
  makeLiaisonArea,
  makeOrg,
  makeUser,
  rootOrg,
  signedInUser,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();

interface Org {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  path: string;
  depth: number;
  active: boolean;
  liaisonAreaId: number | null;
}

async function admin() {
  return (await signedInUser(ctx, { roles: ['sysadmin'] })).client;
}

async function call(
  client: { headers: Record<string, string> },
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  return ctx.app.inject({ method, url, headers: client.headers, ...(payload && { payload }) });
}

const getOrg = async (id: number) =>
  (await ctx.db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as {
    path: string;
    depth: number;
    parent_id: number | null;
    active: number;
  };

describe('creating and renaming', () => {
  it('adds a county under the city with its path and depth', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const res = await call(client, 'POST', '/api/orgs', {
      parentId: root.id,
      name: ' 新区 ',
      kind: 'county',
      code: '320612',
    });
    expect(res.statusCode).toBe(201);
    const org = res.json<Org>();
    expect(org).toMatchObject({
      parentId: root.id,
      name: '新区',
      kind: 'county',
      code: '320612',
      path: `${root.path}${org.id}/`,
      depth: root.depth + 1,
      active: true,
    });
    const read = await call(client, 'GET', `/api/orgs/${org.id}`);
    expect(read.json()).toEqual(org);
  });

  it('renames a node', async () => {
    const client = await admin();
    const org = await makeOrg(ctx.db);
    const res = await call(client, 'PATCH', `/api/orgs/${org.id}`, { name: '改名后', sortOrder: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: org.id, name: '改名后', sortOrder: 3, path: org.path });
  });

  it('refuses a blank name', async () => {
    const client = await admin();
    const org = await makeOrg(ctx.db);
    const res = await call(client, 'PATCH', `/api/orgs/${org.id}`, { name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'body.name', rule: 'pattern' });
  });

  it('takes orgs:write', async () => {
    const { client } = await signedInUser(ctx, { roles: ['unit_staff'] });
    const root = await rootOrg(ctx.db);
    const res = await call(client, 'POST', '/api/orgs', { parentId: root.id, name: '无权', kind: 'unit' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.forbidden');
  });
});

describe('kind rules', () => {
  it('refuses a town directly under the city', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const res = await call(client, 'POST', '/api/orgs', { parentId: root.id, name: '镇', kind: 'town' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('org.kind_not_allowed');
  });

  it('refuses a county under a county, and a second city anywhere', async () => {
    const client = await admin();
    const { county, unit } = await makeCounty(ctx.db);
    const nested = await call(client, 'POST', '/api/orgs', {
      parentId: county.id,
      name: '县',
      kind: 'county',
    });
    expect(nested.json().error.code).toBe('org.kind_not_allowed');
    const city = await call(client, 'POST', '/api/orgs', { parentId: unit.id, name: '市', kind: 'city' });
    expect(city.json().error.code).toBe('org.kind_not_allowed');
  });

  it('accepts a unit at any level', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const { county, town, unit } = await makeCounty(ctx.db);
    for (const parent of [root, county, town, unit]) {
      const res = await call(client, 'POST', '/api/orgs', {
        parentId: parent.id,
        name: '单位',
        kind: 'unit',
      });
      expect(res.statusCode, `under ${parent.kind}`).toBe(201);
    }
  });

  it('applies to moves as well', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const { town } = await makeCounty(ctx.db);
    const res = await call(client, 'POST', `/api/orgs/${town.id}/move`, { parentId: root.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('org.kind_not_allowed');
  });
});

describe('moving a subtree', () => {
  it('recomputes the paths and depths of everything below', async () => {
    const client = await admin();
    const from = await makeCounty(ctx.db);
    const to = await makeCounty(ctx.db);
    const grandchild = await makeOrg(ctx.db, { parent: from.unit, kind: 'unit' });
    // from.town → from.unit → grandchild moves under county `to`.
    const res = await call(client, 'POST', `/api/orgs/${from.town.id}/move`, { parentId: to.county.id });
    expect(res.statusCode).toBe(200);
    const town = res.json<Org>();
    expect(town).toMatchObject({
      parentId: to.county.id,
      path: `${to.county.path}${from.town.id}/`,
      depth: to.county.depth + 1,
    });
    expect(await getOrg(from.unit.id)).toMatchObject({
      path: `${to.county.path}${from.town.id}/${from.unit.id}/`,
      depth: to.county.depth + 2,
      parent_id: from.town.id,
    });
    expect(await getOrg(grandchild.id)).toMatchObject({
      path: `${to.county.path}${from.town.id}/${from.unit.id}/${grandchild.id}/`,
      depth: to.county.depth + 3,
    });
    // The county left behind keeps its own path.
    expect((await getOrg(from.county.id)).path).toBe(from.county.path);
  });

  it('moves a subtree up a level and shortens the depths', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const { town, unit } = await makeCounty(ctx.db);
    const child = await makeOrg(ctx.db, { parent: unit, kind: 'unit' });
    const res = await call(client, 'POST', `/api/orgs/${unit.id}/move`, { parentId: root.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ path: `${root.path}${unit.id}/`, depth: 1 });
    expect(await getOrg(child.id)).toMatchObject({ path: `${root.path}${unit.id}/${child.id}/`, depth: 2 });
    const list = await call(client, 'GET', '/api/orgs');
    const townChildren = list.json<Org[]>().filter((o) => o.parentId === town.id);
    expect(townChildren).toEqual([]);
  });

  it('leaves alone a sibling whose id starts with the moved id', async () => {
    // Paths compare as text: '/1/7000/' must not drag '/1/70000/' along. Ids far above the sequence
    // are given explicitly so the pair exists whatever ran before.
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const now = new Date().toISOString();
    const row = (id: number, parent: { id: number; path: string; depth: number }) => ({
      id,
      parent_id: parent.id,
      name: `单位${id}`,
      kind: 'unit' as const,
      code: null,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      liaison_area_id: null,
      active: 1,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    });
    const mover = row(7000, root);
    const lookAlike = row(70000, root);
    const lookAlikeChild = row(70001, lookAlike);
    await ctx.db.insertInto('orgs').values([mover, lookAlike, lookAlikeChild]).execute();
    const target = await makeOrg(ctx.db, { kind: 'county' });

    const res = await call(client, 'POST', `/api/orgs/${mover.id}/move`, { parentId: target.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().path).toBe(`${target.path}${mover.id}/`);
    expect(await getOrg(lookAlike.id)).toMatchObject({ path: lookAlike.path, depth: lookAlike.depth });
    expect(await getOrg(lookAlikeChild.id)).toMatchObject({ path: lookAlikeChild.path, depth: 2 });
  });

  it('refuses a move into its own subtree', async () => {
    const client = await admin();
    const { county, town, unit } = await makeCounty(ctx.db);
    const below = await call(client, 'POST', `/api/orgs/${town.id}/move`, { parentId: unit.id });
    expect(below.statusCode).toBe(409);
    expect(below.json().error.code).toBe('org.move_into_own_subtree');
    const self = await call(client, 'POST', `/api/orgs/${unit.id}/move`, { parentId: unit.id });
    expect(self.json().error.code).toBe('org.move_into_own_subtree');
    expect((await getOrg(town.id)).path).toBe(town.path);
    expect((await getOrg(county.id)).path).toBe(county.path);
  });

  it('refuses to move the root', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const { unit } = await makeCounty(ctx.db);
    const res = await call(client, 'POST', `/api/orgs/${root.id}/move`, { parentId: unit.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.root_immutable');
  });

  it('refuses a move under an inactive parent', async () => {
    const client = await admin();
    const { unit } = await makeCounty(ctx.db);
    const spare = await makeOrg(ctx.db, { kind: 'unit' });
    expect((await call(client, 'POST', `/api/orgs/${spare.id}/deactivate`)).statusCode).toBe(200);
    const res = await call(client, 'POST', `/api/orgs/${unit.id}/move`, { parentId: spare.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.parent_inactive');
  });
});

describe('deactivating and activating', () => {
  it('refuses while active children remain', async () => {
    const client = await admin();
    const { town } = await makeCounty(ctx.db);
    const res = await call(client, 'POST', `/api/orgs/${town.id}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.has_active_children');
    expect((await getOrg(town.id)).active).toBe(1);
  });

  it('refuses while users belong to it', async () => {
    const client = await admin();
    const { unit } = await makeCounty(ctx.db);
    await makeUser(ctx, { org: unit });
    const res = await call(client, 'POST', `/api/orgs/${unit.id}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.in_use');
  });

  it('takes a leaf out of use, hiding it from the default list', async () => {
    const client = await admin();
    const { unit } = await makeCounty(ctx.db);
    const res = await call(client, 'POST', `/api/orgs/${unit.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    const listed = (await call(client, 'GET', '/api/orgs')).json<Org[]>();
    expect(listed.map((o) => o.id)).not.toContain(unit.id);
    const all = (await call(client, 'GET', '/api/orgs?includeInactive=true')).json<Org[]>();
    expect(all.find((o) => o.id === unit.id)?.active).toBe(false);
  });

  it('refuses to add under an inactive parent', async () => {
    const client = await admin();
    const { unit } = await makeCounty(ctx.db);
    await call(client, 'POST', `/api/orgs/${unit.id}/deactivate`);
    const res = await call(client, 'POST', '/api/orgs', { parentId: unit.id, name: '下级', kind: 'unit' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.parent_inactive');
  });

  it('refuses to activate under an inactive parent, then allows it once the parent is back', async () => {
    const client = await admin();
    const { town, unit } = await makeCounty(ctx.db);
    expect((await call(client, 'POST', `/api/orgs/${unit.id}/deactivate`)).statusCode).toBe(200);
    expect((await call(client, 'POST', `/api/orgs/${town.id}/deactivate`)).statusCode).toBe(200);
    const refused = await call(client, 'POST', `/api/orgs/${unit.id}/activate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('org.parent_inactive');
    expect((await call(client, 'POST', `/api/orgs/${town.id}/activate`)).statusCode).toBe(200);
    const back = await call(client, 'POST', `/api/orgs/${unit.id}/activate`);
    expect(back.statusCode).toBe(200);
    expect(back.json().active).toBe(true);
  });

  it('refuses to deactivate the root', async () => {
    const client = await admin();
    const root = await rootOrg(ctx.db);
    const res = await call(client, 'POST', `/api/orgs/${root.id}/deactivate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('org.root_immutable');
  });
});

describe('liaison areas', () => {
  it('lists the areas with the count of active units in each', async () => {
    const client = await admin();
    const area = await makeLiaisonArea(ctx.db);
    const empty = await makeLiaisonArea(ctx.db);
    const root = await rootOrg(ctx.db);
    for (const name of ['甲单位', '乙单位']) {
      const res = await call(client, 'POST', '/api/orgs', {
        parentId: root.id,
        name,
        kind: 'unit',
        liaisonAreaId: area.id,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().liaisonAreaId).toBe(area.id);
    }
    const res = await call(client, 'GET', '/api/liaison-areas');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(
      expect.arrayContaining([
        { id: area.id, name: area.name, unitCount: 2 },
        { id: empty.id, name: empty.name, unitCount: 0 },
      ]),
    );
  });

  it('refuses an unknown liaison area', async () => {
    const client = await admin();
    const org = await makeOrg(ctx.db, { kind: 'unit' });
    const res = await call(client, 'PATCH', `/api/orgs/${org.id}`, { liaisonAreaId: 999999 });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('liaison_area.not_found');
  });
});
