// The demo city's roster: synthetic retired cadres spread over the org tree, shaped like Nantong's
// (about 600 lixiu, all over 90, and tens of thousands of tuixiu). Deterministic for a seed.
import type { Db } from '../../server/db/database.ts';
import { refreshStatistics } from '../../server/db/dialect.ts';
import * as repo from '../../server/modules/cadres/cadres.repository.ts';
import { checkCadre } from '../../server/modules/cadres/cadres.rules.ts';
import type { CreateCadreBody } from '../../server/modules/cadres/cadres.schema.ts';
import { searchTerms } from '../../server/modules/cadres/cadres.search.ts';
import { loadCodeSets, toColumns } from '../../server/modules/cadres/cadres.service.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { recordAudit } from '../../server/platform/audit/audit.ts';
import type { Keyring } from '../../server/platform/crypto/personal-data.ts';
import { createRandom, makePerson, type Random } from './people.ts';

const RANKS: [string, number][] = [
  ['bureau_main', 1],
  ['bureau_deputy', 3],
  ['county_main', 10],
  ['county_deputy', 16],
  ['township_main', 22],
  ['township_deputy', 18],
  ['principal_staff', 12],
  ['clerk', 14],
  ['junior_clerk', 4],
];
const LIVING: [string, number][] = [
  ['with_family', 55],
  ['empty_nest', 28],
  ['alone', 12],
  ['care_home', 5],
];
const EDUCATION: [string, number][] = [
  ['21', 30],
  ['31', 25],
  ['41', 15],
  ['61', 15],
  ['71', 10],
  ['14', 5],
];
const NATURE: [string, number][] = [
  ['party_government', 55],
  ['public_institution', 30],
  ['state_owned_enterprise', 10],
  ['mass_organization', 5],
];
const PLACES = [
  '江苏南通',
  '江苏如皋',
  '江苏海安',
  '江苏如东',
  '江苏启东',
  '江苏海门',
  '山东',
  '浙江',
  '上海',
];
const RELOCATIONS = ['北京市', '上海市', '南京市', '苏州市', '杭州市'];
const POSITIONS = ['科员', '副科长', '科长', '副主任', '主任', '副局长', '局长', '调研员', '处长', '副处长'];
const HOBBIES = ['书法', '太极拳', '摄影', '京剧', '园艺', '诗词', '象棋', '合唱', '钓鱼', '绘画'];

const addYears = (date: string, years: number, r: Random) => {
  const y = Number(date.slice(0, 4)) + years;
  return `${y}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
};

/**
 * Generates `count` cadres (the first `lixiu` of them lixiu) over the org tree's units and towns,
 * checks each against the roster's rules, and writes them in one transaction per batch.
 */
export async function generateCadres(
  db: Db,
  keyring: Keyring,
  opts: { count: number; lixiu: number; seed: number; today: string; onProgress?: (n: number) => void },
) {
  const random = createRandom(opts.seed);
  const orgs = (await listOrgs(db, WHOLE_TREE, false)).filter((o) => o.kind === 'unit');
  if (orgs.length === 0) throw new Error('the org tree has no units');
  const codes = await loadCodeSets(db);
  const taken = new Set<string>();
  const batch: { body: CreateCadreBody; deceased: string | null }[] = [];
  let written = 0;
  const flush = async () => {
    const now = new Date().toISOString();
    await db.transaction().execute(async (trx) => {
      const rows = batch.map(({ body, deceased }) => {
        const checked = checkCadre(body as never, codes, opts.today);
        if (!checked.ok) throw new Error(`demo cadre breaks a rule: ${JSON.stringify(checked.problems)}`);
        return {
          ...toColumns(body, checked.derived, keyring),
          status: deceased ? ('deceased' as const) : ('active' as const),
          created_at: now,
          updated_at: now,
        };
      });
      const ids = await repo.insertCadres(trx, rows);
      await repo.replaceSearchTerms(
        trx,
        batch.map(({ body }, i) => ({
          cadreId: ids[i] as number,
          terms: searchTerms([body.name, ...(body.formerNames ?? [])]),
        })),
      );
      for (const [i, { deceased }] of batch.entries()) {
        if (deceased) {
          await repo.insertDeath(trx, {
            cadre_id: ids[i] as number,
            died_on: deceased,
            cause: '病故',
            farewell: null,
            pension_recipient: null,
            pension_until: null,
            remarks: null,
            recorded_at: now,
          });
        }
      }
    });
    written += batch.length;
    batch.length = 0;
    opts.onProgress?.(written);
  };

  for (let i = 0; i < opts.count; i++) {
    const lixiu = i < opts.lixiu;
    const person = lixiu
      ? makePerson(random, { from: '1925-01-01', to: '1933-12-31' }, taken)
      : makePerson(random, { from: '1935-01-01', to: '1966-06-30' }, taken);
    const birthYear = Number(person.birthDate.slice(0, 4));
    const workStartedOn = lixiu
      ? addYears(person.birthDate, random.int(14, Math.min(19, 1948 - birthYear)), random)
      : addYears(person.birthDate, random.int(18, 24), random);
    const retiredOn = addYears(
      person.birthDate,
      lixiu ? 60 : person.gender === '1' ? 60 : random.pick([55, 60]),
      random,
    );
    const party = random.chance(lixiu ? 0.95 : 0.7);
    const relocated = random.chance(0.01);
    const mobileless = random.chance(lixiu ? 0.5 : 0.1);
    const body: CreateCadreBody = {
      name: person.name,
      idNumber: person.idNumber,
      orgId: random.pick(orgs).id,
      category: lixiu ? 'lixiu' : 'tuixiu',
      formerNames: person.formerName ? [person.formerName] : [],
      ethnicity: person.ethnicity,
      nativePlace: random.pick(PLACES),
      education: lixiu ? random.pick(['61', '71', '81']) : random.weighted(EDUCATION),
      politicalStatus: party ? '01' : random.pick(['13', '13', '05', '07']),
      partyJoinedOn: party
        ? addYears(person.birthDate, random.int(lixiu ? 15 : 20, lixiu ? 19 : 40), random)
        : null,
      workStartedOn: workStartedOn > '1949-09-30' && lixiu ? '1949-05-01' : workStartedOn,
      revolutionaryPeriod: lixiu ? (birthYear < 1928 ? 'anti_japanese_war' : 'liberation_war') : null,
      retiredOn: retiredOn > opts.today ? null : retiredOn,
      rank: random.weighted(RANKS),
      treatmentLevel: lixiu ? random.pick(['bureau_deputy', 'county_main', 'county_deputy']) : null,
      formerPosition: random.pick(POSITIONS),
      unitNature: random.weighted(NATURE),
      livingSituation: random.weighted(LIVING),
      relocated,
      relocationPlace: relocated ? random.pick(RELOCATIONS) : null,
      militaryTransfer: random.chance(0.06),
      mobile: mobileless ? null : person.phone,
      birthdayCalendar: random.chance(lixiu ? 0.6 : 0.25) ? 'lunar' : 'solar',
      hobbies: random.chance(0.4) ? random.pick(HOBBIES) : null,
    };
    if (body.partyJoinedOn && body.partyJoinedOn > opts.today) body.partyJoinedOn = null;
    const deceased = random.chance(0.02)
      ? `20${random.int(21, 25)}-${String(random.int(1, 12)).padStart(2, '0')}-15`
      : null;
    batch.push({ body, deceased });
    if (batch.length >= 2000) await flush();
  }
  if (batch.length > 0) await flush();
  await refreshStatistics(db);
  await recordAudit(
    db,
    { userId: null, name: 'demo-seed', ip: null, requestId: null },
    {
      action: 'cadre.demo_generate',
      entity: 'cadre',
      summary: `${written} synthetic cadres (seed ${opts.seed})`,
    },
  );
  return written;
}
