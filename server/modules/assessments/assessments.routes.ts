import { Type } from 'typebox';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { exportStandards, exportVersion } from './assessments.export.ts';
import {
  CreateDimensionBody,
  CreateMeasureBody,
  CreateStandardBody,
  CreateVersionBody,
  ExportStandardsQuery,
  ReorderBody,
  StandardSchema,
  UpdateDimensionBody,
  UpdateMeasureBody,
  UpdateVersionBody,
  VersionSchema,
} from './assessments.schema.ts';
import * as service from './assessments.service.ts';

/**
 * The branch standards (六有一提升, 六好…): versions authored by the city's administrators as drafts,
 * published for rounds to use, frozen once a round uses them.
 */
export default async function assessmentsRoutes(app: App) {
  const tags = ['assessments'];
  const base = '/api/assessments/standards';
  const ok = { 200: VersionSchema, ...errorResponses };

  app.get(base, {
    schema: {
      tags,
      summary: 'The standards with their versions (drafts only for authors)',
      response: { 200: Type.Array(StandardSchema), ...errorResponses },
    },
    config: { access: 'assessments:read' },
    handler: async (req) => service.listStandards(app.db, authOf(req)),
  });

  app.post(base, {
    schema: {
      tags,
      summary: 'Create a standard (city-wide authors only)',
      body: CreateStandardBody,
      response: { 201: StandardSchema, ...errorResponses },
    },
    config: { access: 'assessments:author' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createStandard(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get(`${base}/export`, {
    schema: {
      tags,
      summary: "The standards and their versions as .xlsx, with the list's filters",
      querystring: ExportStandardsQuery,
      response: errorResponses,
    },
    config: { access: 'assessments:read' },
    handler: async (req, reply) => sendXlsx(reply, await exportStandards(exportCaller(app, req), req.query)),
  });

  app.post(`${base}/:id/versions`, {
    schema: {
      tags,
      summary: "Start the standard's next version as a draft, empty or copied from a version",
      params: IdParams,
      body: CreateVersionBody,
      response: { 201: VersionSchema, ...errorResponses },
    },
    config: { access: 'assessments:author' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createVersion(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.get(`${base}/versions/:id`, {
    schema: { tags, summary: 'A version with its dimensions and measures', params: IdParams, response: ok },
    config: { access: 'assessments:read' },
    handler: async (req) => service.getVersion(app.db, authOf(req), req.params.id),
  });

  app.patch(`${base}/versions/:id`, {
    schema: {
      tags,
      summary: "Change a draft's notes",
      params: IdParams,
      body: UpdateVersionBody,
      response: ok,
    },
    config: { access: 'assessments:author' },
    handler: async (req) => service.updateVersion(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/versions/:id`, {
    schema: {
      tags,
      summary: 'Delete a draft',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'assessments:author' },
    handler: async (req, reply) => {
      await service.deleteVersion(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get(`${base}/versions/:id/export`, {
    schema: {
      tags,
      summary: 'A version as .xlsx: dimensions, measures, evidence, rule and points',
      params: IdParams,
      response: errorResponses,
    },
    config: { access: 'assessments:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exportVersion(exportCaller(app, req), req.params.id)),
  });

  app.put(`${base}/versions/:id/order`, {
    schema: {
      tags,
      summary: "Reorder a draft's dimensions and measures (measures may move between dimensions)",
      params: IdParams,
      body: ReorderBody,
      response: ok,
    },
    config: { access: 'assessments:author' },
    handler: async (req) => service.reorder(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  for (const [action, summary, run] of [
    ['publish', 'Publish a complete draft (refusals list each problem)', service.publishVersion],
    ['withdraw', 'Take a published version no round uses back to draft', service.withdrawVersion],
    ['freeze', 'Freeze a published version (rounds freeze the one they use)', service.freezeByAdmin],
  ] as const) {
    app.post(`${base}/versions/:id/${action}`, {
      schema: { tags, summary, params: IdParams, response: ok },
      config: { access: 'assessments:author' },
      handler: async (req) => run(app.db, authOf(req), actorOf(req), req.params.id),
    });
  }

  app.post(`${base}/versions/:id/dimensions`, {
    schema: {
      tags,
      summary: 'Add a dimension at the end of a draft',
      params: IdParams,
      body: CreateDimensionBody,
      response: { 201: VersionSchema, ...errorResponses },
    },
    config: { access: 'assessments:author' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.addDimension(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.patch(`${base}/dimensions/:id`, {
    schema: {
      tags,
      summary: "Change a draft's dimension",
      params: IdParams,
      body: UpdateDimensionBody,
      response: ok,
    },
    config: { access: 'assessments:author' },
    handler: async (req) =>
      service.updateDimension(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/dimensions/:id`, {
    schema: { tags, summary: "Delete a draft's dimension with its measures", params: IdParams, response: ok },
    config: { access: 'assessments:author' },
    handler: async (req) => service.deleteDimension(app.db, authOf(req), actorOf(req), req.params.id),
  });

  app.post(`${base}/dimensions/:id/measures`, {
    schema: {
      tags,
      summary: 'Add a measure at the end of a dimension of a draft',
      params: IdParams,
      body: CreateMeasureBody,
      response: { 201: VersionSchema, ...errorResponses },
    },
    config: { access: 'assessments:author' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.addMeasure(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.patch(`${base}/measures/:id`, {
    schema: {
      tags,
      summary: "Change a draft's measure",
      params: IdParams,
      body: UpdateMeasureBody,
      response: ok,
    },
    config: { access: 'assessments:author' },
    handler: async (req) => service.updateMeasure(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete(`${base}/measures/:id`, {
    schema: { tags, summary: "Delete a draft's measure", params: IdParams, response: ok },
    config: { access: 'assessments:author' },
    handler: async (req) => service.deleteMeasure(app.db, authOf(req), actorOf(req), req.params.id),
  });
}
