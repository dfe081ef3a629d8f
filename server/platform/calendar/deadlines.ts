// The deadline engine: when something is due, counted in calendar days, working days or years from
// an event, over the holiday calendar the administrators keep, with extensions added and pauses left
// out, and every step of the count written down so a due date can be explained to the person it binds.
// Pure: the calendar comes in as data (holidays.repository.ts loads it), so the counting is unit-tested.
import { addDays, addYears } from './days.ts';

/** How a time limit is counted: 自然日 (calendar days), 工作日 (working days) or whole years. */
export type DeadlineUnit = 'calendar_days' | 'working_days' | 'years';

/** A time limit: so many units after the day of the event. */
export interface DeadlineRule {
  unit: DeadlineUnit;
  count: number;
}

/** What happened to a running time limit: an extension (延期) adds units; a pause (中止, e.g. a hearing) stops the clock for its days. */
export type DeadlineEvent =
  | { kind: 'extension'; on: string; count: number; reason: string }
  | { kind: 'pause'; from: string; to: string; reason: string };

/** A day the calendar marks: a statutory holiday (法定节假日) or a 调休 working day on a weekend. */
export interface CalendarDay {
  kind: 'holiday' | 'workday';
  name: string;
}

/** The holiday calendar as data: the marked days, and the years that have been kept at all. */
export interface HolidayCalendar {
  days: ReadonlyMap<string, CalendarDay>;
  years: ReadonlySet<number>;
}

/** One line of a due date's explanation, in both languages. */
export interface ExplanationStep {
  step: 'start' | 'rule' | 'extension' | 'pause' | 'holiday' | 'weekend' | 'workday' | 'unknown_year' | 'due';
  /** the day the step is about (the start, a skipped holiday, the due date…) */
  date?: string;
  /** the last day of a pause */
  to?: string;
  /** units added by an extension, days in a pause, or weekend days left out */
  days?: number;
  /** the holiday or 调休 it belongs to, or the reason of an extension or pause */
  name?: string;
  zh: string;
  en: string;
}

/** A due date and how it was reached. */
export interface Deadline {
  dueOn: string;
  explanation: ExplanationStep[];
}

const UNIT = {
  calendar_days: { zh: '个自然日', en: 'calendar day(s)' },
  working_days: { zh: '个工作日', en: 'working day(s)' },
  years: { zh: '年', en: 'year(s)' },
} as const;

/** A day is worked when the calendar says 调休, and on Monday to Friday unless it is a holiday. */
export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  const marked = calendar.days.get(date);
  if (marked) return marked.kind === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Computes a due date. The usual rule (as in 民事诉讼法 and 信访工作条例): the day of the event is not
 * counted, counting starts the next day; days inside a pause are not counted; extensions add to the
 * count in the rule's unit; and a due date that falls on a holiday or a weekend that is not a 调休
 * working day moves to the next working day. Working days skip weekends and holidays but count 调休
 * Saturdays and Sundays.
 */
export function computeDeadline(
  calendar: HolidayCalendar,
  start: string,
  rule: DeadlineRule,
  events: readonly DeadlineEvent[] = [],
): Deadline {
  if (!Number.isInteger(rule.count) || rule.count < 0) throw new RangeError(`bad count ${rule.count}`);
  const unit = UNIT[rule.unit];
  const steps: ExplanationStep[] = [
    {
      step: 'start',
      date: start,
      zh: `起算事件发生于 ${start}，当日不计入`,
      en: `The event happened on ${start}; that day is not counted`,
    },
    {
      step: 'rule',
      days: rule.count,
      zh: `期限为 ${rule.count} ${unit.zh}`,
      en: `The time limit is ${rule.count} ${unit.en}`,
    },
  ];
  let total = rule.count;
  const pauses: { from: string; to: string }[] = [];
  for (const e of events) {
    if (e.kind === 'extension') {
      total += e.count;
      steps.push({
        step: 'extension',
        date: e.on,
        days: e.count,
        name: e.reason,
        zh: `${e.on} 延长 ${e.count} ${unit.zh}（${e.reason}）`,
        en: `Extended by ${e.count} ${unit.en} on ${e.on} (${e.reason})`,
      });
    } else {
      pauses.push({ from: e.from, to: e.to });
      const days = daysIn(e.from, e.to);
      steps.push({
        step: 'pause',
        date: e.from,
        to: e.to,
        days,
        name: e.reason,
        zh: `${e.from} 至 ${e.to} 中止计算，共 ${days} 日不计入（${e.reason}）`,
        en: `Paused from ${e.from} to ${e.to}: ${days} day(s) not counted (${e.reason})`,
      });
    }
  }
  const paused = (d: string) => pauses.some((p) => p.from <= d && d <= p.to);
  const unknownYears = new Set<number>();
  const touch = (d: string) => {
    if (!calendar.years.has(yearOf(d))) unknownYears.add(yearOf(d));
  };

  let due = start;
  let weekendDays = 0;
  const holiday = (d: string) => {
    const marked = calendar.days.get(d);
    if (marked?.kind === 'holiday') {
      steps.push({
        step: 'holiday',
        date: d,
        name: marked.name,
        zh: `${d}（${marked.name}）为法定节假日，不计入`,
        en: `${d} (${marked.name}) is a statutory holiday, not counted`,
      });
    } else weekendDays++;
  };
  if (rule.unit === 'working_days') {
    for (let n = 0, guard = 0; n < total; guard++) {
      if (guard > 20_000) throw new RangeError('deadline too far away');
      due = addDays(due, 1);
      touch(due);
      if (paused(due)) continue;
      if (!isWorkingDay(calendar, due)) {
        holiday(due);
        continue;
      }
      workday(calendar, due, steps);
      n++;
    }
  } else {
    if (rule.unit === 'years') due = addYears(start, total);
    // Calendar days (and the days a pause adds to a count in years) are walked one at a time.
    let left = rule.unit === 'years' ? countPaused(pauses, start, due) : total;
    for (let guard = 0; left > 0; guard++) {
      if (guard > 20_000) throw new RangeError('deadline too far away');
      due = addDays(due, 1);
      if (!paused(due)) left--;
    }
    touch(due);
    // The last day falls on a day off: the next working day (a 调休 weekend day is one).
    while (!isWorkingDay(calendar, due) || paused(due)) {
      if (!paused(due)) holiday(due);
      due = addDays(due, 1);
      touch(due);
    }
    workday(calendar, due, steps);
  }
  if (weekendDays > 0) {
    steps.push({
      step: 'weekend',
      days: weekendDays,
      zh: `跳过周末 ${weekendDays} 日`,
      en: `${weekendDays} weekend day(s) skipped`,
    });
  }
  for (const year of [...unknownYears].sort()) {
    steps.push({
      step: 'unknown_year',
      name: String(year),
      zh: `${year} 年的节假日安排尚未录入，该年只按周末计算`,
      en: `The holidays of ${year} are not kept yet: only weekends are skipped in that year`,
    });
  }
  steps.push({ step: 'due', date: due, zh: `期限届满日为 ${due}`, en: `Due on ${due}` });
  return { dueOn: due, explanation: steps };
}

/** Notes a 调休 weekend day that was counted (or landed on) as a working day. */
function workday(calendar: HolidayCalendar, date: string, steps: ExplanationStep[]) {
  const marked = calendar.days.get(date);
  if (marked?.kind !== 'workday') return;
  steps.push({
    step: 'workday',
    date,
    name: marked.name,
    zh: `${date} 为${marked.name}调休工作日，计入`,
    en: `${date} is a working day in lieu (${marked.name}), counted`,
  });
}

function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Days of the pauses that fall after `start` up to and including `end`. */
function countPaused(pauses: readonly { from: string; to: string }[], start: string, end: string): number {
  let n = 0;
  for (const p of pauses) {
    const from = p.from > start ? p.from : addDays(start, 1);
    const to = p.to < end ? p.to : end;
    if (from <= to) n += daysIn(from, to);
  }
  return n;
}
