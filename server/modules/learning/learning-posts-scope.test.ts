import { describe, expect, it } from 'vitest';
import {
  addMember,
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
const staffA = await signedInUser(ctx, { roles: ['county_staff'], org: countyA });
const staffB = await signedInUser(ctx, { roles: ['county_staff'], org: countyB });
const leader = await signedInUser(ctx, { roles: ['leader'], org: countyA });
const P = '/api/learning/posts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client: Client = staffA.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });

const branchA = await makeBranch(ctx, staffA.client, { orgId: countyA.id });
const branchB = await makeBranch(ctx, staffB.client, { orgId: countyB.id });
const memberA = await addMember(ctx, staffA.client, branchA);
const postA = (await call('POST', P, { branchId: branchA.id, title: '甲县帖子', body: '正文' })).json();
const wideA = (await call('POST', P, { orgId: countyA.id, title: '甲县全县帖子', body: '正文' })).json();
await call('POST', P, { branchId: branchB.id, title: '乙县帖子', body: '正文' }, staffB.client);

/** Every endpoint of the posts, as the OpenAPI document names it, with a sample body. */
const ENDPOINTS: [Method, string, object?][] = [
  ['GET', P],
  ['GET', `${P}/export`],
  ['POST', P, { branchId: branchA.id, title: 'x', body: 'y' }],
  ['GET', `${P}/{id}`],
  ['PATCH', `${P}/{id}`, { pinned: true }],
  ['POST', `${P}/{id}/withdraw`, { reason: 'x' }],
  ['POST', `${P}/{id}/republish`],
  ['GET', `${P}/{id}/files`],
  ['POST', `${P}/{id}/files`],
  ['GET', `${P}/{id}/files/{fileId}`],
  ['DELETE', `${P}/{id}/files/{fileId}`],
  ['GET', `${P}/{id}/reads`],
  ['POST', `${P}/{id}/reads`, { cadreId: memberA.cadreId }],
];
const sample = (path: string) => path.replace('{id}', String(postA.id)).replace('{fileId}', '1');

describe('who may read and write the online branch posts', () => {
  it('walks every endpoint of the posts', () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('learning-posts'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('answers 403 without the permission, and to readers on every write', async () => {
    const role = await makeRole(ctx, ['cadres:read']);
    const outsider = await signIn(ctx, (await makeUser(ctx, { roles: [role.code], org: countyA })).username);
    for (const [method, path, body] of ENDPOINTS) {
      const res = await call(method, sample(path), body, outsider);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      if (method !== 'GET') {
        const ro = await call(method, sample(path), body, leader.client);
        expect(ro.statusCode, `${method} ${path}`).toBe(403);
        expect(ro.json().error.code).toBe('auth.forbidden');
      }
    }
  });

  it("answers 404 for another county's post on every endpoint that names one, and lists none of it", async () => {
    for (const [method, path, body] of ENDPOINTS) {
      if (!path.includes('{id}')) continue;
      const res = await call(method, sample(path), body, staffB.client);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
      expect(res.json().error.code, `${method} ${path}`).toBe('learning.post_not_found');
    }
    for (const id of [postA.id, wideA.id]) {
      expect((await call('GET', `${P}/${id}`, undefined, staffB.client)).statusCode).toBe(404);
    }
    const listB = (await call('GET', P, undefined, staffB.client)).json();
    expect(listB.items.map((p: { title: string }) => p.title)).toEqual(['乙县帖子']);
    // Neither A's branch, nor A's org, nor a post to A's branch from B.
    expect((await call('GET', `${P}?branchId=${branchA.id}`, undefined, staffB.client)).statusCode).toBe(404);
    expect((await call('GET', `${P}?orgId=${countyA.id}`, undefined, staffB.client)).statusCode).toBe(404);
    expect(
      (await call('GET', `${P}/export?branchId=${branchA.id}`, undefined, staffB.client)).statusCode,
    ).toBe(404);
    const intoA = await call('POST', P, { branchId: branchA.id, title: 'x', body: 'y' }, staffB.client);
    expect(intoA.statusCode).toBe(404);
    const wideIntoA = await call('POST', P, { orgId: countyA.id, title: 'x', body: 'y' }, staffB.client);
    expect(wideIntoA.statusCode).toBe(404);
    // B's staff cannot record A's member as a reader of B's own post either.
    const postB = (await call('GET', P, undefined, staffB.client)).json().items[0];
    const foreign = await call('POST', `${P}/${postB.id}/reads`, { cadreId: memberA.cadreId }, staffB.client);
    expect(foreign.statusCode).toBe(404);
    // A's staff still see their own.
    expect(
      (await call('GET', P))
        .json()
        .items.map((p: { title: string }) => p.title)
        .sort(),
    ).toEqual(['甲县全县帖子', '甲县帖子'].sort());
  });
});
