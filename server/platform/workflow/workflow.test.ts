import { describe, expect, it } from 'vitest';
import type { OrgRow } from '../../db/schema.ts';
import { authenticate } from '../../modules/identity/identity.service.ts';
import {
  assignRoles,
  makeCounty,
  makeOrg,
  makeRole,
  makeUser,
  rootOrg,
  signIn,
} from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import type { Permission } from '../access/permissions.ts';
import { countAudit } from '../audit/audit.ts';
import type { Auth } from '../http/types.ts';
import {
  actionsFor,
  currentState,
  removeWorkflowItem,
  startWorkflow,
  statesOf,
  takeTransition,
  todoCounts,
  todoFor,
  updateWorkflowItem,
  workflowHistory,
} from './workflow.service.ts';
import {
  allowedActions,
  defineWorkflow,
  refusalOf,
  registerWorkflow,
  waitingStates,
  workflowByName,
} from './workflow.ts';

/** Who may prepare and submit a record, and who may review it. */
const SUBMIT: Permission = 'cadres:write';
const REVIEW: Permission = 'cadres:health';

const L = (zh: string, en: string) => ({ zh, en });

/** A review like the party-branch meeting's: submit, then approve or return with a comment, resubmit. */
const review = registerWorkflow(
  defineWorkflow({
    name: 'test_review',
    title: L('测试审核', 'Test review'),
    states: {
      draft: L('草稿', 'Draft'),
      submitted: L('待审核', 'Submitted'),
      returned: L('已退回', 'Returned'),
      approved: L('已通过', 'Approved'),
    },
    initial: 'draft',
    transitions: {
      submit: {
        from: ['draft', 'returned'],
        to: 'submitted',
        permission: SUBMIT,
        label: L('提交', 'Submit'),
      },
      approve: {
        from: ['submitted'],
        to: 'approved',
        permission: REVIEW,
        above: true,
        actorKinds: ['city', 'county'],
        label: L('通过', 'Approve'),
      },
      return: {
        from: ['submitted'],
        to: 'returned',
        permission: REVIEW,
        above: true,
        commentRequired: true,
        label: L('退回', 'Return'),
      },
    },
  }),
);

const ctx = await createTestApp();
const a = await makeCounty(ctx.db);
const b = await makeCounty(ctx.db);
const submitter = await makeRole(ctx, [SUBMIT]);
const reviewer = await makeRole(ctx, [REVIEW]);

/** A user holding one role at one org, and their Auth as the access guard would resolve it. */
async function person(role: { code: string }, org: OrgRow) {
  const user = await makeUser(ctx);
  await assignRoles(ctx, user.id, [{ role: role.code, org }]);
  const client = await signIn(ctx, user.username);
  const token = client.cookie.slice(client.cookie.indexOf('=') + 1);
  const auth = (await authenticate(ctx.db, ctx.config, token)) as Auth;
  return { ...user, auth, actor: { userId: user.id, name: auth.name, ip: null, requestId: null } };
}

const clerk = await person(submitter, a.unit);
const countyClerk = await person(submitter, a.county);
const countyReviewer = await person(reviewer, a.county);
const townReviewer = await person(reviewer, a.town);
const otherReviewer = await person(reviewer, b.county);
const cityReviewer = await person(reviewer, await rootOrg(ctx.db));
const clerkB = await person(submitter, b.county);
// A second, private database for the to-do list, so that its counts are exact.
const t = await createTestApp();

let nextRecord = 1000;
/** A record of the given org in the workflow, moved through the given actions by `who`. */
async function record(org: OrgRow, steps: [Awaited<ReturnType<typeof person>>, 'submit' | 'approve'][] = []) {
  const recordId = ++nextRecord;
  await ctx.db.transaction().execute(async (trx) => {
    await startWorkflow(trx, review, clerk.actor, { recordId, orgId: org.id, title: `记录${recordId}` });
    for (const [who, action] of steps)
      await takeTransition(trx, review, who.auth, who.actor, { recordId, action });
  });
  return recordId;
}

async function attempt(
  who: Awaited<ReturnType<typeof person>>,
  recordId: number,
  action: 'submit' | 'approve' | 'return',
  comment?: string,
) {
  return ctx.db
    .transaction()
    .execute((trx) => takeTransition(trx, review, who.auth, who.actor, { recordId, action, comment }))
    .then(
      (state) => ({ state }),
      (error: { code?: string }) => ({ error: error.code }),
    );
}

describe('workflow declaration', () => {
  it('infers state and action names, and refuses an inconsistent declaration', () => {
    expect(review.entity).toBe('test_review');
    expect(workflowByName('test_review')).toBe(review);
    const base = {
      name: 'broken',
      title: L('坏', 'Broken'),
      states: { a: L('甲', 'A') },
      initial: 'a' as const,
    };
    expect(() =>
      defineWorkflow({
        ...base,
        // @ts-expect-error: 'b' is not a state
        transitions: { go: { from: ['a'], to: 'b', permission: SUBMIT, label: L('走', 'Go') } },
      }),
    ).toThrow(/unknown state b/);
    expect(() =>
      defineWorkflow({
        ...base,
        transitions: { start: { from: ['a'], to: 'a', permission: SUBMIT, label: L('始', 'Start') } },
      }),
    ).toThrow(/reserved/);
    expect(() => defineWorkflow({ ...base, name: 'Bad Name', transitions: {} })).toThrow(/snake case/);
    expect(() => registerWorkflow(defineWorkflow({ ...review, transitions: {} }))).toThrow(
      /registered twice/,
    );
  });

  it('offers each caller only the actions their permission, level and org kind allow', () => {
    const at = (org: OrgRow, state: string) => ({ state, orgPath: org.path });
    expect(allowedActions(review, at(a.unit, 'draft'), clerk.auth)).toEqual(['submit']);
    expect(allowedActions(review, at(a.unit, 'returned'), clerk.auth)).toEqual(['submit']);
    expect(allowedActions(review, at(a.unit, 'submitted'), clerk.auth)).toEqual([]);
    expect(allowedActions(review, at(a.unit, 'submitted'), countyReviewer.auth)).toEqual([
      'approve',
      'return',
    ]);
    // A town may return but not approve (approval is for a county or the city).
    expect(allowedActions(review, at(a.unit, 'submitted'), townReviewer.auth)).toEqual(['return']);
    // Same level as the record: a reviewer must sit above it.
    expect(allowedActions(review, at(a.county, 'submitted'), countyReviewer.auth)).toEqual([]);
    expect(allowedActions(review, at(a.county, 'submitted'), cityReviewer.auth)).toEqual([
      'approve',
      'return',
    ]);
    expect(allowedActions(review, at(a.unit, 'submitted'), otherReviewer.auth)).toEqual([]);
    expect(allowedActions(review, at(a.unit, 'approved'), cityReviewer.auth)).toEqual([]);
  });

  it('explains a refusal', () => {
    const submitted = { state: 'submitted', orgPath: a.unit.path };
    expect(refusalOf(review, submitted, 'approve', countyReviewer.auth)).toBeNull();
    expect(refusalOf(review, { ...submitted, state: 'draft' }, 'approve', countyReviewer.auth)).toBe(
      'workflow.invalid_transition',
    );
    expect(refusalOf(review, submitted, 'no_such_action', countyReviewer.auth)).toBe(
      'workflow.invalid_transition',
    );
    expect(refusalOf(review, submitted, 'approve', clerk.auth)).toBe('workflow.not_permitted');
    expect(refusalOf(review, submitted, 'approve', townReviewer.auth)).toBe('workflow.not_permitted');
    expect(refusalOf(review, submitted, 'return', countyReviewer.auth, '  ')).toBe(
      'workflow.comment_required',
    );
    expect(refusalOf(review, submitted, 'return', countyReviewer.auth, '请补充材料')).toBeNull();
    expect(refusalOf(review, submitted, 'approve', { ...countyReviewer.auth, scope: null })).toBe(
      'workflow.not_permitted',
    );
  });

  it('splits the states that wait for a caller by where the record must be', () => {
    expect(waitingStates(review, clerk.auth)).toEqual({
      anywhere: ['draft', 'returned'],
      below: [],
      own: [],
    });
    expect(waitingStates(review, countyReviewer.auth)).toEqual({
      anywhere: [],
      below: ['submitted'],
      own: [],
    });
    const both = { ...countyReviewer.auth, permissions: new Set<Permission>([SUBMIT, REVIEW]) };
    expect(waitingStates(review, both)).toEqual({
      anywhere: ['draft', 'returned'],
      below: ['submitted'],
      own: [],
    });
  });

  it('leaves out of the to-do list an action nobody waits for, while still offering it', () => {
    const withWithdraw = defineWorkflow({
      ...review,
      name: 'test_withdraw',
      transitions: {
        ...review.transitions,
        withdraw: {
          from: ['approved'],
          to: 'draft',
          permission: REVIEW,
          above: true,
          todo: false,
          label: L('撤回', 'Withdraw'),
        },
      },
    });
    expect(waitingStates(withWithdraw, countyReviewer.auth)).toEqual({
      anywhere: [],
      below: ['submitted'],
      own: [],
    });
    const approved = { state: 'approved', orgPath: a.unit.path };
    expect(allowedActions(withWithdraw, approved, countyReviewer.auth)).toEqual(['withdraw']);
  });

  it('keeps an own-level transition to the record’s own org: the levels above neither take it nor wait for it', () => {
    const ownReview = defineWorkflow({
      ...review,
      name: 'test_own_review',
      transitions: { ...review.transitions, submit: { ...review.transitions.submit, own: true } },
    });
    const both = { ...countyReviewer.auth, permissions: new Set<Permission>([SUBMIT, REVIEW]) };
    const at = (org: OrgRow, state: string) => ({ state, orgPath: org.path });
    expect(allowedActions(ownReview, at(a.unit, 'draft'), clerk.auth)).toEqual(['submit']);
    expect(allowedActions(ownReview, at(a.unit, 'returned'), both)).toEqual([]);
    expect(allowedActions(ownReview, at(a.county, 'returned'), both)).toEqual(['submit']);
    expect(refusalOf(ownReview, at(a.unit, 'draft'), 'submit', both)).toBe('workflow.not_permitted');
    expect(waitingStates(ownReview, both)).toEqual({
      anywhere: [],
      below: ['submitted'],
      own: ['draft', 'returned'],
    });
  });
});

describe('taking transitions', () => {
  it('runs submit, return with a comment, resubmit and approve, returning each new state', async () => {
    const id = await record(a.unit);
    expect(await currentState(ctx.db, review, id)).toBe('draft');
    expect(await attempt(clerk, id, 'submit')).toEqual({ state: 'submitted' });
    expect(await attempt(countyReviewer, id, 'return', '  缺少会议记录 ')).toEqual({ state: 'returned' });
    expect(await attempt(clerk, id, 'submit', '已补充')).toEqual({ state: 'submitted' });
    expect(await attempt(countyReviewer, id, 'approve')).toEqual({ state: 'approved' });
    expect(await currentState(ctx.db, review, id)).toBe('approved');
    expect(await currentState(ctx.db, review, 99_999)).toBeNull();
    expect((await statesOf(ctx.db, review, [id, 99_999])).get(id)).toBe('approved');
  });

  it('refuses the wrong state, a missing permission, the same level, the wrong org kind and a missing comment', async () => {
    const id = await record(a.unit);
    expect(await attempt(countyReviewer, id, 'approve')).toEqual({ error: 'workflow.invalid_transition' });
    await attempt(clerk, id, 'submit');
    expect(await attempt(clerk, id, 'submit')).toEqual({ error: 'workflow.invalid_transition' });
    expect(await attempt(clerk, id, 'approve')).toEqual({ error: 'workflow.not_permitted' });
    expect(await attempt(otherReviewer, id, 'approve')).toEqual({ error: 'workflow.not_permitted' });
    expect(await attempt(townReviewer, id, 'approve')).toEqual({ error: 'workflow.not_permitted' });
    expect(await attempt(countyReviewer, id, 'return')).toEqual({ error: 'workflow.comment_required' });
    expect(await attempt(countyReviewer, id, 'return', ' ')).toEqual({ error: 'workflow.comment_required' });

    const atCounty = await record(a.county, [[countyClerk, 'submit']]);
    expect(await attempt(countyReviewer, atCounty, 'approve')).toEqual({ error: 'workflow.not_permitted' });
    expect(await attempt(cityReviewer, atCounty, 'approve')).toEqual({ state: 'approved' });
    expect(await attempt(clerk, 424_242, 'submit')).toEqual({ error: 'workflow.not_found' });
  });

  it('writes nothing when refused, and takes the caller’s own write down with it', async () => {
    const id = await record(a.unit, [[clerk, 'submit']]);
    const events = async () => (await workflowHistory(ctx.db, review, id)).length;
    const [eventsBefore, auditBefore] = [await events(), await countAudit(ctx.db)];
    const outcome = await ctx.db
      .transaction()
      .execute(async (trx) => {
        await updateWorkflowItem(trx, review, id, { title: '改过的标题' });
        await takeTransition(trx, review, townReviewer.auth, townReviewer.actor, {
          recordId: id,
          action: 'approve',
        });
      })
      .catch((error: { code: string }) => error.code);
    expect(outcome).toBe('workflow.not_permitted');
    expect(await events()).toBe(eventsBefore);
    expect(await countAudit(ctx.db)).toBe(auditBefore);
    expect(await currentState(ctx.db, review, id)).toBe('submitted');
    const item = await ctx.db
      .selectFrom('workflow_items')
      .select(['title', 'updated_by'])
      .where('record_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(item).toEqual({ title: `记录${id}`, updated_by: clerk.id });
  });

  it('refuses to start a record twice', async () => {
    const id = await record(a.unit);
    const again = await startWorkflow(ctx.db, review, clerk.actor, {
      recordId: id,
      orgId: a.unit.id,
      title: 'x',
    }).catch((error: { code: string }) => error.code);
    expect(again).toBe('workflow.already_started');
  });

  it('forgets a removed record, item and timeline', async () => {
    const id = await record(a.unit, [[clerk, 'submit']]);
    await removeWorkflowItem(ctx.db, review, id);
    expect(await currentState(ctx.db, review, id)).toBeNull();
    expect(await workflowHistory(ctx.db, review, id)).toEqual([]);
    const moved = await updateWorkflowItem(ctx.db, review, id, { title: 'x' }).catch(
      (e: { code: string }) => e.code,
    );
    expect(moved).toBe('workflow.not_found');
  });

  it('records each step in the audit log', async () => {
    const id = await record(a.unit, [[clerk, 'submit']]);
    await attempt(countyReviewer, id, 'return', '请补充');
    const entry = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'test_review')
      .where('entity_id', '=', String(id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      action: 'test_review.return',
      actor_id: countyReviewer.id,
      summary: `记录${id}`,
    });
    expect(JSON.parse(entry.before as string)).toEqual({ state: 'submitted' });
    expect(JSON.parse(entry.after as string)).toEqual({ state: 'returned', comment: '请补充' });
  });
});

describe('history', () => {
  it('is a timeline, oldest first, with actor, time, comment and labels', async () => {
    const started = new Date().toISOString();
    const id = await record(a.unit, [[clerk, 'submit']]);
    await attempt(countyReviewer, id, 'return', '  缺少签到表 ');
    const history = await workflowHistory(ctx.db, review, id);
    expect(history.map((e) => [e.action, e.fromState, e.toState, e.actorName, e.comment])).toEqual([
      ['start', null, 'draft', clerk.auth.name, null],
      ['submit', 'draft', 'submitted', clerk.auth.name, null],
      ['return', 'submitted', 'returned', countyReviewer.auth.name, '缺少签到表'],
    ]);
    expect(history[2]).toMatchObject({
      actorId: countyReviewer.id,
      actionLabel: { zh: '退回', en: 'Return' },
      fromStateLabel: { zh: '待审核', en: 'Submitted' },
      toStateLabel: { zh: '已退回', en: 'Returned' },
    });
    expect(history[0]?.actionLabel).toEqual({ zh: '创建', en: 'Created' });
    const times = history.map((e) => e.at);
    expect(times.every((t) => t >= started && !Number.isNaN(Date.parse(t)))).toBe(true);
    expect([...times].sort()).toEqual(times);
    expect(await workflowHistory(ctx.db, review, 99_999)).toEqual([]);
  });
});

describe('to-do list', () => {
  it('holds, for each user, the records waiting for an action they may take', async () => {
    const c = await makeCounty(t.db);
    const other = await makeCounty(t.db);
    const roles = { s: await makeRole(t, [SUBMIT]), r: await makeRole(t, [REVIEW]) };
    const who = async (role: { code: string }, org: OrgRow) => {
      const user = await makeUser(t);
      await assignRoles(t, user.id, [{ role: role.code, org }]);
      const client = await signIn(t, user.username);
      const token = client.cookie.slice(client.cookie.indexOf('=') + 1);
      const auth = (await authenticate(t.db, t.config, token)) as Auth;
      return { auth, actor: { userId: user.id, name: auth.name, ip: null, requestId: null } };
    };
    const unitClerk = await who(roles.s, c.unit);
    const countyClerkC = await who(roles.s, c.county);
    const reviewerC = await who(roles.r, c.county);
    const reviewerT = await who(roles.r, c.town);
    const reviewerOther = await who(roles.r, other.county);
    const nobody = await who(roles.s, c.town);
    nobody.auth = { ...nobody.auth, scope: null };
    let n = 0;
    const make = async (org: OrgRow, by: typeof unitClerk, submit: boolean) => {
      const recordId = ++n;
      await t.db.transaction().execute(async (trx) => {
        await startWorkflow(trx, review, by.actor, { recordId, orgId: org.id, title: `会议${recordId}` });
        if (submit) await takeTransition(trx, review, by.auth, by.actor, { recordId, action: 'submit' });
      });
      return recordId;
    };
    const draft = await make(c.unit, unitClerk, false);
    const submitted1 = await make(c.unit, unitClerk, true);
    const submitted2 = await make(c.unit, unitClerk, true);
    // Submitted at the county itself: it waits for the city, not for the county's own reviewer.
    await make(c.county, countyClerkC, true);

    const countsOf = async (x: { auth: Auth }) => todoCounts(t.db, x.auth);
    expect(await countsOf(unitClerk)).toEqual({
      total: 1,
      workflows: [{ workflow: 'test_review', title: review.title, count: 1 }],
    });
    // The county reviewer sees the unit's submitted records, not the county's own.
    expect((await countsOf(reviewerC)).total).toBe(2);
    expect((await countsOf(reviewerT)).total).toBe(2);
    expect(await countsOf(reviewerOther)).toEqual({
      total: 0,
      workflows: [{ workflow: 'test_review', title: review.title, count: 0 }],
    });
    expect(await countsOf(nobody)).toEqual({ total: 0, workflows: [] });

    const page = await todoFor(t.db, reviewerC.auth, { page: 1, pageSize: 20 });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.recordId)).toEqual([submitted2, submitted1]);
    expect(page.items[0]).toEqual({
      workflow: 'test_review',
      workflowTitle: review.title,
      recordId: submitted2,
      title: `会议${submitted2}`,
      state: 'submitted',
      stateLabel: { zh: '待审核', en: 'Submitted' },
      orgId: c.unit.id,
      orgName: c.unit.name,
      updatedAt: expect.any(String),
      actions: [
        { action: 'approve', label: { zh: '通过', en: 'Approve' }, commentRequired: false },
        { action: 'return', label: { zh: '退回', en: 'Return' }, commentRequired: true },
      ],
    });
    const townPage = await todoFor(t.db, reviewerT.auth, { page: 1, pageSize: 1 });
    expect(townPage.total).toBe(2);
    expect(townPage.items).toHaveLength(1);
    expect(townPage.items[0]?.actions.map((x) => x.action)).toEqual(['return']);
    expect(
      (await todoFor(t.db, unitClerk.auth, { page: 1, pageSize: 20 })).items.map((i) => i.recordId),
    ).toEqual([draft]);
    expect((await todoFor(t.db, reviewerC.auth, { workflow: 'nope', page: 1, pageSize: 20 })).total).toBe(0);

    // Acting takes the record off the reviewer's list and puts it on the clerk's.
    await t.db.transaction().execute((trx) =>
      takeTransition(trx, review, reviewerC.auth, reviewerC.actor, {
        recordId: submitted1,
        action: 'return',
        comment: '请补充',
      }),
    );
    expect((await countsOf(reviewerC)).total).toBe(1);
    expect((await countsOf(unitClerk)).total).toBe(2);
    expect(await actionsFor(t.db, review, submitted1, unitClerk.auth)).toEqual([
      { action: 'submit', label: { zh: '提交', en: 'Submit' }, commentRequired: false },
    ]);

    // A record that moves to another county waits for that county's reviewer instead.
    await updateWorkflowItem(t.db, review, submitted2, { orgId: other.unit.id, title: '迁出的会议' });
    expect((await countsOf(reviewerC)).total).toBe(0);
    const moved = await todoFor(t.db, reviewerOther.auth, { page: 1, pageSize: 20 });
    expect(moved.items.map((i) => [i.recordId, i.title, i.orgName])).toEqual([
      [submitted2, '迁出的会议', other.unit.name],
    ]);
  });

  it('counts a whole-city reviewer’s records across the tree', async () => {
    const id = await record(await makeOrg(ctx.db, { parent: b.town, kind: 'unit' }), [[clerkB, 'submit']]);
    const page = await todoFor(ctx.db, cityReviewer.auth, {
      workflow: 'test_review',
      page: 1,
      pageSize: 200,
    });
    expect(page.items.map((i) => i.recordId)).toContain(id);
    expect(page.total).toBe((await todoCounts(ctx.db, cityReviewer.auth)).total);
  });
});
