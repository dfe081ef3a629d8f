import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { countUsersInOrg } from '../identity/identity.service.ts';
import {
  CreateOrgBody,
  LiaisonAreaSchema,
  ListOrgsQuery,
  MoveOrgBody,
  OrgSchema,
  UpdateOrgBody,
} from './orgs.schema.ts';
import * as service from './orgs.service.ts';

/** The org tree: regions and units, with their liaison areas. */
export default async function orgsRoutes(app: App) {
  const tags = ['orgs'];

  app.get('/api/orgs', {
    schema: {
      tags,
      summary: 'The org tree inside your scope, flat',
      querystring: ListOrgsQuery,
      response: { 200: Type.Array(OrgSchema), ...errorResponses },
    },
    config: { access: 'orgs:read' },
    handler: async (req) =>
      service.listOrgs(app.db, authOf(req).scope, req.query.includeInactive, req.query.keyword),
  });

  app.get('/api/orgs/:id', {
    schema: { tags, summary: 'One org', params: IdParams, response: { 200: OrgSchema, ...errorResponses } },
    config: { access: 'orgs:read' },
    handler: async (req) => service.toOrg(await service.getOrg(app.db, req.params.id, authOf(req).scope)),
  });

  app.post('/api/orgs', {
    schema: {
      tags,
      summary: 'Add a node',
      body: CreateOrgBody,
      response: { 201: OrgSchema, ...errorResponses },
    },
    config: { access: 'orgs:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createOrg(app.db, actorOf(req), authOf(req).scope, req.body);
    },
  });

  app.patch('/api/orgs/:id', {
    schema: {
      tags,
      summary: 'Rename or recode a node',
      params: IdParams,
      body: UpdateOrgBody,
      response: { 200: OrgSchema, ...errorResponses },
    },
    config: { access: 'orgs:write' },
    handler: async (req) =>
      service.updateOrg(app.db, actorOf(req), authOf(req).scope, req.params.id, req.body),
  });

  app.post('/api/orgs/:id/move', {
    schema: {
      tags,
      summary: 'Move a node and its subtree',
      params: IdParams,
      body: MoveOrgBody,
      response: { 200: OrgSchema, ...errorResponses },
    },
    config: { access: 'orgs:write' },
    handler: async (req) =>
      service.moveOrg(app.db, actorOf(req), authOf(req).scope, req.params.id, req.body.parentId),
  });

  app.post('/api/orgs/:id/deactivate', {
    schema: {
      tags,
      summary: 'Take a node out of use',
      params: IdParams,
      response: { 200: OrgSchema, ...errorResponses },
    },
    config: { access: 'orgs:write' },
    handler: async (req) =>
      service.setOrgActive(app.db, actorOf(req), authOf(req).scope, req.params.id, false, countUsersInOrg),
  });

  app.post('/api/orgs/:id/activate', {
    schema: {
      tags,
      summary: 'Put a node back in use',
      params: IdParams,
      response: { 200: OrgSchema, ...errorResponses },
    },
    config: { access: 'orgs:write' },
    handler: async (req) =>
      service.setOrgActive(app.db, actorOf(req), authOf(req).scope, req.params.id, true, countUsersInOrg),
  });

  app.get('/api/liaison-areas', {
    schema: {
      tags,
      summary: 'Liaison areas (老干部工作联系片) with their unit counts',
      response: { 200: Type.Array(LiaisonAreaSchema), ...errorResponses },
    },
    config: { access: 'orgs:read' },
    handler: async () => service.listLiaisonAreas(app.db),
  });
}
