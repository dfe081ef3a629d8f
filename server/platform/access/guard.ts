import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { safeEqual } from '../crypto/hash.ts';
import type { Auth } from '../http/types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How the guard finds the caller: the identity module's session lookup, given the cookie's token. */
export type Authenticator = (token: string) => Promise<Auth | null>;

/**
 * The one access guard. Every /api route must declare `config.access` (registration fails otherwise);
 * before the body is even parsed, the guard resolves the session, refuses cross-site writes (Origin
 * check plus a per-session token in `x-csrf-token`), holds users who must change their password to
 * the few routes that allow it, and checks the route's permission against the active assignment.
 */
export function registerAccessGuard(app: FastifyInstance, cookieName: string, authenticate: Authenticator) {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...(route.config ?? {}), access: 'public' };
      return;
    }
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const token = request.cookies[cookieName];
    if (access === 'public') return;
    const auth = token ? await authenticate(token) : null;
    if (!auth) throw new AppError('auth.required');
    if (!SAFE_METHODS.has(request.method)) checkCsrf(request, auth);
    request.auth = auth;
    if (auth.mustChangePassword && !request.routeOptions.config.allowDuringPasswordChange) {
      throw new AppError('auth.password_change_required');
    }
    if (access !== 'authenticated' && !auth.permissions.has(access)) throw new AppError('auth.forbidden');
  });
}

function checkCsrf(request: FastifyRequest, auth: Auth) {
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    // request.host honours X-Forwarded-Host only when TRUST_PROXY says the proxy is trusted.
    const host = request.host;
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) throw new AppError('auth.csrf');
  }
  const header = request.headers['x-csrf-token'];
  if (typeof header !== 'string' || !safeEqual(header, auth.csrfToken)) throw new AppError('auth.csrf');
}
