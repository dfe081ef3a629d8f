import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { today } from '../../platform/calendar/days.ts';
import { makeCadre, makeIdNumber, makeOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const countyA = await makeOrg(ctx.db, { kind: 'county', name: '甲县' });
const countyB = await makeOrg(ctx.db, { kind: 'county', name: '乙县' });
const city = await signedInUser(ctx, { roles: ['city_staff'] });
const staffA = await signedInUser(ctx, { roles: ['county_staff'], org: countyA });
const monthDay = today().slice(5);
const inB = await makeCadre(ctx, city.client, {
  orgId: countyB.id,
  name: '乙县人',
  idNumber: makeIdNumber(`1940-${monthDay}`),
  mobile: '13912340000',
});
const inA = await makeCadre(ctx, city.client, { orgId: countyA.id, name: '甲县人' });
const stay = (
  await ctx.app.inject({
    method: 'POST',
    url: `/api/cadres/${inB.id}/hospital-stays`,
    headers: city.client.headers,
    payload: { hospital: '乙县医院', admittedOn: '2026-01-01' },
  })
).json();

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? staffA.client.read : staffA.client.headers,
    ...(payload && { payload }),
  });

describe('scope isolation of the roster', () => {
  it('answers 404 on every record endpoint for a person in another county, as for a missing one', async () => {
    const endpoints: [Parameters<typeof call>[0], string, object?][] = [
      ['GET', '/api/cadres/{id}'],
      ['PATCH', '/api/cadres/{id}', { remarks: 'x' }],
      ['POST', '/api/cadres/{id}/reveal'],
      ['GET', '/api/cadres/{id}/history'],
      ['POST', '/api/cadres/{id}/death', { diedOn: '2026-01-02' }],
      ['POST', '/api/cadres/{id}/death/reverse', { reason: '核实有误' }],
      ['GET', '/api/cadres/{id}/photo'],
      ['GET', '/api/cadres/{id}/health'],
      ['PUT', '/api/cadres/{id}/health', { illnesses: 'x' }],
      ['GET', '/api/cadres/{id}/family'],
      ['POST', '/api/cadres/{id}/family', { name: '某', relation: '子' }],
      ['GET', '/api/cadres/{id}/hospital-stays'],
      ['POST', '/api/cadres/{id}/hospital-stays', { hospital: 'h', admittedOn: '2026-01-01' }],
      ['PATCH', `/api/cadres/{id}/hospital-stays/${stay.id}`, { bed: '9' }],
      ['DELETE', `/api/cadres/{id}/hospital-stays/${stay.id}`],
      ['GET', '/api/cadres/{id}/travels'],
      ['POST', '/api/cadres/{id}/travels', { kind: 'trip', destination: '北京' }],
    ];
    for (const [method, path, body] of endpoints) {
      const outside = await call(method, path.replace('{id}', String(inB.id)), body);
      const missing = await call(method, path.replace('{id}', '99999999'), body);
      expect(outside.statusCode, `${method} ${path}`).toBe(404);
      expect(outside.json().error.code, `${method} ${path}`).toBe(missing.json().error.code);
    }
    const still = await ctx.app.inject({
      method: 'GET',
      url: `/api/cadres/${inB.id}`,
      headers: city.client.read,
    });
    expect(still.json()).toMatchObject({ status: 'active', remarks: null });
  });

  it('leaves the other county out of lists, searches, birthdays, registers and exports', async () => {
    const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((i) => i.id);
    const list = await call('GET', '/api/cadres?status=all');
    expect(ids(list)).toContain(inA.id);
    expect(ids(list)).not.toContain(inB.id);
    for (const keyword of [inB.idNumber, '13912340000', '乙县人', 'yxr']) {
      expect(ids(await call('GET', `/api/cadres?keyword=${encodeURIComponent(keyword)}`)), keyword).toEqual(
        [],
      );
    }
    expect((await call('GET', `/api/cadres?orgId=${countyB.id}`)).statusCode).toBe(404);
    const birthdays = (await call('GET', '/api/cadres/birthdays?days=3')).json<{ id: number }[]>();
    expect(birthdays.map((b) => b.id)).not.toContain(inB.id);
    const cityBirthdays = (
      await ctx.app.inject({ method: 'GET', url: '/api/cadres/birthdays?days=3', headers: city.client.read })
    ).json<{ id: number }[]>();
    expect(cityBirthdays.map((b) => b.id)).toContain(inB.id);
    expect(ids(await call('GET', '/api/cadre-ledgers/hospital-stays'))).not.toContain(stay.id);
    const exported = await call('GET', '/api/cadres/export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    const names = wb.worksheets[0]?.getColumn(1).values as string[];
    expect(names).toContain('甲县人');
    expect(names).not.toContain('乙县人');
  });

  it('refuses to create a record in, or move one to, another county', async () => {
    const create = await call('POST', '/api/cadres', {
      name: '越界',
      idNumber: makeIdNumber(),
      orgId: countyB.id,
      category: 'tuixiu',
    });
    expect(create.statusCode).toBe(404);
    const move = await call('PATCH', `/api/cadres/${inA.id}`, { orgId: countyB.id });
    expect(move.statusCode).toBe(404);
  });
});
