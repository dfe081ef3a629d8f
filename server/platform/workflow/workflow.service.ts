import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import type { Auth } from '../http/types.ts';
import { fieldProblem } from '../validation/problems.ts';
import * as repo from './workflow.repository.ts';
import type { WorkflowAction, WorkflowEvent } from './workflow.schema.ts';
import {
  type ActionOf,
  type AnyWorkflow,
  actionLabel,
  allowedActions,
  type Label,
  refusalOf,
  registeredWorkflows,
  START_ACTION,
  type StateOf,
  stateLabel,
  type WorkflowCaller,
  waitingStates,
  workflowByName,
} from './workflow.ts';

type Conn = Kysely<Database>;

/** Runs `work` in the caller's transaction, or in a new one when given the database itself. */
function inTransaction<T>(db: Conn, work: (trx: Conn) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Puts a record into a workflow, in its initial state, and records the start in its timeline. Call it
 * in the transaction that creates the record. The record's own creation is the module's to audit.
 */
export async function startWorkflow<W extends AnyWorkflow>(
  trx: Conn,
  def: W,
  actor: Actor,
  record: { recordId: number; orgId: number; title: string },
): Promise<StateOf<W>> {
  return inTransaction(trx, async (trx) => {
    if (await repo.lockItem(trx, def.name, record.recordId)) throw new AppError('workflow.already_started');
    const now = new Date().toISOString();
    const itemId = await repo.insertItem(trx, {
      workflow: def.name,
      record_id: record.recordId,
      org_id: record.orgId,
      state: def.initial,
      title: record.title,
      submitted_by: actor.userId,
      updated_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await repo.insertEvent(trx, {
      item_id: itemId,
      action: START_ACTION,
      from_state: null,
      to_state: def.initial,
      actor_id: actor.userId,
      actor_name: actor.name,
      comment: null,
      at: now,
    });
    return def.initial as StateOf<W>;
  });
}

/**
 * Takes a transition: locks the record's item, checks that the caller may take `action` from the
 * current state on a record of this org (throwing `workflow.not_permitted`, `workflow.invalid_transition`
 * or `workflow.comment_required` otherwise), records the event with actor, time and comment, moves the
 * item and writes the audit entry. Call it in the transaction of the module's own write, so that both
 * commit or neither does. Returns the new state.
 */
export async function takeTransition<W extends AnyWorkflow>(
  trx: Conn,
  def: W,
  auth: Auth,
  actor: Actor,
  step: { recordId: number; action: ActionOf<W>; comment?: string | null | undefined },
): Promise<StateOf<W>> {
  return inTransaction(trx, async (trx) => {
    const item = await repo.lockItem(trx, def.name, step.recordId);
    if (!item) throw new AppError('workflow.not_found');
    const path = await repo.orgPath(trx, item.org_id);
    const comment = step.comment?.trim() || null;
    const refusal = refusalOf(def, { state: item.state, orgPath: path ?? '' }, step.action, auth, comment);
    if (refusal === 'workflow.comment_required') {
      throw new AppError(refusal, [
        fieldProblem('comment', 'required', COMMENT_REQUIRED.zh, COMMENT_REQUIRED.en),
      ]);
    }
    if (refusal) throw new AppError(refusal);
    const to = def.transitions[step.action]?.to as StateOf<W>;
    const now = new Date().toISOString();
    await repo.insertEvent(trx, {
      item_id: item.id,
      action: step.action,
      from_state: item.state,
      to_state: to,
      actor_id: auth.userId,
      actor_name: auth.name,
      comment,
      at: now,
    });
    await repo.updateItem(trx, item.id, { state: to, updated_by: auth.userId, updated_at: now });
    await recordAudit(trx, actor, {
      action: `${def.entity}.${step.action}`,
      entity: def.entity,
      entityId: step.recordId,
      summary: item.title,
      before: { state: item.state },
      after: { state: to, ...(comment && { comment }) },
    });
    return to;
  });
}

const COMMENT_REQUIRED = { zh: '此操作需要填写意见', en: 'This action needs a comment' };

/** The current state of a record, or null when it never entered the workflow. */
export async function currentState<W extends AnyWorkflow>(
  db: Conn,
  def: W,
  recordId: number,
): Promise<StateOf<W> | null> {
  const item = await repo.findItem(db, def.name, recordId);
  return (item?.state as StateOf<W> | undefined) ?? null;
}

/** The current states of several records (for a module's list page); records without one are absent. */
export async function statesOf<W extends AnyWorkflow>(
  db: Conn,
  def: W,
  recordIds: number[],
): Promise<Map<number, StateOf<W>>> {
  const rows = await repo.statesOf(db, def.name, recordIds);
  return new Map(rows.map((r) => [r.record_id, r.state as StateOf<W>]));
}

/** The actions the caller may take on a record now, with labels (for a module's detail page). */
export async function actionsFor<W extends AnyWorkflow>(
  db: Conn,
  def: W,
  recordId: number,
  caller: WorkflowCaller,
): Promise<WorkflowAction[]> {
  const item = await repo.findItem(db, def.name, recordId);
  if (!item) return [];
  return describeActions(def, allowedActions(def, { state: item.state, orgPath: item.org_path }, caller));
}

function describeActions(def: AnyWorkflow, actions: string[]): WorkflowAction[] {
  return actions.map((action) => ({
    action,
    label: actionLabel(def, action),
    commentRequired: def.transitions[action]?.commentRequired === true,
  }));
}

/**
 * A record's timeline, oldest first: who did what, when, with which comment. Modules expose it through
 * their own routes, after their own scope check on the record.
 */
export async function workflowHistory(
  db: Conn,
  def: AnyWorkflow,
  recordId: number,
): Promise<WorkflowEvent[]> {
  const item = await repo.findItem(db, def.name, recordId);
  if (!item) return [];
  const events = await repo.listEvents(db, item.id);
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actionLabel: actionLabel(def, e.action),
    fromState: e.from_state,
    fromStateLabel: e.from_state === null ? null : stateLabel(def, e.from_state),
    toState: e.to_state,
    toStateLabel: stateLabel(def, e.to_state),
    actorId: e.actor_id,
    actorName: e.actor_name,
    comment: e.comment,
    at: e.at,
  }));
}

/**
 * Keeps the item in step with its record: a new title for the to-do list, or a new org when the record
 * moves (after which it waits for the people of its new org).
 */
export async function updateWorkflowItem(
  db: Conn,
  def: AnyWorkflow,
  recordId: number,
  change: { title?: string; orgId?: number },
): Promise<void> {
  const item = await repo.findItem(db, def.name, recordId);
  if (!item) throw new AppError('workflow.not_found');
  await repo.updateItem(db, item.id, {
    ...(change.title !== undefined && { title: change.title }),
    ...(change.orgId !== undefined && { org_id: change.orgId }),
  });
}

/** Removes a record's item and timeline, in the transaction that deletes the record. */
export async function removeWorkflowItem(db: Conn, def: AnyWorkflow, recordId: number): Promise<void> {
  const item = await repo.findItem(db, def.name, recordId);
  if (item) await repo.deleteItem(db, item.id);
}

/** One record waiting for the caller, as the to-do list shows it. */
export interface TodoEntry {
  workflow: string;
  workflowTitle: Label;
  recordId: number;
  title: string;
  state: string;
  stateLabel: Label;
  orgId: number;
  orgName: string;
  updatedAt: string;
  actions: WorkflowAction[];
}

/** The to-do filters of the workflows in which the caller may take some transition. */
function filtersFor(caller: WorkflowCaller, only?: string) {
  const defs =
    only === undefined ? registeredWorkflows() : [workflowByName(only)].filter((d) => d !== undefined);
  return defs
    .map((def) => ({ def, filter: { workflow: def.name, ...waitingStates(def, caller) } }))
    .filter(({ filter }) => filter.anywhere.length + filter.below.length + filter.own.length > 0);
}

/**
 * The caller's to-do list (待办): records of every registered workflow (or of one) that wait for an action
 * the caller's active assignment may take, most recently changed first.
 */
export async function todoFor(
  db: Conn,
  auth: Auth,
  query: { workflow?: string | undefined; page: number; pageSize: number },
): Promise<{ items: TodoEntry[]; total: number }> {
  const scope = auth.scope;
  const wanted = filtersFor(auth, query.workflow);
  if (!scope || wanted.length === 0) return { items: [], total: 0 };
  const filters = wanted.map((w) => w.filter);
  const { items: rows, total } = await repo.todoPage(db, scope, filters, query);
  const defs = new Map(wanted.map((w) => [w.def.name, w.def]));
  const items = rows.map((r) => {
    const def = defs.get(r.workflow) as AnyWorkflow;
    return {
      workflow: def.name,
      workflowTitle: def.title,
      recordId: r.record_id,
      title: r.title,
      state: r.state,
      stateLabel: stateLabel(def, r.state),
      orgId: r.org_id,
      orgName: r.org_name,
      updatedAt: r.updated_at,
      actions: describeActions(def, allowedActions(def, { state: r.state, orgPath: r.org_path }, auth)),
    };
  });
  return { items, total };
}

/** How many records wait for the caller: the total for the console's header, and per workflow. */
export async function todoCounts(
  db: Conn,
  auth: Auth,
): Promise<{ total: number; workflows: { workflow: string; title: Label; count: number }[] }> {
  const scope = auth.scope;
  const wanted = filtersFor(auth);
  if (!scope || wanted.length === 0) return { total: 0, workflows: [] };
  const counts = await repo.todoCounts(
    db,
    scope,
    wanted.map((w) => w.filter),
  );
  const workflows = wanted.map(({ def }) => ({
    workflow: def.name,
    title: def.title,
    count: counts.get(def.name) ?? 0,
  }));
  return { total: workflows.reduce((sum, w) => sum + w.count, 0), workflows };
}
