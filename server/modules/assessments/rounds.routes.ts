import { registerAttachments } from '../../platform/files/attachments.routes.ts';
import type { FileStore } from '../../platform/files/files.ts';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { WorkflowHistorySchema } from '../../platform/workflow/workflow.schema.ts';
import { exportBoard, exportBranchHistory, exportRounds } from './rounds.export.ts';
import { roundFigures } from './rounds.figures.ts';
import {
  AnswerBody,
  AssessmentPageSchema,
  AssessmentParams,
  AssessmentSchema,
  AssessmentTransitionBody,
  BoardQuery,
  BranchHistorySchema,
  CheckBody,
  DemonstrationBody,
  DemonstrationParams,
  EvidenceParams,
  EvidenceUploadFields,
  ExportBoardQuery,
  ExportHistoryQuery,
  ExportRoundsQuery,
  FiguresQuery,
  FiguresSchema,
  ListRoundsQuery,
  MeetingEvidenceBody,
  OpenRoundBody,
  RevokeBody,
  RoundPageSchema,
  RoundSchema,
  TransitionParams,
} from './rounds.schema.ts';
import * as service from './rounds.service.ts';

/** What the rounds' routes are given by app.ts. */
export interface RoundsRoutesOptions {
  files: FileStore;
}

/**
 * Assessment rounds (考核轮次) against the branch standard: the city opens a round on a published
 * version (freezing it) for a set of branches; each branch self-assesses every measure with evidence
 * and submits; the county reviews or returns; the city verifies (in full or by sampling), which sets
 * the result, and names demonstration branches; the figures and board per round; a branch's history.
 */
export default async function roundsRoutes(app: App, { files }: RoundsRoutesOptions) {
  const tags = ['assessment rounds'];
  const rounds = '/api/assessments/rounds';
  const one = '/api/assessments/branch-assessments/:id';
  const ok = { 200: AssessmentSchema, ...errorResponses };

  // ---- rounds ----

  app.get(rounds, {
    schema: {
      tags,
      summary:
        'The rounds, newest year first (filter by year and status), with your branches in each counted',
      querystring: ListRoundsQuery,
      response: { 200: RoundPageSchema, ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.listRounds(app.db, authOf(req), req.query),
  });

  app.get(`${rounds}/export`, {
    schema: {
      tags,
      summary: 'The filtered round list as .xlsx',
      querystring: ExportRoundsQuery,
      response: errorResponses,
    },
    config: { access: 'assessments:read' },
    handler: async (req, reply) => sendXlsx(reply, await exportRounds(exportCaller(app, req), req.query)),
  });

  app.post(rounds, {
    schema: {
      tags,
      summary:
        'Open a round (city-wide only): a published version (frozen by opening), a due date, and the branches: of a subtree and kinds (standing branches of the city by default) or listed; never dissolved ones',
      body: OpenRoundBody,
      response: { 201: RoundSchema, ...errorResponses },
    },
    config: { access: 'assessments:open' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.openRound(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get(`${rounds}/:id`, {
    schema: {
      tags,
      summary: 'One round',
      params: IdParams,
      response: { 200: RoundSchema, ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.getRound(app.db, authOf(req), req.params.id),
  });

  app.post(`${rounds}/:id/close`, {
    schema: {
      tags,
      summary: 'Close a round: nothing in it changes any more (city-wide only)',
      params: IdParams,
      response: { 200: RoundSchema, ...errorResponses },
    },
    config: { access: 'assessments:open' },
    handler: async (req) => service.closeRound(app.db, authOf(req), actorOf(req), req.params.id),
  });

  app.get(`${rounds}/:id/figures`, {
    schema: {
      tags,
      summary:
        "A round's figures at a node of the org tree (yours by default): branches, states, compliance rate, demonstration branches; per child org and for the node's own branches",
      params: IdParams,
      querystring: FiguresQuery,
      response: { 200: FiguresSchema, ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => roundFigures(app.db, authOf(req), req.params.id, req.query),
  });

  app.get(`${rounds}/:id/assessments`, {
    schema: {
      tags,
      summary:
        "A round's board: every branch of the round in your scope with its state, result and demonstration level; filter, sort, page",
      params: IdParams,
      querystring: BoardQuery,
      response: { 200: AssessmentPageSchema, ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.listBoard(app.db, authOf(req), req.params.id, req.query),
  });

  app.get(`${rounds}/:id/assessments/export`, {
    schema: {
      tags,
      summary: "The round's filtered results table as .xlsx",
      params: IdParams,
      querystring: ExportBoardQuery,
      response: errorResponses,
    },
    config: { access: 'assessments:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exportBoard(exportCaller(app, req), req.params.id, req.query)),
  });

  app.get('/api/assessments/branches/:id/rounds', {
    schema: {
      tags,
      summary: "A branch's history: every round it was in, newest first, with state, result and level",
      params: IdParams,
      response: { 200: BranchHistorySchema, ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.branchHistory(app.db, authOf(req), req.params.id),
  });

  app.get('/api/assessments/branches/:id/rounds/export', {
    schema: {
      tags,
      summary: "A branch's history across rounds as .xlsx (filter by state and result)",
      params: IdParams,
      querystring: ExportHistoryQuery,
      response: errorResponses,
    },
    config: { access: 'assessments:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exportBranchHistory(exportCaller(app, req), req.params.id, req.query)),
  });

  // ---- a branch's assessment ----

  app.get(one, {
    schema: {
      tags,
      summary:
        "A branch's assessment: every measure with its answer, evidence, checks and finding; demonstration levels; your actions",
      params: IdParams,
      response: ok,
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.getAssessment(app.db, authOf(req), req.params.id),
  });

  app.get(`${one}/history`, {
    schema: {
      tags,
      summary: "An assessment's timeline, oldest first: who did what, when, with which comment",
      params: IdParams,
      response: { 200: WorkflowHistorySchema, ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.assessmentHistory(app.db, authOf(req), req.params.id),
  });

  app.put(`${one}/answers/:measureId`, {
    schema: {
      tags,
      summary:
        "The branch's verdict on a measure (met, not met, or not applicable for a scored one) with a note, while self-assessing",
      params: AssessmentParams,
      body: AnswerBody,
      response: ok,
    },
    config: { access: 'assessments:assess' },
    handler: async (req) =>
      service.saveAnswer(app.db, authOf(req), actorOf(req), req.params.id, req.params.measureId, req.body),
  });

  registerAttachments(app, files, {
    ...service.evidenceFiles,
    path: `${one}/files`,
    tags,
    access: { read: 'assessments:read', write: 'assessments:assess' },
    what: "a branch's assessment (evidence for the measure named, while self-assessing)",
    uploadFields: EvidenceUploadFields,
  });

  app.post(`${one}/answers/:measureId/meetings`, {
    schema: {
      tags,
      summary: "Cite one of the branch's own approved meetings of the round's year as evidence for a measure",
      params: AssessmentParams,
      body: MeetingEvidenceBody,
      response: { 201: AssessmentSchema, ...errorResponses },
    },
    config: { access: 'assessments:assess' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.addMeetingEvidence(
        app.db,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.params.measureId,
        req.body,
      );
    },
  });

  app.delete(`${one}/evidence/:evidenceId`, {
    schema: {
      tags,
      summary: 'Take a piece of evidence off an answer, while self-assessing',
      params: EvidenceParams,
      response: ok,
    },
    config: { access: 'assessments:assess' },
    handler: async (req) =>
      service.removeEvidence(app.db, authOf(req), actorOf(req), req.params.id, req.params.evidenceId),
  });

  app.put(`${one}/checks/:measureId`, {
    schema: {
      tags,
      summary:
        "Check an answer: the county's review of a submitted one, the city's verification of a reviewed one; agree or disagree naming the evidence, or no_evidence",
      params: AssessmentParams,
      body: CheckBody,
      response: ok,
    },
    // The stage decides the permission (assessments:review or assessments:verify), checked by the service.
    config: { access: 'assessments:read' },
    handler: async (req) =>
      service.saveCheck(app.db, authOf(req), actorOf(req), req.params.id, req.params.measureId, req.body),
  });

  app.post(`${one}/transitions/:action`, {
    schema: {
      tags,
      summary:
        'Take a step: submit (assessments:assess, the branch), return with a comment or review (assessments:review, the level above), send_back with a comment or verify in full or by sampling (assessments:verify, the city)',
      params: TransitionParams,
      body: AssessmentTransitionBody,
      response: ok,
    },
    // Each step asks for its own permission, checked by the workflow; anyone who may read may ask.
    config: { access: 'assessments:read' },
    handler: async (req) =>
      service.transitionAssessment(
        app.db,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.params.action,
        req.body ?? {},
      ),
  });

  app.post(`${one}/demonstrations`, {
    schema: {
      tags,
      summary:
        'Name the branch a demonstration branch: city level on a verified compliant result; province level (recorded by the city) on city level or compliance in the same round',
      params: IdParams,
      body: DemonstrationBody,
      response: { 201: AssessmentSchema, ...errorResponses },
    },
    config: { access: 'assessments:verify' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.nameDemonstration(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.post(`${one}/demonstrations/:demonstrationId/revoke`, {
    schema: {
      tags,
      summary: 'Revoke a demonstration level, with the reason',
      params: DemonstrationParams,
      body: RevokeBody,
      response: ok,
    },
    config: { access: 'assessments:verify' },
    handler: async (req) =>
      service.revokeDemonstration(
        app.db,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.params.demonstrationId,
        req.body,
      ),
  });
}
