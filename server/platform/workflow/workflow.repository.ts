import { type ExpressionBuilder, type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect.ts';
import type { Database, WorkflowEventsTable, WorkflowItemsTable } from '../../db/schema.ts';
import { inScope, type Scope } from '../access/scope.ts';
import { type PageRequest, pageOf } from '../lists/page.ts';
import { sortBy } from '../lists/sort.ts';

type Conn = Kysely<Database>;

/** An item with the path of its org, for reads outside a transition. */
export async function findItem(db: Conn, workflow: string, recordId: number) {
  return db
    .selectFrom('workflow_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select('o.path as org_path')
    .where('i.workflow', '=', workflow)
    .where('i.record_id', '=', recordId)
    .executeTakeFirst();
}

/**
 * An item, locked until the transaction ends, so two transitions on one record run one after the
 * other. Only the item's row is locked (not its org's), so work on other records goes on.
 */
export async function lockItem(trx: Conn, workflow: string, recordId: number) {
  return forUpdate(
    trx,
    trx
      .selectFrom('workflow_items')
      .selectAll()
      .where('workflow', '=', workflow)
      .where('record_id', '=', recordId),
  ).executeTakeFirst();
}

/** The materialised path of an org. */
export async function orgPath(db: Conn, orgId: number) {
  const row = await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirst();
  return row?.path;
}

export async function insertItem(db: Conn, row: Insertable<WorkflowItemsTable>) {
  const r = await db.insertInto('workflow_items').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Writes many items at once, answering their ids in the rows' order: records that enter a workflow
 * in bulk with their history already taken (the demo data), their events written by insertEvents.
 */
export async function insertItems(db: Conn, rows: Insertable<WorkflowItemsTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    ids.push(
      ...(await db.insertInto('workflow_items').values(chunk).returning('id').execute()).map((r) => r.id),
    );
  }
  return ids;
}

/** Writes many events at once, in the given order (an item's events oldest first). */
export async function insertEvents(db: Conn, rows: Insertable<WorkflowEventsTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('workflow_events')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function updateItem(db: Conn, id: number, row: Updateable<WorkflowItemsTable>) {
  await db.updateTable('workflow_items').set(row).where('id', '=', id).execute();
}

export async function insertEvent(db: Conn, row: Insertable<WorkflowEventsTable>) {
  await db.insertInto('workflow_events').values(row).execute();
}

/** Removes an item and its history. */
export async function deleteItem(db: Conn, id: number) {
  await db.deleteFrom('workflow_events').where('item_id', '=', id).execute();
  await db.deleteFrom('workflow_items').where('id', '=', id).execute();
}

/** The events of an item, oldest first. */
export async function listEvents(db: Conn, itemId: number) {
  return db.selectFrom('workflow_events').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
}

/** The current states of several records of one workflow. */
export async function statesOf(db: Conn, workflow: string, recordIds: number[]) {
  const rows: { record_id: number; state: string }[] = [];
  for (let i = 0; i < recordIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('workflow_items')
        .select(['record_id', 'state'])
        .where('workflow', '=', workflow)
        .where('record_id', 'in', recordIds.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

/** What waits for a caller in one workflow: the states they may act on, by where the record's org is. */
export interface TodoFilter {
  workflow: string;
  /** states waiting for the caller anywhere in their subtree */
  anywhere: string[];
  /** states waiting for the caller only strictly below their own org */
  below: string[];
  /** states waiting for the caller only at their own org */
  own: string[];
}

type ItemsEb = ExpressionBuilder<Database & { i: WorkflowItemsTable }, 'i'>;

/**
 * The one to-do condition: the item's org lies in the caller's subtree, and for one of the workflows its
 * state is one the caller may act on there. Each workflow's branch is an equality on workflow and an IN
 * on state: the (workflow, state, org_id) index serves it.
 */
function waiting(eb: ItemsEb, scope: Scope, filters: TodoFilter[]) {
  return eb.and([
    inScope(eb, 'i.org_id', scope),
    eb.or(
      filters.map((f) => {
        const states = [];
        if (f.anywhere.length > 0) states.push(eb('i.state', 'in', f.anywhere));
        if (f.below.length > 0)
          states.push(eb.and([eb('i.state', 'in', f.below), eb('i.org_id', '<>', scope.orgId)]));
        if (f.own.length > 0)
          states.push(eb.and([eb('i.state', 'in', f.own), eb('i.org_id', '=', scope.orgId)]));
        return eb.and([eb('i.workflow', '=', f.workflow), eb.or(states)]);
      }),
    ),
  ]);
}

/** One page of the items waiting for a caller, most recently changed first. */
export async function todoPage(db: Conn, scope: Scope, filters: TodoFilter[], page: PageRequest) {
  const q = db
    .selectFrom('workflow_items as i')
    .innerJoin('orgs as o', 'o.id', 'i.org_id')
    .select([
      'i.workflow',
      'i.record_id',
      'i.title',
      'i.state',
      'i.org_id',
      'i.updated_at',
      'o.name as org_name',
      'o.path as org_path',
    ])
    .where((eb) => waiting(eb as unknown as ItemsEb, scope, filters));
  return pageOf(db, sortBy(q, '-updatedAt', { updatedAt: 'i.updated_at' }, 'i.id'), page);
}

/** How many items wait for a caller, per workflow. */
export async function todoCounts(db: Conn, scope: Scope, filters: TodoFilter[]) {
  const rows = await db
    .selectFrom('workflow_items as i')
    .select(['i.workflow', sql<number>`count(*)`.as('n')])
    .where((eb) => waiting(eb, scope, filters))
    .groupBy('i.workflow')
    .execute();
  return new Map(rows.map((r) => [r.workflow, Number(r.n)]));
}
