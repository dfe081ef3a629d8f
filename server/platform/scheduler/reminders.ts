// Reminders (提醒): what falls due soon — a branch's 换届, a brand's yearly review, an older cadre's
// birthday — found by a daily scheduled job from sources each module declares, kept in the
// `reminders` table, and read by the to-do list (GET /api/todos/reminders) within the caller's scope
// and permissions. Nothing waits for someone to open a page any more.
import type { Db } from '../../db/database.ts';
import type { Permission } from '../access/permissions.ts';
import { addDays, dayOf, dayStart } from '../calendar/days.ts';
import type { Auth } from '../http/types.ts';
import * as repo from './reminders.repository.ts';
import type { JobDefinition } from './scheduler.ts';

export type { ReminderItem, ReminderKind } from './reminders.repository.ts';

/** A module's source of reminders of one kind. */
export interface ReminderSource {
  kind: repo.ReminderKind;
  /** who may see reminders of this kind */
  permission: Permission;
  label: { zh: string; en: string };
  /** what is due, as of the bureau's day `today` */
  collect(db: Db, today: string): Promise<repo.ReminderItem[]>;
}

/** Runs every source and stores what each found. */
export async function refreshReminders(db: Db, sources: readonly ReminderSource[], at: Date) {
  const on = dayOf(at);
  const counts: Record<string, number> = {};
  for (const source of sources) {
    const items = await source.collect(db, on);
    await repo.replaceReminders(db, source.kind, items, at.toISOString());
    counts[source.kind] = items.length;
  }
  return counts;
}

/** The next 01:00 in the bureau's day after `after`: reminders are fresh when the working day starts. */
export function nextBureauHour(after: Date, hour = 1): Date {
  const date = dayOf(after);
  const at = (d: string) => new Date(dayStart(d).getTime() + hour * 3_600_000);
  const same = at(date);
  return same > after ? same : at(addDays(date, 1));
}

/** The daily job that refreshes the reminders from the given sources. */
export function remindersJob(sources: readonly ReminderSource[]): JobDefinition {
  return {
    kind: 'reminders.refresh',
    next: (after) => nextBureauHour(after),
    run: async ({ db, now, log }) => {
      const counts = await refreshReminders(db, sources, now);
      log.info({ counts }, 'reminders refreshed');
    },
  };
}

/** A page of the reminders the caller may see, soonest first. */
export async function remindersFor(
  db: Db,
  sources: readonly ReminderSource[],
  auth: Auth,
  query: { page: number; pageSize: number; kind?: repo.ReminderKind | undefined },
) {
  const visible = sources.filter(
    (s) => auth.permissions.has(s.permission) && (!query.kind || s.kind === query.kind),
  );
  const labels = new Map(sources.map((s) => [s.kind, s.label]));
  const { items, total } = await repo.listReminders(
    db,
    { kinds: visible.map((s) => s.kind), scope: auth.scope },
    query,
  );
  return {
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: labels.get(r.kind) ?? { zh: r.kind, en: r.kind },
      subjectId: r.subject_id,
      orgId: r.org_id,
      orgName: r.org_name,
      dueOn: r.due_on,
      title: r.title,
      createdAt: r.created_at,
    })),
    total,
  };
}

/** A source for records that hold a due date: those due within `noticeDays` of today, or overdue. */
export function dueDateSource<R extends { id: number; org_id: number }>(spec: {
  kind: repo.ReminderKind;
  permission: Permission;
  label: { zh: string; en: string };
  noticeDays: number;
  /** the records due on or before the cutoff */
  rows: (db: Db, cutoff: string) => Promise<R[]>;
  dueOf: (row: R) => string | null;
  title: (row: R, due: string, overdue: boolean) => string;
}): ReminderSource {
  return {
    kind: spec.kind,
    permission: spec.permission,
    label: spec.label,
    async collect(db, today) {
      const rows = await spec.rows(db, addDays(today, spec.noticeDays));
      return rows.flatMap((r) => {
        const due = spec.dueOf(r);
        return due
          ? [{ subjectId: r.id, orgId: r.org_id, dueOn: due, title: spec.title(r, due, due < today) }]
          : [];
      });
    },
  };
}
