// The request context: what every service call needs to know about the call itself, built once per
// request and passed first, so that a service reads `(ctx, input)` instead of a row of positional
// parameters, and a test can say what day it is.
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import type { Actor } from '../audit/audit.ts';
import { type Clock, systemClock } from '../calendar/clock.ts';
import { requestLocale } from './replies.ts';
import { type Auth, actorOf, authOf } from './types.ts';

export { type Clock, fixedClock, systemClock } from '../calendar/clock.ts';

/** What a service is told about the call it serves. */
export interface Ctx {
  db: Db;
  /** the signed-in caller */
  auth: Auth;
  /** who acts, for the audit log */
  actor: Actor;
  /** the language the caller reads (Accept-Language) */
  locale: Locale;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** the app's clock: the system's, or a test's fixed one */
    clock: Clock;
  }
  interface FastifyRequest {
    /** the context, once built by ctxOf */
    xinyaoCtx?: Ctx;
  }
}

/** The context of a request that requires a signed-in caller, built on first use and kept on the request. */
export function ctxOf(req: FastifyRequest): Ctx {
  req.xinyaoCtx ??= {
    db: req.server.db,
    auth: authOf(req),
    actor: actorOf(req),
    locale: requestLocale(req),
    clock: req.server.clock,
  };
  return req.xinyaoCtx;
}

/** A context outside any request (scheduled jobs, scripts, the demo seed): a system actor. */
export function systemCtx(db: Db, auth: Auth, clock: Clock = systemClock): Ctx {
  return { db, auth, actor: { userId: null, name: null, ip: null, requestId: null }, locale: 'zh-CN', clock };
}
