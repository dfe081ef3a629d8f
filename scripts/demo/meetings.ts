// A year of the demo branches' meetings (三会一课, 主题党日, 组织生活会, 民主评议) with realistic gaps: the
// 12 months up to the demo's today, for the standing branches against the required frequencies (most
// nearly complete, a minority behind by some months, a handful badly behind), and fewer themed days
// and lessons in the non-standing branches. Each meeting's review (the `meeting` workflow) is written
// as startWorkflow and takeTransition would have left it: an item with the meeting's state and title,
// and its events start → submit → (return → submit →) approve, cut off where the timeline reaches
// today, so that the last weeks hold drafts, meetings waiting for review and a few returned ones.
// Deterministic for a seed and a day.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type {
  BranchMeetingAbsencesTable,
  BranchMeetingsTable,
  WorkflowEventsTable,
  WorkflowItemsTable,
} from '../../server/db/schema.ts';
import * as branchesRepo from '../../server/modules/branches/branches.repository.ts';
import * as repo from '../../server/modules/branches/meetings.repository.ts';
import { FREQUENCIES, meetingTitle, periodOf } from '../../server/modules/branches/meetings.rules.ts';
import { MEETING_TYPES, type MeetingType } from '../../server/modules/branches/meetings.schema.ts';
import { meetingWorkflow } from '../../server/modules/branches/meetings.workflow.ts';
import { findCredentials } from '../../server/modules/identity/identity.repository.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { recordAudit } from '../../server/platform/audit/audit.ts';
import { addDays, daysBetween } from '../../server/platform/calendar/days.ts';
import * as workflowRepo from '../../server/platform/workflow/workflow.repository.ts';
import { START_ACTION } from '../../server/platform/workflow/workflow.ts';
import { type DemoBranch, listDemoBranches } from './branches.ts';
import { createRandom, type Random } from './people.ts';

export interface DemoMeetingsSummary {
  meetings: number;
  absences: number;
  events: number;
  byType: Record<string, number>;
  byState: Record<string, number>;
  /** standing branches by how they keep up: nearly complete, behind, badly behind */
  profiles: Record<Profile, number>;
}

type Profile = 'complete' | 'behind' | 'bad';
type State = 'draft' | 'submitted' | 'returned' | 'approved';

const pick = <T>(r: Random, items: readonly T[]) => r.pick(items);

// ---- what is said at the meetings ----

const STUDY = [
  '学习贯彻党的二十届四中全会精神',
  '学习习近平新时代中国特色社会主义思想',
  '学习贯彻习近平总书记关于老干部工作的重要论述',
  '学习《中国共产党章程》',
  '学习《中国共产党纪律处分条例》',
  '学习贯彻中央八项规定精神',
  '学习传达省委、市委全会精神',
  '学习党史、新中国史',
  '学习《关于加强新时代离退休干部党的建设工作的意见》',
  '观看警示教育片并交流体会',
];
const TOPICS: Record<MeetingType, string[]> = {
  committee: [
    '研究本月党员学习计划',
    '讨论发展党员工作',
    '研究党费收缴情况',
    '研究走访慰问生病、高龄党员',
    '研究主题党日活动方案',
    '研究流动党员联系管理',
    '研究“银发生辉”志愿服务安排',
    '研究年度组织生活会和民主评议党员准备工作',
    '听取党小组工作情况汇报',
  ],
  group: [
    '交流学习体会',
    '通报支部近期工作',
    '收缴党费',
    '开展谈心谈话',
    '了解组内老同志身体和生活情况',
    '征集对支部工作的意见建议',
  ],
  themed_day: [
    '开展主题党日活动：参观红色教育基地',
    '开展主题党日活动：重温入党誓词',
    '开展主题党日活动：“银发生辉”志愿服务进社区',
    '开展主题党日活动：政策宣讲进社区',
    '开展主题党日活动：观看红色影片',
    '开展主题党日活动：走访慰问困难党员',
    '开展主题党日活动：参观城市建设新成就',
    '开展主题党日活动：关心下一代进校园',
  ],
  assembly: [
    '通报支部上季度工作和下季度安排',
    '传达上级会议精神',
    '通报党费收缴情况',
    '讨论发展党员',
    '表彰优秀共产党员',
    '通报党员民主评议结果',
  ],
  lesson: [
    '支部书记讲党课：坚定理想信念，永葆政治本色',
    '支部书记讲党课：发挥老同志优势，助力高质量发展',
    '党课：学习党的光辉历史，传承红色基因',
    '党课：全面从严治党永远在路上',
    '邀请党校教师讲党课：学习贯彻全会精神',
    '老党员讲党课：讲好入党故事',
  ],
  org_life: [
    '召开年度组织生活会，开展批评和自我批评',
    '对照检查，查摆问题，明确整改措施',
    '通报上年度组织生活会整改落实情况',
  ],
  appraisal: ['开展民主评议党员：个人自评、党员互评、民主测评', '通报民主评议党员结果'],
};
const RESOLUTIONS: Record<MeetingType, string[]> = {
  committee: [
    '确定本月主题党日活动方案，由组织委员负责落实',
    '同意列入走访慰问名单，节前完成走访',
    '党费按时足额收缴，按规定上缴',
    '安排专人与流动党员每月联系一次',
    '确定下月学习内容和时间',
  ],
  group: ['各组员结合实际撰写学习体会', '党费已收齐，交支部统一上缴', '组员意见建议汇总后报支委会'],
  themed_day: [
    '活动按计划完成，参加党员反响良好',
    '整理活动照片和心得体会，报上级党组织',
    '下月继续开展志愿服务',
  ],
  assembly: ['通过支部季度工作安排', '一致同意支委会的工作报告', '通过表彰名单', '按程序上报上级党组织审批'],
  lesson: ['党员结合党课内容开展讨论，形成学习体会', '党课讲稿存档备查'],
  org_life: ['形成问题清单和整改措施，明确整改时限', '会议情况报上级党组织'],
  appraisal: ['评定优秀党员若干名，其余均为合格', '评议结果报上级党组织备案'],
};
const RETURN_COMMENTS = [
  '会议记录不完整，请补充缺席人员及原因',
  '请补充会议照片或签到表',
  '议题与本月主题党日要求不符，请完善活动内容',
  '决议事项表述不清，请修改后重新提交',
  '应到人数与支部党员人数不一致，请核实',
  '请补充党员发言和讨论情况',
];
const ABSENCE_REASONS: [string, number][] = [
  ['病假', 30],
  ['住院', 14],
  ['行动不便', 20],
  ['外出', 14],
  ['随子女异地居住', 10],
  ['事假', 12],
];
const START_TIMES = ['08:30', '09:00', '09:00', '09:30', '14:00', '14:30', '15:00'];

// ---- days and times ----

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
function addMonths(first: string, n: number) {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7)) - 1 + n;
  return `${y + Math.floor(m / 12)}-${pad((((m % 12) + 12) % 12) + 1)}-01`;
}
const lastOfMonth = (first: string) => addDays(addMonths(first, 1), -1);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A moment in office hours (Beijing time) of a day, as an ISO instant, after `after` when given. */
function momentOn(r: Random, day: string, after: string | null) {
  const at = Date.parse(`${day}T00:00:00.000Z`) + (r.int(8 * 60, 17 * 60) - 8 * 60) * 60_000;
  const floor = after ? Date.parse(after) + r.int(5, 90) * 60_000 : 0;
  return new Date(Math.max(at, floor) + r.int(0, 59) * 1000).toISOString();
}

/** A span of days a meeting of one type falls in: a month, a quarter, a half year, the early year. */
interface Slot {
  type: MeetingType;
  from: string;
  to: string;
  /** the first month of the slot, to tell the months a branch skips */
  month: string;
}

function slotsOf(type: MeetingType, years: number[]): { from: string; to: string }[] {
  const { unit, required } = FREQUENCIES[type];
  const spans: { from: string; to: string }[] = [];
  for (const y of years) {
    if (unit === 'month' || unit === 'quarter') {
      const step = unit === 'month' ? 1 : 3;
      for (let m = 0; m < 12; m += step) {
        const from = addMonths(`${y}-01-01`, m);
        spans.push({ from, to: lastOfMonth(addMonths(from, step - 1)) });
      }
    } else if (required === 2) {
      spans.push({ from: `${y}-01-01`, to: `${y}-06-30` }, { from: `${y}-07-01`, to: `${y}-12-31` });
    } else {
      // 组织生活会 and 民主评议 are mostly held early in the year, sometimes in December.
      spans.push({ from: `${y}-01-05`, to: `${y}-03-31` }, { from: `${y}-12-01`, to: `${y}-12-31` });
    }
  }
  return spans;
}

interface Planned {
  branch: DemoBranch;
  type: MeetingType;
  heldOn: string;
  row: Insertable<BranchMeetingsTable>;
  absences: Omit<Insertable<BranchMeetingAbsencesTable>, 'meeting_id'>[];
  events: Omit<Insertable<WorkflowEventsTable>, 'item_id'>[];
  item: Omit<Insertable<WorkflowItemsTable>, 'record_id'>;
}

/** Who acts: an account of the demo, or a name only. */
interface Who {
  id: number | null;
  name: string;
}

/**
 * Writes the demo meetings of the 12 months up to `today` for the branches already written, with
 * their attendance, absences and review history.
 */
export async function generateMeetings(
  db: Db,
  opts: { seed: number; today: string; secretaryOrgId: number | null; secretaryBranchId: number | null },
): Promise<DemoMeetingsSummary> {
  const r = createRandom(opts.seed);
  const { today } = opts;
  const yesterday = addDays(today, -1);
  const windowStart = addMonths(monthStart(today), -11);
  const years = [Number(windowStart.slice(0, 4)), Number(today.slice(0, 4))].filter(
    (y, i, all) => all.indexOf(y) === i,
  );

  const branches = await listDemoBranches(db, today);
  const names = new Map((await branchesRepo.listPartyMembers(db)).map((p) => [p.id, p.name]));
  const orgs = new Map((await listOrgs(db, WHOLE_TREE, true)).map((o) => [o.id, o]));
  const account = async (username: string): Promise<Who | null> => {
    const u = await findCredentials(db, username);
    return u ? { id: u.id, name: u.name } : null;
  };
  const [secretaryUser, rugao, city] = [
    await account('secretary'),
    await account('rugao'),
    await account('city'),
  ];

  /** The reviewer of a branch's meetings: its county's bureau, or the city's for the city's units. */
  const reviewers = new Map<string, Who>();
  const reviewerOf = (b: DemoBranch): Who => {
    const county = b.orgPath
      .split('/')
      .filter(Boolean)
      .map((id) => orgs.get(Number(id)))
      .find((o) => o?.kind === 'county');
    const key = county?.name ?? '';
    let who = reviewers.get(key);
    if (!who) {
      who =
        county?.name === '如皋市' && rugao
          ? rugao
          : county
            ? { id: null, name: `${county.name}老干部局` }
            : (city ?? { id: null, name: '市委老干部局' });
      reviewers.set(key, who);
    }
    return who;
  };

  const planned: Planned[] = [];
  const profiles: Record<Profile, number> = { complete: 0, behind: 0, bad: 0 };
  const spans = new Map(MEETING_TYPES.map((t) => [t, slotsOf(t, years)]));
  for (const branch of branches) {
    if (branch.kind === 'general' || branch.memberIds.length === 0) continue;
    const standing = branch.kind === 'standing';
    const mine = branch.id === opts.secretaryBranchId;
    const first = later(windowStart, branch.foundedOn ?? windowStart);
    // How the branch keeps up: the chance it skips a meeting, and months it skipped altogether.
    let miss: number;
    const gap = new Set<string>();
    if (!standing) {
      if (!r.chance(0.6)) continue;
      miss = 0.5 + r.next() * 0.3;
    } else {
      const profile: Profile = mine
        ? 'complete'
        : r.weighted([
            ['complete', 72],
            ['behind', 22],
            ['bad', 6],
          ]);
      profiles[profile]++;
      miss =
        profile === 'complete'
          ? r.chance(0.6)
            ? 0
            : 0.005 + r.next() * 0.015
          : profile === 'behind'
            ? 0.04 + r.next() * 0.08
            : 0.45;
      if (profile !== 'complete') {
        const start = r.int(0, 9);
        const length = profile === 'behind' ? r.int(2, 4) : r.int(3, 6);
        for (let i = start; i < start + length; i++) gap.add(addMonths(windowStart, i));
      }
    }
    const absentRate = 0.03 + r.next() * 0.15;
    const place = pick(r, [
      `${branch.orgName}党员活动室`,
      `${branch.orgName}会议室`,
      `${branch.orgName}老干部活动室`,
    ]);
    const secretary = branch.secretaryId ? (names.get(branch.secretaryId) ?? null) : null;
    const submitter: Who =
      branch.orgId === opts.secretaryOrgId && secretaryUser
        ? secretaryUser
        : { id: null, name: secretary ?? `${branch.name}` };
    const reviewer = reviewerOf(branch);

    const slots: Slot[] = [];
    for (const type of MEETING_TYPES) {
      if (!standing && type !== 'themed_day' && type !== 'lesson') continue;
      for (const span of spans.get(type) ?? []) {
        const from = later(span.from, first);
        const to = earlier(span.to, yesterday);
        if (from > to) continue;
        // A span cut by the window or by today is held in proportion to the part of it there is.
        const share = (daysBetween(from, to) + 1) / (daysBetween(span.from, span.to) + 1);
        const yearly = FREQUENCIES[type].unit === 'year' && FREQUENCIES[type].required === 1;
        const weight = yearly ? (span.from.slice(5, 7) === '12' ? 0.2 : 0.8) : 1;
        if (!r.chance(share * weight)) continue;
        slots.push({ type, from, to, month: monthStart(from) });
      }
    }
    for (const slot of slots) {
      const skipped = gap.has(slot.month) && FREQUENCIES[slot.type].unit === 'month' ? 0.9 : miss;
      if (r.chance(skipped)) continue;
      const heldOn = addDays(slot.from, r.int(0, daysBetween(slot.from, slot.to)));
      const committee = branch.committee.filter((c) => c.since <= heldOn).map((c) => c.cadreId);
      const attendees =
        slot.type === 'committee' && committee.length > 0
          ? committee
          : branch.memberIds.filter((_, i) => (branch.memberSince[i] as string) <= heldOn);
      if (attendees.length === 0) continue;
      const absent = attendees.filter(() => r.chance(slot.type === 'committee' ? 0.04 : absentRate));
      if (absent.length === attendees.length) absent.pop();
      const meeting = plan(r, {
        branch,
        type: slot.type,
        heldOn,
        expected: attendees.length,
        absent,
        names,
        place,
        chair: secretary,
        recorder: names.get(r.pick(attendees)) ?? null,
      });
      const timeline = review(r, { heldOn, yesterday, submitter, reviewer, stuck: !standing || miss > 0.04 });
      if (!timeline) continue;
      planned.push(finish(meeting, timeline, submitter));
    }
  }

  // The demo secretary's branch has one meeting returned to it, waiting to be corrected.
  const submittedAt = (p: Planned) => String(p.events[1]?.at ?? '');
  const latest = planned
    .filter((p) => p.branch.id === opts.secretaryBranchId && p.events[1]?.action === 'submit')
    .filter((p) => submittedAt(p) <= `${addDays(yesterday, -3)}T23:59:59`)
    .sort((a, b) => submittedAt(a).localeCompare(submittedAt(b)))
    .at(-1);
  if (latest) {
    const submitted = latest.events.slice(0, 2);
    const returned = addDays(submittedAt(latest).slice(0, 10), r.int(1, 2));
    const reviewer = reviewerOf(latest.branch);
    const events = [
      ...submitted,
      {
        action: 'return',
        from_state: 'submitted',
        to_state: 'returned',
        actor_id: reviewer.id,
        actor_name: reviewer.name,
        comment: pick(r, RETURN_COMMENTS),
        at: momentOn(r, earlier(returned, yesterday), submittedAt(latest)),
      },
    ];
    Object.assign(latest, finish(latest, events, null));
  }

  // ---- write ----
  return db.transaction().execute(async (trx) => {
    const ids = await repo.insertMeetings(
      trx,
      planned.map((p) => p.row),
    );
    await repo.insertAbsences(
      trx,
      planned.flatMap((p, i) => p.absences.map((a) => ({ ...a, meeting_id: ids[i] as number }))),
    );
    const itemIds = await workflowRepo.insertItems(
      trx,
      planned.map((p, i) => ({ ...p.item, record_id: ids[i] as number })),
    );
    const events = planned.flatMap((p, i) => p.events.map((e) => ({ ...e, item_id: itemIds[i] as number })));
    await workflowRepo.insertEvents(trx, events);
    const count = (key: (p: Planned) => string) => {
      const counts: Record<string, number> = {};
      for (const p of planned) counts[key(p)] = (counts[key(p)] ?? 0) + 1;
      return counts;
    };
    const summary: DemoMeetingsSummary = {
      meetings: planned.length,
      absences: planned.reduce((sum, p) => sum + p.absences.length, 0),
      events: events.length,
      byType: count((p) => p.type),
      byState: count((p) => p.item.state as string),
      profiles,
    };
    await recordAudit(
      trx,
      { userId: null, name: 'demo-seed', ip: null, requestId: null },
      {
        action: 'meeting.demo_generate',
        entity: 'meeting',
        summary: `${summary.meetings} meetings from ${windowStart} to ${yesterday} (seed ${opts.seed})`,
      },
    );
    return summary;
  });
}

/** A meeting's record and absences, before its review. */
function plan(
  r: Random,
  m: {
    branch: DemoBranch;
    type: MeetingType;
    heldOn: string;
    expected: number;
    absent: number[];
    names: Map<number, string>;
    place: string;
    chair: string | null;
    recorder: string | null;
  },
): Omit<Planned, 'events' | 'item'> {
  const topics = [
    ...(m.type === 'org_life' || m.type === 'appraisal' || m.type === 'themed_day' ? [] : [pick(r, STUDY)]),
    ...new Set([pick(r, TOPICS[m.type]), ...(r.chance(0.4) ? [pick(r, TOPICS[m.type])] : [])]),
  ];
  const resolutions = [...new Set([pick(r, RESOLUTIONS[m.type]), pick(r, RESOLUTIONS[m.type])])];
  const numbered = (items: string[]) =>
    items.length === 1 ? items[0] : items.map((t, i) => `${i + 1}. ${t}`).join('\n');
  const period = periodOf(m.type, m.heldOn);
  return {
    branch: m.branch,
    type: m.type,
    heldOn: m.heldOn,
    row: {
      branch_id: m.branch.id,
      org_id: m.branch.orgId,
      type: m.type,
      period,
      held_on: m.heldOn,
      start_time: pick(r, START_TIMES),
      place: m.type === 'themed_day' && r.chance(0.4) ? null : m.place,
      chair: m.chair,
      recorder: m.recorder,
      expected_count: m.expected,
      present_count: m.expected - m.absent.length,
      outside_attendees:
        (m.type === 'assembly' || m.type === 'org_life') && r.chance(0.3) ? '上级党组织联系人' : null,
      topics: numbered(topics) ?? null,
      resolutions: numbered(resolutions) ?? null,
      created_by: null,
      created_at: '',
      updated_at: '',
    },
    absences: m.absent.map((id) => ({
      cadre_id: id,
      name: m.names.get(id) ?? '',
      reason: r.weighted(ABSENCE_REASONS),
    })),
  };
}

type Event = Omit<Insertable<WorkflowEventsTable>, 'item_id'>;

/**
 * A meeting's review as it went: recorded a few days after it was held, submitted, reviewed within
 * days or weeks, now and then returned and submitted again; cut off at yesterday. Null when the
 * meeting was not even recorded yet.
 */
function review(
  r: Random,
  m: { heldOn: string; yesterday: string; submitter: Who; reviewer: Who; stuck: boolean },
): Event[] | null {
  const recorded = addDays(
    m.heldOn,
    r.weighted([
      [0, 40],
      [1, 25],
      [r.int(2, 5), 25],
      [r.int(6, 20), 10],
    ]),
  );
  if (recorded > m.yesterday) return null;
  const events: Event[] = [];
  let state: State = 'draft';
  const step = (action: string, to: State, day: string, who: Who, comment: string | null = null) => {
    if (day > m.yesterday) return false;
    events.push({
      action,
      from_state: action === START_ACTION ? null : state,
      to_state: to,
      actor_id: who.id,
      actor_name: who.name,
      comment,
      at: momentOn(r, day, (events.at(-1)?.at as string | undefined) ?? null),
    });
    state = to;
    return true;
  };
  step(START_ACTION, 'draft', recorded, m.submitter);
  // Now and then a draft left lying in a branch that is behind anyway.
  if (m.stuck && r.chance(0.01)) return events;
  let day = addDays(recorded, r.chance(0.6) ? 0 : r.int(1, 7));
  if (!step('submit', 'submitted', day, m.submitter)) return events;
  day = addDays(day, r.chance(0.85) ? r.int(1, 12) : r.int(13, 30));
  if (r.chance(0.05)) {
    if (!step('return', 'returned', day, m.reviewer, pick(r, RETURN_COMMENTS))) return events;
    day = addDays(day, r.int(1, 8));
    if (!step('submit', 'submitted', day, m.submitter)) return events;
    day = addDays(day, r.int(1, 10));
  }
  step('approve', 'approved', day, m.reviewer);
  return events;
}

/** The meeting with its review: the item in the state its last event left, as the workflow keeps it. */
function finish(meeting: Omit<Planned, 'events' | 'item'>, events: Event[], submitter: Who | null): Planned {
  const first = events[0] as Event;
  const last = events.at(-1) as Event;
  const title = meetingTitle({
    orgName: meeting.branch.orgName,
    branchName: meeting.branch.name,
    type: meeting.type,
    period: meeting.row.period,
  });
  return {
    ...meeting,
    row: {
      ...meeting.row,
      created_by: submitter?.id ?? meeting.row.created_by ?? null,
      created_at: first.at,
      updated_at: last.at,
    },
    events,
    item: {
      workflow: meetingWorkflow.name,
      org_id: meeting.branch.orgId,
      state: last.to_state,
      title,
      submitted_by: first.actor_id ?? null,
      updated_by: last.actor_id ?? null,
      created_at: first.at,
      updated_at: last.at,
    },
  };
}
