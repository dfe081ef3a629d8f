import { registerAttachments } from '../../platform/files/attachments.routes.ts';
import type { FileStore } from '../../platform/files/files.ts';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { TransitionBody, WorkflowHistorySchema } from '../../platform/workflow/workflow.schema.ts';
import * as exports from './meetings.export.ts';
import * as matrix from './meetings.matrix.ts';
import {
  BranchMatrixQuery,
  BranchMatrixSchema,
  CreateMeetingBody,
  ExportMeetingsQuery,
  ListBranchMeetingsQuery,
  ListMeetingsQuery,
  MeetingPageSchema,
  MeetingSchema,
  OrgMatrixQuery,
  OrgMatrixSchema,
  TransitionParams,
  UpdateMeetingBody,
} from './meetings.schema.ts';
import * as service from './meetings.service.ts';

/** What the meetings' routes are given by app.ts. */
export interface MeetingsRoutesOptions {
  files: FileStore;
}

/**
 * Branch meetings (三会一课 and 主题党日): the record of each meeting with its attendance, photos and
 * attachments; its review by the level above (submit, approve, return with comments); the lists and
 * ledger export; and the completion matrix against the required frequencies, for a branch and for any
 * node of the org tree.
 */
export default async function meetingsRoutes(app: App, { files }: MeetingsRoutesOptions) {
  const tags = ['meetings'];

  // ---- lists ----

  app.get('/api/branches/meetings', {
    schema: {
      tags,
      summary:
        'Meetings in your scope: filter by branch, org subtree, type, state, year or months; sort; page',
      querystring: ListMeetingsQuery,
      response: { 200: MeetingPageSchema, ...errorResponses },
    },
    config: { access: 'meetings:read' },
    handler: async (req) => service.listMeetings(app.db, authOf(req), req.query),
  });

  app.get('/api/branches/meetings/export', {
    schema: {
      tags,
      summary: 'The filtered meeting list as .xlsx (the ledger, 台账)',
      querystring: ExportMeetingsQuery,
      response: errorResponses,
    },
    config: { access: 'meetings:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportMeetings(exportCaller(app, req), req.query)),
  });

  app.get('/api/branches/:id/meetings', {
    schema: {
      tags,
      summary: "A branch's meetings",
      params: IdParams,
      querystring: ListBranchMeetingsQuery,
      response: { 200: MeetingPageSchema, ...errorResponses },
    },
    config: { access: 'meetings:read' },
    handler: async (req) => service.listBranchMeetings(app.db, authOf(req), req.params.id, req.query),
  });

  // ---- one meeting ----

  app.post('/api/branches/:id/meetings', {
    schema: {
      tags,
      summary:
        'Record a meeting of the branch, in draft (expected defaults to the members on the day; present ≤ expected; present + absences = expected)',
      params: IdParams,
      body: CreateMeetingBody,
      response: { 201: MeetingSchema, ...errorResponses },
    },
    config: { access: 'meetings:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createMeeting(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.get('/api/branches/meetings/:id', {
    schema: {
      tags,
      summary: 'One meeting with its record, review state and the actions you may take',
      params: IdParams,
      response: { 200: MeetingSchema, ...errorResponses },
    },
    config: { access: 'meetings:read' },
    handler: async (req) => service.getMeeting(app.db, authOf(req), req.params.id),
  });

  app.patch('/api/branches/meetings/:id', {
    schema: {
      tags,
      summary: 'Change a draft or returned meeting (absences, when given, replace the list)',
      params: IdParams,
      body: UpdateMeetingBody,
      response: { 200: MeetingSchema, ...errorResponses },
    },
    config: { access: 'meetings:write' },
    handler: async (req) => service.updateMeeting(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/branches/meetings/:id', {
    schema: {
      tags,
      summary: 'Delete a draft or returned meeting entered by mistake',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'meetings:write' },
    handler: async (req, reply) => {
      await service.deleteMeeting(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  // ---- review ----

  app.post('/api/branches/meetings/:id/transitions/:action', {
    schema: {
      tags,
      summary:
        'Take a review step: submit (meetings:write), approve or return with a comment (meetings:review, from the level above)',
      params: TransitionParams,
      body: TransitionBody,
      response: { 200: MeetingSchema, ...errorResponses },
    },
    // Each step asks for its own permission, checked by the workflow: submit meetings:write, approve and
    // return meetings:review. Anyone who may see meetings may ask, and learns why when refused.
    config: { access: 'meetings:read' },
    handler: async (req) =>
      service.transitionMeeting(
        app.db,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.params.action,
        req.body?.comment,
      ),
  });

  app.get('/api/branches/meetings/:id/history', {
    schema: {
      tags,
      summary: "A meeting's review timeline, oldest first: who did what, when, with which comment",
      params: IdParams,
      response: { 200: WorkflowHistorySchema, ...errorResponses },
    },
    config: { access: 'meetings:read' },
    handler: async (req) => service.meetingHistory(app.db, authOf(req), req.params.id),
  });

  // ---- photos and attachments ----

  registerAttachments(app, files, {
    ...service.meetingFiles,
    path: '/api/branches/meetings/:id/files',
    tags,
    access: { read: 'meetings:read', write: 'meetings:write' },
    what: 'a meeting (photos and attachments, added and taken off while it is a draft or returned)',
  });

  // ---- the completion matrix (三会一课完成情况) ----

  app.get('/api/branches/meetings/matrix', {
    schema: {
      tags,
      summary:
        'Completion against the required frequencies at a node of the org tree: per child org, branches on track and behind by type; per branch held directly; the total',
      querystring: OrgMatrixQuery,
      response: { 200: OrgMatrixSchema, ...errorResponses },
    },
    config: { access: 'meetings:read' },
    handler: async (req) => matrix.orgMatrix(app.db, authOf(req), req.query),
  });

  app.get('/api/branches/meetings/matrix/export', {
    schema: {
      tags,
      summary: 'The completion matrix at a node as .xlsx',
      querystring: OrgMatrixQuery,
      response: errorResponses,
    },
    config: { access: 'meetings:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportMatrix(exportCaller(app, req), req.query)),
  });

  app.get('/api/branches/:id/meetings/matrix', {
    schema: {
      tags,
      summary: "A branch's year: each period of each type with required, held (approved) and status",
      params: IdParams,
      querystring: BranchMatrixQuery,
      response: { 200: BranchMatrixSchema, ...errorResponses },
    },
    config: { access: 'meetings:read' },
    handler: async (req) => matrix.branchMatrix(app.db, authOf(req), req.params.id, req.query),
  });
}
