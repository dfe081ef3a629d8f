import { Type } from 'typebox';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf } from '../../platform/http/types.ts';
import { CreateRoleBody, PermissionSchema, RoleSchema, UpdateRoleBody } from './identity.schema.ts';
import * as service from './identity.service.ts';

/** Roles (sets of permissions) and the permission catalogue. */
export default async function rolesRoutes(app: App) {
  const tags = ['roles'];

  app.get('/api/permissions', {
    schema: {
      tags,
      summary: 'Every permission',
      response: { 200: Type.Array(PermissionSchema), ...errorResponses },
    },
    config: { access: 'roles:read' },
    handler: async () => service.listPermissions(),
  });

  app.get('/api/roles', {
    schema: { tags, summary: 'Roles', response: { 200: Type.Array(RoleSchema), ...errorResponses } },
    config: { access: 'roles:read' },
    handler: async () => service.listRoles(app.db),
  });

  app.post('/api/roles', {
    schema: {
      tags,
      summary: 'Define a role',
      body: CreateRoleBody,
      response: { 201: RoleSchema, ...errorResponses },
    },
    config: { access: 'roles:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createRole(app.db, actorOf(req), req.body);
    },
  });

  app.patch('/api/roles/:id', {
    schema: {
      tags,
      summary: 'Change a role',
      params: IdParams,
      body: UpdateRoleBody,
      response: { 200: RoleSchema, ...errorResponses },
    },
    config: { access: 'roles:write' },
    handler: async (req) => service.updateRole(app.db, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/roles/:id', {
    schema: {
      tags,
      summary: 'Delete an unused role',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'roles:write' },
    handler: async (req, reply) => {
      await service.deleteRole(app.db, actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}
