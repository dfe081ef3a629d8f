import { describe, expect, it } from 'vitest';
import type { OrgRow } from '../../db/schema.ts';
import type { Permission } from '../../platform/access/permissions.ts';
import type { Actor } from '../../platform/audit/audit.ts';
import { startWorkflow, takeTransition } from '../../platform/workflow/workflow.service.ts';
import { defineWorkflow, registerWorkflow } from '../../platform/workflow/workflow.ts';
import {
  assignRoles,
  makeCounty,
  makeRole,
  makeUser,
  rootOrg,
  signedInUser,
  signIn,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { authenticate } from '../identity/identity.service.ts';

const SUBMIT: Permission = 'cadres:write';
const REVIEW: Permission = 'cadres:health';
const L = (zh: string, en: string) => ({ zh, en });

const meetings = registerWorkflow(
  defineWorkflow({
    name: 'test_meetings',
    title: L('会议审核', 'Meeting review'),
    states: {
      draft: L('草稿', 'Draft'),
      submitted: L('待审核', 'Submitted'),
      approved: L('已通过', 'Approved'),
    },
    initial: 'draft',
    transitions: {
      submit: { from: ['draft'], to: 'submitted', permission: SUBMIT, label: L('提交', 'Submit') },
      approve: {
        from: ['submitted'],
        to: 'approved',
        permission: REVIEW,
        above: true,
        label: L('通过', 'Approve'),
      },
    },
  }),
);
const brands = registerWorkflow(
  defineWorkflow({
    name: 'test_brands',
    title: L('品牌申报', 'Brand application'),
    states: { applied: L('已申报', 'Applied'), granted: L('已授予', 'Granted') },
    initial: 'applied',
    transitions: {
      grant: {
        from: ['applied'],
        to: 'granted',
        permission: REVIEW,
        above: true,
        label: L('授予', 'Grant'),
      },
    },
  }),
);

const ctx = await createTestApp();
const a = await makeCounty(ctx.db);
const b = await makeCounty(ctx.db);
const submitter = await makeRole(ctx, [SUBMIT]);
const reviewer = await makeRole(ctx, [REVIEW]);

/** A signed-in user holding roles at orgs; the first grant is active. */
async function user(grants: { role: { code: string }; org: OrgRow }[]) {
  const u = await makeUser(ctx);
  await assignRoles(
    ctx,
    u.id,
    grants.map((g) => ({ role: g.role.code, org: g.org })),
  );
  const client = await signIn(ctx, u.username);
  const token = client.cookie.slice(client.cookie.indexOf('=') + 1);
  const auth = await authenticate(ctx.db, ctx.config, token);
  if (!auth) throw new Error('no auth');
  const actor: Actor = { userId: u.id, name: auth.name, ip: null, requestId: null };
  return { ...u, client, auth, actor };
}

const clerk = await user([{ role: submitter, org: a.unit }]);
const cityClerk = await user([{ role: submitter, org: await rootOrg(ctx.db) }]);
const reviewerA = await user([{ role: reviewer, org: a.county }]);

let nextId = 0;
async function meeting(org: OrgRow, submitted: boolean, by = clerk) {
  const recordId = ++nextId;
  await ctx.db.transaction().execute(async (trx) => {
    await startWorkflow(trx, meetings, by.actor, {
      recordId,
      orgId: org.id,
      title: `支部会议${recordId}`,
    });
    if (submitted) await takeTransition(trx, meetings, by.auth, by.actor, { recordId, action: 'submit' });
  });
  return recordId;
}
async function brand(org: OrgRow) {
  const recordId = ++nextId;
  await startWorkflow(ctx.db, brands, clerk.actor, { recordId, orgId: org.id, title: `品牌${recordId}` });
  return recordId;
}

const m1 = await meeting(a.unit, true);
await meeting(a.unit, false);
const m3 = await meeting(a.town, true, cityClerk);
const inB = await meeting(b.unit, true, cityClerk);
const br = await brand(a.unit);

const get = (client: { read: Record<string, string> }, url: string) =>
  ctx.app.inject({ method: 'GET', url, headers: client.read });

describe('GET /api/todos', () => {
  it('lists what waits for me across workflows, newest first, with what I may do', async () => {
    const res = await get(reviewerA.client, '/api/todos');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { workflow: string; recordId: number }) => [i.workflow, i.recordId])).toEqual([
      ['test_brands', br],
      ['test_meetings', m3],
      ['test_meetings', m1],
    ]);
    expect(body.items[1]).toEqual({
      workflow: 'test_meetings',
      workflowTitle: { zh: '会议审核', en: 'Meeting review' },
      recordId: m3,
      title: `支部会议${m3}`,
      state: 'submitted',
      stateLabel: { zh: '待审核', en: 'Submitted' },
      orgId: a.town.id,
      orgName: a.town.name,
      updatedAt: expect.any(String),
      actions: [{ action: 'approve', label: { zh: '通过', en: 'Approve' }, commentRequired: false }],
    });
  });

  it('filters by workflow and pages', async () => {
    const only = (await get(reviewerA.client, '/api/todos?workflow=test_meetings')).json();
    expect(only.total).toBe(2);
    expect(only.items.every((i: { workflow: string }) => i.workflow === 'test_meetings')).toBe(true);
    const second = (await get(reviewerA.client, '/api/todos?pageSize=1&page=2')).json();
    expect(second.total).toBe(3);
    expect(second.items.map((i: { recordId: number }) => i.recordId)).toEqual([m3]);
    expect((await get(reviewerA.client, '/api/todos?pageSize=500')).statusCode).toBe(400);
  });

  it("follows the active assignment: another county's records after a scope switch", async () => {
    const both = await user([
      { role: reviewer, org: a.county },
      { role: reviewer, org: b.county },
    ]);
    const me = (await get(both.client, '/api/auth/me')).json();
    const switched = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/scope',
      headers: both.client.headers,
      payload: { assignmentId: me.assignments[1].id },
    });
    expect(switched.statusCode).toBe(200);
    const body = (await get(both.client, '/api/todos')).json();
    expect(body.items.map((i: { recordId: number }) => i.recordId)).toEqual([inB]);
  });

  it('shows the clerk their drafts, and nothing to someone without a role', async () => {
    const mine = (await get(clerk.client, '/api/todos')).json();
    expect(
      mine.items.map((i: { title: string; actions: { action: string }[] }) => [i.title, i.actions]),
    ).toEqual([
      [
        `支部会议${m1 + 1}`,
        [{ action: 'submit', label: { zh: '提交', en: 'Submit' }, commentRequired: false }],
      ],
    ]);
    const nobody = await signedInUser(ctx);
    expect((await get(nobody.client, '/api/todos')).json()).toEqual({ items: [], total: 0 });
    expect((await get(nobody.client, '/api/todos/counts')).json()).toEqual({ total: 0, workflows: [] });
  });

  it('asks for a sign-in', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/todos' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/todos/counts' })).statusCode).toBe(401);
  });
});

describe('GET /api/todos/counts', () => {
  it('counts per workflow and in all, and drops a record once acted on', async () => {
    const reviewer2 = await user([{ role: reviewer, org: a.county }]);
    const counts = async () => (await get(reviewer2.client, '/api/todos/counts')).json();
    expect(await counts()).toEqual({
      total: 3,
      workflows: [
        { workflow: 'test_meetings', title: { zh: '会议审核', en: 'Meeting review' }, count: 2 },
        { workflow: 'test_brands', title: { zh: '品牌申报', en: 'Brand application' }, count: 1 },
      ],
    });
    await ctx.db
      .transaction()
      .execute((trx) =>
        takeTransition(trx, brands, reviewer2.auth, reviewer2.actor, { recordId: br, action: 'grant' }),
      );
    const after = await counts();
    expect(after.total).toBe(2);
    expect(after.workflows[1]).toMatchObject({ workflow: 'test_brands', count: 0 });
    expect((await get(clerk.client, '/api/todos/counts')).json()).toMatchObject({ total: 1 });
  });
});
