// Every SQL statement of the holiday calendar and the registered deadlines.
import type { Insertable, Kysely } from 'kysely';
import type { Database, DeadlinesTable } from '../../db/schema.ts';

type Conn = Kysely<Database>;

/** The years kept, with how many holidays and 调休 working days each has. */
export async function listYears(db: Conn) {
  return db
    .selectFrom('calendar_years as y')
    .select(['y.year', 'y.source', 'y.updated_at'])
    .select((eb) => [
      eb
        .selectFrom('calendar_days as d')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.year', '=', 'y.year')
        .where('d.kind', '=', 'holiday')
        .as('holidays'),
      eb
        .selectFrom('calendar_days as d')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.year', '=', 'y.year')
        .where('d.kind', '=', 'workday')
        .as('workdays'),
    ])
    .orderBy('y.year')
    .execute();
}

export async function findYear(db: Conn, year: number) {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function listDays(db: Conn, year: number) {
  return db.selectFrom('calendar_days').selectAll().where('year', '=', year).orderBy('date').execute();
}

/** Every marked day and every kept year: the whole calendar is about a thousand rows. */
export async function loadAll(db: Conn) {
  const [days, years] = await Promise.all([
    db.selectFrom('calendar_days').select(['date', 'kind', 'name']).execute(),
    db.selectFrom('calendar_years').select('year').execute(),
  ]);
  return { days, years: years.map((y) => y.year) };
}

/** Replaces a year's days (adding the year when new). */
export async function replaceYear(
  db: Conn,
  year: { year: number; source: string; updatedBy: number | null; now: string },
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[],
) {
  await db
    .insertInto('calendar_years')
    .values({ year: year.year, source: year.source, updated_by: year.updatedBy, updated_at: year.now })
    .onConflict((oc) =>
      oc
        .column('year')
        .doUpdateSet({ source: year.source, updated_by: year.updatedBy, updated_at: year.now }),
    )
    .execute();
  await db.deleteFrom('calendar_days').where('year', '=', year.year).execute();
  for (let i = 0; i < days.length; i += 200) {
    await db
      .insertInto('calendar_days')
      .values(days.slice(i, i + 200).map((d) => ({ ...d, year: year.year })))
      .execute();
  }
}

// ---- deadlines ----

export async function findDeadline(db: Conn, subject: string, subjectId: number) {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('subject', '=', subject)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
}

export async function upsertDeadline(db: Conn, row: Insertable<DeadlinesTable>) {
  await db
    .insertInto('deadlines')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['subject', 'subject_id']).doUpdateSet({
        start_on: row.start_on,
        unit: row.unit,
        count: row.count,
        events: row.events,
        due_on: row.due_on,
        explanation: row.explanation,
        computed_at: row.computed_at,
      }),
    )
    .execute();
}

export async function deleteDeadline(db: Conn, subject: string, subjectId: number) {
  await db
    .deleteFrom('deadlines')
    .where('subject', '=', subject)
    .where('subject_id', '=', subjectId)
    .execute();
}

/** Deadlines whose counting ran through a period: started before its end and due after its start. */
export async function deadlinesAcross(db: Conn, from: string, to: string) {
  return db
    .selectFrom('deadlines')
    .selectAll()
    .where('start_on', '<=', to)
    .where('due_on', '>=', from)
    .orderBy('id')
    .execute();
}

export async function setComputed(
  db: Conn,
  id: number,
  row: { due_on: string; explanation: string; computed_at: string },
) {
  await db.updateTable('deadlines').set(row).where('id', '=', id).execute();
}
