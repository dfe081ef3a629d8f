/**
 * The benchmark rosters: the demo city's org tree and accounts with `size` synthetic cadres on SQLite,
 * built once into bench/.data/roster-<size> (gitignored) and reused while the schema is the same.
 * Records are written in bulk in one transaction, straight into the tables (not through the API, which
 * checks each record: minutes per 100,000), with their masked numbers and search terms, as the
 * platform stores them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Insertable, sql } from 'kysely';
import { createRandom } from '../scripts/demo/people.ts';
import { seedDemo } from '../scripts/demo/seed.ts';
import { prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { applyBulkWriteSettings, refreshStatistics } from '../server/db/dialect.ts';
import { migrations } from '../server/db/migrations/index.ts';
import type { CadresTable } from '../server/db/schema.ts';
import { namePinyin, searchTerms } from '../server/modules/cadres/cadres.search.ts';
import { checkCharacter } from '../server/modules/cadres/id-number.ts';
import { listOrgs } from '../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../server/platform/access/scope.ts';
import { loadKeyring, maskIdNumber, maskPhone } from '../server/platform/crypto/personal-data.ts';

/** The data directory of a roster of `size` cadres. */
export const rosterDir = (size: number) => path.resolve(`bench/.data/roster-${size}`);

/** A cache is valid for the schema it was built with: the last migration's name. */
const SCHEMA = Object.keys(migrations).at(-1) ?? '';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '建国秀英桂兰志强德华文明玉珍海军红梅丽华淑芬永福春生金凤振华国庆光明秋菊宝山';
const RANKS = [
  'clerk',
  'principal_staff',
  'township_deputy',
  'township_main',
  'county_deputy',
  'county_main',
];
const LIVING = ['with_family', 'with_family', 'empty_nest', 'alone', 'care_home'];
const DAY = 86_400_000;

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Builds the roster unless a complete one for this schema is there; returns its DATA_DIR and how long
 * building took (0 when reused).
 */
export async function ensureRoster(size: number, log: (line: string) => void) {
  const dir = rosterDir(size);
  const marker = path.join(dir, 'complete');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === SCHEMA) return { dir, seconds: 0 };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'development' });
  const db = openDatabase(config);
  await prepareDatabase(db);
  await seedDemo(db, config, () => {}, { count: 0, lixiu: 0 });
  const keyring = loadKeyring(config.keysFile, true);
  const units = (await listOrgs(db, WHOLE_TREE, false)).filter((o) => o.kind === 'unit').map((o) => o.id);
  log(`building a roster of ${size} cadres in ${dir} (once)…`);

  const random = createRandom(20261202);
  const termsOf = new Map<string, { pinyin: string; terms: string[] }>();
  const now = new Date().toISOString();
  const lixiu = Math.round(size / 50);
  await applyBulkWriteSettings(db);
  // SQLite only, and a throwaway file: no fsync, a 1 GB page cache, and the roster's secondary indexes
  // built once at the end by sorting, instead of kept up row by row (several times faster).
  await sql`pragma synchronous = off`.execute(db);
  await sql`pragma cache_size = -1048576`.execute(db);
  const indexes = (
    await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
      where type = 'index' and tbl_name = 'cadres' and sql is not null`.execute(db)
  ).rows;
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  await db.transaction().execute(async (trx) => {
    const batch = 1000;
    for (let from = 0; from < size; from += batch) {
      const rows: Insertable<CadresTable>[] = [];
      for (let i = from; i < Math.min(size, from + batch); i++) {
        const old = i < lixiu;
        // Unique ID numbers: each birth day takes up to 1,000 sequence numbers, a region per category.
        const days = old ? 3287 : 11_687;
        const birth = ymd(Date.UTC(old ? 1925 : 1935, 0, 1) + (i % days) * DAY);
        const seq = String(Math.floor(i / days) % 1000).padStart(3, '0');
        const first17 = `${old ? '320601' : '320602'}${birth.replace(/-/g, '')}${seq}`;
        const idNumber = first17 + checkCharacter(first17);
        const name = `${SURNAMES[random.int(0, SURNAMES.length - 1)]}${GIVEN[random.int(0, GIVEN.length - 1)]}${GIVEN[random.int(0, GIVEN.length - 1)]}`;
        let spelled = termsOf.get(name);
        if (!spelled) {
          spelled = { pinyin: namePinyin(name), terms: searchTerms([name]) };
          termsOf.set(name, spelled);
        }
        const mobile = random.chance(0.9) ? `139${String(i).padStart(8, '0')}` : null;
        const party = random.chance(old ? 0.95 : 0.7);
        rows.push({
          org_id: units[random.int(0, units.length - 1)] as number,
          name,
          name_pinyin: spelled.pinyin,
          gender: Number(seq) % 2 ? '1' : '2',
          birth_date: birth,
          id_number_enc: keyring.encrypt(idNumber),
          id_number_bidx: keyring.lookup('id_number', idNumber),
          id_number_masked: maskIdNumber(idNumber),
          political_status: party ? '01' : '13',
          category: old ? 'lixiu' : 'tuixiu',
          revolutionary_period: old ? 'liberation_war' : null,
          retired_on: `${Number(birth.slice(0, 4)) + 60}${birth.slice(4)}`,
          rank: RANKS[random.int(0, RANKS.length - 1)] as string,
          living_situation: LIVING[random.int(0, LIVING.length - 1)] as string,
          relocated: random.chance(0.01) ? 1 : 0,
          military_transfer: 0,
          mobile_enc: keyring.seal(mobile),
          mobile_bidx: mobile ? keyring.lookup('phone', mobile) : null,
          mobile_masked: maskPhone(mobile),
          birthday_calendar: 'solar',
          birthday_key: birth.slice(5),
          status: random.chance(0.03) ? 'deceased' : 'active',
          created_at: now,
          updated_at: now,
        });
      }
      const ids: number[] = [];
      for (let j = 0; j < rows.length; j += 500) {
        const inserted = await trx
          .insertInto('cadres')
          .values(rows.slice(j, j + 500))
          .returning('id')
          .execute();
        ids.push(...inserted.map((r) => r.id));
      }
      const terms = rows.flatMap((r, k) =>
        (termsOf.get(r.name)?.terms ?? []).map((term) => ({
          term,
          status: r.status,
          org_id: r.org_id,
          sort_name: r.name_pinyin,
          cadre_id: ids[k] as number,
        })),
      );
      for (let j = 0; j < terms.length; j += 1000) {
        await trx
          .insertInto('cadre_search_terms')
          .values(terms.slice(j, j + 1000))
          .execute();
      }
      if ((from / batch) % 100 === 99) log(`  ${from + batch} written`);
    }
  });
  for (const index of indexes) await sql.raw(index.sql).execute(db);
  await refreshStatistics(db);
  await db.destroy();
  fs.writeFileSync(marker, SCHEMA);
  return { dir, seconds: (performance.now() - started) / 1000 };
}

/** A spreadsheet of n new retirees (born 1967–1970, so nobody in the generated roster shares their numbers). */
export async function importFile(n: number) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['姓名', '身份证号码', '人员类别', '手机号码', '政治面貌', '原职级']);
  const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨';
  const given = '建国国庆秀英桂兰志强德华文明玉珍海军红梅';
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(1967, 0, 1) + (i % 1400) * DAY)
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
  const size = Number(process.argv[2] ?? 200_000);
  const { seconds } = await ensureRoster(size, (line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`roster of ${size}: ${seconds ? `built in ${seconds.toFixed(0)} s` : 'reused'}\n`);
}
