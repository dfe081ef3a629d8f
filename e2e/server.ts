/**
 * The server the browser tests drive: a fresh database (SQLite in a temporary folder, or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set), migrated, with the demo city and its accounts,
 * serving the built web app on E2E_PORT (default 3100).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../scripts/demo/seed.ts';
import { buildApp, prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../server/db/dialect.ts';

const port = process.env.E2E_PORT ?? '3100';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-e2e-'));
const databaseUrl = process.env.TEST_DATABASE_URL
  ? await recreatePostgresDatabase(process.env.TEST_DATABASE_URL, `xinyao_e2e_${process.pid}`)
  : '';
const config = loadConfig({
  NODE_ENV: 'test',
  PORT: port,
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
});
const db = openDatabase(config);
await prepareDatabase(db);
await seedDemo(db, config);
const app = await buildApp({ config, db });
const stop = async () => {
  await app.close();
  if (databaseUrl) await dropPostgresDatabase(databaseUrl);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await app.listen({ port: Number(port), host: '127.0.0.1' });
