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
import cadreFiguresRoutes from './modules/cadres/figures.routes.ts';
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
import calendarRoutes from './platform/calendar/calendar.routes.ts';
import { syncShippedHolidays } from './platform/calendar/holidays.ts';
import { type Keyring, loadKeyring } from './platform/crypto/personal-data.ts';
import { DiskFileStore } from './platform/files/files.ts';
import { LARGEST_UPLOAD_BYTES } from './platform/files/kinds.ts';
import { type Clock, systemClock } from './platform/http/context.ts';
import { ErrorSchema } from './platform/http/schemas.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import type { App } from './platform/http/types.ts';
import { stopWorkers } from './platform/jobs/workers.ts';
import { recoverInterruptedJobs } from './platform/scheduler/interrupted.ts';
import schedulerRoutes from './platform/scheduler/scheduler.routes.ts';
import { Scheduler, type SchedulerOptions } from './platform/scheduler/scheduler.ts';
import { localise, schemaProblems } from './platform/validation/problems.ts';
import { JOB_DEFINITIONS, REMINDER_SOURCES } from './schedule.ts';

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
  await syncShippedHolidays(db);
  if (keyring) await fillMaskedNumbers(db, keyring);
  await refreshStatistics(db);
  return applied;
}

export interface BuildOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** where "now" comes from: the system's clock unless a test fixes one */
  clock?: Clock;
  /**
   * Run the scheduler in this app (main.ts does; API tests do not unless they ask): true, or settings
   * for it (a clock, a poll interval…).
   */
  scheduler?:
    | boolean
    | Partial<Pick<SchedulerOptions, 'clock' | 'pollMs' | 'leaseMs' | 'backoffMs' | 'instanceId'>>;
}

/** Builds the whole application on an open, migrated database. */
export async function buildApp({ config, db, logger, clock, scheduler }: BuildOptions): Promise<App> {
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
  app.decorate('clock', clock ?? systemClock);
  app.addSchema(ErrorSchema);

  registerSecurityHeaders(app, config.cookieSecure);
  await app.register(fastifyCookie);
  // A backstop only: each upload route streams its file under its own kind's limit (platform/files/kinds.ts).
  await app.register(fastifyMultipart, {
    limits: { fileSize: LARGEST_UPLOAD_BYTES + 1, files: 1, fields: 10 },
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
          ...(details && { details: details.map((d) => localise(d, locale)) }),
        },
      });
    if (error instanceof AppError) return send(error.status, error.code, error.details);
    if (error.validation) {
      return send(400, 'validation', schemaProblems(error.validation, error.validationContext));
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
  await app.register(cadreFiguresRoutes);
  await app.register(todosRoutes, { reminders: REMINDER_SOURCES });
  await app.register(branchesRoutes, { keyring });
  await app.register(meetingsRoutes, { files });
  await app.register(assessmentsRoutes);
  await app.register(roundsRoutes, { files });
  await app.register(learningRoutes, { files });
  await app.register(postsRoutes, { files });
  await app.register(brandsRoutes, { files });
  await app.register(schedulerRoutes);
  await app.register(calendarRoutes);

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

  if (scheduler) {
    const jobs = new Scheduler({
      db,
      definitions: JOB_DEFINITIONS,
      log: app.log,
      clock: app.clock,
      ...(typeof scheduler === 'object' && scheduler),
      // Imports and exports left running by a crashed instance become interrupted, so they can be run again.
      onStart: async (s) => {
        const ids = await recoverInterruptedJobs(db, s.clock.now());
        if (ids.length > 0)
          app.log.warn({ jobs: ids, instance: s.instanceId }, 'interrupted jobs found at start');
      },
    });
    app.addHook('onReady', async () => jobs.start());
    // preClose: before the onClose hooks (run last-added first) close the workers and the database.
    app.addHook('preClose', async () => jobs.stop());
  }

  app.addHook('onClose', async () => {
    await stopWorkers(config);
    await db.destroy();
  });

  return app as unknown as App;
}
