/**
 * The benchmark roster: the demo city with 1,000,000 synthetic cadres on SQLite, built once into
 * bench/.data/roster-1m and reused (it takes a few minutes). BENCH_ROSTER_SIZE overrides the size.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seedDemo } from '../scripts/demo/seed.ts';
import { prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { checkCharacter } from '../server/modules/cadres/id-number.ts';

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

/** A spreadsheet of n new retirees (born 1967–1970, so nobody in the generated roster shares their numbers). */
export async function importFile(n: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '身份证号码', '人员类别', '手机号码', '政治面貌', '原职级']);
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
  const given = '建国国庆秀英桂兰志强德华文明玉珍海军红梅';
  for (let i = 0; i < n; i++) {
    // Born 1967–1970: nobody in the generated roster (born up to 1966) shares these numbers.
    const day = new Date(Date.UTC(1967, 0, 1) + (i % 1400) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    const first17 = `3206${String(Math.floor(i / 1400) % 100).padStart(2, '0')}${day}${String(i % 1000).padStart(3, '0')}`;
    const name = `${surnames[i % 16]}${given[i % 20]}${given[(i * 7) % 20]}`;
    ws.addRow([
      name,
      first17 + checkCharacter(first17),
      '退休',
      `139${String(i).padStart(8, '0')}`,
      '中国共产党党员',
      '科员',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await ensureRoster((line) => process.stdout.write(`${line}\n`));
}
