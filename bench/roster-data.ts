/**
 * The benchmark roster: the demo city with 1,000,000 synthetic cadres on SQLite, built once into
 * bench/.data/roster-1m and reused (it takes a few minutes). BENCH_ROSTER_SIZE overrides the size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { seedDemo } from '../scripts/demo/seed.ts';
import { prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';

export const ROSTER_SIZE = Number(process.env.BENCH_ROSTER_SIZE ?? 1_000_000);
export const ROSTER_DIR = path.resolve(`bench/.data/roster-${ROSTER_SIZE}`);

/** Builds the benchmark database unless a complete one is there; returns its DATA_DIR. */
export async function ensureRoster(log: (line: string) => void): Promise<string> {
  const marker = path.join(ROSTER_DIR, 'complete');
  if (fs.existsSync(marker)) return ROSTER_DIR;
  fs.rmSync(ROSTER_DIR, { recursive: true, force: true });
  fs.mkdirSync(ROSTER_DIR, { recursive: true });
  const config = loadConfig({ DATA_DIR: ROSTER_DIR, LOG_LEVEL: 'silent', NODE_ENV: 'development' });
  const db = openDatabase(config);
  await prepareDatabase(db);
  log(`building a roster of ${ROSTER_SIZE} cadres in ${ROSTER_DIR} (once)…`);
  await seedDemo(db, config, log, { count: ROSTER_SIZE, lixiu: Math.round(ROSTER_SIZE / 50) });
  await db.destroy();
  fs.writeFileSync(marker, new Date().toISOString());
  return ROSTER_DIR;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureRoster((line) => process.stdout.write(`${line}\n`));
}
