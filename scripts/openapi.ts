/** Writes the OpenAPI document to web/src/api/openapi.json, from which the web client's types are generated. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-openapi-'));
const config = loadConfig({
  ...process.env,
  DATABASE_URL: '',
  DATA_DIR: dataDir,
  SERVE_WEB: 'false',
  LOG_LEVEL: 'silent',
});
const app = await buildApp({ config, db: openDatabase(config) });
await app.ready();
const out = path.resolve('web/src/api/openapi.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
fs.rmSync(dataDir, { recursive: true, force: true });
execFileSync('npx', ['openapi-typescript', out, '-o', path.resolve('web/src/api/schema.d.ts')], {
  stdio: 'inherit',
});
