import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  Database,
  LearningAttendanceTable,
  LearningLessonsTable,
  LearningProgrammesTable,
  LearningRecordsTable,
  LearningSessionsTable,
} from '../../db/schema.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { type SortKey, sortBy } from '../../platform/lists/sort.ts';
import type { LessonKind, LessonSortField } from './learning.schema.ts';

type Conn = Kysely<Database>;

const yearRange = (year: number): [string, string] => [`${year}-01-01`, `${year + 1}-01-01`];

// ---- lessons ----

function lessonsWithLearners(db: Conn) {
  return db
    .selectFrom('learning_lessons as l')
    .leftJoin('files as f', 'f.id', 'l.file_id')
    .selectAll('l')
    .select(['f.name as file_name', 'f.mime as file_mime', 'f.size as file_size'])
    .select((eb) =>
      eb
        .selectFrom('learning_records as r')
        .select((e) => e.fn.count<number>('r.cadre_id').distinct().as('n'))
        .whereRef('r.lesson_id', '=', 'l.id')
        .as('learners'),
    );
}

export type LessonRow = Awaited<ReturnType<typeof findLesson>> & object;

/** One lesson with its learner count, only inside the scope. */
export async function findLesson(db: Conn, id: number, scope: Scope | null) {
  return lessonsWithLearners(db)
    .where('l.id', '=', id)
    .where((eb) => inScope(eb, 'l.org_id', scope))
    .executeTakeFirst();
}

const LESSON_COLUMNS = {
  publishedOn: 'l.published_on',
  title: 'l.title',
  views: 'l.views',
  id: 'l.id',
} as const;

/** What a lesson list is filtered by. */
export interface LessonFilter {
  scope: Scope | null;
  keyword?: string;
  kind?: LessonKind;
  year?: number;
}

function filteredLessons(db: Conn, f: LessonFilter) {
  let q = db.selectFrom('learning_lessons as l').where((eb) => inScope(eb, 'l.org_id', f.scope));
  if (f.keyword) q = q.where(keywordMatch(db, f.keyword, { contains: ['l.title'] }));
  if (f.kind) q = q.where('l.kind', '=', f.kind);
  if (f.year) {
    const [from, to] = yearRange(f.year);
    q = q.where('l.published_on', '>=', from).where('l.published_on', '<', to);
  }
  return q;
}

const sortedLessons = (db: Conn, f: LessonFilter, sort: SortKey<LessonSortField>) =>
  sortBy(
    lessonsWithLearners(db).where('l.id', 'in', filteredLessons(db, f).select('l.id')),
    sort,
    LESSON_COLUMNS,
    'l.id',
  );

/** A page of the lessons inside the scope. */
export async function listLessons(
  db: Conn,
  f: LessonFilter,
  sort: SortKey<LessonSortField>,
  page: PageRequest,
) {
  return pageOf(db, sortedLessons(db, f, sort), page, filteredLessons(db, f).select('l.id'));
}

/** Every lesson of a filter, for the export (a scope publishes some dozens a year). */
export async function listAllLessons(db: Conn, f: LessonFilter, sort: SortKey<LessonSortField>) {
  return sortedLessons(db, f, sort).execute();
}

export async function insertLesson(db: Conn, row: Insertable<LearningLessonsTable>) {
  const r = await db.insertInto('learning_lessons').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateLesson(db: Conn, id: number, row: Updateable<LearningLessonsTable>) {
  await db.updateTable('learning_lessons').set(row).where('id', '=', id).execute();
}

export async function deleteLesson(db: Conn, id: number) {
  await db.deleteFrom('learning_records').where('lesson_id', '=', id).execute();
  await db.deleteFrom('learning_lessons').where('id', '=', id).execute();
}

/** Adds one view in a single statement, so concurrent views are all counted. */
/** Counts one view of a lesson and answers its views since. */
export async function addView(db: Conn, id: number) {
  const r = await db
    .updateTable('learning_lessons')
    .set((eb) => ({ views: eb('views', '+', 1) }))
    .where('id', '=', id)
    .returning('views')
    .executeTakeFirstOrThrow();
  return Number(r.views);
}

/** A year's totals over the lessons inside the scope. */
export async function lessonYearStats(db: Conn, scope: Scope | null, year: number) {
  const [from, to] = yearRange(year);
  const lessons = await db
    .selectFrom('learning_lessons as l')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('l.views').as('views')])
    .where((eb) => inScope(eb, 'l.org_id', scope))
    .where('l.published_on', '>=', from)
    .where('l.published_on', '<', to)
    .executeTakeFirstOrThrow();
  const records = await db
    .selectFrom('learning_records as r')
    .innerJoin('learning_lessons as l', 'l.id', 'r.lesson_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.count<number>('r.cadre_id').distinct().as('learners'),
    ])
    .where((eb) => inScope(eb, 'l.org_id', scope))
    .where('r.learned_on', '>=', from)
    .where('r.learned_on', '<', to)
    .executeTakeFirstOrThrow();
  return {
    year,
    lessons: Number(lessons.n),
    views: Number(lessons.views ?? 0),
    records: Number(records.n),
    learners: Number(records.learners),
  };
}

// ---- learning records ----

function recordsQuery(db: Conn) {
  return db
    .selectFrom('learning_records as r')
    .innerJoin('learning_lessons as l', 'l.id', 'r.lesson_id')
    .select(['r.id', 'r.lesson_id', 'l.title as lesson_title', 'r.cadre_id', 'r.learned_on', 'r.minutes'])
    .orderBy('r.learned_on', 'desc')
    .orderBy('r.id', 'desc');
}

export type RecordRow = Awaited<ReturnType<typeof listLessonRecords>>[number];

export async function listLessonRecords(db: Conn, lessonId: number) {
  return recordsQuery(db).where('r.lesson_id', '=', lessonId).execute();
}

/** A cadre's records on lessons inside the scope. */
export async function listCadreRecords(db: Conn, cadreId: number, scope: Scope | null) {
  return recordsQuery(db)
    .where('r.cadre_id', '=', cadreId)
    .where((eb) => inScope(eb, 'l.org_id', scope))
    .execute();
}

/** What the list of learning records is filtered by: lessons inside the scope, and the rest. */
export interface RecordFilter {
  scope: Scope | null;
  lessonId?: number;
  cadreId?: number;
  /** part of the lesson's title */
  keyword?: string;
  year?: number;
}

function filteredRecords(db: Conn, f: RecordFilter) {
  let q = recordsQuery(db).where((eb) => inScope(eb, 'l.org_id', f.scope));
  if (f.lessonId) q = q.where('r.lesson_id', '=', f.lessonId);
  if (f.cadreId) q = q.where('r.cadre_id', '=', f.cadreId);
  if (f.keyword) q = q.where(keywordMatch(db, f.keyword, { contains: ['l.title'] }));
  if (f.year) {
    const [from, to] = yearRange(f.year);
    q = q.where('r.learned_on', '>=', from).where('r.learned_on', '<', to);
  }
  return q;
}

/** A page of learning records on lessons inside the scope, newest first. */
export async function listRecords(db: Conn, f: RecordFilter, page: PageRequest) {
  return pageOf(db, filteredRecords(db, f), page, filteredRecords(db, f).clearSelect().select('r.id'));
}

/** Every learning record of a filter, for the export. */
export async function listAllRecords(db: Conn, f: RecordFilter) {
  return filteredRecords(db, f).execute();
}

export async function findRecord(db: Conn, id: number) {
  return recordsQuery(db).where('r.id', '=', id).executeTakeFirstOrThrow();
}

export async function insertRecord(
  db: Conn,
  row: { lesson_id: number; cadre_id: number; learned_on: string; minutes: number; created_at: string },
) {
  const r = await db.insertInto('learning_records').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- programmes, sessions, attendance ----

export async function findProgramme(db: Conn, id: number, scope: Scope | null) {
  return db
    .selectFrom('learning_programmes as p')
    .selectAll('p')
    .where('p.id', '=', id)
    .where((eb) => inScope(eb, 'p.org_id', scope))
    .executeTakeFirst();
}

export async function listProgrammes(db: Conn, scope: Scope | null, f: { year?: number; code?: string }) {
  let q = db
    .selectFrom('learning_programmes as p')
    .selectAll('p')
    .where((eb) => inScope(eb, 'p.org_id', scope));
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.code) q = q.where('p.code', '=', f.code);
  return q.orderBy('p.year', 'desc').orderBy('p.id').execute();
}

export async function insertProgramme(db: Conn, row: Insertable<LearningProgrammesTable>) {
  const r = await db.insertInto('learning_programmes').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateProgramme(db: Conn, id: number, row: Updateable<LearningProgrammesTable>) {
  await db.updateTable('learning_programmes').set(row).where('id', '=', id).execute();
}

/** Deletes a programme with its sessions and their attendance. */
export async function deleteProgramme(db: Conn, id: number) {
  const sessions = db.selectFrom('learning_sessions').select('id').where('programme_id', '=', id);
  await db.deleteFrom('learning_attendance').where('session_id', 'in', sessions).execute();
  await db.deleteFrom('learning_sessions').where('programme_id', '=', id).execute();
  await db.deleteFrom('learning_programmes').where('id', '=', id).execute();
}

function sessionsQuery(db: Conn) {
  return db
    .selectFrom('learning_sessions as s')
    .innerJoin('learning_programmes as p', 'p.id', 's.programme_id')
    .selectAll('s')
    .select('p.org_id')
    .select((eb) =>
      eb
        .selectFrom('learning_attendance as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.session_id', '=', 's.id')
        .as('attendance'),
    );
}

export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

export async function listSessions(db: Conn, programmeId: number) {
  return sessionsQuery(db)
    .where('s.programme_id', '=', programmeId)
    .orderBy('s.held_on')
    .orderBy('s.id')
    .execute();
}

/** One session, only when its programme lies inside the scope. */
export async function findSession(db: Conn, id: number, scope: Scope | null) {
  return sessionsQuery(db)
    .where('s.id', '=', id)
    .where((eb) => inScope(eb, 'p.org_id', scope))
    .executeTakeFirst();
}

export async function insertSession(db: Conn, row: Insertable<LearningSessionsTable>) {
  const r = await db.insertInto('learning_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateSession(db: Conn, id: number, row: Updateable<LearningSessionsTable>) {
  await db.updateTable('learning_sessions').set(row).where('id', '=', id).execute();
}

export async function deleteSession(db: Conn, id: number) {
  await db.deleteFrom('learning_attendance').where('session_id', '=', id).execute();
  await db.deleteFrom('learning_sessions').where('id', '=', id).execute();
}

export async function listAttendance(db: Conn, sessionId: number) {
  return db
    .selectFrom('learning_attendance as a')
    .select('a.cadre_id')
    .where('a.session_id', '=', sessionId)
    .orderBy('a.id')
    .execute();
}

export async function insertAttendance(db: Conn, sessionId: number, cadreId: number, at: string) {
  await db
    .insertInto('learning_attendance')
    .values({ session_id: sessionId, cadre_id: cadreId, created_at: at })
    .execute();
}

/** Removes an attendance row; the number removed (0 when there was none). */
export async function deleteAttendance(db: Conn, sessionId: number, cadreId: number) {
  const r = await db
    .deleteFrom('learning_attendance')
    .where('session_id', '=', sessionId)
    .where('cadre_id', '=', cadreId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Per programme inside the scope (of a year): sessions, person-times (人次) and distinct people. */
export async function programmeStats(db: Conn, scope: Scope | null, year?: number) {
  let q = db
    .selectFrom('learning_programmes as p')
    .select(['p.id', 'p.name', 'p.code', 'p.year'])
    .select((eb) => [
      eb
        .selectFrom('learning_sessions as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.programme_id', '=', 'p.id')
        .as('sessions'),
      eb
        .selectFrom('learning_attendance as a')
        .innerJoin('learning_sessions as s', 's.id', 'a.session_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.programme_id', '=', 'p.id')
        .as('person_times'),
      eb
        .selectFrom('learning_attendance as a')
        .innerJoin('learning_sessions as s', 's.id', 'a.session_id')
        .select((e) => e.fn.count<number>('a.cadre_id').distinct().as('n'))
        .whereRef('s.programme_id', '=', 'p.id')
        .as('people'),
    ])
    .where((eb) => inScope(eb, 'p.org_id', scope));
  if (year) q = q.where('p.year', '=', year);
  return q.orderBy('p.year', 'desc').orderBy('p.id').execute();
}

// ---- bulk (demo data) ----

/** Writes rows a chunk at a time (within the bound-parameter limits) and answers their ids in order. */
async function inChunks<R>(rows: R[], size: number, write: (chunk: R[]) => Promise<{ id: number }[]>) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    ids.push(...(await write(rows.slice(i, i + size))).map((r) => r.id));
  }
  return ids;
}

export async function insertLessons(db: Conn, rows: Insertable<LearningLessonsTable>[]) {
  return inChunks(rows, 200, (chunk) =>
    db.insertInto('learning_lessons').values(chunk).returning('id').execute(),
  );
}

export async function insertRecords(db: Conn, rows: Insertable<LearningRecordsTable>[]) {
  return inChunks(rows, 1000, (chunk) =>
    db.insertInto('learning_records').values(chunk).returning('id').execute(),
  );
}

export async function insertProgrammes(db: Conn, rows: Insertable<LearningProgrammesTable>[]) {
  return inChunks(rows, 500, (chunk) =>
    db.insertInto('learning_programmes').values(chunk).returning('id').execute(),
  );
}

export async function insertSessions(db: Conn, rows: Insertable<LearningSessionsTable>[]) {
  return inChunks(rows, 500, (chunk) =>
    db.insertInto('learning_sessions').values(chunk).returning('id').execute(),
  );
}

export async function insertAttendances(db: Conn, rows: Insertable<LearningAttendanceTable>[]) {
  return inChunks(rows, 1000, (chunk) =>
    db.insertInto('learning_attendance').values(chunk).returning('id').execute(),
  );
}

/** Every attendance row of a programme, session by session (its roster of person-times). */
export async function listProgrammeAttendance(db: Conn, programmeId: number) {
  return db
    .selectFrom('learning_attendance as a')
    .innerJoin('learning_sessions as s', 's.id', 'a.session_id')
    .select(['s.id as session_id', 's.held_on', 's.title', 's.hours', 'a.cadre_id'])
    .where('s.programme_id', '=', programmeId)
    .orderBy('s.held_on')
    .orderBy('s.id')
    .orderBy('a.id')
    .execute();
}
