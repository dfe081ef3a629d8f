import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Permission, RouteAccess } from '../access/permissions.ts';
import type { Scope } from '../access/scope.ts';
import type { Actor } from '../audit/audit.ts';

/** The signed-in caller, resolved from the session cookie by the access guard. */
export interface Auth {
  userId: number;
  username: string;
  name: string;
  sessionId: number;
  assignmentId: number | null;
  permissions: ReadonlySet<Permission>;
  /** null when the user holds no role assignment: they see nothing scoped */
  scope: Scope | null;
  mustChangePassword: boolean;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route asks of its caller. Every /api route must declare it. */
    access?: RouteAccess;
    /** Reachable while the user must still change their password (me, password, logout). */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
}

/** The Fastify instance as every route module sees it: TypeBox-typed. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The signed-in caller of a route that requires one. */
export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) throw new Error('route reached without authentication');
  return request.auth;
}

/** Who is acting, for the audit log. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.auth?.userId ?? null,
    name: request.auth?.name ?? null,
    ip: request.ip,
    requestId: request.id,
  };
}
