import { addDays } from '../../platform/calendar/days.ts';
import type { ReminderSource } from '../../platform/scheduler/reminders.ts';
import * as repo from './brands.repository.ts';

/** How far ahead a brand's yearly review (复核) is announced. */
export const REVIEW_NOTICE_DAYS = 30;

/** 品牌复核提醒: approved brands whose yearly review (or an improvement's deadline) is due within a month or past. */
export const brandReviewReminders: ReminderSource = {
  kind: 'brand_review_due',
  permission: 'brands:read',
  label: { zh: '品牌复核提醒', en: 'Brand review due' },
  async collect(db, today) {
    const rows = await repo.reviewsDueBy(db, addDays(today, REVIEW_NOTICE_DAYS));
    return rows.map((r) => {
      const due = r.next_review_due as string;
      return {
        subjectId: r.id,
        orgId: r.org_id,
        dueOn: due,
        title: due < today ? `“${r.name}”复核已于${due}逾期` : `“${r.name}”应于${due}前复核`,
      };
    });
  },
};
