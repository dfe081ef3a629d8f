import type { Birthday, Cadre } from '../../api/types';
import type { Language } from '../../i18n/i18n';
import { i18n } from '../../i18n/i18n';

/** The lunar months as calendars name them (正月 … 冬月, 腊月). */
export const LUNAR_MONTHS = [
  '正月',
  '二月',
  '三月',
  '四月',
  '五月',
  '六月',
  '七月',
  '八月',
  '九月',
  '十月',
  '冬月',
  '腊月',
];
const LUNAR_TENS = ['初', '十', '廿', '三'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A lunar day the way calendars write it: 初一 … 初十, 十一 … 二十, 廿一 … 三十. */
export function lunarDay(day: number): string {
  if (day === 10) return '初十';
  if (day === 20) return '二十';
  if (day === 30) return '三十';
  return `${LUNAR_TENS[Math.floor(day / 10)] ?? ''}${DIGITS[day % 10] ?? ''}`;
}

/** A birthday as it is celebrated: 公历 8月11日, 农历 十月廿一 (Solar Aug 11, Lunar 10/21 in English). */
export function formatBirthday(birthday: Birthday['birthday'], language: Language): string {
  const { calendar, month, day } = birthday;
  if (language === 'en-US') {
    if (calendar === 'lunar') return i18n.t('cadres.lunarMonthDay', { month, day });
    const date = new Date(Date.UTC(2000, month - 1, day));
    return i18n.t('cadres.solarMonthDay', {
      date: new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
        date,
      ),
    });
  }
  if (calendar === 'lunar') {
    return i18n.t('cadres.lunarMonthDay', {
      month: LUNAR_MONTHS[month - 1] ?? String(month),
      day: lunarDay(day),
    });
  }
  return i18n.t('cadres.solarMonthDay', { date: `${month}月${day}日` });
}

/** A YYYY-MM-DD date with its weekday: 2026-12-01 周二 (Tue). */
export function formatDateWithWeekday(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
  return `${date} ${weekday}`;
}

/** Age with its band when it has one: 97岁 · 90+. */
export function formatAge(cadre: Pick<Cadre, 'age' | 'ageBand'>): string {
  const age = i18n.t('cadres.ageValue', { age: cadre.age });
  return cadre.ageBand ? `${age} · ${cadre.ageBand}` : age;
}

/** An optional value, or a dash. */
export function orDash(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value);
}
