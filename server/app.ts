import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Config } from './config.ts';
import { type Db, migrateToLatest } from './db/database.ts';
import { databaseKind, refreshStatistics } from './db/dialect.ts';
import { AppError, type ErrorCode, errorMessage, type FieldProblem, localeOf } from './errors.ts';
import assessmentsRoutes from './modules/assessments/assessments.routes.ts';
import roundsRoutes from './modules/assessments/rounds.routes.ts';
import auditRoutes from './modules/audit/audit.routes.ts';
import branchesRoutes from './modules/branches/branches.routes.ts';
import meetingsRoutes from './modules/branches/meetings.routes.ts';
import brandsRoutes from './modules/brands/brands.routes.ts';
import { fillMaskedNumbers } from './modules/cadres/cadres.keys.ts';
import cadresRoutes from './modules/cadres/cadres.routes.ts';
import dictionariesRoutes from './modules/dictionaries/dictionaries.routes.ts';
import { syncDictionaries } from './modules/dictionaries/dictionaries.service.ts';
import identityRoutes, { sessionCookieName } from './modules/identity/identity.routes.ts';
import { authenticate, syncBuiltinRoles } from './modules/identity/identity.service.ts';
import rolesRoutes from './modules/identity/roles.routes.ts';
import usersRoutes from './modules/identity/users.routes.ts';
import learningRoutes from './modules/learning/learning.routes.ts';
import postsRoutes from './modules/learning/posts.routes.ts';
import orgsRoutes from './modules/orgs/orgs.routes.ts';
import todosRoutes from './modules/todos/todos.routes.ts';
import { registerAccessGuard } from './platform/access/guard.ts';
import { type Keyring, loadKeyring } from './platform/crypto/personal-data.ts';
import { DiskFileStore } from './platform/files/files.ts';
import { ErrorSchema } from './platform/http/schemas.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import type { App } from './platform/http/types.ts';
import { stopWorkers } from './platform/jobs/workers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where the built console is served from. */
export const WEB_DIST = path.join(root, 'web', 'dist');

/**
 * Migrates the schema and installs what ships with the platform (built-in roles, code tables). With the
 * keyring (at server start), also fills what a migration cannot compute without it: the masked
 * personal numbers of records stored before they were kept.
 */
export async function prepareDatabase(db: Db, keyring?: Keyring) {
  const applied = await migrateToLatest(db);
  await syncBuiltinRoles(db);
  await syncDictionaries(db);
  if (keyring) await fillMaskedNumbers(db, keyring);
  await refreshStatistics(db);
  return applied;
}

export interface BuildOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole application on an open, migrated database. */
export async function buildApp({ config, db, logger }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    ajv: {
      customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('db', db);
  app.decorate('config', config);
  app.addSchema(ErrorSchema);

  registerSecurityHeaders(app, config.cookieSecure);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.UPLOAD_LIMIT_BYTES, files: 1, fields: 10 },
  });
  const keyring = loadKeyring(config.keysFile, config.NODE_ENV !== 'production');
  const files = new DiskFileStore(path.join(config.dataDir, 'files'));
  const cookie = sessionCookieName(config.cookieSecure);
  registerAccessGuard(app, cookie, (token) => authenticate(db, config, token));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request.headers['accept-language']);
    const send = (status: number, code: ErrorCode, details?: FieldProblem[]) =>
      reply.code(status).send({
        error: {
          code,
          message: errorMessage(code, locale),
          requestId: request.id,
          ...(details && { details }),
        },
      });
    if (error instanceof AppError) {
      const details = error.details?.map(({ messages, ...d }) =>
        messages ? { ...d, message: locale === 'en-US' ? messages.en : messages.zh } : d,
      );
      return send(error.status, error.code, details);
    }
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((v) => {
        const missing = (v.params as { missingProperty?: string })?.missingProperty;
        const field = [
          where,
          ...v.instancePath.split('/').filter(Boolean),
          ...(missing ? [missing] : []),
        ].join('.');
        return { field, rule: v.keyword, message: v.message ?? v.keyword };
      });
      return send(400, 'validation', details);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, 'body_too_large');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, 'unsupported_media_type');
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') return send(413, 'file.too_large');
    if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return send(415, 'unsupported_media_type');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(error.statusCode, error.statusCode === 404 ? 'not_found' : 'bad_request');
    }
    request.log.error({ err: error }, 'request failed');
    return send(500, 'internal');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Xinyao (心耀) API',
        version: '0.1.0',
        description:
          'The API of the Veteran Cadres Bureau platform. Sign in with POST /api/auth/login; the session is an HttpOnly cookie. Every state-changing request carries `x-csrf-token` (from GET /api/auth/me).',
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string) || `def-${i}`,
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', {
    schema: { hide: true },
    config: { access: 'public' },
    handler: async () => app.swagger(),
  });

  app.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Liveness and database reachability',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
        503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
      },
    },
    config: { access: 'public' },
    handler: async (_req, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, database: databaseKind(db) };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, database: databaseKind(db) });
      }
    },
  });

  await app.register(identityRoutes);
  await app.register(usersRoutes);
  await app.register(rolesRoutes);
  await app.register(orgsRoutes);
  await app.register(dictionariesRoutes);
  await app.register(auditRoutes);
  await app.register(cadresRoutes, { keyring, files });
  await app.register(todosRoutes);
  await app.register(branchesRoutes, { keyring });
  await app.register(meetingsRoutes, { files });
  await app.register(assessmentsRoutes);
  await app.register(roundsRoutes, { files });
  await app.register(learningRoutes, { files });
  await app.register(postsRoutes, { files });
  await app.register(brandsRoutes, { files });

  if (config.SERVE_WEB && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
    const sendIndex = (_req: unknown, reply: { type: (t: string) => { send: (b: Buffer) => unknown } }) =>
      reply.type('text/html; charset=utf-8').send(indexHtml);
    app.get('/', { schema: { hide: true } }, sendIndex as never);
    app.setNotFoundHandler((request, reply) => {
      if (
        request.method === 'GET' &&
        !request.url.startsWith('/api') &&
        !path.extname(request.url.split('?')[0] ?? '')
      ) {
        return reply.type('text/html; charset=utf-8').send(indexHtml);
      }
      const locale = localeOf(request.headers['accept-language']);
      return reply.code(404).send({
        error: { code: 'not_found', message: errorMessage('not_found', locale), requestId: request.id },
      });
    });
  } else {
    app.setNotFoundHandler((request, reply) => {
      const locale = localeOf(request.headers['accept-language']);
      return reply.code(404).send({
        error: { code: 'not_found', message: errorMessage('not_found', locale), requestId: request.id },
      });
    });
  }

  app.addHook('onClose', async () => {
    await stopWorkers(config);
    await db.destroy();
  });

  return app as unknown as App;
}
