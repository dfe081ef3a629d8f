import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RouteOptions } from 'fastify';
import { describe, expect, inject, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { cloneTemplateDatabase } from '../db/dialect.ts';
import { isPermission } from '../platform/access/permissions.ts';
import { createTestApp } from './test-app.ts';

/**
 * Every route as registered. buildApp registers its routes before it returns, so a hook added
 * afterwards would see none of them; instead every Fastify instance created in this file gets a
 * collecting onRoute hook at birth, ahead of everything buildApp adds.
 */
const registered = vi.hoisted(() => [] as RouteOptions[]);

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof import('fastify')>();
  const withCollector = ((options?: Parameters<typeof real.default>[0]) => {
    const app = real.default(options);
    app.addHook('onRoute', (route) => {
      registered.push(route);
    });
    return app;
  }) as typeof real.default;
  return { ...real, default: withCollector, fastify: withCollector };
});

const ctx = await createTestApp();
// Taken now, before the last test builds a second app whose routes would join the list.
const routes = registered.slice();

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);
const apiRoutes = routes.filter((r) => r.url.startsWith('/api'));

/** The documented public entry points: liveness, sign-in, the password policy and the API description. */
function isPublicByDesign(url: string) {
  return (
    url === '/api/health' ||
    url === '/api/auth/login' ||
    url === '/api/auth/password-policy' ||
    url === '/api/openapi.json' ||
    url === '/api/docs' ||
    url.startsWith('/api/docs/')
  );
}

/** A concrete URL for a route pattern; the values need not exist, since nobody gets past the guard. */
function sample(url: string) {
  return url.replace(':id', '1').replace(':code', 'gender').replace(':itemCode', '1');
}

describe('route permissions', () => {
  it('sees the whole API', () => {
    const urls = new Set(apiRoutes.map((r) => r.url));
    for (const url of [
      '/api/health',
      '/api/auth/login',
      '/api/users',
      '/api/orgs/:id/move',
      '/api/audit/verify',
    ]) {
      expect(urls).toContain(url);
    }
    expect(apiRoutes.length).toBeGreaterThan(30);
  });

  it('finds config.access declared on every /api route, naming a known permission', () => {
    for (const route of apiRoutes) {
      const access = route.config?.access;
      expect(access, `${methodsOf(route).join(',')} ${route.url}`).toBeTypeOf('string');
      const known = access === 'public' || access === 'authenticated' || isPermission(String(access));
      expect(known, `${route.url}: ${access}`).toBe(true);
    }
  });

  it("keeps 'public' to health, login, the password policy, the OpenAPI document and the docs pages", () => {
    const publicUrls = [...new Set(apiRoutes.filter((r) => r.config?.access === 'public').map((r) => r.url))];
    expect(publicUrls.filter((url) => !isPublicByDesign(url))).toEqual([]);
    expect(publicUrls).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/openapi.json', '/api/docs']),
    );
  });

  it('answers 401 to an anonymous request on every other route', async () => {
    const guarded = apiRoutes.filter((r) => r.config?.access !== 'public');
    expect(guarded.length).toBeGreaterThan(25);
    for (const route of guarded) {
      for (const method of methodsOf(route)) {
        const url = sample(route.url);
        const res = await ctx.app.inject({ method: method as 'GET', url });
        expect(res.statusCode, `${method} ${url}`).toBe(401);
        if (method !== 'HEAD') expect(res.json().error.code, `${method} ${url}`).toBe('auth.required');
      }
    }
  });

  it('answers 401 to a forged or stale cookie the same way', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { cookie: 'xinyao_session=forged-token; __Host-xinyao_session=forged-token' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('refuses to register an /api route that declares no access', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-t-'));
    const target = await cloneTemplateDatabase(
      inject('template'),
      `xinyao_t_${process.pid}_naked_${Date.now() % 100000}`,
      dataDir,
    );
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SERVE_WEB: 'false',
      DATA_DIR: target.dataDir,
      DATABASE_URL: target.databaseUrl ?? '',
    });
    const db = openDatabase(config);
    const app = await buildApp({ config, db, logger: false });
    try {
      const attempt = async () => {
        app.get('/api/naked', async () => ({ leaked: true }));
        await app.ready();
      };
      await expect(attempt()).rejects.toThrow(/GET \/api\/naked declares no access/);
    } finally {
      await app.close().catch(() => undefined);
      await db.destroy().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
