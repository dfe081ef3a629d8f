import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { CadreFiguresQuery, CadreFiguresSchema, SnapshotSchema, TakeSnapshotBody } from './figures.schema.ts';
import * as service from './figures.service.ts';

/**
 * The roster's figures (platform/indicators): headcounts at any node of the caller's scope grouped by
 * one or two of org, category, age band, party membership and treatment level, today's or as of 12-31
 * of a year whose snapshot (年报) was taken.
 */
export default async function cadreFiguresRoutes(app: App) {
  const tags = ['roster figures'];

  app.get('/api/cadres/figures', {
    schema: {
      tags,
      summary:
        'Headcounts of the roster at an org, grouped by one or two of org (its child orgs and itself), category, age band, party membership and treatment level; today or a year-end snapshot',
      querystring: CadreFiguresQuery,
      response: { 200: CadreFiguresSchema, ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async (req) => service.cadreFigures(app.db, authOf(req), req.query),
  });

  app.get('/api/cadres/figures/snapshots', {
    schema: {
      tags,
      summary: 'The yearly snapshots (年报, as of 12-31) taken, newest first',
      response: { 200: Type.Array(SnapshotSchema), ...errorResponses },
    },
    config: { access: 'cadres:read' },
    handler: async () => service.listSnapshots(app.db),
  });

  app.post('/api/cadres/figures/snapshots', {
    schema: {
      tags,
      summary: "Freeze a past year's figures as of its 31 December (city-wide staff; once per year)",
      body: TakeSnapshotBody,
      response: { 201: SnapshotSchema, ...errorResponses },
    },
    config: { access: 'cadres:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.takeSnapshot(app.db, actorOf(req), authOf(req), req.body.year);
    },
  });
}
