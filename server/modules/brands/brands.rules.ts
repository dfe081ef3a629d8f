import { addYears } from '../../platform/calendar/days.ts';

/** A brand's cycle (创建周期) lasts three years from its approval day. */
export const CYCLE_YEARS = 3;
/** At most this many top-ten brands (十佳) a year. */
export const TOP10_LIMIT = 10;

/** The last day of a cycle that starts on a day. */
export function cycleEndOf(start: string): string {
  return addYears(start, CYCLE_YEARS);
}

/** A review as the schedule needs it. */
export interface ReviewMark {
  cycleYear: number;
  verdict: string;
  deadline: string | null;
}

/** One year of a cycle's review schedule (复核). */
export interface ScheduleYear {
  /** 1, 2 or 3 */
  year: number;
  /** the anniversary of the approval: the day the year's review is due */
  anniversary: string;
  /** the day it is due now: the anniversary, or the deadline of an improvement (限期整改) */
  dueOn: string;
  /** passed, improving (under an improvement's deadline), open (not reviewed yet) or withdrawn */
  status: 'passed' | 'improving' | 'open' | 'withdrawn';
}

/**
 * The review schedule of a cycle: each year is due on its anniversary; a year is settled by a review
 * that passes; an improvement (限期整改) keeps the year open until its deadline, when it is due again;
 * a withdrawal ends the schedule.
 */
export function reviewSchedule(start: string, reviews: readonly ReviewMark[]): ScheduleYear[] {
  const years: ScheduleYear[] = [];
  let ended = false;
  for (let year = 1; year <= CYCLE_YEARS; year++) {
    const anniversary = addYears(start, year);
    const last = reviews.filter((r) => r.cycleYear === year).at(-1);
    if (ended || last?.verdict === 'withdraw') {
      ended = true;
      years.push({ year, anniversary, dueOn: anniversary, status: 'withdrawn' });
    } else if (last?.verdict === 'pass') {
      years.push({ year, anniversary, dueOn: anniversary, status: 'passed' });
    } else if (last?.verdict === 'improve') {
      years.push({ year, anniversary, dueOn: last.deadline ?? anniversary, status: 'improving' });
    } else {
      years.push({ year, anniversary, dueOn: anniversary, status: 'open' });
    }
  }
  return years;
}

/** The year whose review comes next, with its due day; null when every year has passed or the brand ended. */
export function nextReview(start: string, reviews: readonly ReviewMark[]): ScheduleYear | null {
  const schedule = reviewSchedule(start, reviews);
  if (schedule.some((y) => y.status === 'withdrawn')) return null;
  return schedule.find((y) => y.status !== 'passed') ?? null;
}
