import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser, signedInUser, signIn } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const county = await makeOrg(ctx.db, { kind: 'county', name: '甲县' });
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const cityAtCounty = await signedInUser(ctx, { roles: ['city_staff'], org: county });
const countyStaff = await signedInUser(ctx, { roles: ['county_staff'], org: county });
const leader = await signedInUser(ctx, { roles: ['leader'] });
const S = '/api/assessments/standards';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client = city.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });

const standard = (await call('POST', S, { code: 'scope', name: '范围标准' })).json();
const draft = (await call('POST', `${S}/${standard.id}/versions`, {})).json();
const dim = (await call('POST', `${S}/versions/${draft.id}/dimensions`, { code: '1', title: '维度' })).json()
  .dimensions[0];
const version = (
  await call('POST', `${S}/dimensions/${dim.id}/measures`, {
    code: '1.1',
    text: '细则',
    evidence: '材料',
    evidenceKinds: ['document'],
    rule: 'scored',
    weight: 100,
  })
).json();
const measureId = version.dimensions[0].measures[0].id as number;

/** Every endpoint of the module, as the OpenAPI document names it, with a sample body. */
const ENDPOINTS: [Method, string, object?][] = [
  ['GET', S],
  ['GET', `${S}/export`],
  ['POST', S, { code: 'other', name: '另一标准' }],
  ['POST', `${S}/{id}/versions`, {}],
  ['GET', `${S}/versions/{id}`],
  ['PATCH', `${S}/versions/{id}`, { notes: 'x' }],
  ['DELETE', `${S}/versions/{id}`],
  ['GET', `${S}/versions/{id}/export`],
  ['PUT', `${S}/versions/{id}/order`, { dimensions: [] }],
  ['POST', `${S}/versions/{id}/publish`],
  ['POST', `${S}/versions/{id}/withdraw`],
  ['POST', `${S}/versions/{id}/freeze`],
  ['POST', `${S}/versions/{id}/dimensions`, { code: '2', title: 'x' }],
  ['PATCH', `${S}/dimensions/{id}`, { title: 'x' }],
  ['DELETE', `${S}/dimensions/{id}`],
  [
    'POST',
    `${S}/dimensions/{id}/measures`,
    { code: '1.2', text: 'x', evidence: 'x', evidenceKinds: ['photo'], rule: 'required', weight: 0 },
  ],
  ['PATCH', `${S}/measures/{id}`, { text: 'x' }],
  ['DELETE', `${S}/measures/{id}`],
];

const sample = (path: string) =>
  path.replace(
    '{id}',
    String(
      path.includes('/dimensions/')
        ? dim.id
        : path.includes('/measures/')
          ? measureId
          : path.includes('/versions/')
            ? draft.id
            : standard.id,
    ),
  );

describe('who may read and author standards', () => {
  it('walks every endpoint of the module', () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('assessments'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('answers 403 without the permission, and to a leader or county staff on every write', async () => {
    const role = await makeRole(ctx, ['cadres:read']);
    const user = await makeUser(ctx, { roles: [role.code] });
    const outsider = await signIn(ctx, user.username);
    for (const [method, path, body] of ENDPOINTS) {
      const res = await call(method, sample(path), body, outsider);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      if (method !== 'GET') {
        for (const client of [leader.client, countyStaff.client]) {
          const refused = await call(method, sample(path), body, client);
          expect(refused.statusCode, `${method} ${path}`).toBe(403);
          expect(refused.json().error.code).toBe('auth.forbidden');
        }
      }
    }
  });

  it('refuses authoring to city staff whose scope is not the whole city, saying why', async () => {
    for (const [method, path, body] of ENDPOINTS.filter(([m]) => m !== 'GET')) {
      const res = await call(method, sample(path), body, cityAtCounty.client);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code, `${method} ${path}`).toBe('assessment.city_scope');
      expect(res.json().error.message).toContain('全市');
    }
    expect((await call('GET', `${S}/versions/${draft.id}`)).json().measureCount).toBe(1);
  });

  it('lets readers see published versions only; drafts stay with the authors', async () => {
    const listed = (client = leader.client) =>
      (
        call('GET', S, undefined, client) as Promise<{
          json(): { code: string; versions: { id: number }[] }[];
        }>
      ).then((r) =>
        r
          .json()
          .find((s) => s.code === 'scope')
          ?.versions.map((v) => v.id),
      );
    /** The versions (column 版本) of the export of this standard's list row, as a client sees it. */
    const exported = async (client = leader.client) => {
      const res = await call('GET', `${S}/export?standardId=${standard.id}`, undefined, client);
      expect(res.statusCode, res.body).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const rows: unknown[] = [];
      wb.worksheets[0]?.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[])[4] ?? null);
      });
      return rows;
    };
    expect(await listed()).toEqual([]);
    expect(await exported()).toEqual([null]);
    expect(await exported(city.client)).toEqual([1]);
    expect((await call('GET', `${S}/versions/${draft.id}`, undefined, leader.client)).statusCode).toBe(404);
    expect(await listed(city.client)).toEqual([draft.id]);
    expect((await call('POST', `${S}/versions/${draft.id}/publish`)).statusCode).toBe(200);
    for (const client of [leader.client, countyStaff.client]) {
      expect(await listed(client)).toEqual([draft.id]);
      expect(await exported(client)).toEqual([1]);
      expect((await call('GET', `${S}/versions/${draft.id}`, undefined, client)).json().measureCount).toBe(1);
      expect((await call('GET', `${S}/versions/${draft.id}/export`, undefined, client)).statusCode).toBe(200);
    }
  });
});
