/**
 * A server for the benchmarks, in its own process so the load generator does not share its event loop.
 * BENCH_MODE=bare: a bare Fastify route. BENCH_MODE=app: the whole platform, on BENCH_DATA_DIR when
 * given, else on a fresh SQLite database with the demo city (no roster). Prints "ready <port>".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { seedDemo } from '../scripts/demo/seed.ts';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';

const mode = process.env.BENCH_MODE ?? 'app';
let port = 0;
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ id: 1, name: 'bare' }));
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
