import { Type } from 'typebox';
import { errorResponses, IdParams, NoContent, PageOf } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import {
  CreateUserBody,
  ListUsersQuery,
  ResetPasswordBody,
  SessionSchema,
  SetAssignmentsBody,
  UpdateUserBody,
  UserSchema,
} from './identity.schema.ts';
import * as service from './identity.service.ts';

/** Staff accounts, their role assignments and sessions. */
export default async function usersRoutes(app: App) {
  const tags = ['users'];

  app.get('/api/users', {
    schema: {
      tags,
      summary: 'Staff accounts in your scope',
      querystring: ListUsersQuery,
      response: { 200: PageOf(UserSchema), ...errorResponses },
    },
    config: { access: 'users:read' },
    handler: async (req) => service.listUsers(app.db, authOf(req), req.query),
  });

  app.get('/api/users/:id', {
    schema: {
      tags,
      summary: 'One account',
      params: IdParams,
      response: { 200: UserSchema, ...errorResponses },
    },
    config: { access: 'users:read' },
    handler: async (req) => service.getUser(app.db, authOf(req), req.params.id),
  });

  app.post('/api/users', {
    schema: {
      tags,
      summary: 'Create an account (its password must be changed at first sign-in)',
      body: CreateUserBody,
      response: { 201: UserSchema, ...errorResponses },
    },
    config: { access: 'users:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createUser(app.db, app.config, authOf(req), actorOf(req), req.body);
    },
  });

  app.patch('/api/users/:id', {
    schema: {
      tags,
      summary: 'Edit, disable or enable an account',
      params: IdParams,
      body: UpdateUserBody,
      response: { 200: UserSchema, ...errorResponses },
    },
    config: { access: 'users:write' },
    handler: async (req) => service.updateUser(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.post('/api/users/:id/reset-password', {
    schema: {
      tags,
      summary: 'Set a temporary password',
      params: IdParams,
      body: ResetPasswordBody,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'users:write' },
    handler: async (req, reply) => {
      await service.resetPassword(
        app.db,
        app.config,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.body.password,
      );
      return reply.code(204).send(null);
    },
  });

  app.post('/api/users/:id/unlock', {
    schema: {
      tags,
      summary: 'Lift sign-in locks',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'users:write' },
    handler: async (req, reply) => {
      await service.unlockUser(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.put('/api/users/:id/assignments', {
    schema: {
      tags,
      summary: 'Replace role assignments',
      params: IdParams,
      body: SetAssignmentsBody,
      response: { 200: UserSchema, ...errorResponses },
    },
    config: { access: 'users:assign' },
    handler: async (req) =>
      service.setAssignments(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.get('/api/users/:id/sessions', {
    schema: {
      tags,
      summary: "A user's live sessions",
      params: IdParams,
      response: { 200: Type.Array(SessionSchema), ...errorResponses },
    },
    config: { access: 'sessions:read' },
    handler: async (req) => service.listUserSessions(app.db, app.config, authOf(req), req.params.id),
  });

  app.delete('/api/users/:id/sessions', {
    schema: {
      tags,
      summary: "End all of a user's sessions",
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'sessions:revoke' },
    handler: async (req, reply) => {
      await service.revokeUserSessions(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}
