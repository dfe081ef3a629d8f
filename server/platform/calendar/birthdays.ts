// Birthdays as people celebrate them: many older cadres keep their birthday by the lunar calendar
// (农历生日), so the bureau's birthday visits (生日慰问) must follow it. Lunar arithmetic is tyme4ts's.
import { LunarDay, LunarMonth, SolarDay } from 'tyme4ts';

/** Which calendar a birthday is kept in: 公历 or 农历. */
export type BirthdayCalendar = 'solar' | 'lunar';

/** A birthday as celebrated: month and day in its calendar (lunar: month 1–12, leap months are celebrated in the regular month of the same number). */
export interface Birthday {
  calendar: BirthdayCalendar;
  month: number;
  day: number;
}

/** The lunar month/day of a solar date (for recording a lunar birthday from a known solar birth date). */
export function lunarOf(date: string): { year: number; month: number; day: number; leap: boolean } {
  const lunarDay = toSolarDay(date).getLunarDay();
  const lunarMonth = lunarDay.getLunarMonth();
  // LunarMonth.getMonth() is always 1–12, whereas LunarDay.getMonth() is negative in a leap month.
  return {
    year: lunarMonth.getYear(),
    month: lunarMonth.getMonth(),
    day: lunarDay.getDay(),
    leap: lunarMonth.isLeap(),
  };
}

/** The next solar date on or after `from` on which the birthday falls. Rules: a solar Feb 29 falls on Feb 28 in non-leap years; a lunar day 30 falls on day 29 when that lunar month has only 29 days; a lunar birthday falls in the regular (non-leap) month. */
export function nextBirthday(birthday: Birthday, from: string): string {
  assertBirthday(birthday);
  const start = toSolarDay(from);
  if (birthday.calendar === 'solar') {
    // This year's occurrence, or else next year's.
    for (let year = start.getYear(); ; year++) {
      const lastDay = SolarDay.fromYmd(year, birthday.month, 1).getSolarMonth().getDayCount();
      const date = SolarDay.fromYmd(year, birthday.month, Math.min(birthday.day, lastDay));
      if (!date.isBefore(start)) return format(date);
    }
  }
  // The lunar year containing `from`: its occurrence, or else the next lunar year's.
  for (let year = start.getLunarDay().getYear(); ; year++) {
    const month = LunarMonth.fromYm(year, birthday.month);
    const date = LunarDay.fromYmd(
      year,
      birthday.month,
      Math.min(birthday.day, month.getDayCount()),
    ).getSolarDay();
    if (!date.isBefore(start)) return format(date);
  }
}

/**
 * For a window of `days` days starting at `from` (inclusive), the birthday keys that fall in it, each
 * mapped to the solar date it falls on, so that birthdays stored as indexed 'MM-DD' columns can be
 * looked up with `IN (...)`.
 * - solar keys: each day's 'MM-DD'; Feb 28 of a non-leap year also carries '02-29'.
 * - lunar keys: each day's lunar 'MM-DD'; the last day of a 29-day lunar month also carries 'MM-30'.
 *   Days in a leap month (闰月) produce no keys: a lunar birthday is celebrated in the regular month
 *   of its number, which `nextBirthday` follows too.
 * A window longer than a year meets some keys twice; each key keeps its first (earliest) date.
 */
export function birthdayKeysInWindow(
  from: string,
  days: number,
): { solar: Map<string, string>; lunar: Map<string, string> } {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const solar = new Map<string, string>();
  const lunar = new Map<string, string>();
  const add = (keys: Map<string, string>, key: string, date: string) => {
    if (!keys.has(key)) keys.set(key, date);
  };
  let day = toSolarDay(from);
  for (let i = 0; i < days; i++, day = day.next(1)) {
    const date = format(day);
    add(solar, monthDay(day.getMonth(), day.getDay()), date);
    if (day.getMonth() === 2 && day.getDay() === 28 && day.getSolarMonth().getDayCount() === 28) {
      add(solar, '02-29', date);
    }
    const lunarDay = day.getLunarDay();
    const lunarMonth = lunarDay.getLunarMonth();
    if (lunarMonth.isLeap()) continue;
    add(lunar, monthDay(lunarMonth.getMonth(), lunarDay.getDay()), date);
    if (lunarDay.getDay() === 29 && lunarMonth.getDayCount() === 29) {
      add(lunar, monthDay(lunarMonth.getMonth(), 30), date);
    }
  }
  return { solar, lunar };
}

/** Age in whole years on a date (周岁). Someone born on Feb 29 turns a year older on Mar 1 in non-leap years. */
export function ageOn(birthDate: string, on: string): number {
  const born = toSolarDay(birthDate);
  const day = toSolarDay(on);
  if (day.isBefore(born)) throw new RangeError(`${on} is before the birth date ${birthDate}`);
  const hadBirthday =
    day.getMonth() > born.getMonth() || (day.getMonth() === born.getMonth() && day.getDay() >= born.getDay());
  return day.getYear() - born.getYear() - (hadBirthday ? 0 : 1);
}

function assertBirthday({ calendar, month, day }: Birthday): void {
  // Leap-year maxima: Feb 29 is a valid solar birthday, day 30 a valid lunar one in any month.
  const solarMax = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const max = calendar === 'solar' ? solarMax[month - 1] : calendar === 'lunar' ? 30 : undefined;
  const monthOk = Number.isInteger(month) && month >= 1 && month <= 12;
  if (!monthOk || !Number.isInteger(day) || max === undefined || day < 1 || day > max) {
    throw new RangeError(`not a ${calendar} birthday: month ${month}, day ${day}`);
  }
}

function toSolarDay(date: string): SolarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    try {
      return SolarDay.fromYmd(Number(match[1]), Number(match[2]), Number(match[3]));
    } catch {
      // tyme4ts throws a plain Error for an impossible date; report it below like a malformed one.
    }
  }
  throw new RangeError(`not a YYYY-MM-DD date: '${date}'`);
}

function monthDay(month: number, day: number): string {
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function format(day: SolarDay): string {
  return `${String(day.getYear()).padStart(4, '0')}-${monthDay(day.getMonth(), day.getDay())}`;
}
