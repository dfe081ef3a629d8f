import { addDays } from '../../platform/calendar/days.ts';
import type { ReminderSource } from '../../platform/scheduler/reminders.ts';
import * as repo from './branches.repository.ts';

/** How far ahead a branch's 换届 is announced: a month, time to prepare the election. */
export const ELECTION_NOTICE_DAYS = 30;

/** 换届提醒: working branches whose committee's term ends within a month or has ended. */
export const electionReminders: ReminderSource = {
  kind: 'election_due',
  permission: 'branches:read',
  label: { zh: '换届提醒', en: 'Election due' },
  async collect(db, today) {
    const rows = await repo.electionsDueBy(db, addDays(today, ELECTION_NOTICE_DAYS));
    return rows.map((r) => {
      const due = r.next_election_due_on as string;
      return {
        subjectId: r.id,
        orgId: r.org_id,
        dueOn: due,
        title: due < today ? `${r.name}已于${due}到期，应尽快换届` : `${r.name}应于${due}前换届`,
      };
    });
  },
};
