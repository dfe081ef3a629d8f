// The demo city's learning: about 120 cloud party lessons (云端党课) published from 2019 to the demo's
// today, with view counters in the millions and learning records for a subset of the living party
// members; and the 头雁工程 (touyan) secretary training, one programme a year from 2019, whose sessions
// are attended by the branch secretaries in office on the day. Everything is synthetic and says so:
// titles and programme names end in （演示）, texts open with a demo notice, and video links point at
// example.invalid. Deterministic for a seed and a day; written in bulk inside one transaction.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { LearningLessonsTable, LearningRecordsTable } from '../../server/db/schema.ts';
import * as branchesRepo from '../../server/modules/branches/branches.repository.ts';
import * as repo from '../../server/modules/learning/learning.repository.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { recordAudit } from '../../server/platform/audit/audit.ts';
import { addDays, daysBetween } from '../../server/platform/calendar/days.ts';
import { createRandom, type Random } from './people.ts';

/** The marker every demo lesson title and programme name carries. */
export const DEMO_MARK = '（演示）';

/** Where the demo videos "are": a reserved domain that never resolves. */
export const DEMO_VIDEO_BASE = 'https://example.invalid/demo/lessons/';

/** The first year of the demo's lessons and trainings. */
export const DEMO_LEARNING_FROM = 2019;

/** The 头雁工程 programme's code. */
export const TOUYAN = 'touyan';

export interface DemoLearningSummary {
  lessons: number;
  views: number;
  records: number;
  learners: number;
  programmes: number;
  sessions: number;
  personTimes: number;
  secretaries: number;
}

/** The year's themes of study, as the lessons of that year took them up. */
const THEMES: Record<number, string[]> = {
  2019: [
    '“不忘初心、牢记使命”主题教育专题党课',
    '庆祝新中国成立70周年：老党员讲述身边变化',
    '学习贯彻党的十九届四中全会精神',
  ],
  2020: [
    '抗击新冠肺炎疫情中的共产党员担当',
    '决胜全面建成小康社会、决战脱贫攻坚',
    '学习贯彻党的十九届五中全会精神',
  ],
  2021: ['党史学习教育专题党课', '庆祝中国共产党成立100周年', '学习贯彻党的十九届六中全会精神'],
  2022: ['喜迎党的二十大：新时代十年的伟大变革', '学习贯彻党的二十大精神'],
  2023: ['学习贯彻习近平新时代中国特色社会主义思想主题教育', '学习贯彻党的二十大精神'],
  2024: ['党纪学习教育专题党课', '学习贯彻党的二十届三中全会精神'],
  2025: ['深入贯彻中央八项规定精神学习教育', '学习贯彻党的二十届四中全会精神'],
  2026: ['“十五五”开局之年的老干部工作', '学习贯彻党的二十届四中全会精神'],
};

/** Lessons of every year. */
const STANDING_THEMES = [
  '《中国共产党章程》逐章学',
  '离退休干部党员如何发挥作用',
  '江海银发先锋故事汇',
  '南通地方党史中的红色印记',
  '廉洁自律，永葆本色',
  '老干部党员的初心与使命',
  '习近平总书记关于老干部工作的重要论述',
  '网络时代老党员的学习方法',
];

const SECTIONS = [
  '深刻领会精神实质',
  '联系离退休干部党员实际',
  '讲好身边老党员的故事',
  '在发挥作用中践行初心',
  '做到离岗不离党、退休不褪色',
];

const PLACES = ['市老干部活动中心', '市委党校', '市老干部活动中心多功能厅', '如皋市老干部活动中心'];

const SESSION_TOPICS = [
  '支部书记履职能力培训',
  '“六有一提升”标准化建设专题培训',
  '三会一课规范化实务',
  '党建品牌创建经验交流',
  '离退休干部党支部组织生活案例教学',
  '党务工作信息化操作培训',
];

const instant = (day: string, r: Random) =>
  `${day}T${String(r.int(1, 9)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;

const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

function lessonBody(title: string, r: Random): string {
  const pool = [...SECTIONS];
  const picked = [0, 1, 2].map(() => pool.splice(r.int(0, pool.length - 1), 1)[0] as string);
  const sections = picked.map(
    (s, i) =>
      `${['一', '二', '三'][i]}、${s}\n（演示正文：此处为本讲第${i + 1}部分的内容提要，供平台演示使用。）`,
  );
  return `【演示内容】本课为系统演示数据，并非真实党课文本。\n\n${title}\n\n${sections.join('\n\n')}`;
}

/**
 * Writes the demo lessons, learning records and 头雁工程 training for the branches and roster already
 * written, up to yesterday.
 */
export async function generateLearning(
  db: Db,
  opts: { seed: number; today: string },
): Promise<DemoLearningSummary> {
  const r = createRandom(opts.seed);
  const yesterday = addDays(opts.today, -1);
  const orgs = await listOrgs(db, WHOLE_TREE, true);
  const city = orgs.find((o) => o.parentId === null);
  if (!city) throw new Error('demo learning needs the org tree');
  const counties = orgs.filter((o) => o.kind === 'county');

  // ---- lessons: about 120, spread evenly from the first year to yesterday ----
  const first = `${DEMO_LEARNING_FROM}-01-08`;
  const span = daysBetween(first, yesterday);
  const count = 120;
  const used = new Map<string, number>();
  const lessons: Insertable<LearningLessonsTable>[] = [];
  for (let i = 0; i < count; i++) {
    const day = earlier(addDays(first, Math.floor((i * span) / count) + r.int(0, 10)), yesterday);
    const year = Number(day.slice(0, 4));
    const theme = r.chance(0.55) ? r.pick(THEMES[year] ?? STANDING_THEMES) : r.pick(STANDING_THEMES);
    const n = (used.get(theme) ?? 0) + 1;
    used.set(theme, n);
    const title = `${theme}·第${n}讲${DEMO_MARK}`;
    const video = r.chance(0.6);
    const age = daysBetween(day, opts.today);
    // Older lessons have been opened for longer; a few were shared widely.
    const views = Math.round(
      (12_000 + r.next() * 50_000) * (0.25 + 0.75 * Math.min(1, age / 730)) * (r.chance(0.05) ? 3 : 1),
    );
    const at = instant(day, r);
    lessons.push({
      org_id: r.chance(0.8) || counties.length === 0 ? city.id : r.pick(counties).id,
      title,
      kind: video ? 'video' : 'text',
      url: video ? `${DEMO_VIDEO_BASE}${String(i + 1).padStart(3, '0')}.mp4` : null,
      body: video ? null : lessonBody(title, r),
      published_on: day,
      views,
      created_at: at,
      updated_at: at,
    });
  }

  // ---- learning records: a subset of the living party members, a handful of lessons each ----
  const members = (await branchesRepo.listPartyMembers(db)).filter(
    (p) => p.status === 'active' && p.died_on === null,
  );
  const picks: { lesson: number; cadre: number; from: string; to: string }[] = [];
  const learners = new Set<number>();
  for (const p of members) {
    if (!r.chance(0.12)) continue;
    const seen = new Set<number>();
    const wanted = r.weighted<number>([
      [r.int(1, 3), 50],
      [r.int(4, 10), 35],
      [r.int(11, 25), 15],
    ]);
    for (let k = 0; k < wanted; k++) {
      const lesson = r.int(0, lessons.length - 1);
      if (seen.has(lesson)) continue;
      const published = lessons[lesson]?.published_on as string;
      const from = later(published, p.retired_on ?? published);
      const to = earlier(addDays(published, 365), yesterday);
      if (from > to) continue;
      seen.add(lesson);
      learners.add(p.id);
      picks.push({ lesson, cadre: p.id, from, to });
    }
  }
  const perLesson = new Map<number, number>();
  for (const pick of picks) perLesson.set(pick.lesson, (perLesson.get(pick.lesson) ?? 0) + 1);
  // Every learning record opened the lesson at least once.
  for (const [i, lesson] of lessons.entries()) lesson.views = Number(lesson.views) + (perLesson.get(i) ?? 0);

  // ---- 头雁工程: one programme a year, three sessions, secretaries in office on the day ----
  const branchIds = (await branchesRepo.listWorkingBranches(db)).map((b) => b.id);
  const lastYear = Number(yesterday.slice(0, 4));
  const programmes: {
    year: number;
    sessions: { day: string; title: string; place: string; hours: number }[];
  }[] = [];
  for (let year = DEMO_LEARNING_FROM; year <= lastYear; year++) {
    const sessions = [];
    for (const [k, month] of [3, 6, 10].entries()) {
      const day = `${year}-${String(month + r.int(0, 1)).padStart(2, '0')}-${String(r.int(10, 26)).padStart(2, '0')}`;
      if (day > yesterday) continue;
      sessions.push({
        day,
        title: `${year}年第${k + 1}期 ${r.pick(SESSION_TOPICS)}`,
        place: r.pick(PLACES),
        hours: r.pick([4, 6, 8, 12, 16]),
      });
    }
    if (sessions.length) programmes.push({ year, sessions });
  }
  const attendees: { cadres: number[] }[] = [];
  for (const programme of programmes) {
    for (const s of programme.sessions) {
      const holders = [
        ...new Set((await branchesRepo.holdersOn(db, branchIds, 'secretary', s.day)).map((h) => h.cadre_id)),
      ];
      const size = Math.min(holders.length, r.int(32, 48));
      const chosen = new Set<number>();
      while (chosen.size < size) chosen.add(r.pick(holders));
      attendees.push({ cadres: [...chosen].sort((a, b) => a - b) });
    }
  }

  return db.transaction().execute(async (trx) => {
    const lessonIds = await repo.insertLessons(trx, lessons);
    const records: Insertable<LearningRecordsTable>[] = picks.map((p) => {
      const day = addDays(p.from, r.int(0, daysBetween(p.from, p.to)));
      return {
        lesson_id: lessonIds[p.lesson] as number,
        cadre_id: p.cadre,
        learned_on: day,
        minutes: r.int(15, 60),
        created_at: instant(day, r),
      };
    });
    await repo.insertRecords(trx, records);

    const programmeIds = await repo.insertProgrammes(
      trx,
      programmes.map((p) => {
        const at = instant(`${p.year}-01-15`, r);
        return {
          org_id: city.id,
          name: `${p.year}年“头雁工程”离退休干部党支部书记培训${DEMO_MARK}`,
          code: TOUYAN,
          year: p.year,
          created_at: at,
          updated_at: at,
        };
      }),
    );
    const sessionIds = await repo.insertSessions(
      trx,
      programmes.flatMap((p, i) =>
        p.sessions.map((s) => ({
          programme_id: programmeIds[i] as number,
          held_on: s.day,
          title: s.title,
          place: s.place,
          hours: s.hours,
        })),
      ),
    );
    const sessionDays = programmes.flatMap((p) => p.sessions.map((s) => s.day));
    const attendance = attendees.flatMap((a, i) =>
      a.cadres.map((cadre) => ({
        session_id: sessionIds[i] as number,
        cadre_id: cadre,
        created_at: instant(sessionDays[i] as string, r),
      })),
    );
    await repo.insertAttendances(trx, attendance);

    const summary: DemoLearningSummary = {
      lessons: lessons.length,
      views: lessons.reduce((sum, l) => sum + Number(l.views), 0),
      records: records.length,
      learners: learners.size,
      programmes: programmeIds.length,
      sessions: sessionIds.length,
      personTimes: attendance.length,
      secretaries: new Set(attendance.map((a) => a.cadre_id)).size,
    };
    await recordAudit(
      trx,
      { userId: null, name: 'demo-seed', ip: null, requestId: null },
      {
        action: 'learning.demo_generate',
        entity: 'learning_lesson',
        summary:
          `${summary.lessons} lessons, ${summary.records} learning records, ${summary.programmes} 头雁工程 ` +
          `programmes with ${summary.personTimes} person-times (seed ${opts.seed})`,
      },
    );
    return summary;
  });
}
