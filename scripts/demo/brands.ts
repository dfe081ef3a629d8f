// The demo city's party-building brands (党建品牌), after the source's section 一: the umbrella brand
// 江海银发先锋计划 and about 120 branch brands (一支部一品牌) applied for since 2018 by standing and
// non-standing branches all over the city, with the mechanism the source names: three-year cycles
// (三年申报创建), yearly reviews (每年品牌复核) and inspections (定期调研检查); the yearly 十佳 and 优秀
// selections from 2019 and the four provincial innovation cases of 2020. Each application's history
// (the `brand` workflow) is written as takeTransition would have left it: start → submit (→ return →
// submit) → approve, then, once a cycle has ended, reapply → approve, or withdraw through a review.
// Only a handful of applications are left open, so that no demo account's to-do list overflows.
// Everything is synthetic and says so: brand names end in （演示）, texts in （演示内容）. Deterministic for
// a seed and a day; written in bulk inside one transaction.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type {
  BrandAwardsTable,
  BrandInspectionsTable,
  BrandReviewsTable,
  WorkflowEventsTable,
} from '../../server/db/schema.ts';
import * as branchesRepo from '../../server/modules/branches/branches.repository.ts';
import * as repo from '../../server/modules/brands/brands.repository.ts';
import {
  cycleEndOf,
  nextReview,
  type ReviewMark,
  TOP10_LIMIT,
} from '../../server/modules/brands/brands.rules.ts';
import type { AwardKind, ReviewVerdict } from '../../server/modules/brands/brands.schema.ts';
import { titleOf } from '../../server/modules/brands/brands.service.ts';
import { brandWorkflow } from '../../server/modules/brands/brands.workflow.ts';
import { findCredentials } from '../../server/modules/identity/identity.repository.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { recordAudit } from '../../server/platform/audit/audit.ts';
import { addDays, addYears } from '../../server/platform/calendar/days.ts';
import * as workflowRepo from '../../server/platform/workflow/workflow.repository.ts';
import { START_ACTION } from '../../server/platform/workflow/workflow.ts';
import { SECRETARY_UNIT } from './branches.ts';
import { DEMO_MARK } from './learning.ts';
import { createRandom, type Random } from './people.ts';

/** The city's umbrella brand, as the source names it. */
export const DEMO_UMBRELLA = '江海银发先锋计划';
/** The marker the demo brands' texts end with. */
export const DEMO_TEXT_MARK = '（演示内容）';
/** The first year of the demo's brand applications, and of its selections. */
export const DEMO_BRANDS_FROM = 2018;
export const DEMO_AWARDS_FROM = 2019;
/** The year of the source's four provincial innovation cases. */
export const PROVINCE_CASE_YEAR = 2020;
export const PROVINCE_CASES = 4;

export interface DemoBrandsSummary {
  brands: number;
  byStatus: Record<string, number>;
  secondCycle: number;
  reviews: number;
  overdue: number;
  inspections: number;
  top10: number;
  excellent: number;
  provinceCases: number;
  events: number;
}

// ---- words ----

const NAME_HEADS = [
  '银辉',
  '银发',
  '红色',
  '金秋',
  '晚晴',
  '松柏',
  '初心',
  '江海',
  '濠河',
  '紫琅',
  '银龄',
  '暖阳',
  '丹心',
  '常青',
  '星火',
  '桑榆',
  '夕照',
  '红枫',
];
const NAME_TAILS = [
  '先锋',
  '薪火',
  '驿站',
  '课堂',
  '红帆',
  '同心',
  '讲堂',
  '领航',
  '聚力',
  '连心桥',
  '先锋岗',
  '服务队',
  '宣讲团',
];
const CORES = [
  '离岗不离党、退休不褪色',
  '老有所为、发挥余热',
  '政治坚定、思想常新',
  '银发生辉、服务社会',
  '传承红色基因、赓续精神血脉',
  '党建引领、老少共进',
  '初心如磐、奋楫笃行',
];
const IDEAS = [
  '把支部建在老同志身边，把组织生活过在群众中间',
  '以党建带动老同志学习、活动和志愿服务',
  '围绕中心、服务大局，引导老同志为家乡高质量发展建言献策',
  '发挥老同志政治优势、经验优势和威望优势',
  '以“一支部一品牌”建设推动支部标准化规范化',
];
const PRACTICES = [
  '每月固定主题党日，组织老党员重温入党誓词、讲述入党故事',
  '组建政策宣讲小分队，深入社区、学校开展宣讲',
  '结对帮扶困难老党员和留守老人，做到节日必访、病时必访',
  '开设“云端党课”学习小组，帮助高龄党员线上学习',
  '开展“银发生辉”志愿服务，参与文明城市创建和基层治理',
  '建立党员积分管理，量化考评学习和活动情况',
  '与在职党支部、青少年开展红色教育结对共建',
  '整理老同志口述历史，编印红色故事读本',
  '组织老专家为企业、村居发展提供咨询服务',
];
const RESULTS = [
  '支部组织生活参与率保持在95%以上',
  '累计开展宣讲活动{n}场，受众数千人次',
  '志愿服务时长累计超过{n}00小时',
  '结对帮扶困难党员和群众{n}户',
  '支部被评为市级“六有一提升”示范支部',
  '相关做法被市级媒体宣传报道',
  '收集整理红色故事{n}篇，编印学习读本',
  '老同志建言献策{n}条，多条被有关部门采纳',
];
const INSPECTIONS = [
  '品牌特色鲜明，活动记录齐全，老同志参与度高',
  '品牌载体持续运行，建议进一步总结提炼经验做法',
  '资料台账完整，志愿服务成效明显，群众评价较好',
  '品牌活动有序开展，建议加强与在职党组织共建',
  '品牌理念清晰，建议丰富线上学习形式，照顾高龄党员',
];
const IMPROVE_REASONS = [
  '品牌活动开展不够经常，台账资料不完整',
  '品牌特色不够鲜明，与支部日常工作结合不紧',
  '年度活动计划落实不到位，需限期整改',
];
const WITHDRAW_REASONS = [
  '限期整改后品牌活动仍未正常开展，经复核予以撤销',
  '支部调整合并后品牌载体不复存在，经复核予以撤销',
];
const RETURN_COMMENTS = [
  '品牌理念表述不够凝练，请修改完善',
  '请补充品牌做法的具体事例和活动照片',
  '品牌成效缺少数据支撑，请补充后重新提交',
];
const PASS_COMMENTS = ['品牌运行良好，复核通过', '特色做法持续深化，复核通过', null, null];

const pad = (n: number) => String(n).padStart(2, '0');
const fill = (r: Random, text: string) => text.replace('{n}', String(r.int(12, 96)));

/** A moment in office hours (Beijing time) of a day, as an ISO instant, after `after` when given. */
function momentOn(r: Random, day: string, after: string | null) {
  const at = Date.parse(`${day}T00:00:00.000Z`) + (r.int(8 * 60, 17 * 60) - 8 * 60) * 60_000;
  const floor = after ? Date.parse(after) + r.int(5, 90) * 60_000 : 0;
  return new Date(Math.max(at, floor) + r.int(0, 59) * 1000).toISOString();
}

/** Who acts: an account of the demo, or a name only. */
interface Who {
  id: number | null;
  name: string;
}

type Event = Omit<Insertable<WorkflowEventsTable>, 'item_id'>;
type Review = Omit<Insertable<BrandReviewsTable>, 'brand_id'>;
type Inspection = Omit<Insertable<BrandInspectionsTable>, 'brand_id'>;

interface Candidate {
  id: number;
  orgId: number;
  orgName: string;
  orgPath: string;
  name: string;
  kind: string;
  foundedOn: string | null;
}

/** What happens to an application. */
type Fate = 'approved' | 'draft' | 'submitted' | 'returned' | 'withdraw';

interface Planned {
  branch: Candidate;
  name: string;
  idea: string;
  practices: string;
  results: string;
  submitter: Who;
  state: string;
  events: Event[];
  cycleNo: number;
  cycleStart: string | null;
  cycleEnd: string | null;
  nextReviewDue: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  reviews: Review[];
  inspections: Inspection[];
  /** every cycle the brand went through, for the selections */
  cycles: { start: string; end: string }[];
}

/** Writes the demo brands (see generateBrands) and logs what was written, and how long it took. */
export async function seedBrands(
  db: Db,
  opts: { seed: number; today: string },
  log: (line: string) => void,
): Promise<DemoBrandsSummary> {
  const started = Date.now();
  const b = await generateBrands(db, opts);
  const statuses = Object.entries(b.byStatus)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  log(
    `demo: ${b.brands} party-building brands under ${DEMO_UMBRELLA} (${statuses}; ${b.secondCycle} in a ` +
      `later cycle), ${b.reviews} reviews (${b.overdue} overdue), ${b.inspections} inspections, ` +
      `${b.top10} top-ten, ${b.excellent} excellent, ${b.provinceCases} provincial cases, ` +
      `${b.events} application events in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return b;
}

/**
 * Writes the demo brands up to `today` for the branches already written: the umbrella brand, the
 * branch brands with their application history, reviews and inspections, and the yearly selections.
 */
export async function generateBrands(
  db: Db,
  opts: { seed: number; today: string },
): Promise<DemoBrandsSummary> {
  const r = createRandom(opts.seed);
  const { today } = opts;
  const yesterday = addDays(today, -1);
  const thisYear = Number(today.slice(0, 4));

  const orgs = new Map((await listOrgs(db, WHOLE_TREE, true)).map((o) => [o.id, o]));
  const root = [...orgs.values()].find((o) => o.parentId === null);
  if (!root) throw new Error('demo brands: no org tree');
  const account = async (username: string): Promise<Who | null> => {
    const u = await findCredentials(db, username);
    return u ? { id: u.id, name: u.name } : null;
  };
  const [cityUser, rugaoUser, secretaryUser] = [
    await account('city'),
    await account('rugao'),
    await account('secretary'),
  ];
  const city: Who = cityUser ?? { id: null, name: '市委老干部局' };
  /** The city bureau as a reviewer (the unit, recorded by the demo city account). */
  const cityBureau: Who = { id: city.id, name: '市委老干部局' };

  const branches: Candidate[] = (await branchesRepo.listWorkingBranches(db))
    .filter((b) => b.kind !== 'general')
    .map((b) => ({
      id: b.id,
      orgId: b.org_id,
      orgName: b.org_name,
      orgPath: b.org_path,
      name: b.name,
      kind: b.kind,
      foundedOn: b.founded_on,
    }));
  const secretaryBranch = branches.find(
    (b) => b.orgName === SECRETARY_UNIT && b.name === `${SECRETARY_UNIT}离退休干部第一党支部`,
  );
  const secretaries = new Map(
    (
      await branchesRepo.holdersOn(
        db,
        branches.map((b) => b.id),
        'secretary',
        today,
      )
    ).map((h) => [h.branch_id, h.cadre_id]),
  );
  const names = new Map(
    (
      await db
        .selectFrom('cadres')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(secretaries.values()), 0])
        .execute()
    ).map((c) => [c.id, c.name]),
  );

  /** The county a branch lies in, or null for the city's own units. */
  const countyOf = (b: Candidate) =>
    b.orgPath
      .split('/')
      .filter(Boolean)
      .map((id) => orgs.get(Number(id)))
      .find((o) => o?.kind === 'county') ?? null;
  /**
   * Who reviews a brand year by year, from the level above it: its county's bureau, or the city's for
   * the city's units and for the branches on a county's own node.
   */
  const reviewerOf = (b: Candidate): Who => {
    const county = countyOf(b);
    if (!county || county.id === b.orgId) return cityBureau;
    if (county.name === '如皋市' && rugaoUser) return { id: rugaoUser.id, name: '如皋市委老干部局' };
    return { id: null, name: `${county.name}委老干部局` };
  };
  const submitterOf = (b: Candidate): Who => {
    if (b.id === secretaryBranch?.id && secretaryUser) return secretaryUser;
    const cadre = secretaries.get(b.id);
    return { id: null, name: (cadre && names.get(cadre)) || `${b.orgName}老干部处` };
  };

  // ---- who applies when ----

  // Most brands were named in the first years of the plan; a few a year since; a handful still open.
  const perYear: [number, number][] = [];
  const spread = [28, 22, 14, 12, 10, 9, 8, 7, 4];
  for (let y = DEMO_BRANDS_FROM; y <= thisYear; y++) perYear.push([y, spread[y - DEMO_BRANDS_FROM] ?? 4]);
  const slots: { day: string; fate: Fate }[] = [];
  const latestApproved = addDays(today, -60);
  for (const [year, n] of perYear) {
    for (let i = 0; i < n; i++) {
      let day = addDays(`${year}-03-01`, r.int(0, 270));
      if (day > latestApproved) day = addDays(latestApproved, -r.int(0, 60));
      slots.push({ day, fate: 'approved' });
    }
  }
  // A few withdrawn after failing a review: named in the first years, so that a review has come.
  for (const i of [3, 17, 31, 44]) {
    const slot = slots[i];
    if (slot) slot.fate = 'withdraw';
  }
  const open: [Fate, number][] = [
    ['draft', 2],
    ['submitted', 3],
    ['returned', 1],
  ];
  for (const [fate, n] of open) {
    for (let i = 0; i < n; i++) slots.push({ day: addDays(today, -r.int(3, 40)), fate });
  }

  // Branches: mostly standing ones, some of the "N"; one each, founded well before the application.
  // Not the branches on the city's own node: the city approves brands from the level above them, and
  // nobody sits above the city.
  const below = branches.filter((b) => b.orgId !== root.id);
  const standing = below.filter((b) => b.kind === 'standing' && b.id !== secretaryBranch?.id);
  const others = below.filter((b) => b.kind !== 'standing');
  const taken = new Set<number>();
  const branchFor = (day: string, first: boolean): Candidate | null => {
    if (first && secretaryBranch && !taken.has(secretaryBranch.id)) return secretaryBranch;
    const pool = r.chance(0.82) ? standing : others;
    for (let tries = 0; tries < 200; tries++) {
      const b = r.pick(pool);
      if (taken.has(b.id) || (b.foundedOn && b.foundedOn > addDays(day, -60))) continue;
      return b;
    }
    return null;
  };

  const usedNames = new Set<string>();
  /** A name not used yet, from the word lists (they give far more names than the demo needs). */
  const brandName = () => {
    for (let tries = 0; tries < 1000; tries++) {
      const name = `${r.pick(NAME_HEADS)}${r.pick(NAME_TAILS)}`;
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      return `${name}${DEMO_MARK}`;
    }
    throw new Error('demo brands: out of names');
  };

  const planned: Planned[] = [];
  for (const [i, slot] of slots.entries()) {
    const branch = branchFor(slot.day, i === 5);
    if (!branch) continue;
    taken.add(branch.id);
    const core = r.pick(CORES);
    const practices = [...new Set([r.pick(PRACTICES), r.pick(PRACTICES), r.pick(PRACTICES)])];
    const results = [...new Set([r.pick(RESULTS), r.pick(RESULTS)])].map((t) => fill(r, t));
    const p: Planned = {
      branch,
      name: brandName(),
      idea: `以“${core}”为品牌理念，${r.pick(IDEAS)}。${DEMO_TEXT_MARK}`,
      practices: `${practices.map((t, k) => `${k + 1}. ${t}`).join('\n')}\n${DEMO_TEXT_MARK}`,
      results: `${results.map((t, k) => `${k + 1}. ${t}`).join('\n')}\n${DEMO_TEXT_MARK}`,
      submitter: submitterOf(branch),
      state: 'draft',
      events: [],
      cycleNo: 0,
      cycleStart: null,
      cycleEnd: null,
      nextReviewDue: null,
      withdrawnOn: null,
      withdrawnReason: null,
      reviews: [],
      inspections: [],
      cycles: [],
    };
    apply(r, p, slot.day, slot.fate, { city, cityBureau, reviewer: reviewerOf(branch), yesterday, today });
    planned.push(p);
  }

  // ---- the yearly selections ----
  const awards: { index: number; year: number; kind: AwardKind; title: string; note: string | null }[] = [];
  const lastAwardYear = Math.min(thisYear - 1, 2025);
  const activeOn = (p: Planned, day: string) =>
    p.state !== 'withdrawn' && p.cycles.some((c) => c.start <= day && c.end >= day);
  const topOf = new Map<number, number[]>();
  for (let year = DEMO_AWARDS_FROM; year <= lastAwardYear; year++) {
    const eligible = planned.flatMap((p, i) => (activeOn(p, `${year}-12-10`) ? [i] : []));
    const shuffled = shuffle(r, eligible);
    const top = shuffled.slice(0, TOP10_LIMIT);
    const excellent = shuffled.slice(TOP10_LIMIT, TOP10_LIMIT + r.int(12, 18));
    topOf.set(year, top);
    for (const index of top) {
      awards.push({
        index,
        year,
        kind: 'top10',
        title: `${year}年度全市离退休干部“十佳”党建品牌`,
        note: r.chance(0.5) ? '参加全市党建品牌巡展和现场观摩' : null,
      });
    }
    for (const index of excellent) {
      awards.push({
        index,
        year,
        kind: 'excellent',
        title: `${year}年度全市离退休干部优秀党建品牌`,
        note: null,
      });
    }
  }
  // Four provincial cases in 2020 from the city's top brands; one or two in some later years.
  const cases: [number, number][] = [
    [PROVINCE_CASE_YEAR, PROVINCE_CASES],
    [2022, 1],
    [2024, 2],
  ];
  for (const [year, n] of cases) {
    if (year > lastAwardYear) continue;
    const best = [...(topOf.get(year - 1) ?? []), ...(topOf.get(year) ?? [])].filter(
      (i, k, all) => all.indexOf(i) === k && activeOn(planned[i] as Planned, `${year}-12-10`),
    );
    for (const index of shuffle(r, best).slice(0, n)) {
      awards.push({
        index,
        year,
        kind: 'province_case',
        title: `${year}年度省级党建创新典型案例`,
        note: '由市委老干部局推荐',
      });
    }
  }

  // ---- write ----
  return db.transaction().execute(async (trx) => {
    const created = `${DEMO_BRANDS_FROM}-01-15T02:00:00.000Z`;
    const systemId = await repo.insertSystem(trx, {
      org_id: root.id,
      name: DEMO_UMBRELLA,
      description:
        '统领全市离退休干部党组织“一支部一品牌”建设，形成以不同层次、不同领域特色品牌为支撑的全市党建品牌体系；' +
        `实行三年申报创建、每年品牌复核、定期调研检查的动态管理。${DEMO_TEXT_MARK}`,
      created_at: created,
      updated_at: created,
    });
    const lastAt = (p: Planned) =>
      [
        p.events.at(-1)?.at as string,
        ...p.reviews.map((v) => v.created_at),
        ...p.inspections.map((v) => v.created_at),
      ].reduce((a, b) => (b > a ? b : a));
    const ids = await repo.insertBrands(
      trx,
      planned.map((p) => ({
        system_id: systemId,
        branch_id: p.branch.id,
        org_id: p.branch.orgId,
        name: p.name,
        idea: p.idea,
        practices: p.practices,
        results: p.results,
        cycle_no: p.cycleNo,
        cycle_start: p.cycleStart,
        cycle_end: p.cycleEnd,
        next_review_due: p.nextReviewDue,
        withdrawn_on: p.withdrawnOn,
        withdrawn_reason: p.withdrawnReason,
        created_by: p.submitter.id,
        created_at: p.events[0]?.at as string,
        updated_at: lastAt(p),
      })),
    );
    const id = (i: number) => ids[i] as number;
    const itemIds = await workflowRepo.insertItems(
      trx,
      planned.map((p, i) => {
        const first = p.events[0] as Event;
        const last = p.events.at(-1) as Event;
        return {
          workflow: brandWorkflow.name,
          record_id: id(i),
          org_id: p.branch.orgId,
          state: p.state,
          title: titleOf(p.branch.orgName, p.branch.name, p.name),
          submitted_by: first.actor_id ?? null,
          updated_by: last.actor_id ?? null,
          created_at: first.at,
          updated_at: last.at,
        };
      }),
    );
    const events = planned.flatMap((p, i) => p.events.map((e) => ({ ...e, item_id: itemIds[i] as number })));
    await workflowRepo.insertEvents(trx, events);
    await repo.insertReviews(
      trx,
      planned.flatMap((p, i) => p.reviews.map((v) => ({ ...v, brand_id: id(i) }))),
    );
    await repo.insertInspections(
      trx,
      planned.flatMap((p, i) => p.inspections.map((v) => ({ ...v, brand_id: id(i) }))),
    );
    const awardRows: Insertable<BrandAwardsTable>[] = awards.map((a) => ({
      brand_id: id(a.index),
      org_id: (planned[a.index] as Planned).branch.orgId,
      year: a.year,
      kind: a.kind,
      title: a.title,
      note: a.note,
      created_by: city.id,
      created_at: momentOn(r, `${a.year}-12-${pad(r.int(15, 28))}`, null),
    }));
    await repo.insertAwards(trx, awardRows);

    const byStatus: Record<string, number> = {};
    for (const p of planned) {
      const status = p.state === 'approved' && (p.cycleEnd as string) < today ? 'expired' : p.state;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    const summary: DemoBrandsSummary = {
      brands: planned.length,
      byStatus,
      secondCycle: planned.filter((p) => p.cycleNo >= 2).length,
      reviews: planned.reduce((n, p) => n + p.reviews.length, 0),
      overdue: planned.filter((p) => p.state === 'approved' && p.nextReviewDue && p.nextReviewDue < today)
        .length,
      inspections: planned.reduce((n, p) => n + p.inspections.length, 0),
      top10: awards.filter((a) => a.kind === 'top10').length,
      excellent: awards.filter((a) => a.kind === 'excellent').length,
      provinceCases: awards.filter((a) => a.kind === 'province_case').length,
      events: events.length,
    };
    await recordAudit(
      trx,
      { userId: null, name: 'demo-seed', ip: null, requestId: null },
      {
        action: 'brand.demo_generate',
        entity: 'brand',
        summary: `${summary.brands} brands under ${DEMO_UMBRELLA}, ${summary.reviews} reviews, ${awards.length} selections (seed ${opts.seed})`,
      },
    );
    return summary;
  });
}

function shuffle<T>(r: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * An application's life up to yesterday: drafted and submitted on `day`, now and then returned once,
 * approved by the city; then its cycles with their reviews and inspections, re-applied after each
 * cycle ends (mostly), or withdrawn through a review for the few whose fate that is.
 */
function apply(
  r: Random,
  p: Planned,
  day: string,
  fate: Fate,
  ctx: { city: Who; cityBureau: Who; reviewer: Who; yesterday: string; today: string },
) {
  const { city, cityBureau, reviewer, yesterday, today } = ctx;
  const step = (action: string, to: string, on: string, who: Who, comment: string | null = null) => {
    p.events.push({
      action,
      from_state: action === START_ACTION ? null : p.state,
      to_state: to,
      actor_id: who.id,
      actor_name: who.name,
      comment,
      at: momentOn(r, on, (p.events.at(-1)?.at as string | undefined) ?? null),
    });
    p.state = to;
  };
  const drafted = addDays(day, -r.int(0, 12));
  step(START_ACTION, 'draft', fate === 'draft' ? day : drafted, p.submitter);
  if (fate === 'draft') return;
  step('submit', 'submitted', day, p.submitter);
  if (fate === 'submitted') return;
  if (fate === 'returned') {
    step('return', 'returned', earlier(addDays(day, r.int(1, 5)), yesterday), city, r.pick(RETURN_COMMENTS));
    return;
  }
  let on = day;
  if (r.chance(0.15)) {
    on = addDays(on, r.int(5, 20));
    step('return', 'returned', on, city, r.pick(RETURN_COMMENTS));
    on = addDays(on, r.int(3, 15));
    step('submit', 'submitted', on, p.submitter);
  }
  on = addDays(on, r.int(7, 30));
  step('approve', 'approved', on, city);

  let start = on;
  let withdrawYear = fate === 'withdraw' ? r.int(1, 2) : 0;
  for (;;) {
    p.cycleNo++;
    const end = cycleEndOf(start);
    p.cycleStart = start;
    p.cycleEnd = end;
    p.cycles.push({ start, end });
    const marks: ReviewMark[] = [];
    const review = (
      year: number,
      dueOn: string,
      reviewedOn: string,
      verdict: ReviewVerdict,
      deadline: string | null,
    ) => {
      const reason =
        verdict === 'withdraw'
          ? r.pick(WITHDRAW_REASONS)
          : verdict === 'improve'
            ? r.pick(IMPROVE_REASONS)
            : null;
      p.reviews.push({
        cycle_no: p.cycleNo,
        cycle_year: year,
        due_on: dueOn,
        reviewed_on: reviewedOn,
        reviewer: verdict === 'withdraw' ? cityBureau.name : reviewer.name,
        verdict,
        deadline,
        // the reason is the withdrawal's; an improvement says what to improve in its comments
        reason: verdict === 'withdraw' ? reason : null,
        comments: verdict === 'pass' ? r.pick(PASS_COMMENTS) : verdict === 'improve' ? reason : null,
        created_by: verdict === 'withdraw' ? city.id : reviewer.id,
        created_at: momentOn(r, reviewedOn, null),
      });
      marks.push({ cycleYear: year, verdict, deadline });
      return reason;
    };
    let ended = false;
    for (let year = 1; year <= 3 && !ended; year++) {
      const due = addYears(start, year);
      // The last year's review comes in the cycle's last weeks, the others in the weeks after the anniversary.
      let reviewedOn = year === 3 ? addDays(due, -r.int(0, 20)) : addDays(due, r.int(0, 25));
      if (reviewedOn > yesterday) break; // not reviewed yet: due ahead, or overdue since recently
      if (year === withdrawYear) {
        const deadline = addDays(reviewedOn, r.int(60, 90));
        review(year, due, reviewedOn, 'improve', deadline);
        if (deadline > yesterday) break;
        const reason = review(year, deadline, deadline, 'withdraw', null);
        step('withdraw', 'withdrawn', deadline, city, reason);
        p.withdrawnOn = deadline;
        p.withdrawnReason = reason;
        ended = true;
        break;
      }
      if (r.chance(0.1)) {
        const deadline = addDays(reviewedOn, r.int(45, 90));
        review(year, due, reviewedOn, 'improve', deadline);
        const again = addDays(deadline, -r.int(0, 20));
        if (again > yesterday) break;
        reviewedOn = again;
        review(year, deadline, reviewedOn, 'pass', null);
      } else {
        review(year, due, reviewedOn, 'pass', null);
      }
    }
    p.nextReviewDue = ended ? null : (nextReview(start, marks)?.dueOn ?? null);
    // Periodic inspections (调研检查): now and then one in the cycle's first two years.
    for (const span of [
      [120, 360],
      [400, 720],
    ] as const) {
      const inspected = addDays(start, r.int(span[0], span[1]));
      if (!r.chance(0.35) || inspected > yesterday || (p.withdrawnOn && inspected > p.withdrawnOn)) continue;
      p.inspections.push({
        inspected_on: inspected,
        inspectors:
          r.chance(0.5) || reviewer.name === cityBureau.name
            ? `${reviewer.name}调研组`
            : `${cityBureau.name}、${reviewer.name}联合调研组`,
        findings: `${r.pick(INSPECTIONS)}。${DEMO_TEXT_MARK}`,
        created_by: reviewer.id,
        created_at: momentOn(r, inspected, null),
      });
    }
    if (ended || end >= today || p.nextReviewDue !== null) return;
    // The cycle is over: most branches apply again within weeks; a few let their brand lapse.
    const reapplied = addDays(end, r.int(1, 30));
    if (r.chance(0.02) || reapplied > addDays(yesterday, -10)) return;
    step('reapply', 'submitted', reapplied, p.submitter);
    start = earlier(addDays(reapplied, r.int(5, 30)), yesterday);
    step('approve', 'approved', start, city);
    withdrawYear = 0;
  }
}

const earlier = (a: string, b: string) => (a < b ? a : b);
