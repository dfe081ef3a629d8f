import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { type Db, openDatabase } from '../db/database.ts';
import { cloneTemplateDatabase, dropPostgresDatabase } from '../db/dialect.ts';
import type { Clock } from '../platform/http/context.ts';
import type { App } from '../platform/http/types.ts';

export interface TestContext {
  app: App;
  db: Db;
  config: Config;
  dataDir: string;
}

let counter = 0;

/**
 * A private copy of the migrated template database and an app built on it, closed after the file's
 * tests. Extra environment settings override the defaults (for lockout thresholds and the like).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  extend?: (app: App) => void,
  clock?: Clock,
): Promise<TestContext> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-t-'));
  const name = `xinyao_t_${process.pid}_${++counter}_${Date.now() % 100000}`;
  const target = await cloneTemplateDatabase(inject('template'), name, dataDir);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVE_WEB: 'false',
    ...env,
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? '',
  });
  const db = openDatabase(config);
  const app = await buildApp({ config, db, logger: false, ...(clock && { clock }) });
  extend?.(app);
  await app.ready();
  afterAll(async () => {
    await app.close();
    if (target.databaseUrl) await dropPostgresDatabase(target.databaseUrl);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, db, config, dataDir };
}
