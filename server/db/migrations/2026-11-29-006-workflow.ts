import type { Kysely } from 'kysely';
import { withIdColumn } from '../dialect.ts';

/**
 * Workflow state and history: one item per record that runs through a workflow (its current state,
 * org and to-do title) and one event per transition taken.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('workflow_items'))
    .addColumn('workflow', 'text', (c) => c.notNull())
    .addColumn('record_id', 'integer', (c) => c.notNull())
    .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workflow_items_record', ['workflow', 'record_id'])
    .execute();
  // The to-do query: the states a user may act on, inside their subtree.
  await db.schema
    .createIndex('workflow_items_todo')
    .on('workflow_items')
    .columns(['workflow', 'state', 'org_id'])
    .execute();

  await withIdColumn(db, db.schema.createTable('workflow_events'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('workflow_items.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('workflow_events_item')
    .on('workflow_events')
    .columns(['item_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workflow_events').execute();
  await db.schema.dropTable('workflow_items').execute();
}
