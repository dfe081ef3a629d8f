import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { findFile, recordFile } from '../../platform/files/files.ts';
import { isOfKind } from '../../platform/files/kinds.ts';
import type { ReceivedUpload } from '../../platform/files/upload.ts';
import type { Auth } from '../../platform/http/types.ts';
import { cadreSummaries, cadreSummary } from '../cadres/cadres.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import * as repo from './learning.repository.ts';
import type {
  AttendeeBody,
  CreateLessonBody,
  CreateProgrammeBody,
  CreateRecordBody,
  CreateSessionBody,
  ExportLessonsQuery,
  ExportRecordsQuery,
  LearningRecord,
  Lesson,
  ListLessonsQuery,
  ListProgrammesQuery,
  ListRecordsQuery,
  Programme,
  Session,
  UpdateLessonBody,
  UpdateProgrammeBody,
  UpdateSessionBody,
} from './learning.schema.ts';

const now = () => new Date().toISOString();

// ---- lessons ----

function toLesson(r: NonNullable<Awaited<ReturnType<typeof repo.findLesson>>>): Lesson {
  return {
    id: r.id,
    orgId: r.org_id,
    title: r.title,
    kind: r.kind,
    url: r.url,
    body: r.body,
    file:
      r.file_id === null
        ? null
        : { id: r.file_id, name: r.file_name ?? '', mime: r.file_mime ?? '', size: Number(r.file_size ?? 0) },
    publishedOn: r.published_on,
    views: Number(r.views),
    learners: Number(r.learners ?? 0),
  };
}

async function loadLesson(db: Db, auth: Auth, id: number) {
  const row = await repo.findLesson(db, id, auth.scope);
  if (!row) throw new AppError('learning.lesson_not_found');
  return row;
}

/** A video or file lesson is a link or an uploaded file; a text lesson is its body. */
function checkContent(kind: string, url: string | null, body: string | null, fileId: number | null) {
  if (kind === 'text' ? !body?.trim() : !url?.trim() && fileId === null)
    throw new AppError('learning.lesson_content');
}

/**
 * Keeps an uploaded lesson file (a video, PDF, Word or PowerPoint; type and size judged as it streamed
 * in, platform/files/kinds.ts) for a lesson about to be created or changed, which names it by id.
 */
export async function uploadLessonFile(db: Db, auth: Auth, actor: Actor, upload: ReceivedUpload) {
  return db.transaction().execute(async (trx) => {
    const id = await recordFile(trx, { ...upload, userId: auth.userId });
    await recordAudit(trx, actor, {
      action: 'learning_lesson.upload',
      entity: 'file',
      entityId: id,
      summary: upload.name,
      after: { mime: upload.mime, size: upload.size },
    });
    return { id, name: upload.name, mime: upload.mime, size: upload.size };
  });
}

/**
 * The file a lesson may take: one its author uploaded as a lesson file (a stranger's file id, say a
 * cadre's photo, is refused), or the one it already has.
 */
async function checkLessonFile(
  db: Db,
  auth: Auth,
  fileId: number | null | undefined,
  current: number | null,
) {
  if (fileId === undefined || fileId === null || fileId === current) return;
  const file = await findFile(db, fileId);
  if (!file || file.created_by !== auth.userId || !isOfKind(file.mime, 'lesson'))
    throw new AppError('learning.lesson_file');
}

/** A lesson's uploaded file, for a reader in its scope. */
export async function lessonFile(db: Db, auth: Auth, id: number) {
  const lesson = await loadLesson(db, auth, id);
  const file = lesson.file_id === null ? undefined : await findFile(db, lesson.file_id);
  if (!file) throw new AppError('learning.lesson_no_file');
  return file;
}

/** A page of the lessons in the caller's scope, each with its views and learners. */
export async function listLessons(db: Db, auth: Auth, q: ListLessonsQuery) {
  const { items, total } = await repo.listLessons(db, lessonFilter(auth, q), q.sort ?? '-publishedOn', q);
  return { items: items.map(toLesson), total };
}

const lessonFilter = (auth: Auth, q: ExportLessonsQuery): repo.LessonFilter => ({
  scope: auth.scope,
  keyword: q.keyword?.trim() || undefined,
  kind: q.kind,
  year: q.year,
});

/** Every lesson of a filter in the caller's scope, for the export. */
export async function listAllLessons(db: Db, auth: Auth, q: ExportLessonsQuery) {
  return (await repo.listAllLessons(db, lessonFilter(auth, q), q.sort ?? '-publishedOn')).map(toLesson);
}

export async function getLesson(db: Db, auth: Auth, id: number) {
  return toLesson(await loadLesson(db, auth, id));
}

/** Publishes a lesson under an org in the caller's scope. */
export async function createLesson(db: Db, auth: Auth, actor: Actor, body: CreateLessonBody) {
  await getOrg(db, body.orgId, auth.scope);
  const row = {
    org_id: body.orgId,
    title: body.title.trim(),
    kind: body.kind,
    url: body.url?.trim() || null,
    body: body.body ?? null,
    file_id: body.kind === 'text' ? null : (body.fileId ?? null),
    published_on: body.publishedOn,
    created_at: now(),
    updated_at: now(),
  };
  checkContent(row.kind, row.url, row.body, row.file_id);
  await checkLessonFile(db, auth, row.file_id, null);
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertLesson(trx, row);
    await recordAudit(trx, actor, {
      action: 'learning_lesson.create',
      entity: 'learning_lesson',
      entityId: id,
      summary: row.title,
      after: { orgId: row.org_id, title: row.title, kind: row.kind, publishedOn: row.published_on },
    });
    return id;
  });
  return getLesson(db, auth, id);
}

export async function updateLesson(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateLessonBody) {
  const before = await loadLesson(db, auth, id);
  const next = {
    title: body.title?.trim() ?? before.title,
    kind: body.kind ?? before.kind,
    url: body.url !== undefined ? body.url?.trim() || null : before.url,
    body: body.body !== undefined ? body.body : before.body,
    file_id: body.fileId !== undefined ? body.fileId : before.file_id,
    published_on: body.publishedOn ?? before.published_on,
  };
  if (next.kind === 'text') next.file_id = null;
  checkContent(next.kind, next.url, next.body, next.file_id);
  await checkLessonFile(db, auth, next.file_id, before.file_id);
  await db.transaction().execute(async (trx) => {
    await repo.updateLesson(trx, id, { ...next, updated_at: now() });
    await recordAudit(trx, actor, {
      action: 'learning_lesson.update',
      entity: 'learning_lesson',
      entityId: id,
      summary: next.title,
      before: {
        title: before.title,
        kind: before.kind,
        url: before.url,
        fileId: before.file_id,
        publishedOn: before.published_on,
      },
      after: {
        title: next.title,
        kind: next.kind,
        url: next.url,
        fileId: next.file_id,
        publishedOn: next.published_on,
      },
    });
  });
  return getLesson(db, auth, id);
}

/** Deletes a lesson with its learning records. */
export async function deleteLesson(db: Db, auth: Auth, actor: Actor, id: number) {
  const before = await loadLesson(db, auth, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteLesson(trx, id);
    await recordAudit(trx, actor, {
      action: 'learning_lesson.delete',
      entity: 'learning_lesson',
      entityId: id,
      summary: before.title,
      before: { title: before.title, views: before.views, learners: Number(before.learners ?? 0) },
    });
  });
}

/** Counts one view of a lesson the caller may read (not audited: a view changes nothing but a counter). */
export async function viewLesson(db: Db, auth: Auth, id: number) {
  await loadLesson(db, auth, id);
  return { id, views: await repo.addView(db, id) };
}

/** The year's lessons in the caller's scope: published, viewed, studied. */
export async function lessonStats(db: Db, auth: Auth, year: number) {
  return repo.lessonYearStats(db, auth.scope, year);
}

// ---- learning records ----

async function toRecords(db: Db, rows: repo.RecordRow[]): Promise<LearningRecord[]> {
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return rows.map((r) => ({
    id: r.id,
    lessonId: r.lesson_id,
    lessonTitle: r.lesson_title,
    cadreId: r.cadre_id,
    cadreName: people.get(r.cadre_id)?.name ?? '',
    learnedOn: r.learned_on,
    minutes: r.minutes,
  }));
}

const recordFilter = (auth: Auth, q: ExportRecordsQuery): repo.RecordFilter => ({
  scope: auth.scope,
  lessonId: q.lessonId,
  cadreId: q.cadreId,
  keyword: q.keyword?.trim() || undefined,
  year: q.year,
});

/** A page of the learning records on lessons in the caller's scope. */
export async function listRecords(db: Db, auth: Auth, q: ListRecordsQuery) {
  const { items, total } = await repo.listRecords(db, recordFilter(auth, q), q);
  return { items: await toRecords(db, items), total };
}

/** Every learning record of a filter, for the export. */
export async function listAllRecords(db: Db, auth: Auth, q: ExportRecordsQuery) {
  return toRecords(db, await repo.listAllRecords(db, recordFilter(auth, q)));
}

export async function listLessonRecords(db: Db, auth: Auth, lessonId: number) {
  await loadLesson(db, auth, lessonId);
  return toRecords(db, await repo.listLessonRecords(db, lessonId));
}

/** A cadre in the caller's scope: their records on lessons in the scope. */
export async function listCadreRecords(db: Db, auth: Auth, cadreId: number) {
  await cadreSummary(db, cadreId, auth.scope);
  return toRecords(db, await repo.listCadreRecords(db, cadreId, auth.scope));
}

/** Records that a cadre in the caller's scope studied a lesson. */
export async function addRecord(db: Db, auth: Auth, actor: Actor, lessonId: number, body: CreateRecordBody) {
  const lesson = await loadLesson(db, auth, lessonId);
  const cadre = await cadreSummary(db, body.cadreId, auth.scope);
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertRecord(trx, {
      lesson_id: lessonId,
      cadre_id: cadre.id,
      learned_on: body.learnedOn,
      minutes: body.minutes,
      created_at: now(),
    });
    await recordAudit(trx, actor, {
      action: 'learning_record.create',
      entity: 'learning_lesson',
      entityId: lessonId,
      summary: `${cadre.name}: ${lesson.title}`,
      after: { id, cadreId: cadre.id, learnedOn: body.learnedOn, minutes: body.minutes },
    });
    return id;
  });
  const [record] = await toRecords(db, [await repo.findRecord(db, id)]);
  return record;
}

// ---- programmes ----

function toProgramme(r: { id: number; org_id: number; name: string; code: string; year: number }): Programme {
  return { id: r.id, orgId: r.org_id, name: r.name, code: r.code, year: r.year };
}

function toSession(r: repo.SessionRow): Session {
  return {
    id: r.id,
    programmeId: r.programme_id,
    heldOn: r.held_on,
    title: r.title,
    place: r.place,
    hours: Number(r.hours),
    attendance: Number(r.attendance ?? 0),
  };
}

async function loadProgramme(db: Db, auth: Auth, id: number) {
  const row = await repo.findProgramme(db, id, auth.scope);
  if (!row) throw new AppError('learning.programme_not_found');
  return row;
}

async function loadSession(db: Db, auth: Auth, id: number) {
  const row = await repo.findSession(db, id, auth.scope);
  if (!row) throw new AppError('learning.session_not_found');
  return row;
}

export async function listProgrammes(db: Db, auth: Auth, q: ListProgrammesQuery) {
  return (await repo.listProgrammes(db, auth.scope, q)).map(toProgramme);
}

/** A programme with its sessions, each with its person-times. */
export async function getProgramme(db: Db, auth: Auth, id: number) {
  const p = await loadProgramme(db, auth, id);
  return { ...toProgramme(p), sessions: (await repo.listSessions(db, id)).map(toSession) };
}

export async function createProgramme(db: Db, auth: Auth, actor: Actor, body: CreateProgrammeBody) {
  await getOrg(db, body.orgId, auth.scope);
  const row = { org_id: body.orgId, name: body.name.trim(), code: body.code, year: body.year };
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertProgramme(trx, { ...row, created_at: now(), updated_at: now() });
    await recordAudit(trx, actor, {
      action: 'learning_programme.create',
      entity: 'learning_programme',
      entityId: id,
      summary: `${row.year} ${row.name}`,
      after: toProgramme({ id, ...row }),
    });
    return id;
  });
  return getProgramme(db, auth, id);
}

export async function updateProgramme(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateProgrammeBody,
) {
  const before = await loadProgramme(db, auth, id);
  const next = {
    name: body.name?.trim() ?? before.name,
    code: body.code ?? before.code,
    year: body.year ?? before.year,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateProgramme(trx, id, { ...next, updated_at: now() });
    await recordAudit(trx, actor, {
      action: 'learning_programme.update',
      entity: 'learning_programme',
      entityId: id,
      summary: `${next.year} ${next.name}`,
      before: toProgramme(before),
      after: toProgramme({ ...before, ...next }),
    });
  });
  return getProgramme(db, auth, id);
}

/** Deletes a programme with its sessions and attendance. */
export async function deleteProgramme(db: Db, auth: Auth, actor: Actor, id: number) {
  const before = await loadProgramme(db, auth, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteProgramme(trx, id);
    await recordAudit(trx, actor, {
      action: 'learning_programme.delete',
      entity: 'learning_programme',
      entityId: id,
      summary: `${before.year} ${before.name}`,
      before: toProgramme(before),
    });
  });
}

/** Per programme in the caller's scope (of a year): sessions, person-times (人次), distinct people. */
export async function programmeStats(db: Db, auth: Auth, year?: number) {
  return (await repo.programmeStats(db, auth.scope, year)).map((r) => ({
    programmeId: r.id,
    name: r.name,
    code: r.code,
    year: r.year,
    sessions: Number(r.sessions ?? 0),
    personTimes: Number(r.person_times ?? 0),
    people: Number(r.people ?? 0),
  }));
}

// ---- sessions ----

export async function addSession(
  db: Db,
  auth: Auth,
  actor: Actor,
  programmeId: number,
  body: CreateSessionBody,
) {
  await loadProgramme(db, auth, programmeId);
  const row = {
    programme_id: programmeId,
    held_on: body.heldOn,
    title: body.title.trim(),
    place: body.place?.trim() || null,
    hours: body.hours,
  };
  await db.transaction().execute(async (trx) => {
    const id = await repo.insertSession(trx, row);
    await recordAudit(trx, actor, {
      action: 'learning_session.create',
      entity: 'learning_programme',
      entityId: programmeId,
      summary: `${row.held_on} ${row.title}`,
      after: { id, heldOn: row.held_on, title: row.title, place: row.place, hours: row.hours },
    });
  });
  return getProgramme(db, auth, programmeId);
}

export async function updateSession(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateSessionBody) {
  const s = await loadSession(db, auth, id);
  const next = {
    held_on: body.heldOn ?? s.held_on,
    title: body.title?.trim() ?? s.title,
    place: body.place !== undefined ? body.place?.trim() || null : s.place,
    hours: body.hours ?? Number(s.hours),
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateSession(trx, id, next);
    await recordAudit(trx, actor, {
      action: 'learning_session.update',
      entity: 'learning_programme',
      entityId: s.programme_id,
      summary: `${next.held_on} ${next.title}`,
      before: { id, heldOn: s.held_on, title: s.title, place: s.place, hours: Number(s.hours) },
      after: { id, heldOn: next.held_on, title: next.title, place: next.place, hours: next.hours },
    });
  });
  return getProgramme(db, auth, s.programme_id);
}

export async function deleteSession(db: Db, auth: Auth, actor: Actor, id: number) {
  const s = await loadSession(db, auth, id);
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, id);
    await recordAudit(trx, actor, {
      action: 'learning_session.delete',
      entity: 'learning_programme',
      entityId: s.programme_id,
      summary: `${s.held_on} ${s.title}`,
      before: { id, heldOn: s.held_on, title: s.title, attendance: Number(s.attendance ?? 0) },
    });
  });
  return getProgramme(db, auth, s.programme_id);
}

// ---- attendance ----

export async function listAttendance(db: Db, auth: Auth, sessionId: number) {
  await loadSession(db, auth, sessionId);
  const rows = await repo.listAttendance(db, sessionId);
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return rows.map((r) => ({ cadreId: r.cadre_id, cadreName: people.get(r.cadre_id)?.name ?? '' }));
}

/** Records that a cadre in the caller's scope attended a session: one more person-time (人次). */
export async function addAttendee(db: Db, auth: Auth, actor: Actor, sessionId: number, body: AttendeeBody) {
  const s = await loadSession(db, auth, sessionId);
  const cadre = await cadreSummary(db, body.cadreId, auth.scope);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertAttendance(trx, sessionId, cadre.id, now());
      await recordAudit(trx, actor, {
        action: 'learning_attendance.create',
        entity: 'learning_programme',
        entityId: s.programme_id,
        summary: `${s.title}: ${cadre.name}`,
        after: { sessionId, cadreId: cadre.id },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('learning.already_attended');
    throw e;
  }
  return listAttendance(db, auth, sessionId);
}

export async function removeAttendee(db: Db, auth: Auth, actor: Actor, sessionId: number, cadreId: number) {
  const s = await loadSession(db, auth, sessionId);
  const cadre = await cadreSummary(db, cadreId, auth.scope);
  await db.transaction().execute(async (trx) => {
    if ((await repo.deleteAttendance(trx, sessionId, cadreId)) === 0) {
      throw new AppError('learning.attendance_not_found');
    }
    await recordAudit(trx, actor, {
      action: 'learning_attendance.delete',
      entity: 'learning_programme',
      entityId: s.programme_id,
      summary: `${s.title}: ${cadre.name}`,
      before: { sessionId, cadreId },
    });
  });
  return listAttendance(db, auth, sessionId);
}

/** A programme's attendance, one row per person-time (人次), for the export. */
export async function programmeAttendance(db: Db, auth: Auth, programmeId: number) {
  const programme = await getProgramme(db, auth, programmeId);
  const rows = await repo.listProgrammeAttendance(db, programmeId);
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return {
    programme,
    rows: rows.map((r) => ({
      heldOn: r.held_on,
      sessionTitle: r.title,
      hours: Number(r.hours),
      cadreName: people.get(r.cadre_id)?.name ?? '',
    })),
  };
}
