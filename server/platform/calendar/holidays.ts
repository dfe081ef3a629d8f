// The holiday calendar the deadline engine counts over, kept as data: the statutory holidays and 调休
// working days the State Council publishes each year (国务院办公厅关于部分节假日安排的通知). Years
// the shipped data carries are seeded at start (never over a year an administrator has edited);
// administrators add or correct a year through the API, and every registered deadline whose count
// runs through that year is recomputed at once, in the same transaction.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../audit/audit.ts';
import {
  computeDeadline,
  type Deadline,
  type DeadlineEvent,
  type DeadlineRule,
  type HolidayCalendar,
} from './deadlines.ts';
import * as repo from './holidays.repository.ts';

/** A marked day as the API and the shipped data give it. */
export interface HolidayDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

const require = createRequire(import.meta.url);

/**
 * The years the npm package `chinese-days` ships (dist/years/YYYY.json), each transcribed from the
 * State Council's notice for that year (its source cites the gov.cn page of each notice). Answers the
 * source name (with the package's version) and the days by year.
 */
export function shippedHolidays(): { source: string; years: Map<number, HolidayDay[]> } {
  const manifest = require.resolve('chinese-days/package.json');
  const dir = path.join(path.dirname(manifest), 'dist', 'years');
  const version = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  const years = new Map<number, HolidayDay[]>();
  for (const file of fs.readdirSync(dir)) {
    const match = /^(\d{4})\.json$/.exec(file);
    if (!match) continue;
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    // Each value is "English name,中文名,days"; the Chinese name is the one the bureau reads.
    const zh = (v: string) => v.split(',')[1] ?? v;
    const days: HolidayDay[] = [
      ...Object.entries(data.holidays).map(([date, v]) => ({ date, kind: 'holiday' as const, name: zh(v) })),
      ...Object.entries(data.workdays).map(([date, v]) => ({ date, kind: 'workday' as const, name: zh(v) })),
    ].sort((a, b) => a.date.localeCompare(b.date));
    years.set(Number(match[1]), days);
  }
  return { source: `chinese-days@${version}`, years };
}

/** Seeds the shipped years the database does not keep yet (at start; an edited year is left alone). */
export async function syncShippedHolidays(db: Db): Promise<number[]> {
  const { source, years } = shippedHolidays();
  const kept = new Set((await repo.listYears(db)).map((y) => y.year));
  const added: number[] = [];
  const now = new Date().toISOString();
  for (const [year, days] of [...years].sort(([a], [b]) => a - b)) {
    if (kept.has(year)) continue;
    await db.transaction().execute(async (trx) => {
      if (await repo.findYear(trx, year)) return; // another instance seeded it meanwhile
      await repo.replaceYear(trx, { year, source, updatedBy: null, now }, days);
      added.push(year);
    });
  }
  return added;
}

/** The whole calendar, for the engine. */
export async function loadCalendar(db: Db): Promise<HolidayCalendar> {
  const { days, years } = await repo.loadAll(db);
  return {
    days: new Map(days.map((d) => [d.date, { kind: d.kind, name: d.name }])),
    years: new Set(years),
  };
}

/** The years kept, with their counts. */
export async function listYears(db: Db) {
  return (await repo.listYears(db)).map((y) => ({
    year: y.year,
    source: y.source,
    holidays: Number(y.holidays ?? 0),
    workdays: Number(y.workdays ?? 0),
    updatedAt: y.updated_at,
  }));
}

/** One year's days. */
export async function getYear(db: Db, year: number) {
  const row = await repo.findYear(db, year);
  if (!row) throw new AppError('calendar.year_not_found');
  const days = await repo.listDays(db, year);
  return {
    year,
    source: row.source,
    updatedAt: row.updated_at,
    days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  };
}

/**
 * Adds or replaces a year's holidays and 调休 working days, then recomputes every registered deadline
 * counted through that year, in one transaction. Answers the year and how many due dates moved.
 */
export async function putYear(
  db: Db,
  auth: { userId: number },
  actor: Actor,
  year: number,
  days: HolidayDay[],
) {
  const seen = new Set<string>();
  for (const d of days) {
    if (Number(d.date.slice(0, 4)) !== year) throw new AppError('calendar.year_mismatch');
    if (seen.has(d.date)) throw new AppError('calendar.duplicate_date');
    seen.add(d.date);
  }
  const before = await repo.findYear(db, year);
  const moved = await db.transaction().execute(async (trx) => {
    await repo.replaceYear(
      trx,
      { year, source: 'admin', updatedBy: auth.userId, now: new Date().toISOString() },
      [...days].sort((a, b) => a.date.localeCompare(b.date)),
    );
    const n = await recomputeDeadlines(trx, `${year}-01-01`, `${year}-12-31`);
    await recordAudit(trx, actor, {
      action: 'calendar.year',
      entity: 'calendar_year',
      entityId: year,
      summary: `${year}年节假日安排：${days.filter((d) => d.kind === 'holiday').length}天假日，${days.filter((d) => d.kind === 'workday').length}天调休上班；${n}个期限重算后变动`,
      before: before ? { source: before.source } : null,
      after: { days, moved: n },
    });
    return n;
  });
  return { ...(await getYear(db, year)), moved };
}

// ---- registered deadlines ----

/** Called when a registered deadline's due date moves because the calendar changed. */
export type DeadlineMoved = (db: Db, subjectId: number, dueOn: string) => Promise<void>;
const listeners = new Map<string, DeadlineMoved>();

/** Lets the module holding a kind of deadline keep its own copy of the due date (a column it sorts on) in step. */
export function onDeadlineMoved(subject: string, listener: DeadlineMoved) {
  listeners.set(subject, listener);
}

/** A registered deadline as stored: its rule, events, due date and explanation. */
export interface RegisteredDeadline extends Deadline {
  subject: string;
  subjectId: number;
  start: string;
  rule: DeadlineRule;
  events: DeadlineEvent[];
  computedAt: string;
}

/**
 * Computes a record's due date and registers it, so that it is recomputed whenever the calendar of a
 * year it counts through changes. Registering again (an extension, a pause) replaces it.
 */
export async function registerDeadline(
  db: Db,
  input: { subject: string; subjectId: number; start: string; rule: DeadlineRule; events?: DeadlineEvent[] },
): Promise<RegisteredDeadline> {
  const events = input.events ?? [];
  const computed = computeDeadline(await loadCalendar(db), input.start, input.rule, events);
  const computedAt = new Date().toISOString();
  await repo.upsertDeadline(db, {
    subject: input.subject,
    subject_id: input.subjectId,
    start_on: input.start,
    unit: input.rule.unit,
    count: input.rule.count,
    events: JSON.stringify(events),
    due_on: computed.dueOn,
    explanation: JSON.stringify(computed.explanation),
    computed_at: computedAt,
  });
  return { ...input, events, ...computed, computedAt };
}

/** A record's registered deadline, or null. */
export async function findDeadline(
  db: Db,
  subject: string,
  subjectId: number,
): Promise<RegisteredDeadline | null> {
  const r = await repo.findDeadline(db, subject, subjectId);
  if (!r) return null;
  return {
    subject: r.subject,
    subjectId: r.subject_id,
    start: r.start_on,
    rule: { unit: r.unit, count: r.count },
    events: JSON.parse(r.events) as DeadlineEvent[],
    dueOn: r.due_on,
    explanation: JSON.parse(r.explanation),
    computedAt: r.computed_at,
  };
}

/** Forgets a record's deadline (the record is closed or deleted). */
export async function removeDeadline(db: Db, subject: string, subjectId: number) {
  await repo.deleteDeadline(db, subject, subjectId);
}

/** Recomputes the deadlines counted through a period; tells each moved one's module; answers how many moved. */
export async function recomputeDeadlines(db: Db, from: string, to: string): Promise<number> {
  const calendar = await loadCalendar(db);
  const rows = await repo.deadlinesAcross(db, from, to);
  const now = new Date().toISOString();
  let moved = 0;
  for (const r of rows) {
    const computed = computeDeadline(
      calendar,
      r.start_on,
      { unit: r.unit, count: r.count },
      JSON.parse(r.events) as DeadlineEvent[],
    );
    const explanation = JSON.stringify(computed.explanation);
    if (computed.dueOn === r.due_on && explanation === r.explanation) continue;
    await repo.setComputed(db, r.id, { due_on: computed.dueOn, explanation, computed_at: now });
    if (computed.dueOn !== r.due_on) {
      moved++;
      await listeners.get(r.subject)?.(db, r.subject_id, computed.dueOn);
    }
  }
  return moved;
}
