import { birthdayKeysInWindow } from '../../platform/calendar/birthdays.ts';
import type { ReminderSource } from '../../platform/scheduler/reminders.ts';
import * as repo from './cadres.repository.ts';

/** A week's notice for a birthday visit (生日慰问). */
export const BIRTHDAY_NOTICE_DAYS = 7;

/**
 * The birthdays the bureau visits for: 逢十 birthdays from 70 (整寿) and every birthday from 100.
 * Every birthday of a county's roster would be hundreds a week and drown the to-do list; the full list
 * stays at GET /api/cadres/birthdays.
 */
export function isVisitedBirthday(turning: number): boolean {
  return turning >= 100 || (turning >= 70 && turning % 10 === 0);
}

/** 生日提醒: active cadres whose 整寿 birthday (lunar ones honoured) falls within a week. */
export const birthdayReminders: ReminderSource = {
  kind: 'birthday',
  permission: 'cadres:read',
  label: { zh: '生日提醒', en: 'Birthday' },
  async collect(db, today) {
    const window = birthdayKeysInWindow(today, BIRTHDAY_NOTICE_DAYS);
    const rows = await repo.findByBirthdayKeys(
      db,
      { orgIds: null, status: 'active' },
      { solar: [...window.solar.keys()], lunar: [...window.lunar.keys()] },
    );
    return rows.flatMap((r) => {
      const keys = r.birthday_calendar === 'lunar' ? window.lunar : window.solar;
      const date = keys.get(r.birthday_key);
      if (!date) return [];
      const turning = Number(date.slice(0, 4)) - Number(r.birth_date.slice(0, 4));
      if (!isVisitedBirthday(turning)) return [];
      const lunar = r.birthday_calendar === 'lunar' ? '（农历）' : '';
      return [
        { subjectId: r.id, orgId: r.org_id, dueOn: date, title: `${r.name}${date}${lunar}${turning}岁生日` },
      ];
    });
  },
};
