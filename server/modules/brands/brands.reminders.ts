import { dueDateSource } from '../../platform/scheduler/reminders.ts';
import * as repo from './brands.repository.ts';

/** 品牌复核提醒: approved brands whose yearly review (or an improvement's deadline) is due within a month or past. */
export const brandReviewReminders = dueDateSource({
  kind: 'brand_review_due',
  permission: 'brands:read',
  label: { zh: '品牌复核提醒', en: 'Brand review due' },
  noticeDays: 30,
  rows: repo.reviewsDueBy,
  dueOf: (r) => r.next_review_due,
  title: (r, due, overdue) => (overdue ? `“${r.name}”复核已于${due}逾期` : `“${r.name}”应于${due}前复核`),
});
