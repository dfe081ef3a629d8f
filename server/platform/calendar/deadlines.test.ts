import { describe, expect, it } from 'vitest';
import { computeDeadline, type ExplanationStep, type HolidayCalendar, isWorkingDay } from './deadlines.ts';
import { shippedHolidays } from './holidays.ts';

// The State Council's 2026 arrangement as shipped: 劳动节 May 1–5 (调休 Sat May 9), 中秋 Sep 25–27,
// 国庆 Oct 1–7 (调休 Sun Sep 20 and Sat Oct 10).
const shipped = shippedHolidays();
const calendar: HolidayCalendar = {
  days: new Map((shipped.years.get(2026) ?? []).map((d) => [d.date, { kind: d.kind, name: d.name }])),
  years: new Set([2026]),
};
const steps = (explanation: ExplanationStep[], step: ExplanationStep['step']) =>
  explanation.filter((s) => s.step === step);

describe('the shipped calendar', () => {
  it('carries the 2026 National Day holidays and its 调休 Saturday', () => {
    expect(calendar.days.get('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(calendar.days.get('2026-10-10')).toEqual({ kind: 'workday', name: '国庆节' });
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true); // a Saturday, worked in lieu
    expect(isWorkingDay(calendar, '2026-10-05')).toBe(false); // a Monday, a holiday
    expect(isWorkingDay(calendar, '2026-10-17')).toBe(false); // an ordinary Saturday
  });
});

describe('computeDeadline', () => {
  it('does not count the day of the event', () => {
    const d = computeDeadline(calendar, '2026-03-02', { unit: 'calendar_days', count: 1 });
    expect(d.dueOn).toBe('2026-03-03');
    expect(d.explanation[0]).toMatchObject({ step: 'start', date: '2026-03-02' });
    expect(d.explanation.at(-1)).toMatchObject({ step: 'due', date: '2026-03-03' });
  });

  it('moves a calendar-day deadline that falls on a holiday to the next working day, naming each holiday', () => {
    // 2026-09-24 + 7 days = Oct 1, National Day: Oct 1–7 are holidays, Oct 8 (Thursday) is worked.
    const d = computeDeadline(calendar, '2026-09-24', { unit: 'calendar_days', count: 7 });
    expect(d.dueOn).toBe('2026-10-08');
    const holidays = steps(d.explanation, 'holiday');
    expect(holidays.map((s) => s.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(holidays[0]).toMatchObject({ name: '国庆节', zh: '2026-10-01（国庆节）为法定节假日，不计入' });
    expect(steps(d.explanation, 'unknown_year')).toEqual([]);
  });

  it('counts working days over a holiday and counts a 调休 Saturday', () => {
    // From Wednesday Sep 30: Oct 1–7 skipped, Oct 8 (1), Oct 9 (2), Saturday Oct 10 is 调休 (3).
    const d = computeDeadline(calendar, '2026-09-30', { unit: 'working_days', count: 3 });
    expect(d.dueOn).toBe('2026-10-10');
    expect(steps(d.explanation, 'holiday')).toHaveLength(7);
    expect(steps(d.explanation, 'workday')).toEqual([
      expect.objectContaining({ date: '2026-10-10', name: '国庆节', en: expect.stringContaining('in lieu') }),
    ]);
    // Without the 调休 day the count would run to Monday Oct 12.
    const plain: HolidayCalendar = { days: new Map(), years: new Set([2026]) };
    expect(computeDeadline(plain, '2026-09-30', { unit: 'working_days', count: 3 }).dueOn).toBe('2026-10-05');
  });

  it('adds an extension to the count and explains it', () => {
    // 信访: 60 days, extended by 30: Mar 2 + 90 = May 31, a Sunday, so Monday Jun 1.
    const d = computeDeadline(calendar, '2026-03-02', { unit: 'calendar_days', count: 60 }, [
      { kind: 'extension', on: '2026-04-20', count: 30, reason: '情况复杂，经批准延期' },
    ]);
    expect(d.dueOn).toBe('2026-06-01');
    expect(steps(d.explanation, 'extension')).toEqual([
      expect.objectContaining({
        date: '2026-04-20',
        days: 30,
        zh: '2026-04-20 延长 30 个自然日（情况复杂，经批准延期）',
      }),
    ]);
    expect(steps(d.explanation, 'weekend')).toEqual([expect.objectContaining({ days: 1 })]);
    expect(computeDeadline(calendar, '2026-03-02', { unit: 'calendar_days', count: 60 }).dueOn).toBe(
      '2026-05-06',
    );
  });

  it('leaves the days of a pause out of the count and explains it', () => {
    // 15 working days from Monday Mar 2 end on Mar 23; a hearing pauses Mar 9–13, so Mar 30.
    expect(computeDeadline(calendar, '2026-03-02', { unit: 'working_days', count: 15 }).dueOn).toBe(
      '2026-03-23',
    );
    const d = computeDeadline(calendar, '2026-03-02', { unit: 'working_days', count: 15 }, [
      { kind: 'pause', from: '2026-03-09', to: '2026-03-13', reason: '听证' },
    ]);
    expect(d.dueOn).toBe('2026-03-30');
    expect(steps(d.explanation, 'pause')).toEqual([
      expect.objectContaining({ date: '2026-03-09', to: '2026-03-13', days: 5, name: '听证' }),
    ]);
    // In calendar days the pause pushes the end by its five days.
    const c = computeDeadline(calendar, '2026-03-02', { unit: 'calendar_days', count: 10 }, [
      { kind: 'pause', from: '2026-03-09', to: '2026-03-13', reason: '听证' },
    ]);
    expect(c.dueOn).toBe('2026-03-17');
  });

  it('counts years to the anniversary and moves it off a holiday', () => {
    const d = computeDeadline(calendar, '2025-10-01', { unit: 'years', count: 1 });
    expect(d.dueOn).toBe('2026-10-08');
    expect(steps(d.explanation, 'holiday')).toHaveLength(7);
  });

  it('says when it counted through a year whose holidays are not kept', () => {
    const d = computeDeadline(calendar, '2026-12-20', { unit: 'working_days', count: 20 });
    expect(steps(d.explanation, 'unknown_year')).toEqual([expect.objectContaining({ name: '2027' })]);
  });
});
