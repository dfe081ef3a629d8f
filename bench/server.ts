/**
 * A server for the benchmarks, in its own process so the load generator does not share its event loop.
 * BENCH_MODE=bare: a bare Fastify route. BENCH_MODE=ceiling: the roster list's statements behind a bare
 * route on BENCH_DATA_DIR. BENCH_MODE=app: the whole platform, on BENCH_DATA_DIR when given, else on a
 * fresh SQLite database with the demo city (no roster). Prints "ready <port>".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { seedDemo } from '../scripts/demo/seed.ts';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { listCadres } from '../server/modules/cadres/cadres.repository.ts';
import { subtreeOrgIds } from '../server/platform/access/scope.ts';

const mode = process.env.BENCH_MODE ?? 'app';
let port = 0;
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ id: 1, name: 'bare' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
} else if (mode === 'ceiling') {
  // The roster list's own statements on the same database, served bare: no session, no permission,
  // no masking or schema, the rows as they come. What the platform's list is measured against.
  const config = loadConfig({ DATA_DIR: process.env.BENCH_DATA_DIR ?? '', LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  const app = Fastify({ logger: false });
  app.get('/list', async (request) => {
    const q = request.query as { orgId: string; category: 'lixiu' | 'tuixiu'; sort: 'name' };
    const org = await db
      .selectFrom('orgs')
      .select('path')
      .where('id', '=', Number(q.orgId))
      .executeTakeFirst();
    const orgIds = await subtreeOrgIds(db, { orgId: Number(q.orgId), path: org?.path ?? '/0/' });
    return listCadres(db, { orgIds, status: 'active', category: q.category }, q.sort, 1, 20);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
} else {
  const given = process.env.BENCH_DATA_DIR;
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    NODE_ENV: 'development',
  });
  const db = openDatabase(config);
  await prepareDatabase(db);
  if (!given) await seedDemo(db, config, () => {}, { count: 0, lixiu: 0 });
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
  if (!given) process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
}
process.stdout.write(`ready ${port}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
