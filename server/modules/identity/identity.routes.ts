import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import {
  ChangePasswordBody,
  LoginBody,
  MeSchema,
  PasswordPolicySchema,
  SessionSchema,
  SwitchScopeBody,
} from './identity.schema.ts';
import * as service from './identity.service.ts';

/** The session cookie's name; `__Host-` pins it to this origin when served over HTTPS. */
export function sessionCookieName(secure: boolean) {
  return secure ? '__Host-xinyao_session' : 'xinyao_session';
}

/** Sign-in, sign-out, the current user, their password, scope and sessions. */
export default async function identityRoutes(app: App) {
  const tags = ['auth'];
  const cookie = sessionCookieName(app.config.cookieSecure);
  const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
  const setSession = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.cookieSecure,
      path: '/',
    });

  app.post('/api/auth/login', {
    schema: {
      tags,
      summary: 'Sign in',
      body: LoginBody,
      response: { 200: MeSchema, ...errorResponses, 423: errorResponses[401], 429: errorResponses[401] },
    },
    config: { access: 'public' },
    handler: async (req, reply) => {
      const { token, auth } = await service.login(
        app.db,
        app.config,
        req.body.username.trim(),
        req.body.password,
        client(req),
        req.id,
      );
      setSession(reply, token);
      return service.me(app.db, auth);
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: 'Sign out', response: { 204: NoContent, ...errorResponses } },
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    handler: async (req, reply) => {
      await service.logout(app.db, authOf(req), actorOf(req));
      reply.clearCookie(cookie, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: { tags, summary: 'The signed-in user', response: { 200: MeSchema, ...errorResponses } },
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    handler: async (req) => service.me(app.db, authOf(req)),
  });

  // Public: the forms that set a password (first sign-in, an administrator's new account) state the
  // policy the server will apply, which is configuration (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES).
  app.get('/api/auth/password-policy', {
    schema: {
      tags,
      summary: 'The password policy new passwords must meet',
      response: { 200: PasswordPolicySchema },
    },
    config: { access: 'public' },
    handler: async () => ({
      minLength: app.config.PASSWORD_MIN_LENGTH,
      minClasses: app.config.PASSWORD_MIN_CLASSES,
    }),
  });

  app.post('/api/auth/password', {
    schema: {
      tags,
      summary: 'Change your password (ends your other sessions)',
      body: ChangePasswordBody,
      response: { 200: MeSchema, ...errorResponses },
    },
    config: { access: 'authenticated', allowDuringPasswordChange: true },
    handler: async (req, reply) => {
      const { token, auth } = await service.changePassword(
        app.db,
        app.config,
        authOf(req),
        actorOf(req),
        req.body.currentPassword,
        req.body.newPassword,
        client(req),
      );
      setSession(reply, token);
      return service.me(app.db, auth);
    },
  });

  app.post('/api/auth/scope', {
    schema: {
      tags,
      summary: 'Switch the active role assignment',
      body: SwitchScopeBody,
      response: { 200: MeSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) => {
      const auth = authOf(req);
      await service.switchScope(app.db, auth, actorOf(req), req.body.assignmentId);
      const token = req.cookies[cookie] as string;
      const renewed = await service.authenticate(app.db, app.config, token);
      return service.me(app.db, renewed ?? auth);
    },
  });

  app.get('/api/auth/sessions', {
    schema: {
      tags,
      summary: 'Your live sessions',
      response: { 200: Type.Array(SessionSchema), ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) => {
      const auth = authOf(req);
      return service.listSessions(app.db, app.config, auth.userId, auth.sessionId);
    },
  });

  app.delete('/api/auth/sessions/:id', {
    schema: {
      tags,
      summary: 'End one of your sessions',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req, reply) => {
      await service.endOwnSession(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}
