import { Type } from 'typebox';
import type { RouteAccess } from '../../platform/access/permissions.ts';
import type { FileStore } from '../../platform/files/files.ts';
import { FILE_KINDS, sizeInWords } from '../../platform/files/kinds.ts';
import { receiveUpload, sendStoredFile } from '../../platform/files/upload.ts';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import * as exports from './learning.export.ts';
import {
  AttendeeBody,
  AttendeeParams,
  AttendeeSchema,
  CreateLessonBody,
  CreateProgrammeBody,
  CreateRecordBody,
  CreateSessionBody,
  ExportLessonsQuery,
  ExportRecordsQuery,
  LearningRecordPageSchema,
  LearningRecordSchema,
  LessonFileSchema,
  LessonPageSchema,
  LessonSchema,
  LessonYearStatsSchema,
  ListLessonsQuery,
  ListProgrammesQuery,
  ListRecordsQuery,
  ProgrammeDetailSchema,
  ProgrammeSchema,
  ProgrammeStatsSchema,
  UpdateLessonBody,
  UpdateProgrammeBody,
  UpdateSessionBody,
  ViewsSchema,
  YearQuery,
} from './learning.schema.ts';
import * as service from './learning.service.ts';

/**
 * Learning: cloud party lessons (云端党课) with views and learning records, and training programmes
 * (头雁工程…) with sessions and attendance counted in person-times (人次).
 */
export interface LearningRoutesOptions {
  files: FileStore;
}

export default async function learningRoutes(app: App, { files }: LearningRoutesOptions) {
  const tags = ['learning'];
  const base = '/api/learning';
  const read: { access: RouteAccess } = { access: 'learning:read' };
  const write: { access: RouteAccess } = { access: 'learning:write' };

  // ---- lessons ----

  app.get(`${base}/lessons`, {
    schema: {
      tags,
      summary: 'A page of the lessons in scope, with views and learners',
      querystring: ListLessonsQuery,
      response: { 200: LessonPageSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listLessons(app.db, authOf(req), req.query),
  });

  app.get(`${base}/lessons/export`, {
    schema: {
      tags,
      summary: 'The filtered lesson list as .xlsx',
      querystring: ExportLessonsQuery,
      response: errorResponses,
    },
    config: read,
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportLessons(exportCaller(app, req), req.query)),
  });

  app.get(`${base}/lessons/stats`, {
    schema: {
      tags,
      summary: "A year's lessons in scope: published, views, records, learners",
      querystring: YearQuery,
      response: { 200: LessonYearStatsSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.lessonStats(app.db, authOf(req), req.query.year),
  });

  app.post(`${base}/lesson-files`, {
    schema: {
      tags,
      summary: `Upload a lesson file (MP4 or WebM video, PDF, Word .docx or PowerPoint .pptx, up to ${sizeInWords(FILE_KINDS.lesson.maxBytes)}) for a lesson to name by its id`,
      consumes: ['multipart/form-data'],
      response: {
        201: LessonFileSchema,
        413: errorResponses[400],
        415: errorResponses[400],
        ...errorResponses,
      },
    },
    config: write,
    handler: async (req, reply) => {
      const upload = await receiveUpload(req, files, { kind: 'lesson' });
      reply.code(201);
      return service.uploadLessonFile(app.db, authOf(req), actorOf(req), upload);
    },
  });

  app.get(`${base}/lessons/:id/file`, {
    schema: {
      tags,
      summary: "A lesson's uploaded file (shown in place when the browser can)",
      params: IdParams,
    },
    config: read,
    handler: async (req, reply) =>
      sendStoredFile(reply, files, await service.lessonFile(app.db, authOf(req), req.params.id)),
  });

  app.post(`${base}/lessons`, {
    schema: {
      tags,
      summary: 'Publish a lesson',
      body: CreateLessonBody,
      response: { 201: LessonSchema, ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      reply.code(201);
      return service.createLesson(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get(`${base}/lessons/:id`, {
    schema: {
      tags,
      summary: 'A lesson',
      params: IdParams,
      response: { 200: LessonSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.getLesson(app.db, authOf(req), req.params.id),
  });

  app.patch(`${base}/lessons/:id`, {
    schema: {
      tags,
      summary: 'Change a lesson',
      params: IdParams,
      body: UpdateLessonBody,
      response: { 200: LessonSchema, ...errorResponses },
    },
    config: write,
    handler: async (req) => service.updateLesson(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/lessons/:id`, {
    schema: {
      tags,
      summary: 'Delete a lesson with its learning records',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      await service.deleteLesson(app.db, authOf(req), actorOf(req), req.params.id);
      reply.code(204);
      return null;
    },
  });

  app.post(`${base}/lessons/:id/views`, {
    schema: {
      tags,
      summary: 'Count one view of a lesson',
      params: IdParams,
      response: { 200: ViewsSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.viewLesson(app.db, authOf(req), req.params.id),
  });

  app.get(`${base}/lessons/:id/records`, {
    schema: {
      tags,
      summary: "A lesson's learning records",
      params: IdParams,
      response: { 200: Type.Array(LearningRecordSchema), ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listLessonRecords(app.db, authOf(req), req.params.id),
  });

  app.post(`${base}/lessons/:id/records`, {
    schema: {
      tags,
      summary: 'Record that a cadre studied a lesson',
      params: IdParams,
      body: CreateRecordBody,
      response: { 201: LearningRecordSchema, ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      reply.code(201);
      return service.addRecord(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.get(`${base}/records`, {
    schema: {
      tags,
      summary: 'A page of the learning records on lessons in scope: filter by lesson, cadre, title, year',
      querystring: ListRecordsQuery,
      response: { 200: LearningRecordPageSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listRecords(app.db, authOf(req), req.query),
  });

  app.get(`${base}/records/export`, {
    schema: {
      tags,
      summary: 'The filtered learning records as .xlsx',
      querystring: ExportRecordsQuery,
      response: errorResponses,
    },
    config: read,
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportRecords(exportCaller(app, req), req.query)),
  });

  app.get(`${base}/cadres/:id/records`, {
    schema: {
      tags,
      summary: "A cadre's learning records",
      params: IdParams,
      response: { 200: Type.Array(LearningRecordSchema), ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listCadreRecords(app.db, authOf(req), req.params.id),
  });

  // ---- programmes ----

  app.get(`${base}/programmes`, {
    schema: {
      tags,
      summary: 'The training programmes in scope',
      querystring: ListProgrammesQuery,
      response: { 200: Type.Array(ProgrammeSchema), ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listProgrammes(app.db, authOf(req), req.query),
  });

  app.get(`${base}/programmes/stats`, {
    schema: {
      tags,
      summary: 'Per programme: sessions, person-times (人次), distinct people',
      querystring: Type.Partial(YearQuery),
      response: { 200: Type.Array(ProgrammeStatsSchema), ...errorResponses },
    },
    config: read,
    handler: async (req) => service.programmeStats(app.db, authOf(req), req.query.year),
  });

  app.get(`${base}/programmes/export`, {
    schema: {
      tags,
      summary: 'Per programme (of a year): sessions, person-times and people, as .xlsx',
      querystring: Type.Partial(YearQuery),
      response: errorResponses,
    },
    config: read,
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportProgrammes(exportCaller(app, req), req.query)),
  });

  app.get(`${base}/programmes/:id/attendance/export`, {
    schema: {
      tags,
      summary: "A programme's attendance, one row per person-time (人次), as .xlsx",
      params: IdParams,
      response: errorResponses,
    },
    config: read,
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportAttendance(exportCaller(app, req), req.params.id)),
  });

  app.post(`${base}/programmes`, {
    schema: {
      tags,
      summary: 'Create a training programme',
      body: CreateProgrammeBody,
      response: { 201: ProgrammeDetailSchema, ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      reply.code(201);
      return service.createProgramme(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get(`${base}/programmes/:id`, {
    schema: {
      tags,
      summary: 'A programme with its sessions',
      params: IdParams,
      response: { 200: ProgrammeDetailSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.getProgramme(app.db, authOf(req), req.params.id),
  });

  app.patch(`${base}/programmes/:id`, {
    schema: {
      tags,
      summary: 'Change a programme',
      params: IdParams,
      body: UpdateProgrammeBody,
      response: { 200: ProgrammeDetailSchema, ...errorResponses },
    },
    config: write,
    handler: async (req) =>
      service.updateProgramme(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/programmes/:id`, {
    schema: {
      tags,
      summary: 'Delete a programme with its sessions and attendance',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      await service.deleteProgramme(app.db, authOf(req), actorOf(req), req.params.id);
      reply.code(204);
      return null;
    },
  });

  app.post(`${base}/programmes/:id/sessions`, {
    schema: {
      tags,
      summary: 'Add a session to a programme',
      params: IdParams,
      body: CreateSessionBody,
      response: { 201: ProgrammeDetailSchema, ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      reply.code(201);
      return service.addSession(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.patch(`${base}/sessions/:id`, {
    schema: {
      tags,
      summary: 'Change a session',
      params: IdParams,
      body: UpdateSessionBody,
      response: { 200: ProgrammeDetailSchema, ...errorResponses },
    },
    config: write,
    handler: async (req) => service.updateSession(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/sessions/:id`, {
    schema: {
      tags,
      summary: 'Delete a session with its attendance',
      params: IdParams,
      response: { 200: ProgrammeDetailSchema, ...errorResponses },
    },
    config: write,
    handler: async (req) => service.deleteSession(app.db, authOf(req), actorOf(req), req.params.id),
  });

  app.get(`${base}/sessions/:id/attendance`, {
    schema: {
      tags,
      summary: "A session's attendees",
      params: IdParams,
      response: { 200: Type.Array(AttendeeSchema), ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listAttendance(app.db, authOf(req), req.params.id),
  });

  app.post(`${base}/sessions/:id/attendance`, {
    schema: {
      tags,
      summary: 'Record that a cadre attended a session (once per session)',
      params: IdParams,
      body: AttendeeBody,
      response: { 201: Type.Array(AttendeeSchema), ...errorResponses },
    },
    config: write,
    handler: async (req, reply) => {
      reply.code(201);
      return service.addAttendee(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.delete(`${base}/sessions/:id/attendance/:cadreId`, {
    schema: {
      tags,
      summary: "Remove a cadre's attendance of a session",
      params: AttendeeParams,
      response: { 200: Type.Array(AttendeeSchema), ...errorResponses },
    },
    config: write,
    handler: async (req) =>
      service.removeAttendee(app.db, authOf(req), actorOf(req), req.params.id, req.params.cadreId),
  });
}
