import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/database.ts';
import { provisionAccount } from '../../server/modules/identity/identity.service.ts';
import * as orgs from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import type { Actor } from '../../server/platform/audit/audit.ts';
import { today } from '../../server/platform/calendar/days.ts';
import { loadKeyring } from '../../server/platform/crypto/personal-data.ts';
import { generateBranches, SECRETARY_UNIT } from './branches.ts';
import { seedBrands } from './brands.ts';
import { generateCadres } from './cadres.ts';
import { generateLearning } from './learning.ts';
import { generateMeetings } from './meetings.ts';
import { COUNTY_DEPARTMENTS, LIAISON_AREAS, NANTONG_CITY, NANTONG_COUNTIES } from './nantong.ts';
import { generatePosts } from './posts.ts';
import { seedRounds } from './rounds.ts';
import { seedStandards } from './standards.ts';

/** The size of the demo roster: Nantong's order of magnitude (about 600 lixiu, all over 90). */
export const DEMO_ROSTER = { count: 30_000, lixiu: 600 };

/** The password of every demo account (demo data only; never in production). */
export const DEMO_PASSWORD = 'Xinyao@2026';

/** The demo accounts: one per built-in role, at the level where that role works. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', name: '系统管理员（演示）', roles: ['sysadmin'], org: 'city' },
  { username: 'security', name: '安全管理员（演示）', roles: ['secadmin'], org: 'city' },
  { username: 'auditor', name: '审计管理员（演示）', roles: ['auditadmin'], org: 'city' },
  { username: 'city', name: '市局工作人员（演示）', roles: ['city_staff'], org: 'city' },
  { username: 'rugao', name: '如皋市老干部局（演示）', roles: ['county_staff'], org: '如皋市' },
  { username: 'unit', name: '单位老干部处（演示）', roles: ['unit_staff'], org: '南通市教育局' },
  { username: 'leader', name: '局领导（演示）', roles: ['leader'], org: 'city' },
  { username: 'secretary', name: '支部书记（演示）', roles: ['branch_secretary'], org: SECRETARY_UNIT },
] as const;

const actor: Actor = { userId: null, name: 'demo-seed', ip: null, requestId: null };

/**
 * Loads the demo city when the database is empty: Nantong with its seven county-level divisions and
 * their towns, 123 city units in 7 liaison areas, synthetic departments in every county, one demo
 * account per built-in role, the roster, and the party branches of its party members.
 * Deterministic; does nothing when the tree already has a root.
 */
export async function seedDemo(
  db: Db,
  config: Config,
  log: (line: string) => void = () => {},
  roster: { count: number; lixiu: number } = DEMO_ROSTER,
): Promise<boolean> {
  if (await orgs.findRoot(db)) return false;
  const city = await orgs.ensureRoot(db, actor, NANTONG_CITY.name, NANTONG_CITY.code);
  const scope = { orgId: city.id, path: city.path };
  const byName = new Map<string, number>([['city', city.id]]);

  let sort = 0;
  for (const [i, area] of LIAISON_AREAS.entries()) {
    const areaId = await orgs.createLiaisonArea(db, actor, area.name, i + 1);
    for (const unit of area.units) {
      const org = await orgs.createOrg(db, actor, scope, {
        parentId: city.id,
        name: unit,
        kind: 'unit',
        liaisonAreaId: areaId,
        sortOrder: 100 + ++sort,
      });
      byName.set(unit, org.id);
    }
  }
  for (const [i, county] of NANTONG_COUNTIES.entries()) {
    const c = await orgs.createOrg(db, actor, scope, {
      parentId: city.id,
      name: county.name,
      kind: 'county',
      code: county.code,
      sortOrder: i + 1,
    });
    byName.set(county.name, c.id);
    for (const [j, town] of county.towns.entries()) {
      await orgs.createOrg(db, actor, scope, { parentId: c.id, name: town, kind: 'town', sortOrder: j + 1 });
    }
    for (const [j, dept] of COUNTY_DEPARTMENTS.entries()) {
      const unit = await orgs.createOrg(db, actor, scope, {
        parentId: c.id,
        name: `${county.name}${dept}`,
        kind: 'unit',
        sortOrder: 100 + j,
      });
      byName.set(unit.name, unit.id);
    }
  }
  const total = (await orgs.listOrgs(db, WHOLE_TREE, true)).length;
  log(
    `demo: ${total} orgs (南通市, ${NANTONG_COUNTIES.length} counties, ${LIAISON_AREAS.length} liaison areas)`,
  );

  for (const account of DEMO_ACCOUNTS) {
    const orgId = byName.get(account.org);
    if (!orgId) throw new Error(`demo org ${account.org} missing`);
    await provisionAccount(db, config, {
      username: account.username,
      name: account.name,
      password: DEMO_PASSWORD,
      orgId,
      roles: [...account.roles],
    });
  }
  log(`demo: ${DEMO_ACCOUNTS.length} accounts, password ${DEMO_PASSWORD}`);
  // Branches, meetings, lessons and brands all hang on people: an empty roster gets the tree and accounts only.
  if (roster.count === 0) return true;

  const keyring = loadKeyring(config.keysFile, config.NODE_ENV !== 'production');
  const started = Date.now();
  const n = await generateCadres(db, keyring, { ...roster, seed: 20261129, today: today() });
  log(`demo: ${n} cadres (${roster.lixiu} lixiu) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const branchesStarted = Date.now();
  const b = await generateBranches(db, keyring, { seed: 20261130, today: today() });
  log(
    `demo: ${b.standing} standing, ${b.nonStanding} non-standing and ${b.general} general branches; ` +
      `${b.primary} primary and ${b.participating} participating memberships (${b.closed} closed), ` +
      `${b.committee} committee posts, ${b.elections} elections, ${b.mobile} mobile members ` +
      `in ${((Date.now() - branchesStarted) / 1000).toFixed(1)} s`,
  );
  if (b.secretaryBranch) {
    log(
      `demo: account secretary (支部书记) is at ${SECRETARY_UNIT} for ${b.secretaryBranch.name} ` +
        `(branch ${b.secretaryBranch.id}, ${b.secretaryBranch.members} members)`,
    );
  }

  const meetingsStarted = Date.now();
  const m = await generateMeetings(db, {
    seed: 20261201,
    today: today(),
    secretaryOrgId: b.secretaryBranch?.orgId ?? null,
    secretaryBranchId: b.secretaryBranch?.id ?? null,
  });
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  log(
    `demo: ${m.meetings} meetings (${list(m.byType)}; ${list(m.byState)}), ${m.absences} absences, ` +
      `${m.events} review events; standing branches ${list(m.profiles)} ` +
      `in ${((Date.now() - meetingsStarted) / 1000).toFixed(1)} s`,
  );

  const learningStarted = Date.now();
  const l = await generateLearning(db, { seed: 20261202, today: today() });
  log(
    `demo: ${l.lessons} cloud lessons with ${l.views} views and ${l.records} learning records by ` +
      `${l.learners} cadres; ${l.programmes} 头雁工程 programmes, ${l.sessions} sessions, ` +
      `${l.personTimes} person-times by ${l.secretaries} secretaries ` +
      `in ${((Date.now() - learningStarted) / 1000).toFixed(1)} s`,
  );
  const p = await generatePosts(db, { seed: 20261204, today: today() });
  log(`demo: ${p.posts} online branch posts with ${p.reads} read receipts`);
  await seedBrands(db, { seed: 20261203, today: today() }, log);

  const standard = await seedStandards(db, actor);
  log(`demo: standard 六有一提升 v1 published, ${standard.measures} measures (demo wording)`);
  log(await seedRounds(db, config, { seed: 20261202, versionId: standard.versionId, today: today() }));
  return true;
}
