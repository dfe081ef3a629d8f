import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { dropPostgresDatabase, recreatePostgresDatabase, sqliteFile } from '../db/dialect.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    template: { databaseUrl?: string; file?: string };
  }
}

/**
 * Migrates one template database for the whole run; each test file clones it (immich's pattern).
 * SQLite always; PostgreSQL when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const baseUrl = process.env.TEST_DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-test-'));
  let template: { databaseUrl?: string; file?: string };
  if (baseUrl) {
    const databaseUrl = await recreatePostgresDatabase(baseUrl, `xinyao_template_${process.pid}`);
    template = { databaseUrl };
  } else {
    template = { file: sqliteFile(dir) };
  }
  const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: template.databaseUrl ?? '', LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  await prepareDatabase(db);
  await db.destroy();
  project.provide('template', template);
  return async () => {
    if (template.databaseUrl) await dropPostgresDatabase(template.databaseUrl);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
