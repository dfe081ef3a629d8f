import { describe, expect, it } from 'vitest';
import {
  makeCadre,
  makeOrg,
  makeRole,
  makeUser,
  signedInUser,
  signIn,
  uploadFile,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const countyA = await makeOrg(ctx.db, { kind: 'county', name: '甲县' });
const countyB = await makeOrg(ctx.db, { kind: 'county', name: '乙县' });
const staffA = await signedInUser(ctx, { roles: ['county_staff'], org: countyA });
const staffB = await signedInUser(ctx, { roles: ['county_staff'], org: countyB });
const leader = await signedInUser(ctx, { roles: ['leader'], org: countyA });
const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org: countyA });
const L = '/api/learning';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const call = (method: Method, url: string, payload?: object, client = staffA.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload && { payload }),
  });

const cadreA = await makeCadre(ctx, staffA.client, { orgId: countyA.id });
const cadreB = await makeCadre(ctx, staffB.client, { orgId: countyB.id });
const pdf = (
  await uploadFile(ctx, staffA.client, `${L}/lesson-files`, {
    name: '党课.pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  })
).json();
const lesson = (
  await call('POST', `${L}/lessons`, {
    orgId: countyA.id,
    title: '党课',
    kind: 'file',
    fileId: pdf.id,
    publishedOn: '2026-01-01',
  })
).json();
const programme = (
  await call('POST', `${L}/programmes`, { orgId: countyA.id, name: '头雁工程', code: 'touyan', year: 2026 })
).json();
const sessionId = (
  await call('POST', `${L}/programmes/${programme.id}/sessions`, {
    heldOn: '2026-02-01',
    title: '一期',
    hours: 2,
  })
).json().sessions[0].id as number;
await call('POST', `${L}/sessions/${sessionId}/attendance`, { cadreId: cadreA.id });

/** Every endpoint of the module, as the OpenAPI document names it, with a sample body. */
const ENDPOINTS: [Method, string, object?][] = [
  ['GET', `${L}/lessons`],
  ['GET', `${L}/lessons/export`],
  ['GET', `${L}/lessons/stats`],
  [
    'POST',
    `${L}/lessons`,
    { orgId: countyA.id, title: 'x', kind: 'text', body: 'x', publishedOn: '2026-01-01' },
  ],
  ['POST', `${L}/lesson-files`],
  ['GET', `${L}/lessons/{id}`],
  ['GET', `${L}/lessons/{id}/file`],
  ['PATCH', `${L}/lessons/{id}`, { title: 'y' }],
  ['DELETE', `${L}/lessons/{id}`],
  ['POST', `${L}/lessons/{id}/views`],
  ['GET', `${L}/lessons/{id}/records`],
  ['POST', `${L}/lessons/{id}/records`, { cadreId: cadreA.id, learnedOn: '2026-01-02', minutes: 20 }],
  ['GET', `${L}/records`],
  ['GET', `${L}/records/export`],
  ['GET', `${L}/cadres/{id}/records`],
  ['GET', `${L}/programmes`],
  ['GET', `${L}/programmes/stats`],
  ['GET', `${L}/programmes/export`],
  ['GET', `${L}/programmes/{id}/attendance/export`],
  ['POST', `${L}/programmes`, { orgId: countyA.id, name: 'x', code: 'xx', year: 2026 }],
  ['GET', `${L}/programmes/{id}`],
  ['PATCH', `${L}/programmes/{id}`, { name: 'y' }],
  ['DELETE', `${L}/programmes/{id}`],
  ['POST', `${L}/programmes/{id}/sessions`, { heldOn: '2026-03-01', title: 'x', hours: 1 }],
  ['PATCH', `${L}/sessions/{id}`, { title: 'y' }],
  ['DELETE', `${L}/sessions/{id}`],
  ['GET', `${L}/sessions/{id}/attendance`],
  ['POST', `${L}/sessions/{id}/attendance`, { cadreId: cadreA.id }],
  ['DELETE', `${L}/sessions/{id}/attendance/{cadreId}`],
];

const sample = (path: string) =>
  path
    .replace('{cadreId}', String(cadreA.id))
    .replace(
      '{id}',
      String(
        path.includes('/lessons/')
          ? lesson.id
          : path.includes('/cadres/')
            ? cadreA.id
            : path.includes('/sessions/')
              ? sessionId
              : programme.id,
      ),
    )
    .replace('/stats', '/stats?year=2026');

describe('who may read and keep learning records', () => {
  it('walks every endpoint of the module', () => {
    const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.tags?.includes('learning'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ENDPOINTS.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('answers 403 without the permission, and to readers on every write', async () => {
    const role = await makeRole(ctx, ['cadres:read']);
    const user = await makeUser(ctx, { roles: [role.code], org: countyA });
    const outsider = await signIn(ctx, user.username);
    for (const [method, path, body] of ENDPOINTS) {
      const res = await call(method, sample(path), body, outsider);
      expect(res.statusCode, `${method} ${path}`).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
      const isWrite = method !== 'GET' && !path.endsWith('/views');
      for (const client of [leader.client, secretary.client]) {
        const res = await call(method, sample(path), method === 'GET' ? undefined : body, client);
        if (isWrite) {
          expect(res.statusCode, `${method} ${path}`).toBe(403);
        } else {
          expect(res.statusCode, `${method} ${path}`).toBe(200);
        }
      }
    }
  });

  it('answers 404 outside the scope on every endpoint that names a record, and lists nothing of it', async () => {
    for (const [method, path, body] of ENDPOINTS) {
      // An upload names no record: a lesson file is kept for its uploader, and only they can use it
      // (learning.test.ts refuses another user's file).
      if (path.endsWith('/lesson-files')) continue;
      const res = await call(method, sample(path), body, staffB.client);
      if (path.includes('{id}') || method === 'POST') {
        expect(res.statusCode, `${method} ${path}`).toBe(404);
      } else {
        expect(res.statusCode, `${method} ${path}`).toBe(200);
      }
    }
    // B's own cadre cannot be recorded on A's lesson by A's staff either.
    const foreign = await call('POST', `${L}/lessons/${lesson.id}/records`, {
      cadreId: cadreB.id,
      learnedOn: '2026-01-02',
      minutes: 10,
    });
    expect(foreign.statusCode).toBe(404);
    expect((await call('GET', `${L}/lessons`, undefined, staffB.client)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect((await call('GET', `${L}/programmes`, undefined, staffB.client)).json()).toEqual([]);
    expect((await call('GET', `${L}/records`, undefined, staffB.client)).json()).toEqual({
      items: [],
      total: 0,
    });
    expect(
      (await call('GET', `${L}/records?lessonId=${lesson.id}`, undefined, staffB.client)).json().total,
    ).toBe(0);
    expect((await call('GET', `${L}/programmes/stats?year=2026`, undefined, staffB.client)).json()).toEqual(
      [],
    );
    expect(
      (await call('GET', `${L}/lessons/stats?year=2026`, undefined, staffB.client)).json(),
    ).toMatchObject({
      lessons: 0,
      views: 0,
    });
    expect((await call('GET', `${L}/lessons/${lesson.id}`)).json().title).toBe('党课');
  });
});
