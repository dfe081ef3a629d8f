// What runs on a schedule, in one place (as server/tasks.ts lists what runs in a worker): the
// platform's own jobs and the reminders each module declares.

import { electionReminders } from './modules/branches/branches.reminders.ts';
import { brandReviewReminders } from './modules/brands/brands.reminders.ts';
import { birthdayReminders } from './modules/cadres/cadres.reminders.ts';
import { recoverJobsJob } from './platform/scheduler/interrupted.ts';
import type { ReminderSource } from './platform/scheduler/reminders.ts';
import { remindersJob } from './platform/scheduler/reminders.ts';
import type { JobDefinition } from './platform/scheduler/scheduler.ts';

/** The sources of the reminders in the to-do list. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [
  electionReminders,
  brandReviewReminders,
  birthdayReminders,
];

/** Every kind of scheduled job. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [remindersJob(REMINDER_SOURCES), recoverJobsJob];
