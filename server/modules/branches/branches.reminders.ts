import { dueDateSource } from '../../platform/scheduler/reminders.ts';
import * as repo from './branches.repository.ts';

/** 换届提醒: working branches whose committee's term ends within a month (time to prepare) or has ended. */
export const electionReminders = dueDateSource({
  kind: 'election_due',
  permission: 'branches:read',
  label: { zh: '换届提醒', en: 'Election due' },
  noticeDays: 30,
  rows: repo.electionsDueBy,
  dueOf: (r) => r.next_election_due_on,
  title: (r, due, overdue) => (overdue ? `${r.name}已于${due}到期，应尽快换届` : `${r.name}应于${due}前换届`),
});
