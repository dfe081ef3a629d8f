import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  assignRoles,
  type Client,
  makeBranch,
  makeOrg,
  makeRole,
  makeUser,
  meetingSubmitter,
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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client: Client = staffA.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });
const asCity = (method: Method, url: string, payload?: object) => call(method, url, payload, city.client);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const upload = (id: number, client: Client) => {
  const boundary = '----xinyaoscope';
  return ctx.app.inject({
    method: 'POST',
    url: `/api/branches/meetings/${id}/files`,
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

/** A branch of one member in a unit, with a draft meeting carrying a photo and a submitted one. */
async function countyData(unit: { id: number }, name: string) {
  const branch = await makeBranch(ctx, city.client, { orgId: unit.id, name });
  await addMember(ctx, city.client, branch, { joinedOn: '2020-01-01' });
  const draft = (
    await asCity('POST', `/api/branches/${branch.id}/meetings`, {
      type: 'committee',
      heldOn: '2025-03-01',
      presentCount: 1,
      topics: `${name}的议题`,
    })
  ).json();
  const file = (await upload(draft.id, city.client)).json();
  const submitted = (
    await asCity('POST', `/api/branches/${branch.id}/meetings`, {
      type: 'assembly',
      heldOn: '2025-03-02',
      presentCount: 1,
    })
  ).json();
  await call(
    'POST',
    `/api/branches/meetings/${submitted.id}/transitions/submit`,
    {},
    await meetingSubmitter(ctx, submitted.id),
  );
  return { branch, draft, submitted, file };
}

const b = await countyData(unitB, '乙县支部');
const a = await countyData(unitA, '甲县支部');

/** Every endpoint of meetings, as the OpenAPI document names it, with a sample body. */
const ENDPOINTS: [Method, string, object?][] = [
  ['GET', '/api/branches/meetings'],
  ['GET', '/api/branches/meetings/export'],
  ['GET', '/api/branches/{id}/meetings'],
  ['POST', '/api/branches/{id}/meetings', { type: 'committee', heldOn: '2025-01-01', presentCount: 1 }],
  ['GET', '/api/branches/meetings/{id}'],
  ['PATCH', '/api/branches/meetings/{id}', { place: 'x' }],
  ['DELETE', '/api/branches/meetings/{id}'],
  ['POST', '/api/branches/meetings/{id}/transitions/{action}', {}],
  ['GET', '/api/branches/meetings/{id}/history'],
  ['GET', '/api/branches/meetings/{id}/files'],
  ['POST', '/api/branches/meetings/{id}/files', {}],
  ['GET', '/api/branches/meetings/{id}/files/{fileId}'],
  ['DELETE', '/api/branches/meetings/{id}/files/{fileId}'],
  ['GET', '/api/branches/meetings/matrix'],
  ['GET', '/api/branches/meetings/matrix/export'],
  ['GET', '/api/branches/{id}/meetings/matrix'],
];

describe('scope isolation of branch meetings', () => {
  it('walks every endpoint of meetings', () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('meetings'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it("answers 404 on every endpoint for another county's records, as for missing ones", async () => {
    const byId: [Method, string, object?][] = [
      ['GET', '/api/branches/{b}/meetings'],
      ['POST', '/api/branches/{b}/meetings', { type: 'committee', heldOn: '2025-01-01', presentCount: 1 }],
      ['GET', '/api/branches/{b}/meetings/matrix?year=2025'],
      ['GET', '/api/branches/meetings/{m}'],
      ['PATCH', '/api/branches/meetings/{m}', { place: '越界' }],
      ['DELETE', '/api/branches/meetings/{m}'],
      ['POST', '/api/branches/meetings/{m}/transitions/submit', {}],
      ['POST', '/api/branches/meetings/{s}/transitions/approve', {}],
      ['POST', '/api/branches/meetings/{s}/transitions/return', { comment: '越界' }],
      ['GET', '/api/branches/meetings/{m}/history'],
      ['GET', '/api/branches/meetings/{m}/files'],
      ['GET', '/api/branches/meetings/{m}/files/{f}'],
      ['DELETE', '/api/branches/meetings/{m}/files/{f}'],
      ['GET', '/api/branches/meetings?branchId={b}'],
      ['GET', '/api/branches/meetings?orgId={o}'],
      ['GET', '/api/branches/meetings/export?branchId={b}'],
      ['GET', '/api/branches/meetings/export?orgId={o}'],
      ['GET', '/api/branches/meetings/matrix?orgId={o}'],
      ['GET', '/api/branches/meetings/matrix/export?orgId={o}'],
    ];
    const ids = { b: b.branch.id, m: b.draft.id, s: b.submitted.id, f: b.file.fileId, o: countyB.id };
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
    const uploadOutside = await upload(b.draft.id, staffA.client);
    expect(uploadOutside.statusCode).toBe(404);
    expect(uploadOutside.json().error.code).toBe('meeting.not_found');

    // County B's records are as they were.
    const draft = (await asCity('GET', `/api/branches/meetings/${b.draft.id}`)).json();
    expect(draft).toMatchObject({
      place: null,
      state: 'draft',
      files: [expect.objectContaining({ kind: 'photo' })],
    });
    expect((await asCity('GET', `/api/branches/meetings/${b.submitted.id}`)).json().state).toBe('submitted');
    expect((await asCity('GET', `/api/branches/meetings/${b.draft.id}/history`)).json()).toHaveLength(1);
  });

  it('leaves the other county out of lists, the to-do list, the matrix and exports', async () => {
    const ids = (res: { json(): { items: { id?: number; recordId?: number }[] } }) =>
      res.json().items.map((i) => i.id ?? i.recordId);
    const list = ids(await call('GET', '/api/branches/meetings?pageSize=200'));
    expect(list.sort()).toEqual([a.draft.id, a.submitted.id].sort());
    const todo = ids(await call('GET', '/api/todos?workflow=meeting&pageSize=200'));
    expect(todo).toContain(a.submitted.id);
    for (const id of [b.draft.id, b.submitted.id]) expect(todo).not.toContain(id);

    const matrix = (await call('GET', '/api/branches/meetings/matrix?year=2025')).json();
    expect(matrix.org.id).toBe(countyA.id);
    expect(matrix.total.branches).toBe(1);
    expect(matrix.children.map((c: { orgId: number }) => c.orgId)).toEqual([unitA.id]);

    for (const url of ['/api/branches/meetings/export', '/api/branches/meetings/matrix/export?year=2025']) {
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
        .replace('/api/branches/meetings/{id}', `/api/branches/meetings/${a.draft.id}`)
        .replace('{id}', String(a.branch.id))
        .replace('{action}', 'submit')
        .replace('{fileId}', String(a.file.fileId));
    for (const [method, path, body] of ENDPOINTS) {
      const res = await call(method, sample(path), body, outsider);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      if (method !== 'GET') {
        const asLeader = await call(method, sample(path), body, leader.client);
        expect(asLeader.statusCode, `leader ${method} ${path}`).toBe(403);
      }
    }
    for (const path of [
      '/api/branches/meetings',
      `/api/branches/meetings/${a.draft.id}`,
      `/api/branches/meetings/${a.draft.id}/history`,
      `/api/branches/meetings/${a.draft.id}/files/${a.file.fileId}`,
      '/api/branches/meetings/matrix',
      `/api/branches/${a.branch.id}/meetings/matrix`,
    ]) {
      expect((await call('GET', path, undefined, leader.client)).statusCode, path).toBe(200);
    }
    // Nothing of county A changed under the refused writes.
    expect((await call('GET', `/api/branches/meetings/${a.draft.id}`)).json()).toMatchObject({
      state: 'draft',
      place: null,
      files: [expect.objectContaining({ fileId: a.file.fileId })],
    });
  });
});
