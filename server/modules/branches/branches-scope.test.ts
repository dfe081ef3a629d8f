import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  assignRoles,
  makeBranch,
  makeCadre,
  makeOrg,
  makeRole,
  makeUser,
  signedInUser,
  signIn,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const countyA = await makeOrg(ctx.db, { kind: 'county', name: '甲县' });
const countyB = await makeOrg(ctx.db, { kind: 'county', name: '乙县' });
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const staffA = await signedInUser(ctx, { roles: ['county_staff'], org: countyA });

const asCity = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? city.client.read : city.client.headers,
    ...(payload && { payload }),
  });

// Everything of county B, made by the city.
const generalB = await makeBranch(ctx, city.client, { orgId: countyB.id, kind: 'general', name: '乙县总支' });
const branchB = await makeBranch(ctx, city.client, {
  orgId: countyB.id,
  name: '乙县支部',
  parentId: generalB.id,
});
const functionalB = await makeBranch(ctx, city.client, {
  orgId: countyB.id,
  kind: 'functional',
  name: '乙县合唱支部',
});
const memberB = await addMember(ctx, city.client, branchB, { joinedOn: '2020-01-01' });
const cadreB = memberB.cadreId;
const mobileB = (
  await asCity('POST', `/api/branches/${branchB.id}/mobile-members`, {
    cadreId: cadreB,
    livingPlace: '乙县外',
    fromOn: '2025-01-01',
    contactPhone: '13900001111',
  })
).json();
const postB = (
  await asCity('POST', `/api/branches/${branchB.id}/committee`, {
    cadreId: cadreB,
    post: 'secretary',
    startedOn: '2024-01-01',
  })
).json();
const electionB = (
  await asCity('POST', `/api/branches/${branchB.id}/elections`, { heldOn: '2020-05-01', termYears: 5 })
).json();

// County A's own.
const branchA = await makeBranch(ctx, city.client, { orgId: countyA.id, name: '甲县支部' });
const memberA = await addMember(ctx, city.client, branchA, { joinedOn: '2020-01-01' });
const cadreA = (await makeCadre(ctx, city.client, { orgId: countyA.id, politicalStatus: '01' })).id;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client = staffA.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });

/** Every endpoint of the module, as the OpenAPI document names it, with a sample body. */
const ENDPOINTS: [Method, string, object?][] = [
  ['GET', '/api/branches'],
  ['POST', '/api/branches', { name: '新支部', orgId: 1, kind: 'standing' }],
  ['GET', '/api/branches/export'],
  ['GET', '/api/branches/tree'],
  ['GET', '/api/branches/{id}'],
  ['PATCH', '/api/branches/{id}', { remarks: 'x' }],
  ['DELETE', '/api/branches/{id}'],
  ['GET', '/api/branches/{id}/members'],
  ['POST', '/api/branches/{id}/members', { cadreId: 1 }],
  ['GET', '/api/branches/{id}/members/export'],
  ['POST', '/api/branches/memberships/{id}/leave', { leftOn: '2025-01-01', reason: 'x' }],
  ['POST', '/api/branches/memberships/{id}/transfer', { toBranchId: 1, on: '2025-01-01', reason: 'x' }],
  ['GET', '/api/cadres/{id}/branch-memberships'],
  ['GET', '/api/branches/mobile-members'],
  ['GET', '/api/branches/mobile-members/export'],
  ['POST', '/api/branches/{id}/mobile-members', { cadreId: 1, livingPlace: 'x', fromOn: '2025-01-01' }],
  ['GET', '/api/branches/mobile-members/{id}'],
  ['PATCH', '/api/branches/mobile-members/{id}', { remarks: 'x' }],
  ['DELETE', '/api/branches/mobile-members/{id}'],
  ['POST', '/api/branches/mobile-members/{id}/reveal'],
  ['GET', '/api/branches/{id}/committee'],
  ['POST', '/api/branches/{id}/committee', { cadreId: 1, post: 'secretary', startedOn: '2025-01-01' }],
  ['PATCH', '/api/branches/committee/{id}', { endedOn: '2025-01-01' }],
  ['DELETE', '/api/branches/committee/{id}'],
  ['GET', '/api/branches/elections/due'],
  ['GET', '/api/branches/elections/due/export'],
  ['GET', '/api/branches/{id}/elections'],
  ['POST', '/api/branches/{id}/elections', { heldOn: '2025-01-01', termYears: 3 }],
  ['PATCH', '/api/branches/elections/{id}', { place: 'x' }],
  ['DELETE', '/api/branches/elections/{id}'],
];

describe('scope isolation of party branches', () => {
  it('walks every endpoint of the module', () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('branches'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it("answers 404 on every endpoint for another county's records, as for missing ones", async () => {
    const byId: [Method, string, object?][] = [
      ['GET', `/api/branches/{b}`],
      ['PATCH', `/api/branches/{b}`, { remarks: '越界' }],
      ['DELETE', `/api/branches/{b}`],
      ['GET', `/api/branches/{b}/members`],
      ['POST', `/api/branches/{b}/members`, { cadreId: cadreA }],
      ['GET', `/api/branches/{b}/members/export`],
      ['POST', `/api/branches/memberships/{m}/leave`, { leftOn: '2025-01-01', reason: '越界' }],
      [
        'POST',
        `/api/branches/memberships/{m}/transfer`,
        { toBranchId: branchA.id, on: '2025-01-01', reason: 'x' },
      ],
      ['GET', `/api/cadres/{c}/branch-memberships`],
      [
        'POST',
        `/api/branches/{b}/mobile-members`,
        { cadreId: cadreA, livingPlace: 'x', fromOn: '2025-01-01' },
      ],
      ['GET', `/api/branches/mobile-members/{mm}`],
      ['PATCH', `/api/branches/mobile-members/{mm}`, { remarks: '越界' }],
      ['DELETE', `/api/branches/mobile-members/{mm}`],
      ['POST', `/api/branches/mobile-members/{mm}/reveal`],
      ['GET', `/api/branches/{b}/committee`],
      [
        'POST',
        `/api/branches/{b}/committee`,
        { cadreId: cadreA, post: 'organisation', startedOn: '2025-01-01' },
      ],
      ['PATCH', `/api/branches/committee/{p}`, { endedOn: '2025-01-01' }],
      ['DELETE', `/api/branches/committee/{p}`],
      ['GET', `/api/branches/{b}/elections`],
      ['POST', `/api/branches/{b}/elections`, { heldOn: '2025-01-01', termYears: 3 }],
      ['PATCH', `/api/branches/elections/{e}`, { place: '越界' }],
      ['DELETE', `/api/branches/elections/{e}`],
      ['GET', `/api/branches?orgId={o}`],
      ['GET', `/api/branches/export?orgId={o}`],
      ['GET', `/api/branches/tree?orgId={o}`],
      ['GET', `/api/branches/mobile-members?branchId={b}`],
      ['GET', `/api/branches/mobile-members?orgId={o}`],
      ['GET', `/api/branches/mobile-members/export?branchId={b}`],
      ['GET', `/api/branches/elections/due?orgId={o}`],
      ['GET', `/api/branches/elections/due/export?orgId={o}`],
    ];
    const ids = {
      b: branchB.id,
      m: memberB.id,
      c: cadreB,
      mm: mobileB.id,
      p: postB.id,
      e: electionB.id,
      o: countyB.id,
    };
    const fill = (path: string, value: (key: keyof typeof ids) => number) =>
      path.replace(/\{(\w+)\}/g, (_, key: keyof typeof ids) => String(value(key)));
    for (const [method, path, body] of byId) {
      const outside = await call(
        method,
        fill(path, (k) => ids[k]),
        body,
      );
      const missing = await call(
        method,
        fill(path, () => 99999999),
        body,
      );
      expect(outside.statusCode, `${method} ${path}`).toBe(404);
      expect(outside.json().error.code, `${method} ${path}`).toBe(missing.json().error.code);
    }
    // County B's records are as they were.
    expect((await asCity('GET', `/api/branches/${branchB.id}`)).json()).toMatchObject({
      remarks: null,
      counts: { primary: 1, mobile: 1 },
      secretary: { cadreId: cadreB },
      lastElectionOn: '2020-05-01',
    });
    expect((await asCity('GET', `/api/branches/mobile-members/${mobileB.id}`)).json().remarks).toBeNull();
  });

  it('refuses to link records of its own county to those of another', async () => {
    const code = async (method: Method, url: string, body: object) => {
      const res = await call(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      return res.json().error.code;
    };
    expect(
      await code('POST', '/api/branches', { name: '越界支部', orgId: countyB.id, kind: 'standing' }),
    ).toBe('org.not_found');
    expect(
      await code('POST', '/api/branches', {
        name: '越界支部',
        orgId: countyA.id,
        kind: 'standing',
        parentId: generalB.id,
      }),
    ).toBe('branch.not_found');
    expect(await code('PATCH', `/api/branches/${branchA.id}`, { orgId: countyB.id })).toBe('org.not_found');
    expect(await code('POST', `/api/branches/${branchA.id}/members`, { cadreId: cadreB })).toBe(
      'cadre.not_found',
    );
    expect(
      await code('POST', `/api/branches/memberships/${memberA.id}/transfer`, {
        toBranchId: branchB.id,
        on: '2025-01-01',
        reason: 'x',
      }),
    ).toBe('branch.not_found');
    expect(
      await code('POST', `/api/branches/${branchA.id}/committee`, {
        cadreId: cadreB,
        post: 'secretary',
        startedOn: '2025-01-01',
      }),
    ).toBe('cadre.not_found');
    expect(
      await code('POST', `/api/branches/${branchA.id}/mobile-members`, {
        cadreId: cadreB,
        livingPlace: 'x',
        fromOn: '2025-01-01',
      }),
    ).toBe('cadre.not_found');
    expect((await call('GET', `/api/branches/${branchA.id}/members`)).json()).toHaveLength(1);
  });

  it('leaves the other county out of lists, the tree, reminders and exports', async () => {
    const ids = (res: { json(): { items: { id?: number; branchId?: number }[] } }) =>
      res.json().items.map((i) => i.id ?? i.branchId);
    const list = ids(await call('GET', '/api/branches?status=all'));
    expect(list).toContain(branchA.id);
    for (const b of [branchB.id, generalB.id, functionalB.id]) expect(list).not.toContain(b);
    expect((await call('GET', `/api/branches?keyword=${encodeURIComponent('乙县')}`)).json().total).toBe(0);
    const tree = (await call('GET', '/api/branches/tree?includeDissolved=true')).json<{ id: number }[]>();
    expect(tree.map((n) => n.id)).toEqual([branchA.id]);
    expect(ids(await call('GET', '/api/branches/mobile-members?status=all'))).toEqual([]);
    const due = ids(await call('GET', '/api/branches/elections/due?withinDays=3650'));
    expect(due).toContain(branchA.id);
    expect(due).not.toContain(branchB.id);
    expect((await call('GET', `/api/cadres/${memberA.cadreId}/branch-memberships`)).json()).toHaveLength(1);

    for (const url of [
      '/api/branches/export?status=all',
      '/api/branches/mobile-members/export?status=all',
      '/api/branches/elections/due/export?withinDays=3650',
    ]) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const cells = (wb.worksheets[0]?.getColumn(1).values ?? []) as unknown[];
      expect(cells.join('|'), url).not.toContain('乙县');
    }
  });

  it('answers 403 to a caller without the permission, and to a leader on every write', async () => {
    const role = await makeRole(ctx, ['cadres:read']);
    const user = await makeUser(ctx, { org: countyA });
    await assignRoles(ctx, user.id, [{ role: role.code, org: countyA }]);
    const outsider = await signIn(ctx, user.username);
    const leader = await signedInUser(ctx, { roles: ['leader'], org: countyA });
    const sample = (path: string) =>
      path.replace('{id}', String(path.includes('membership') ? memberA.id : branchA.id));
    for (const [method, path, body] of ENDPOINTS) {
      const res = await call(method, sample(path), body, outsider);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      if (method !== 'GET') {
        const asLeader = await call(method, sample(path), body, leader.client);
        expect(asLeader.statusCode, `leader ${method} ${path}`).toBe(403);
      }
    }
    expect((await call('GET', `/api/branches/${branchA.id}`, undefined, leader.client)).statusCode).toBe(200);
    expect((await call('GET', '/api/branches/elections/due', undefined, leader.client)).statusCode).toBe(200);
  });
});
