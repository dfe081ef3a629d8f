// Every SQL statement of the reminders the scheduled jobs leave.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inScope, type Scope } from '../access/scope.ts';
import { type PageRequest, pageOf } from '../lists/page.ts';

type Conn = Kysely<Database>;
export type ReminderKind = Database['reminders']['kind'];

/** What a source found due: the record, its org, its date and a title. */
export interface ReminderItem {
  subjectId: number;
  orgId: number;
  dueOn: string;
  title: string;
}

/**
 * Makes the stored reminders of a kind what a source found now: new ones are added (an existing one
 * keeps its creation time), and ones no longer due (an election held, a review recorded) are dropped.
 */
export async function replaceReminders(db: Conn, kind: ReminderKind, items: ReminderItem[], now: string) {
  await db.transaction().execute(async (trx) => {
    const keep = new Set(items.map((i) => `${i.subjectId}|${i.dueOn}`));
    const existing = await trx
      .selectFrom('reminders')
      .select(['id', 'subject_id', 'due_on'])
      .where('kind', '=', kind)
      .execute();
    const stale = existing.filter((r) => !keep.has(`${r.subject_id}|${r.due_on}`)).map((r) => r.id);
    for (let i = 0; i < stale.length; i += 500) {
      await trx
        .deleteFrom('reminders')
        .where('id', 'in', stale.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < items.length; i += 100) {
      await trx
        .insertInto('reminders')
        .values(
          items.slice(i, i + 100).map((r) => ({
            kind,
            subject_id: r.subjectId,
            org_id: r.orgId,
            due_on: r.dueOn,
            title: r.title,
            created_at: now,
          })),
        )
        .onConflict((oc) => oc.columns(['kind', 'subject_id', 'due_on']).doNothing())
        .execute();
    }
  });
}

/** A page of the reminders of some kinds in a scope, soonest first. */
export async function listReminders(
  db: Conn,
  f: { kinds: ReminderKind[]; scope: Scope | null },
  page: PageRequest,
) {
  const query = db
    .selectFrom('reminders as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .where('r.kind', 'in', f.kinds.length > 0 ? f.kinds : ['' as ReminderKind])
    .where((eb) => inScope(eb, 'r.org_id', f.scope))
    .select([
      'r.id',
      'r.kind',
      'r.subject_id',
      'r.org_id',
      'o.name as org_name',
      'r.due_on',
      'r.title',
      'r.created_at',
    ])
    .orderBy('r.due_on')
    .orderBy('r.id');
  return pageOf(db, query, page);
}
