import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { today } from '../../platform/calendar/days.ts';
import {
  assignRoles,
  type Client,
  makeBranch,
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
const unitA = await makeOrg(ctx.db, { parent: countyA, kind: 'unit', name: '甲县单位' });
const unitB = await makeOrg(ctx.db, { parent: countyB, kind: 'unit', name: '乙县单位' });
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const staffA = await signedInUser(ctx, { roles: ['county_staff'], org: countyA });
const secretaryA = await signedInUser(ctx, { roles: ['branch_secretary'], org: unitA });
const secretaryB = await signedInUser(ctx, { roles: ['branch_secretary'], org: unitB });
const year = Number(today().slice(0, 4));

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client: Client = staffA.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const upload = (id: number, client: Client) => {
  const boundary = '----brandscope';
  return ctx.app.inject({
    method: 'POST',
    url: `/api/brands/${id}/files`,
    headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
};

const body = (branchId: number, name: string) => ({
  branchId,
  name,
  idea: `${name}的理念`,
  practices: '做法',
  results: '成效',
});

/** In a county: a draft brand with an attachment, a submitted one, and an approved one with a selection. */
async function countyData(unit: { id: number }, name: string, secretary: Client) {
  const mk = async (suffix: string) => {
    const branch = await makeBranch(ctx, city.client, { orgId: unit.id, name: `${name}${suffix}支部` });
    return (await call('POST', '/api/brands', body(branch.id, `${name}${suffix}品牌`), secretary)).json();
  };
  const draft = await mk('甲');
  const file = (await upload(draft.id, secretary)).json();
  const submitted = await mk('乙');
  await call('POST', `/api/brands/${submitted.id}/transitions/submit`, {}, secretary);
  const approved = await mk('丙');
  await call('POST', `/api/brands/${approved.id}/transitions/submit`, {}, secretary);
  await call('POST', `/api/brands/${approved.id}/transitions/approve`, {}, city.client);
  await call('POST', `/api/brands/${approved.id}/awards`, { year, kind: 'excellent' }, city.client);
  const award = (await call('GET', `/api/brands/${approved.id}`, undefined, city.client)).json().awards[0];
  return { draft, file, submitted, approved, award, branchId: draft.branchId as number };
}

await call('POST', '/api/brands/systems', { name: '江海银发先锋计划' }, city.client);
const b = await countyData(unitB, '乙县', secretaryB.client);
const a = await countyData(unitA, '甲县', secretaryA.client);

/** Every endpoint of brands, as the OpenAPI document names it, with a sample body. */
const ENDPOINTS: [Method, string, object?][] = [
  ['GET', '/api/brands/systems'],
  ['POST', '/api/brands/systems', { name: 'x' }],
  ['PATCH', '/api/brands/systems/{id}', { name: 'x' }],
  ['GET', '/api/brands'],
  ['GET', '/api/brands/export'],
  ['GET', '/api/brands/awards'],
  ['GET', '/api/brands/awards/export'],
  ['DELETE', '/api/brands/awards/{awardId}'],
  ['POST', '/api/brands', body(1, 'x')],
  ['GET', '/api/brands/{id}'],
  ['PATCH', '/api/brands/{id}', { name: 'x' }],
  ['DELETE', '/api/brands/{id}'],
  ['POST', '/api/brands/{id}/transitions/{action}', {}],
  ['GET', '/api/brands/{id}/history'],
  ['POST', '/api/brands/{id}/reviews', { reviewedOn: today(), reviewer: 'x', verdict: 'pass' }],
  ['POST', '/api/brands/{id}/inspections', { inspectedOn: today(), inspectors: 'x', findings: 'x' }],
  ['POST', '/api/brands/{id}/awards', { year, kind: 'top10' }],
  ['GET', '/api/brands/{id}/files'],
  ['POST', '/api/brands/{id}/files', {}],
  ['GET', '/api/brands/{id}/files/{fileId}'],
  ['DELETE', '/api/brands/{id}/files/{fileId}'],
];

describe('scope isolation of brands', () => {
  it('walks every endpoint of brands', () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('brands'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it("answers 404 on every endpoint for another county's records, as for missing ones", async () => {
    const outsiders: [Client, [Method, string, object?][]][] = [
      [
        staffA.client,
        [
          ['GET', '/api/brands/{d}'],
          ['GET', '/api/brands/{d}/history'],
          ['GET', '/api/brands/{d}/files'],
          ['GET', '/api/brands/{d}/files/{f}'],
          ['POST', '/api/brands/{p}/reviews', { reviewedOn: today(), reviewer: '越界', verdict: 'pass' }],
          [
            'POST',
            '/api/brands/{p}/inspections',
            { inspectedOn: today(), inspectors: '越界', findings: '越界' },
          ],
          ['GET', '/api/brands?branchId={br}'],
          ['GET', '/api/brands?orgId={o}'],
          ['GET', '/api/brands/export?branchId={br}'],
          ['GET', '/api/brands/export?orgId={o}'],
          ['GET', '/api/brands/awards?orgId={o}'],
          ['GET', '/api/brands/awards/export?orgId={o}'],
        ],
      ],
      [
        secretaryA.client,
        [
          ['POST', '/api/brands', body(b.branchId, '越界')],
          ['PATCH', '/api/brands/{d}', { name: '越界' }],
          ['DELETE', '/api/brands/{d}'],
          ['POST', '/api/brands/{d}/transitions/submit', {}],
          ['DELETE', '/api/brands/{d}/files/{f}'],
        ],
      ],
    ];
    const ids = {
      d: b.draft.id,
      s: b.submitted.id,
      p: b.approved.id,
      f: b.file.fileId,
      o: countyB.id,
      br: b.branchId,
    };
    const fill = (path: string, value: (key: keyof typeof ids) => number) =>
      path.replace(/\{(\w+)\}/g, (_, key: keyof typeof ids) => String(value(key)));
    for (const [client, calls] of outsiders) {
      for (const [method, path, payload] of calls) {
        const outside = await call(
          method,
          fill(path, (k) => ids[k]),
          payload,
          client,
        );
        const missing = await call(
          method,
          fill(path, () => 99999999),
          payload,
          client,
        );
        expect(outside.statusCode, `${method} ${path}`).toBe(404);
        expect(outside.json().error.code, `${method} ${path}`).toBe(missing.json().error.code);
      }
    }
    // A county user with the city's rights but a county scope still cannot reach county B's records.
    const role = await makeRole(ctx, ['brands:read', 'brands:approve', 'brands:review']);
    const user = await makeUser(ctx, { org: countyA });
    await assignRoles(ctx, user.id, [{ role: role.code, org: countyA }]);
    const wide = await signIn(ctx, user.username);
    for (const [method, path, payload] of [
      ['POST', `/api/brands/${b.submitted.id}/transitions/approve`, {}],
      ['POST', `/api/brands/${b.submitted.id}/transitions/return`, { comment: '越界' }],
      ['POST', `/api/brands/${b.approved.id}/awards`, { year, kind: 'top10' }],
      ['DELETE', `/api/brands/awards/${b.award.id}`],
    ] as [Method, string, object?][]) {
      const res = await call(method, path, payload, wide);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    const uploadOutside = await upload(b.draft.id, secretaryA.client);
    expect(uploadOutside.statusCode).toBe(404);
    expect(uploadOutside.json().error.code).toBe('brand.not_found');

    // County B's records are as they were.
    const draft = (await call('GET', `/api/brands/${b.draft.id}`, undefined, city.client)).json();
    expect(draft).toMatchObject({ name: '乙县甲品牌', state: 'draft', files: [expect.any(Object)] });
    const approved = (await call('GET', `/api/brands/${b.approved.id}`, undefined, city.client)).json();
    expect(approved).toMatchObject({
      reviews: [],
      inspections: [],
      awards: [expect.objectContaining({ kind: 'excellent' })],
    });
    expect((await call('GET', `/api/brands/${b.submitted.id}`, undefined, city.client)).json().state).toBe(
      'submitted',
    );
  });

  it('leaves the other county out of lists, counts, the to-do list and exports', async () => {
    const ids = (res: { json(): { items: { id?: number; recordId?: number; brandId?: number }[] } }) =>
      res.json().items.map((i) => i.brandId ?? i.recordId ?? i.id);
    expect(ids(await call('GET', '/api/brands?pageSize=200')).sort()).toEqual(
      [a.draft.id, a.submitted.id, a.approved.id].sort(),
    );
    expect(ids(await call('GET', '/api/brands/awards?pageSize=200'))).toEqual([a.approved.id]);
    const systems = (await call('GET', '/api/brands/systems')).json();
    expect(systems[0].brandCount).toBe(1);
    const todo = ids(
      await call('GET', '/api/todos?workflow=brand&pageSize=200', undefined, secretaryA.client),
    );
    expect(todo).toContain(a.draft.id);
    for (const id of [b.draft.id, b.submitted.id]) expect(todo).not.toContain(id);

    for (const url of ['/api/brands/export', `/api/brands/awards/export?year=${year}`]) {
      const res = await call('GET', url);
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const text = JSON.stringify(wb.worksheets[0]?.getSheetValues());
      expect(text, url).toContain('甲县');
      expect(text, url).not.toContain('乙县');
    }
  });

  it('answers 403 to a caller without the permission, and to a leader on every write', async () => {
    const role = await makeRole(ctx, ['branches:read', 'branches:write']);
    const user = await makeUser(ctx, { org: countyA });
    await assignRoles(ctx, user.id, [{ role: role.code, org: countyA }]);
    const outsider = await signIn(ctx, user.username);
    const leader = await signedInUser(ctx, { roles: ['leader'], org: countyA });
    const sample = (path: string) =>
      path
        .replace('/api/brands/systems/{id}', '/api/brands/systems/1')
        .replace('{awardId}', String(a.award.id))
        .replace('{id}', String(a.draft.id))
        .replace('{action}', 'submit')
        .replace('{fileId}', String(a.file.fileId));
    for (const [method, path, payload] of ENDPOINTS) {
      const res = await call(method, sample(path), payload, outsider);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      if (method !== 'GET') {
        const asLeader = await call(method, sample(path), payload, leader.client);
        expect(asLeader.statusCode, `leader ${method} ${path}`).toBe(403);
      }
    }
    for (const path of [
      '/api/brands',
      '/api/brands/systems',
      '/api/brands/awards',
      `/api/brands/${a.draft.id}`,
      `/api/brands/${a.draft.id}/history`,
      `/api/brands/${a.draft.id}/files/${a.file.fileId}`,
    ]) {
      expect((await call('GET', path, undefined, leader.client)).statusCode, path).toBe(200);
    }
    // Nothing of county A changed under the refused writes.
    expect((await call('GET', `/api/brands/${a.draft.id}`)).json()).toMatchObject({
      state: 'draft',
      name: '甲县甲品牌',
      files: [expect.objectContaining({ fileId: a.file.fileId })],
    });
  });
});
