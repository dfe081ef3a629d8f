// The demo city's party branches (党支部), shaped like Nantong's "1+N" setup: 784 standing branches
// (建制性) over the units where the demo cadres are, general branches (党总支) above the branches of the
// larger units, and 431 non-standing ones (the "N": 特色化 interest branches at the activity centres,
// 功能型 ones at the senior university, the lecture groups and in units, 兼合式 residence-based ones in
// the towns and communities). Every living party member has exactly one primary membership; some also
// take part in one or two non-standing branches. Committees, elections, mobile members and a little
// history (transfers, departures, deaths) make the console's lists and reminders look lived in.
// Deterministic for a seed (and a day: dates are placed relative to today).
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type {
  BranchCommitteeMembersTable,
  BranchElectionsTable,
  BranchesTable,
  BranchMembershipsTable,
  BranchMobileMembersTable,
} from '../../server/db/schema.ts';
import * as repo from '../../server/modules/branches/branches.repository.ts';
import { GENERAL_AT } from '../../server/modules/branches/branches.rules.ts';
import type { BranchKind, CommitteePost } from '../../server/modules/branches/branches.schema.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { recordAudit } from '../../server/platform/audit/audit.ts';
import { addDays, addYears, daysBetween } from '../../server/platform/calendar/days.ts';
import type { Keyring } from '../../server/platform/crypto/personal-data.ts';
import { createRandom, type Random } from './people.ts';

/** The source document's figures: 784 standing branches and 431 non-standing ones (end of 2020). */
export const DEMO_BRANCH_COUNTS = { standing: 784, nonStanding: 431 };

/** The unit of the demo `secretary` account: its first standing branch is the account's branch. */
export const SECRETARY_UNIT = '如皋市民政局';

type Person = Awaited<ReturnType<typeof repo.listPartyMembers>>[number];
type Org = Awaited<ReturnType<typeof listOrgs>>[number];

interface Election {
  heldOn: string;
  termYears: number;
}

interface Member {
  person: Person;
  joinedOn: string;
}

/** A branch being planned, before it is written. */
interface Plan {
  orgId: number;
  name: string;
  kind: BranchKind;
  basis: string | null;
  parent: Plan | null;
  foundedOn: string;
  remarks: string | null;
  /** where its meetings and elections take place */
  place: string;
  /** oldest first */
  elections: Election[];
  /** open memberships */
  members: Member[];
  id: number;
}

/** A planned non-standing branch: where its members come from and how many it takes. */
interface Spec {
  org: Org;
  name: string;
  kind: 'functional' | 'joint' | 'thematic';
  basis: string;
  pool: Person[];
  /** hobbies (cadres.hobbies) that draw members to an interest branch */
  hobbies: string[];
  size: [number, number];
  place: string;
  remarks: string | null;
}

export interface DemoBranchesSummary {
  standing: number;
  nonStanding: number;
  general: number;
  primary: number;
  participating: number;
  /** closed memberships: transfers, departures, deaths */
  closed: number;
  mobile: number;
  committee: number;
  elections: number;
  /** the first standing branch of SECRETARY_UNIT */
  secretaryBranch: { id: number; name: string; orgId: number; members: number } | null;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Interest branches: the name's subject and the hobbies (cadres.hobbies) that lead people to it. */
const INTERESTS: [string, string[]][] = [
  ['书画', ['书法', '绘画']],
  ['诗词', ['诗词']],
  ['太极', ['太极拳']],
  ['合唱', ['合唱']],
  ['摄影', ['摄影']],
  ['京剧', ['京剧']],
  ['园艺', ['园艺']],
  ['棋艺', ['象棋']],
  ['垂钓', ['钓鱼']],
];
const CLASSES: [string, string[]][] = [
  ['书法班', ['书法']],
  ['国画班', ['绘画']],
  ['声乐班', ['合唱', '京剧']],
  ['摄影班', ['摄影']],
  ['诗词楹联班', ['诗词']],
  ['智能手机班', []],
  ['养生保健班', ['太极拳']],
];
const CITY_ASSOCIATIONS = [
  '市老干部宣讲团',
  '市关工委“五老”宣讲团',
  '市老干部智库',
  '市老干部网宣团',
  '市银发志愿服务总队',
  '市老年体育协会',
];
const COUNTY_ASSOCIATIONS = ['关工委“五老”宣讲团', '银发志愿服务队'];
const COMMUNITIES = [
  '和平',
  '文化',
  '新华',
  '建设',
  '人民',
  '幸福',
  '朝阳',
  '光明',
  '团结',
  '东方',
  '友谊',
  '育才',
  '园林',
  '桃园',
  '城南',
  '城北',
];
/** Unit-level branches of the "N": kind, basis, name ending, hobbies that draw members. */
const UNIT_BRANCHES: ['functional' | 'thematic', string, string, string[]][] = [
  ['functional', 'association', '志愿服务队功能型党支部', []],
  ['functional', 'association', '关工委功能型党支部', []],
  ['functional', 'other', '老专家服务团功能型党支部', []],
  ['thematic', 'interest', '书画特色党支部', ['书法', '绘画']],
  ['thematic', 'interest', '读书会特色党支部', ['诗词']],
  ['thematic', 'interest', '文体特色党支部', ['太极拳', '合唱', '象棋']],
];
const LEAVE_REASONS = ['个人申请退出', '身体原因退出', '迁居外地'];
const COMMITTEE_POSTS: CommitteePost[] = ['organisation', 'propaganda', 'discipline'];

/** Where mobile members live meanwhile: mostly with their children in the cities around. */
const ELSEWHERE = [
  '上海市浦东新区',
  '上海市闵行区',
  '上海市徐汇区',
  '苏州市工业园区',
  '苏州市姑苏区',
  '南京市鼓楼区',
  '南京市建邺区',
  '无锡市滨湖区',
  '常州市武进区',
  '杭州市西湖区',
  '北京市海淀区',
  '深圳市南山区',
];
const DISTRICTS: Record<string, string[]> = {
  北京市: ['海淀区', '朝阳区', '西城区'],
  上海市: ['浦东新区', '闵行区', '静安区'],
  南京市: ['鼓楼区', '玄武区', '建邺区'],
  苏州市: ['工业园区', '姑苏区', '吴中区'],
  杭州市: ['西湖区', '拱墅区', '滨江区'],
};
const MOBILE_REASONS = ['随子女居住', '随子女居住', '异地养老', '帮子女照料孙辈', '外地就医休养'];
const RELATIONS = ['儿子', '女儿', '女儿', '儿媳', '女婿'];
const OTHER_SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙朱胡顾陆季缪施曹');
const GIVEN = Array.from('伟敏静磊洁勇军芳丽强燕杰涛明华婷晨浩蕾琳斌峰');
const PHONE_HEADS = [
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '158',
  '159',
  '180',
  '187',
  '189',
];

/** A day between two days, both included. */
const dayBetween = (r: Random, from: string, to: string) =>
  to <= from ? from : addDays(from, r.int(0, daysBetween(from, to)));

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Member counts for a unit's branches: uneven (weights 0.3–1.7), each within 3–49 unless the unit is
 * one of the exceptions (a last branch of 1–2 members left over).
 */
function splitSizes(r: Random, total: number, n: number, tiny: boolean): number[] {
  if (n === 1) return [total];
  const small = tiny ? r.int(1, 2) : 0;
  const k = tiny ? n - 1 : n;
  const rest = total - small;
  const weights = Array.from({ length: k }, () => 0.3 + r.next() * 1.4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((rest * w) / sum));
  for (let left = rest - sizes.reduce((a, b) => a + b, 0), i = 0; left > 0; left--, i = (i + 1) % k) {
    sizes[i] = (sizes[i] as number) + 1;
  }
  const move = (from: number, to: number) => {
    sizes[from] = (sizes[from] as number) - 1;
    sizes[to] = (sizes[to] as number) + 1;
  };
  const argmax = () => sizes.indexOf(Math.max(...sizes));
  const argmin = () => sizes.indexOf(Math.min(...sizes));
  while (Math.max(...sizes) >= GENERAL_AT && Math.min(...sizes) < GENERAL_AT - 1) move(argmax(), argmin());
  while (Math.min(...sizes) < 3 && Math.max(...sizes) > 3) move(argmax(), argmin());
  return tiny ? [...sizes, small] : sizes;
}

/**
 * Elections (换届) of a branch: the latest placed so that about one in six is due within 90 days or
 * overdue, sometimes with the one before it; the founding day moves back when it would follow them.
 */
function planElections(r: Random, plan: Plan, today: string) {
  const term = plan.kind === 'standing' || plan.kind === 'general' ? (r.chance(0.2) ? 5 : 3) : 3;
  const x = r.next();
  const offset = x < 0.07 ? r.int(-240, -1) : x < 0.17 ? r.int(0, 90) : r.int(91, term * 365 - 20);
  const heldOn = addYears(addDays(today, offset), -term);
  if (plan.foundedOn > heldOn) {
    plan.foundedOn =
      plan.kind === 'standing' || plan.kind === 'general' ? addDays(heldOn, -r.int(30, 900)) : heldOn;
  }
  plan.elections = [{ heldOn, termYears: term }];
  if (r.chance(0.6)) {
    const before = addDays(addYears(heldOn, -term), r.int(-30, 30));
    if (before >= plan.foundedOn) plan.elections.unshift({ heldOn: before, termYears: term });
  }
}

/** The day a person joined a branch: after its founding and their retirement, never after yesterday. */
function joinDay(r: Random, foundedOn: string, person: Person, today: string) {
  const yesterday = addDays(today, -1);
  const from = later(foundedOn, person.retired_on ?? addDays(today, -200));
  if (from >= yesterday) return yesterday;
  return dayBetween(r, from, earlier(addDays(from, 180), yesterday));
}

const lastElection = (plan: Plan) => plan.elections[plan.elections.length - 1] as Election;

/**
 * Plans and writes the branches for the party members already on the roster. Every living party
 * member gets one primary membership in a standing branch of their managing unit; the counts are the
 * document's when the roster is large enough (fewer branches for a small roster).
 */
export async function generateBranches(
  db: Db,
  keyring: Keyring,
  opts: { seed: number; today: string; standing?: number; nonStanding?: number },
): Promise<DemoBranchesSummary> {
  const r = createRandom(opts.seed);
  const today = opts.today;
  const yesterday = addDays(today, -1);
  const orgs = await listOrgs(db, WHOLE_TREE, false);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const root = orgs.find((o) => o.parentId === null);
  const everyone = await repo.listPartyMembers(db);
  const alive = everyone.filter((p) => p.status !== 'deceased');
  const empty: DemoBranchesSummary = {
    standing: 0,
    nonStanding: 0,
    general: 0,
    primary: 0,
    participating: 0,
    closed: 0,
    mobile: 0,
    committee: 0,
    elections: 0,
    secretaryBranch: null,
  };
  if (!root || alive.length === 0) return empty;
  /** The county an org lies in, or the city for the city's own units. */
  const areaOf = (orgId: number): number => {
    let o = byId.get(orgId);
    while (o && o.kind !== 'county' && o.parentId !== null) o = byId.get(o.parentId);
    return o?.id ?? root.id;
  };

  // ---- standing branches: how many per unit ----
  const standingTotal = Math.min(opts.standing ?? DEMO_BRANCH_COUNTS.standing, Math.ceil(alive.length / 3));
  const byOrg = groupBy(alive, (p) => p.org_id);
  interface Pool {
    org: Org;
    area: number;
    people: Person[];
    n: number;
    oversized: boolean;
    tiny: boolean;
    branches: Plan[];
  }
  let pools: Pool[] = [...byOrg.entries()]
    .sort(([a], [b]) => a - b)
    .map(([orgId, people]) => ({
      org: byId.get(orgId) ?? root,
      area: areaOf(orgId),
      people,
      n: 1,
      oversized: false,
      tiny: false,
      branches: [],
    }));
  // Fewer branches than units (a small roster): the smallest unit's members join the largest of its area.
  while (pools.length > standingTotal) {
    const small = pools.reduce((a, b) => (b.people.length < a.people.length ? b : a));
    const others = pools.filter((p) => p !== small);
    const sameArea = others.filter((p) => p.area === small.area);
    const host = (sameArea.length ? sameArea : others).reduce((a, b) =>
      b.people.length > a.people.length ? b : a,
    );
    host.people.push(...small.people);
    pools = others;
  }
  // The exceptions the setup rule points at: a few units whose one branch has grown past 50, a few
  // whose last branch has dwindled below 3.
  const eligible = pools.filter((p) => p.org.name !== SECRETARY_UNIT);
  const roomy = standingTotal - pools.length >= 60;
  if (roomy) {
    const candidates = eligible.filter((p) => p.people.length >= GENERAL_AT && p.people.length <= 58);
    for (const p of shuffle(r, candidates).slice(0, 6)) p.oversized = true;
  }
  const spread = pools.filter((p) => !p.oversized);
  for (let seats = standingTotal - pools.length; seats > 0 && spread.length > 0; seats--) {
    // The next branch goes to the unit whose branches are the largest on average.
    const next = spread.reduce((a, b) => (b.people.length / b.n > a.people.length / a.n ? b : a));
    next.n++;
  }
  if (roomy) {
    const candidates = eligible.filter(
      (p) => !p.oversized && p.n >= 2 && p.people.length >= p.n * 18 && p.people.length <= (p.n - 1) * 44,
    );
    for (const p of shuffle(r, candidates).slice(0, 8)) p.tiny = true;
  }

  const plans: Plan[] = [];
  const plan = (p: Omit<Plan, 'elections' | 'members' | 'id'>): Plan => {
    const made = { ...p, elections: [], members: [], id: 0 };
    plans.push(made);
    return made;
  };
  const primaries: { plan: Plan; member: Member }[] = [];
  for (const pool of pools) {
    const unit = pool.org.name;
    const place = `${unit}党员活动室`;
    const general =
      pool.n >= 2 && (pool.n >= 3 || pool.people.length >= 60)
        ? plan({
            orgId: pool.org.id,
            name: `${unit}离退休干部党总支`,
            kind: 'general',
            basis: null,
            parent: null,
            foundedOn: dayBetween(r, '2008-01-01', '2020-12-31'),
            remarks: null,
            place,
          })
        : null;
    const sizes = splitSizes(r, pool.people.length, pool.n, pool.tiny);
    const people = shuffle(r, [...pool.people]);
    let at = 0;
    for (const [i, size] of sizes.entries()) {
      const branch = plan({
        orgId: pool.org.id,
        name: pool.n === 1 ? `${unit}离退休干部党支部` : `${unit}离退休干部第${CN[i] ?? i + 1}党支部`,
        kind: 'standing',
        basis: null,
        parent: general,
        foundedOn: dayBetween(r, '1990-01-01', '2016-12-31'),
        remarks: null,
        place,
      });
      planElections(r, branch, today);
      pool.branches.push(branch);
      for (const person of people.slice(at, at + size)) {
        const member = { person, joinedOn: joinDay(r, branch.foundedOn, person, today) };
        branch.members.push(member);
        primaries.push({ plan: branch, member });
      }
      at += size;
    }
    if (general) planElections(r, general, today);
  }
  const standing = plans.filter((p) => p.kind === 'standing');
  const standingByArea = new Map<number, Plan[]>();
  for (const pool of pools) {
    const list = standingByArea.get(pool.area) ?? [];
    list.push(...pool.branches);
    standingByArea.set(pool.area, list);
  }
  const poolOfPlan = new Map(pools.flatMap((pool) => pool.branches.map((b) => [b, pool] as const)));

  // ---- non-standing branches (the "N") ----
  const nonStandingTotal = Math.min(
    opts.nonStanding ?? DEMO_BRANCH_COUNTS.nonStanding,
    Math.floor(alive.length / 10),
  );
  const poolOfArea = groupBy(alive, (p) => areaOf(p.org_id));
  const counties = orgs.filter((o) => o.kind === 'county').sort((a, b) => a.id - b.id);
  const cityPool = poolOfArea.get(root.id) ?? [];
  const specs: Spec[] = [];
  // Residence first: a joint branch in every town and street, and in some communities of the streets.
  // The streets of the central district take in the city units' people too.
  const communities: Spec[] = [];
  for (const county of counties) {
    const countyPool = poolOfArea.get(county.id) ?? [];
    const pool = county.name === '崇川区' ? [...cityPool, ...countyPool] : countyPool;
    for (const town of orgs.filter((o) => o.parentId === county.id && o.kind === 'town')) {
      specs.push({
        org: town,
        name: `${county.name}${town.name}离退休干部联合党支部`,
        kind: 'joint',
        basis: 'residence',
        pool,
        hobbies: [],
        size: [10, 35],
        place: `${town.name}党群服务中心`,
        remarks: '以居住地为纽带，就近组织离退休干部党员参加组织生活',
      });
      if (!town.name.endsWith('街道')) continue;
      for (const community of shuffle(r, [...COMMUNITIES]).slice(0, r.int(1, 2))) {
        communities.push({
          org: town,
          name: `${county.name}${town.name}${community}社区离退休干部兼合式党支部`,
          kind: 'joint',
          basis: 'residence',
          pool,
          hobbies: [],
          size: [8, 25],
          place: `${community}社区党群服务中心`,
          remarks: '“一方隶属，多重管理”社区党建试点',
        });
      }
    }
  }
  // The city's activity centre, senior university and associations.
  for (const [subject, hobbies] of INTERESTS) {
    specs.push({
      org: root,
      name: `市老干部活动中心${subject}特色党支部`,
      kind: 'thematic',
      basis: 'interest',
      pool: cityPool,
      hobbies,
      size: [20, 45],
      place: '市老干部活动中心',
      remarks: null,
    });
  }
  for (const [course, hobbies] of CLASSES.slice(0, 6)) {
    specs.push({
      org: root,
      name: `市老年大学${course}功能型党支部`,
      kind: 'functional',
      basis: 'activity_centre',
      pool: cityPool,
      hobbies,
      size: [15, 40],
      place: '市老年大学',
      remarks: null,
    });
  }
  for (const association of CITY_ASSOCIATIONS) {
    specs.push({
      org: root,
      name: `${association}功能型党支部`,
      kind: 'functional',
      basis: 'association',
      pool: cityPool,
      hobbies: [],
      size: [15, 40],
      place: '市老干部活动中心',
      remarks: null,
    });
  }
  // Each county's activity centre, senior university and associations.
  for (const county of counties) {
    const pool = poolOfArea.get(county.id) ?? [];
    for (const [subject, hobbies] of shuffle(r, [...INTERESTS]).slice(0, 5)) {
      specs.push({
        org: county,
        name: `${county.name}老干部活动中心${subject}特色党支部`,
        kind: 'thematic',
        basis: 'interest',
        pool,
        hobbies,
        size: [12, 35],
        place: `${county.name}老干部活动中心`,
        remarks: null,
      });
    }
    for (const [course, hobbies] of shuffle(r, [...CLASSES]).slice(0, 2)) {
      specs.push({
        org: county,
        name: `${county.name}老年大学${course}功能型党支部`,
        kind: 'functional',
        basis: 'activity_centre',
        pool,
        hobbies,
        size: [12, 35],
        place: `${county.name}老年大学`,
        remarks: null,
      });
    }
    for (const association of COUNTY_ASSOCIATIONS) {
      specs.push({
        org: county,
        name: `${county.name}${association}功能型党支部`,
        kind: 'functional',
        basis: 'association',
        pool,
        hobbies: [],
        size: [10, 30],
        place: `${county.name}老干部活动中心`,
        remarks: null,
      });
    }
  }
  specs.push(...communities);
  // The rest in units: volunteer teams, youth-care groups, expert teams, reading and art groups.
  const unitOrder = shuffle(
    r,
    pools.filter((p) => p.people.length >= 10),
  );
  const taken = new Set<string>();
  const attempts = unitOrder.length * UNIT_BRANCHES.length * 4;
  for (let i = 0; specs.length < nonStandingTotal && i < attempts; i++) {
    const pool = unitOrder[i % unitOrder.length] as Pool;
    const [kind, basis, ending, hobbies] = r.pick(UNIT_BRANCHES);
    const name = `${pool.org.name}离退休干部${ending}`;
    if (taken.has(name)) continue;
    taken.add(name);
    specs.push({
      org: pool.org,
      name,
      kind,
      basis,
      pool: pool.people,
      hobbies,
      size: [5, 15],
      place: `${pool.org.name}党员活动室`,
      remarks: null,
    });
  }
  specs.length = Math.min(specs.length, nonStandingTotal);

  // Members of the "N": one or two such branches per person at most, interest branches by hobby.
  const taking = new Map<number, number>();
  const byHobby = new Map<Person[], Map<string, Person[]>>();
  const hobbyPool = (pool: Person[], hobbies: string[]) => {
    const map =
      byHobby.get(pool) ??
      groupBy(
        pool.filter((p) => p.hobbies !== null),
        (p) => p.hobbies as string,
      );
    byHobby.set(pool, map);
    return hobbies.flatMap((h) => map.get(h) ?? []);
  };
  const departures: { plan: Plan; member: Member; leftOn: string; reason: string }[] = [];
  let participating = 0;
  for (const spec of specs) {
    const branch = plan({
      orgId: spec.org.id,
      name: spec.name,
      kind: spec.kind,
      basis: spec.basis,
      parent: null,
      foundedOn: dayBetween(r, '2017-03-01', '2024-06-30'),
      remarks: spec.remarks,
      place: spec.place,
    });
    planElections(r, branch, today);
    const fans = hobbyPool(spec.pool, spec.hobbies);
    const size = Math.min(r.int(spec.size[0], spec.size[1]), spec.pool.length);
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < size && tries < size * 20; tries++) {
      const from = fans.length > 0 && r.chance(0.7) ? fans : spec.pool;
      const person = r.pick(from);
      if (chosen.has(person.id) || (taking.get(person.id) ?? 0) >= 2) continue;
      chosen.add(person.id);
      taking.set(person.id, (taking.get(person.id) ?? 0) + 1);
      branch.members.push({ person, joinedOn: joinDay(r, branch.foundedOn, person, today) });
      participating++;
    }
    // Now and then someone who took part for a while and left.
    if (r.chance(0.3) && spec.pool.length > 0) {
      const person = r.pick(spec.pool);
      const joinedOn = joinDay(r, branch.foundedOn, person, today);
      if (!chosen.has(person.id) && addDays(joinedOn, 60) < yesterday) {
        departures.push({
          plan: branch,
          member: { person, joinedOn },
          leftOn: dayBetween(r, addDays(joinedOn, 60), yesterday),
          reason: r.pick(LEAVE_REASONS),
        });
      }
    }
  }

  // ---- history: transfers between standing branches, and members who have died ----
  const transfers: { from: Plan; to: Member; joinedOn: string; reason: string }[] = [];
  for (const { plan: branch, member } of primaries) {
    if (!r.chance(0.05)) continue;
    const pool = poolOfPlan.get(branch);
    const siblings = (pool?.branches ?? []).filter((b) => b !== branch);
    const nearby = (standingByArea.get(pool?.area ?? root.id) ?? []).filter((b) => b.orgId !== branch.orgId);
    const sibling = siblings.length > 0 && r.chance(0.4);
    const from = sibling ? r.pick(siblings) : nearby.length > 0 ? r.pick(nearby) : null;
    if (!from) continue;
    const joinedOn = joinDay(r, from.foundedOn, member.person, today);
    const earliest = later(addDays(joinedOn, 180), branch.foundedOn);
    const latest = addDays(today, -30);
    if (earliest >= latest) continue;
    member.joinedOn = dayBetween(r, earliest, latest);
    transfers.push({ from, to: member, joinedOn, reason: sibling ? '支部调整' : '组织关系转接' });
  }
  const poolOfUnit = new Map(pools.map((p) => [p.org.id, p]));
  const deaths: { plan: Plan; member: Member; leftOn: string }[] = [];
  for (const person of everyone) {
    if (person.status !== 'deceased' || !person.died_on) continue;
    const options =
      poolOfUnit.get(person.org_id)?.branches ?? standingByArea.get(areaOf(person.org_id)) ?? [];
    if (options.length === 0) continue;
    const branch = r.pick(options);
    let joinedOn = joinDay(r, branch.foundedOn, person, today);
    if (joinedOn >= person.died_on)
      joinedOn = later(branch.foundedOn, addDays(person.died_on, -r.int(200, 2000)));
    if (joinedOn >= person.died_on) continue;
    deaths.push({ plan: branch, member: { person, joinedOn }, leftOn: person.died_on });
  }

  // ---- committees (支委会) ----
  const committee: Omit<
    Insertable<BranchCommitteeMembersTable>,
    'branch_id' | 'created_at' | 'updated_at'
  >[] = [];
  const committeeOf = new Map<Plan, typeof committee>();
  const childrenOf = new Map<Plan, Plan[]>();
  for (const [parent, children] of groupBy(
    plans.filter((p) => p.parent !== null),
    (p) => p.parent as Plan,
  )) {
    childrenOf.set(parent, children);
  }
  for (const branch of plans) {
    const members =
      branch.kind === 'general' ? (childrenOf.get(branch) ?? []).flatMap((c) => c.members) : branch.members;
    if (members.length === 0) continue;
    const younger = members.filter((m) => m.person.category !== 'lixiu');
    const from = younger.length > 0 ? younger : members;
    const chosen = new Set<number>();
    const choose = () => {
      for (let tries = 0; tries < 40; tries++) {
        const m = r.pick(from);
        if (!chosen.has(m.person.id)) {
          chosen.add(m.person.id);
          return m;
        }
      }
      return undefined;
    };
    const { heldOn } = lastElection(branch);
    const entries: typeof committee = [];
    const hold = (m: Member | undefined, post: CommitteePost) => {
      if (m)
        entries.push({ cadre_id: m.person.id, post, started_on: later(heldOn, m.joinedOn), ended_on: null });
    };
    const secretary = choose();
    hold(secretary, 'secretary');
    const general = branch.kind === 'general';
    if (members.length >= 5 && (general || r.chance(0.8))) hold(choose(), 'deputy_secretary');
    if (members.length >= 7) {
      const posts = shuffle(r, [...COMMITTEE_POSTS]).slice(0, general ? r.int(2, 3) : r.int(1, 2));
      for (const post of posts) hold(choose(), post);
    }
    // The secretary of the term before: re-elected, or someone else who has stepped down since.
    const before = branch.elections.length > 1 ? branch.elections[0] : undefined;
    if (before && secretary) {
      const previous = r.chance(0.5) ? secretary : (choose() ?? secretary);
      const startedOn = later(before.heldOn, previous.joinedOn);
      const endedOn = addDays(heldOn, -1);
      if (startedOn <= endedOn) {
        entries.push({
          cadre_id: previous.person.id,
          post: 'secretary',
          started_on: startedOn,
          ended_on: endedOn,
        });
      }
    }
    committeeOf.set(branch, entries);
  }

  // ---- mobile members (流动党员) ----
  const mobiles: Omit<Insertable<BranchMobileMembersTable>, 'branch_id' | 'created_at' | 'updated_at'>[] = [];
  const mobileOf: Plan[] = [];
  for (const { plan: branch, member } of primaries) {
    const { person } = member;
    const relocated = person.relocated === 1;
    if (!relocated && !r.chance(0.007)) continue;
    const city = person.relocation_place ?? '';
    const livingPlace = relocated ? `${city}${r.pick(DISTRICTS[city] ?? [''])}` : r.pick(ELSEWHERE);
    const fromOn = dayBetween(r, later(member.joinedOn, '2015-01-01'), yesterday);
    let untilOn: string | null = null;
    if (!relocated && r.chance(0.35)) {
      const end = addDays(fromOn, r.int(90, 900));
      if (end < yesterday) untilOn = end;
    }
    const relation = relocated && r.chance(0.3) ? '本人' : r.pick(RELATIONS);
    const surname = ['儿子', '女儿'].includes(relation) ? person.name.slice(0, 1) : r.pick(OTHER_SURNAMES);
    const contact =
      relation === '本人'
        ? '本人'
        : `${relation} ${surname}${r.pick(GIVEN)}${r.chance(0.5) ? r.pick(GIVEN) : ''}`;
    const phone = `${r.pick(PHONE_HEADS)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
    mobiles.push({
      cadre_id: person.id,
      living_place: livingPlace,
      from_on: fromOn,
      until_on: untilOn,
      contact_person: contact,
      contact_phone_enc: keyring.seal(phone),
      remarks: relocated ? '易地安置' : r.pick(MOBILE_REASONS),
    });
    mobileOf.push(branch);
  }

  // ---- write ----
  const now = new Date().toISOString();
  const stamp = { created_at: now, updated_at: now };
  const summary = await db.transaction().execute(async (trx) => {
    const branchRow = (p: Plan): Insertable<BranchesTable> => {
      const last = lastElection(p);
      return {
        org_id: p.orgId,
        parent_id: p.parent?.id ?? null,
        name: p.name,
        kind: p.kind,
        basis: p.basis,
        founded_on: p.foundedOn,
        dissolved_on: null,
        remarks: p.remarks,
        last_election_on: last.heldOn,
        next_election_due_on: addYears(last.heldOn, last.termYears),
        ...stamp,
      };
    };
    // General branches first: the branches under them point at them.
    const generals = plans.filter((p) => p.kind === 'general');
    const rest = plans.filter((p) => p.kind !== 'general');
    for (const group of [generals, rest]) {
      const ids = await repo.insertBranches(trx, group.map(branchRow));
      for (const [i, p] of group.entries()) p.id = ids[i] as number;
    }
    const open: { plan: Plan; member: Member }[] = plans.flatMap((p) =>
      p.members.map((member) => ({ plan: p, member })),
    );
    const openIds = await repo.insertMemberships(
      trx,
      open.map(({ plan: p, member }) => ({
        branch_id: p.id,
        cadre_id: member.person.id,
        role: p.kind === 'standing' ? 'primary' : 'participating',
        joined_on: member.joinedOn,
        left_on: null,
        leave_reason: null,
        transferred_to_id: null,
        remarks: null,
        ...stamp,
      })),
    );
    const idOfMember = new Map(open.map(({ member }, i) => [member, openIds[i] as number]));
    const closed: Insertable<BranchMembershipsTable>[] = [
      ...transfers.map((t) => ({
        branch_id: t.from.id,
        cadre_id: t.to.person.id,
        role: 'primary' as const,
        joined_on: t.joinedOn,
        left_on: t.to.joinedOn,
        leave_reason: t.reason,
        transferred_to_id: idOfMember.get(t.to) ?? null,
        remarks: null,
        ...stamp,
      })),
      ...departures.map((d) => ({
        branch_id: d.plan.id,
        cadre_id: d.member.person.id,
        role: 'participating' as const,
        joined_on: d.member.joinedOn,
        left_on: d.leftOn,
        leave_reason: d.reason,
        transferred_to_id: null,
        remarks: null,
        ...stamp,
      })),
      ...deaths.map((d) => ({
        branch_id: d.plan.id,
        cadre_id: d.member.person.id,
        role: 'primary' as const,
        joined_on: d.member.joinedOn,
        left_on: d.leftOn,
        leave_reason: '逝世',
        transferred_to_id: null,
        remarks: null,
        ...stamp,
      })),
    ];
    await repo.insertMemberships(trx, closed);
    const committeeRows = plans.flatMap((p) =>
      (committeeOf.get(p) ?? []).map((c) => ({ ...c, branch_id: p.id, ...stamp })),
    );
    await repo.insertCommitteeMembers(trx, committeeRows);
    const electionRows: Insertable<BranchElectionsTable>[] = plans.flatMap((p) =>
      p.elections.map((e) => ({
        branch_id: p.id,
        held_on: e.heldOn,
        place: p.place,
        term_years: e.termYears,
        next_due_on: addYears(e.heldOn, e.termYears),
        remarks: null,
        ...stamp,
      })),
    );
    await repo.insertElections(trx, electionRows);
    await repo.insertMobileMembers(
      trx,
      mobiles.map((m, i) => ({ ...m, branch_id: (mobileOf[i] as Plan).id, ...stamp })),
    );
    const secretary = standing.find((p) => byId.get(p.orgId)?.name === SECRETARY_UNIT);
    const result: DemoBranchesSummary = {
      standing: standing.length,
      nonStanding: plans.length - standing.length - generals.length,
      general: generals.length,
      primary: open.length - participating,
      participating,
      closed: closed.length,
      mobile: mobiles.length,
      committee: committeeRows.length,
      elections: electionRows.length,
      secretaryBranch: secretary
        ? {
            id: secretary.id,
            name: secretary.name,
            orgId: secretary.orgId,
            members: secretary.members.length,
          }
        : null,
    };
    await recordAudit(
      trx,
      { userId: null, name: 'demo-seed', ip: null, requestId: null },
      {
        action: 'branch.demo_generate',
        entity: 'branch',
        summary: `${result.standing} standing, ${result.nonStanding} non-standing and ${result.general} general branches (seed ${opts.seed})`,
      },
    );
    return result;
  });
  return summary;
}

/** A demo branch read back, with its current members and secretary (for the demo data built on it). */
export interface DemoBranch {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  kind: BranchKind;
  parentId: number | null;
  foundedOn: string | null;
  /** open memberships (primary in standing branches, participating in the others; none in general ones) */
  memberIds: number[];
  /** the day each of memberIds joined, in the same order */
  memberSince: string[];
  secretaryId: number | null;
  /** the committee (支委会) on the day: its members and since when they sit on it */
  committee: { cadreId: number; since: string }[];
}

const POSTS: CommitteePost[] = ['secretary', 'deputy_secretary', ...COMMITTEE_POSTS];

/** The working branches in id order, with their members and secretaries: what the demo meetings hang on. */
export async function listDemoBranches(db: Db, on: string): Promise<DemoBranch[]> {
  const rows = await repo.listWorkingBranches(db);
  const members = groupBy(await repo.listOpenMemberships(db), (m) => m.branch_id);
  const ids = rows.map((b) => b.id);
  const secretaries = new Map<number, number>();
  const committees = new Map<number, { cadreId: number; since: string }[]>();
  for (const post of POSTS) {
    for (const h of await repo.holdersOn(db, ids, post, on)) {
      if (post === 'secretary') secretaries.set(h.branch_id, h.cadre_id);
      const c = committees.get(h.branch_id) ?? [];
      if (!c.some((x) => x.cadreId === h.cadre_id)) c.push({ cadreId: h.cadre_id, since: h.started_on });
      committees.set(h.branch_id, c);
    }
  }
  return rows.map((b) => ({
    id: b.id,
    orgId: b.org_id,
    orgName: b.org_name,
    orgPath: b.org_path,
    name: b.name,
    kind: b.kind,
    parentId: b.parent_id,
    foundedOn: b.founded_on,
    memberIds: (members.get(b.id) ?? []).map((m) => m.cadre_id),
    memberSince: (members.get(b.id) ?? []).map((m) => m.joined_on),
    secretaryId: secretaries.get(b.id) ?? null,
    committee: committees.get(b.id) ?? [],
  }));
}
