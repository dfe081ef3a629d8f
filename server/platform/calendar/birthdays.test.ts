import { LunarMonth, LunarYear } from 'tyme4ts';
import { describe, expect, it } from 'vitest';
import { ageOn, type Birthday, birthdayKeysInWindow, lunarOf, nextBirthday } from './birthdays.ts';
import { addDays } from './days.ts';

const solar = (month: number, day: number): Birthday => ({ calendar: 'solar', month, day });
const lunar = (month: number, day: number): Birthday => ({ calendar: 'lunar', month, day });

describe('lunarOf', () => {
  it('places the lunar new year of 2027 on 2027-02-06', () => {
    expect(lunarOf('2027-02-05')).toEqual({ year: 2026, month: 12, day: 29, leap: false });
    expect(lunarOf('2027-02-06')).toEqual({ year: 2027, month: 1, day: 1, leap: false });
    expect(lunarOf('2027-02-07')).toEqual({ year: 2027, month: 1, day: 2, leap: false });
  });

  it('flags a day in a leap month and still reports the month as 1–12', () => {
    // 2025 has a leap sixth month (闰六月), 2025-07-25 to 2025-08-22.
    expect(LunarYear.fromYear(2025).getLeapMonth()).toBe(6);
    expect(lunarOf('2025-07-24')).toEqual({ year: 2025, month: 6, day: 30, leap: false });
    expect(lunarOf('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarOf('2025-08-08')).toEqual({ year: 2025, month: 6, day: 15, leap: true });
    expect(lunarOf('2025-08-23')).toEqual({ year: 2025, month: 7, day: 1, leap: false });
  });

  it('works for the birth dates of the oldest cadres', () => {
    expect(lunarOf('1925-01-24')).toEqual({ year: 1925, month: 1, day: 1, leap: false });
  });

  it('refuses malformed and impossible dates', () => {
    expect(() => lunarOf('2027-2-6')).toThrow(RangeError);
    expect(() => lunarOf('2027-02-30')).toThrow(RangeError);
  });
});

describe('nextBirthday, solar', () => {
  it('returns the date itself when the birthday is on `from`', () => {
    expect(nextBirthday(solar(3, 15), '2026-03-15')).toBe('2026-03-15');
  });

  it('returns this year’s date when still ahead, next year’s when past', () => {
    expect(nextBirthday(solar(3, 15), '2026-01-10')).toBe('2026-03-15');
    expect(nextBirthday(solar(3, 15), '2026-03-16')).toBe('2027-03-15');
    expect(nextBirthday(solar(1, 1), '2026-12-31')).toBe('2027-01-01');
  });

  it('moves Feb 29 to Feb 28 in non-leap years', () => {
    expect(nextBirthday(solar(2, 29), '2027-01-01')).toBe('2027-02-28');
    expect(nextBirthday(solar(2, 29), '2027-03-01')).toBe('2028-02-29');
    expect(nextBirthday(solar(2, 29), '2028-02-01')).toBe('2028-02-29');
    expect(nextBirthday(solar(2, 29), '2100-01-01')).toBe('2100-02-28');
  });

  it('refuses a birthday that no year has', () => {
    expect(() => nextBirthday(solar(2, 30), '2026-01-01')).toThrow(RangeError);
    expect(() => nextBirthday(solar(4, 31), '2026-01-01')).toThrow(RangeError);
    expect(() => nextBirthday(solar(13, 1), '2026-01-01')).toThrow(RangeError);
    expect(() => nextBirthday(solar(0, 1), '2026-01-01')).toThrow(RangeError);
    expect(() => nextBirthday(solar(1, 1.5), '2026-01-01')).toThrow(RangeError);
  });
});

describe('nextBirthday, lunar', () => {
  it('finds 正月初一 on the lunar new year', () => {
    expect(nextBirthday(lunar(1, 1), '2027-01-01')).toBe('2027-02-06');
    expect(nextBirthday(lunar(1, 1), '2027-02-06')).toBe('2027-02-06');
  });

  it('finds a late-12th-month birthday in the lunar year that began the solar year before', () => {
    // 2027-01-20 is still lunar year 2026, whose 腊月初八 (2027-01-15) has passed: next is lunar 2027's.
    expect(nextBirthday(lunar(12, 8), '2026-12-01')).toBe('2027-01-15');
    expect(nextBirthday(lunar(12, 8), '2027-01-20')).toBe('2028-01-04');
    expect(lunarOf('2028-01-04')).toEqual({ year: 2027, month: 12, day: 8, leap: false });
  });

  it('moves day 30 to day 29 when that lunar month has 29 days', () => {
    expect(LunarMonth.fromYm(2026, 2).getDayCount()).toBe(29);
    expect(lunarOf('2026-04-16')).toEqual({ year: 2026, month: 2, day: 29, leap: false });
    expect(nextBirthday(lunar(2, 30), '2026-01-01')).toBe('2026-04-16');
    // 2027's second month has 30 days, so the birthday is on its day 30.
    expect(LunarMonth.fromYm(2027, 2).getDayCount()).toBe(30);
    expect(nextBirthday(lunar(2, 30), '2026-04-17')).toBe('2027-04-06');
    expect(lunarOf('2027-04-06')).toEqual({ year: 2027, month: 2, day: 30, leap: false });
  });

  it('celebrates in the regular month, never in the leap month of the same number', () => {
    // 2025: 六月十五 is 2025-07-09, 闰六月十五 is 2025-08-08.
    expect(nextBirthday(lunar(6, 15), '2025-07-01')).toBe('2025-07-09');
    expect(nextBirthday(lunar(6, 15), '2025-07-10')).toBe('2026-07-28');
    expect(lunarOf('2026-07-28')).toEqual({ year: 2026, month: 6, day: 15, leap: false });
  });

  it('refuses a lunar day beyond 30 or a month beyond 12', () => {
    expect(() => nextBirthday(lunar(1, 31), '2026-01-01')).toThrow(RangeError);
    expect(() => nextBirthday(lunar(13, 1), '2026-01-01')).toThrow(RangeError);
  });

  it('refuses a malformed `from`', () => {
    expect(() => nextBirthday(lunar(1, 1), '2026/01/01')).toThrow(RangeError);
  });
});

describe('birthdayKeysInWindow', () => {
  it('carries solar and lunar keys across a year end (from 2026-12-20, 30 days)', () => {
    const { solar: solarKeys, lunar: lunarKeys } = birthdayKeysInWindow('2026-12-20', 30);
    expect(solarKeys.size).toBe(30);
    expect(solarKeys.get('12-20')).toBe('2026-12-20');
    expect(solarKeys.get('12-31')).toBe('2026-12-31');
    expect(solarKeys.get('01-01')).toBe('2027-01-01');
    expect(solarKeys.get('01-18')).toBe('2027-01-18');
    expect(solarKeys.has('12-19')).toBe(false);
    expect(solarKeys.has('01-19')).toBe(false);
    // Lunar 十一月十二 to 腊月十一; the 11th month of 2026 has 30 days, so 11-30 is a real day.
    expect(lunarKeys.get('11-12')).toBe('2026-12-20');
    expect(lunarKeys.get('11-30')).toBe('2027-01-07');
    expect(lunarKeys.get('12-01')).toBe('2027-01-08');
    expect(lunarKeys.get('12-11')).toBe('2027-01-18');
    expect(lunarKeys.size).toBe(30);
  });

  it('adds 02-29 on Feb 28 of a non-leap year only', () => {
    expect(birthdayKeysInWindow('2027-02-27', 3).solar).toEqual(
      new Map([
        ['02-27', '2027-02-27'],
        ['02-28', '2027-02-28'],
        ['02-29', '2027-02-28'],
        ['03-01', '2027-03-01'],
      ]),
    );
    expect(birthdayKeysInWindow('2028-02-28', 2).solar).toEqual(
      new Map([
        ['02-28', '2028-02-28'],
        ['02-29', '2028-02-29'],
      ]),
    );
  });

  it('adds MM-30 on the last day of a 29-day lunar month, across the lunar new year', () => {
    // 2026's 12th month has 29 days; its last day is 2027-02-05, the eve of the new year.
    const { lunar: lunarKeys } = birthdayKeysInWindow('2027-02-04', 3);
    expect(lunarKeys).toEqual(
      new Map([
        ['12-28', '2027-02-04'],
        ['12-29', '2027-02-05'],
        ['12-30', '2027-02-05'],
        ['01-01', '2027-02-06'],
      ]),
    );
  });

  it('gives no keys for days in a leap month', () => {
    // 2025-07-24 is 六月三十; the leap sixth month runs to 2025-08-22; 2025-08-23 is 七月初一.
    const { solar: solarKeys, lunar: lunarKeys } = birthdayKeysInWindow('2025-07-24', 30);
    expect(solarKeys.size).toBe(30);
    expect(lunarKeys).toEqual(new Map([['06-30', '2025-07-24']]));
    expect(birthdayKeysInWindow('2025-08-22', 2).lunar).toEqual(new Map([['07-01', '2025-08-23']]));
  });

  it('keeps the earliest date when a window longer than a year meets a key twice', () => {
    const { solar: solarKeys } = birthdayKeysInWindow('2026-03-01', 400);
    expect(solarKeys.get('03-01')).toBe('2026-03-01');
    expect(solarKeys.get('02-29')).toBe('2027-02-28');
  });

  it('is empty for zero days and refuses a negative or fractional count', () => {
    expect(birthdayKeysInWindow('2026-03-01', 0)).toEqual({ solar: new Map(), lunar: new Map() });
    expect(() => birthdayKeysInWindow('2026-03-01', -1)).toThrow(RangeError);
    expect(() => birthdayKeysInWindow('2026-03-01', 1.5)).toThrow(RangeError);
  });

  it('agrees with nextBirthday for every possible birthday', () => {
    for (const [from, days] of [
      ['2025-06-01', 120],
      ['2026-12-20', 30],
      ['2027-01-15', 60],
      ['2027-11-01', 200],
    ] as const) {
      const windowEnd = addDays(from, days - 1);
      const keys = birthdayKeysInWindow(from, days);
      for (const calendar of ['solar', 'lunar'] as const) {
        for (let month = 1; month <= 12; month++) {
          const maxDay =
            calendar === 'lunar' ? 30 : [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
          for (let day = 1; day <= (maxDay as number); day++) {
            const next = nextBirthday({ calendar, month, day }, from);
            const key = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
            const expected = next <= windowEnd ? next : undefined;
            expect(keys[calendar].get(key), `${from} +${days} ${calendar} ${key}`).toBe(expected);
          }
        }
      }
    }
  });
});

describe('ageOn', () => {
  it('adds a year on the birthday, not the day before', () => {
    expect(ageOn('1950-03-15', '2026-03-14')).toBe(75);
    expect(ageOn('1950-03-15', '2026-03-15')).toBe(76);
    expect(ageOn('1950-03-15', '2026-03-16')).toBe(76);
  });

  it('counts across a year end by month and day', () => {
    expect(ageOn('1949-12-31', '2026-12-30')).toBe(76);
    expect(ageOn('1949-12-31', '2026-12-31')).toBe(77);
    expect(ageOn('1949-12-31', '2027-01-01')).toBe(77);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2026-05-01', '2026-05-01')).toBe(0);
  });

  it('makes someone born on Feb 29 a year older on Mar 1 in non-leap years', () => {
    expect(ageOn('1952-02-29', '2027-02-28')).toBe(74);
    expect(ageOn('1952-02-29', '2027-03-01')).toBe(75);
    expect(ageOn('1952-02-29', '2028-02-28')).toBe(75);
    expect(ageOn('1952-02-29', '2028-02-29')).toBe(76);
  });

  it('refuses a date before the birth date', () => {
    expect(() => ageOn('1950-03-15', '1950-03-14')).toThrow(RangeError);
  });
});
