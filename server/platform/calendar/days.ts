// The bureau's calendar: dates are YYYY-MM-DD strings of the bureau's day, which turns over at
// midnight in China (UTC+8) whatever the server's or the browser's time zone. The web console has
// the same rule in web/src/components/date-value.ts (`today`), so a date the server calls today is
// the one the console offers and accepts.

import { type Clock, systemClock } from './clock.ts';

/** Hours the bureau's day is ahead of UTC. */
export const BUREAU_UTC_OFFSET_HOURS = 8;

/**
 * Today's date, YYYY-MM-DD, in China (UTC+8): ages, birthdays and deadlines turn over at local midnight.
 * Services pass their request's clock (`today(ctx.clock)`), so a test can say what day it is.
 */
export function today(clock: Clock = systemClock): string {
  return dayOf(clock.now());
}

/** The bureau's date of an instant. */
export function dayOf(instant: Date): string {
  return new Date(instant.getTime() + BUREAU_UTC_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);
}

/** The instant a bureau date begins (its midnight in China). */
export function dayStart(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BUREAU_UTC_OFFSET_HOURS * 3_600_000);
}

/** A date some whole years later; 29 February falls on 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A date some days later (or earlier, for a negative count). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
