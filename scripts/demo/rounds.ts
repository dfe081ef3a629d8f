// The three assessment rounds (考核轮次) of 六有一提升 that the source document reports up to 2020: "经三轮
// 创建，到2020年底，全市 784 个建制性支部实现 100% 达标，23 个支部创成市级示范支部，10 个支部获评省级示范支部".
// 2019年第一轮, 2020年第二轮 (first half) and 2020年第三轮 (by the end of 2020), each over the standing
// branches founded by the round's opening, all closed, compliance rising round by round to every
// standing branch. Each branch's assessment is written as the rounds service would have left it: an
// answer to every measure, evidence (one small demo image stored once through platform/files, cited
// with a caption per measure), the county's review of every answer, the city's verification (full for
// some, a sample for most), the result the rules give, and the `assessment` workflow's item and events
// submit → (return → submit →) review → (send back → review →) verify. 23 city-level demonstration
// branches (10 of them also province-level) are named in rounds 2 and 3, spread over the counties.
// Deterministic for a seed; written in bulk.

import path from 'node:path';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import type { Insertable } from 'kysely';
import type { Config } from '../../server/config.ts';
import type { Db } from '../../server/db/database.ts';
import type {
  AssessmentAnswersTable,
  AssessmentChecksTable,
  AssessmentEvidenceTable,
  WorkflowEventsTable,
} from '../../server/db/schema.ts';
import type { Measure } from '../../server/modules/assessments/assessments.schema.ts';
import { freezeVersion, getVersion } from '../../server/modules/assessments/assessments.service.ts';
import * as repo from '../../server/modules/assessments/rounds.repository.ts';
import { DEFAULT_PASS_MARK, findingOf, outcomeOf } from '../../server/modules/assessments/rounds.rules.ts';
import type {
  AnswerVerdict,
  AssessmentResult,
  CheckVerdict,
  DemoLevel,
} from '../../server/modules/assessments/rounds.schema.ts';
import { assessmentWorkflow } from '../../server/modules/assessments/rounds.workflow.ts';
import { findCredentials } from '../../server/modules/identity/identity.repository.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { type Actor, recordAudit } from '../../server/platform/audit/audit.ts';
import { addDays, daysBetween } from '../../server/platform/calendar/days.ts';
import { insertLinks } from '../../server/platform/files/attachments.repository.ts';
import { DiskFileStore, recordFile } from '../../server/platform/files/files.ts';
import * as workflowRepo from '../../server/platform/workflow/workflow.repository.ts';
import { START_ACTION } from '../../server/platform/workflow/workflow.ts';
import { type DemoBranch, listDemoBranches, SECRETARY_UNIT } from './branches.ts';
import { createRandom, type Random } from './people.ts';

/** A round of the source's three, with its calendar and how many of its branches reach compliance. */
interface RoundSpec {
  name: string;
  year: number;
  openedOn: string;
  dueOn: string;
  closedOn: string;
  /** the share of its branches found compliant */
  compliance: number;
  /** the chance that a scored measure is answered not met, in a compliant branch */
  shortfall: number;
  /** the day demonstration levels are named (city, then province) */
  namedOn?: { city: string; province: string };
}

export const DEMO_ROUNDS: RoundSpec[] = [
  {
    name: '2019年第一轮',
    year: 2019,
    openedOn: '2019-04-08',
    dueOn: '2019-06-30',
    closedOn: '2019-12-20',
    compliance: 0.62,
    shortfall: 0.16,
  },
  {
    name: '2020年第二轮',
    year: 2020,
    openedOn: '2020-02-24',
    dueOn: '2020-04-30',
    closedOn: '2020-07-20',
    compliance: 0.85,
    shortfall: 0.1,
    namedOn: { city: '2020-07-08', province: '2020-07-15' },
  },
  {
    name: '2020年第三轮',
    year: 2020,
    openedOn: '2020-08-03',
    dueOn: '2020-09-30',
    closedOn: '2020-12-28',
    compliance: 1,
    shortfall: 0.06,
    namedOn: { city: '2020-12-15', province: '2020-12-22' },
  },
];

/** The source's demonstration branches: city level in rounds 2 and 3, province level among them. */
export const DEMO_DEMONSTRATIONS = { city: 23, province: 10, cityInRound2: 9, provinceInRound2: 3 };

export interface DemoRoundsSummary {
  rounds: { name: string; branches: number; compliant: number }[];
  answers: number;
  evidence: number;
  checks: number;
  events: number;
  city: number;
  province: number;
}

type Event = Omit<Insertable<WorkflowEventsTable>, 'item_id'>;
type RoundMeasure = Measure & { dimensionTitle: string };

/** Who acts: an account of the demo, or a name only. */
interface Who {
  id: number | null;
  name: string;
}

/** Why a branch falls short in a round. */
type Shortfall = 'self_required' | 'county_required' | 'city_required' | 'score';

interface PlannedCheck {
  measureId: number;
  stage: 'review' | 'verify';
  verdict: CheckVerdict;
  comment: string | null;
  /** indices into the assessment's evidence */
  evidence: number[];
  by: Who;
  at: string;
}

interface Planned {
  round: number;
  branch: DemoBranch;
  /** rows to write, their assessment (and file) filled in once written */
  answers: Insertable<AssessmentAnswersTable>[];
  evidence: Insertable<AssessmentEvidenceTable>[];
  checks: PlannedCheck[];
  events: Event[];
  result: AssessmentResult;
  score: number | null;
  verification: 'full' | 'sampled';
  verifiedAt: string;
  demos: { level: DemoLevel; namedOn: string; note: string | null }[];
}

// ---- what is said ----

const NOT_MET_NOTES = [
  '本年度未完全落实，已制定整改措施',
  '部分月份未按要求开展，下一阶段补齐',
  '材料尚不齐全，正在整理',
  '受老同志身体状况影响，落实不到位',
  '条件暂不具备，已向所在单位提出申请',
];
const NOT_APPLICABLE_NOTES = ['本支部暂无此类情况，附情况说明', '不涉及，已由所在单位出具情况说明'];
const REQUIRED_SHORTFALL: Record<string, string> = {
  '1.1': '支部委员会换届逾期，尚未完成换届',
  '2.1': '“三会一课”落实不到位，部分季度未召开党员大会',
  '5.1': '党员名册未及时更新',
  '6.2': '党费收缴台账不完整，未定期公开',
  '7.4': '尚未取得所在单位出具的情况说明',
};
const DISAGREE_COMMENTS = [
  '佐证材料与自评结论不符，不予认定',
  '台账记录不完整，不能证明达到要求',
  '材料为往年内容，不能作为本轮佐证',
];
const NO_EVIDENCE_COMMENT = '缺少佐证，不予认定';
const RETURN_COMMENTS = [
  '部分细则自评依据不足，请补充佐证材料后重新提交',
  '佐证材料未按细则分类上传，请整理后重新提交',
  '请补充支部年度活动计划和年终小结',
  '自评说明过于简单，请逐项说明落实情况',
];
const SEND_BACK_COMMENTS = [
  '抽查发现审核意见与佐证不一致，请县区重新审核',
  '部分细则审核未注明依据，请重新审核',
];
/** What a checker looked at for a measure whose evidence is the platform's own records, not a file. */
const PLATFORM_RECORDS: [kind: string, comment: string][] = [
  ['elections', '已核对平台换届选举和支委会记录'],
  ['committee', '已核对平台支委会成员记录'],
  ['members', '已核对平台党员名册'],
  ['meetings', '平台当年尚无会议记录，已核对支部会议记录本'],
];

// ---- days and moments ----

/** A moment in office hours (Beijing time) of a day, as an ISO instant, after `after` when given. */
function momentOn(r: Random, day: string, after: string | null) {
  const at = Date.parse(`${day}T00:00:00.000Z`) + (r.int(8 * 60, 17 * 60) - 8 * 60) * 60_000;
  const floor = after ? Date.parse(after) + r.int(5, 90) * 60_000 : 0;
  return new Date(Math.max(at, floor) + r.int(0, 59) * 1000).toISOString();
}
const earlier = (a: string, b: string) => (a < b ? a : b);
const dayBetween = (r: Random, from: string, to: string) =>
  to <= from ? from : addDays(from, r.int(0, daysBetween(from, to)));

// ---- the one demo evidence file ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer) {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/**
 * A small PNG standing for every photo and scan of the demo's evidence (演示佐证材料): a red banner over a
 * pale page with grey lines of "text". Drawn here, so the demo needs no binary asset.
 */
export function demoEvidenceImage(): Buffer {
  const [w, h] = [120, 80];
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3);
    for (let x = 0; x < w; x++) {
      const banner = y < 16;
      const line = !banner && y >= 26 && (y - 26) % 10 < 3 && x >= 12 && x < w - 12 - ((y * 7) % 30);
      const [red, green, blue] = banner ? [196, 30, 36] : line ? [150, 150, 150] : [250, 247, 240];
      row.set([red, green, blue], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const DEMO_EVIDENCE_NAME = '演示佐证材料.png';

// ---- planning ----

const acceptsFiles = (m: Measure) =>
  m.evidenceKinds.includes('document') || m.evidenceKinds.includes('photo');

/** The caption of a piece of evidence: the first item the measure asks for, in the round's year. */
const captionOf = (m: Measure, year: number) => `${year}年${m.evidence.split(/[、，,]/)[0] ?? m.evidence}`;

/** The area a branch counts in for the spread of demonstration branches: its county, or the city's units. */
function areaOf(b: DemoBranch, counties: Map<number, string>) {
  for (const id of b.orgPath.split('/').filter(Boolean)) {
    const name = counties.get(Number(id));
    if (name) return name;
  }
  return '市直';
}

/** Picks `n` branches round-robin over their areas, the strongest of each area first. */
function spread(items: DemoBranch[], n: number, areaOfBranch: (b: DemoBranch) => string) {
  const byArea = new Map<string, DemoBranch[]>();
  for (const b of items) byArea.set(areaOfBranch(b), [...(byArea.get(areaOfBranch(b)) ?? []), b]);
  const areas = [...byArea.values()];
  const chosen: DemoBranch[] = [];
  for (let i = 0; chosen.length < n && areas.some((a) => a.length > i); i++) {
    for (const a of areas) if (a[i] && chosen.length < n) chosen.push(a[i] as DemoBranch);
  }
  return chosen;
}

/**
 * Writes the three closed rounds of the demo standard's version over the standing branches, with
 * every branch's answers, evidence, checks, workflow history, result and demonstration levels.
 * Freezes the version, as opening a round does.
 */
export async function generateRounds(
  db: Db,
  config: Config,
  opts: { seed: number; versionId: number; today: string },
): Promise<DemoRoundsSummary> {
  const r = createRandom(opts.seed);
  const version = await getVersion(db, undefined, opts.versionId);
  const measures: RoundMeasure[] = version.dimensions.flatMap((d) =>
    d.measures.map((m) => ({ ...m, dimensionTitle: d.title })),
  );
  const required = measures.filter((m) => m.rule === 'required');
  const orgs = await listOrgs(db, WHOLE_TREE, true);
  const counties = new Map(orgs.filter((o) => o.kind === 'county').map((o) => [o.id, o.name]));
  const standing = (await listDemoBranches(db, opts.today)).filter((b) => b.kind === 'standing');
  const area = (b: DemoBranch) => areaOf(b, counties);

  const account = async (username: string): Promise<Who | null> => {
    const u = await findCredentials(db, username);
    return u ? { id: u.id, name: u.name } : null;
  };
  const secretaryUser = await account('secretary');
  const rugao = await account('rugao');
  const city: Who = (await account('city')) ?? { id: null, name: '市委老干部局' };
  const reviewerOf = (b: DemoBranch): Who => {
    const name = area(b);
    if (name === '市直') return city;
    if (name === '如皋市' && rugao) return rugao;
    return { id: null, name: `${name}老干部局` };
  };
  const submitterOf = (b: DemoBranch): Who =>
    b.orgName === SECRETARY_UNIT && secretaryUser ? secretaryUser : { id: null, name: b.name };

  // How strong each branch is: the stronger reach compliance in the earlier rounds. The demo
  // secretary's branch falls short in the first round and reaches compliance in the second.
  const strength = new Map(standing.map((b) => [b.id, r.next()]));
  const mine = standing.find((b) => b.orgName === SECRETARY_UNIT);
  if (mine) strength.set(mine.id, 0.25);
  const strongestFirst = (items: DemoBranch[]) =>
    [...items].sort((a, b) => (strength.get(b.id) as number) - (strength.get(a.id) as number) || a.id - b.id);

  const rounds = DEMO_ROUNDS.map((spec) => {
    const branches = standing.filter((b) => (b.foundedOn ?? '') <= spec.openedOn);
    const ranked = strongestFirst(branches);
    const compliant = new Set(
      ranked.slice(0, Math.round(branches.length * spec.compliance)).map((b) => b.id),
    );
    return { spec, branches, compliant };
  });

  // Demonstration branches: named city-level among the compliant of round 2 and round 3, spread over
  // the areas; province level for some of them. Those of round 2 keep their levels in round 3.
  const [, second, third] = rounds as [(typeof rounds)[0], (typeof rounds)[0], (typeof rounds)[0]];
  const cityIn2 = spread(
    strongestFirst(second.branches.filter((b) => second.compliant.has(b.id) && b.id !== mine?.id)),
    DEMO_DEMONSTRATIONS.cityInRound2,
    area,
  );
  const provinceIn2 = cityIn2.slice(0, DEMO_DEMONSTRATIONS.provinceInRound2);
  const cityIn3 = [
    ...cityIn2,
    ...spread(
      strongestFirst(third.branches.filter((b) => !cityIn2.includes(b) && b.id !== mine?.id)),
      DEMO_DEMONSTRATIONS.city - cityIn2.length,
      area,
    ),
  ];
  const provinceIn3 = [
    ...provinceIn2,
    ...spread(
      cityIn3.filter((b) => !provinceIn2.includes(b)),
      DEMO_DEMONSTRATIONS.province - provinceIn2.length,
      area,
    ),
  ];
  const demosOf = (round: number, b: DemoBranch): Planned['demos'] => {
    const named = DEMO_ROUNDS[round]?.namedOn;
    if (!named) return [];
    const [cities, provinces] = round === 1 ? [cityIn2, provinceIn2] : [cityIn3, provinceIn3];
    const kept = round === 2 && cityIn2.includes(b);
    const demos: Planned['demos'] = [];
    if (cities.includes(b)) {
      demos.push({
        level: 'city',
        namedOn: named.city,
        note: kept ? '第二轮命名，本轮复核保留' : '市委老干部局命名',
      });
    }
    if (provinces.includes(b)) {
      demos.push({
        level: 'province',
        namedOn: named.province,
        note: round === 2 && provinceIn2.includes(b) ? '第二轮获评，本轮复核保留' : '省委老干部局评定',
      });
    }
    return demos;
  };

  const planned: Planned[] = [];
  for (const [index, { spec, branches, compliant }] of rounds.entries()) {
    for (const branch of branches) {
      const demos = demosOf(index, branch);
      planned.push(
        plan(r, {
          round: index,
          spec,
          branch,
          measures,
          required,
          target: compliant.has(branch.id) ? 'compliant' : 'not_compliant',
          submitter: submitterOf(branch),
          reviewer: reviewerOf(branch),
          verifier: city,
          full: demos.length > 0 || branch.id === mine?.id || r.chance(0.15),
          demos,
        }),
      );
    }
  }

  // ---- write ----
  const actor: Actor = { userId: null, name: 'demo-seed', ip: null, requestId: null };
  const files = new DiskFileStore(path.join(config.dataDir, 'files'));
  const image = demoEvidenceImage();
  const stored = await files.put(Readable.from([image]));
  return db.transaction().execute(async (trx) => {
    await freezeVersion(trx, opts.versionId, actor);
    const fileId = await recordFile(trx, {
      ...stored,
      name: DEMO_EVIDENCE_NAME,
      mime: 'image/png',
      userId: null,
    });
    const roundIds: number[] = [];
    for (const { spec } of rounds) {
      const opened = `${spec.openedOn}T01:30:00.000Z`;
      const closed = `${spec.closedOn}T08:00:00.000Z`;
      roundIds.push(
        await repo.insertRound(trx, {
          name: spec.name,
          year: spec.year,
          version_id: opts.versionId,
          due_on: spec.dueOn,
          pass_mark: DEFAULT_PASS_MARK,
          status: 'closed',
          closed_at: closed,
          created_by: city.id,
          created_at: opened,
          updated_at: closed,
        }),
      );
    }
    const updatedAt = (p: Planned) =>
      p.demos.reduce(
        (at, d) => (at > `${d.namedOn}T09:00:00.000Z` ? at : `${d.namedOn}T09:00:00.000Z`),
        p.verifiedAt,
      );
    const ids = await repo.insertAssessments(
      trx,
      planned.map((p) => ({
        round_id: roundIds[p.round] as number,
        branch_id: p.branch.id,
        org_id: p.branch.orgId,
        branch_name: p.branch.name,
        result: p.result,
        score: p.score,
        verification: p.verification,
        verified_at: p.verifiedAt,
        demo_level: p.demos.some((d) => d.level === 'province') ? 'province' : p.demos.length ? 'city' : null,
        created_at: p.events[0]?.at as string,
        updated_at: updatedAt(p),
      })),
    );
    const itemIds = await workflowRepo.insertItems(
      trx,
      planned.map((p, i) => {
        const first = p.events[0] as Event;
        const last = p.events.at(-1) as Event;
        return {
          workflow: assessmentWorkflow.name,
          record_id: ids[i] as number,
          org_id: p.branch.orgId,
          state: last.to_state,
          title: `${DEMO_ROUNDS[p.round]?.name} · ${p.branch.name}`,
          submitted_by: first.actor_id ?? null,
          updated_by: last.actor_id ?? null,
          created_at: first.at,
          updated_at: last.at,
        };
      }),
    );
    const events = planned.flatMap((p, i) => p.events.map((e) => ({ ...e, item_id: itemIds[i] as number })));
    await workflowRepo.insertEvents(trx, events);
    const answers = planned.flatMap((p, i) =>
      p.answers.map((a) => Object.assign(a, { assessment_id: ids[i] as number })),
    );
    await repo.insertAnswers(trx, answers);
    const evidence = planned.flatMap((p, i) =>
      p.evidence.map((e) => Object.assign(e, { assessment_id: ids[i] as number, file_id: fileId })),
    );
    const evidenceIds = await repo.insertEvidenceRows(trx, evidence);
    // The one image is an attachment of every assessment citing it (platform/files/attachments).
    const citing = [...new Set(evidence.filter((e) => e.kind === 'file').map((e) => e.assessment_id))];
    await insertLinks(
      trx,
      citing.map((assessmentId) => ({
        record_type: 'branch_assessment',
        record_id: assessmentId,
        file_id: fileId,
        kind: 'evidence',
        caption: null,
        created_by: null,
        created_at:
          evidence.find((e) => e.assessment_id === assessmentId)?.created_at ?? new Date().toISOString(),
      })),
    );
    let offset = 0;
    const checks: Insertable<AssessmentChecksTable>[] = [];
    for (const [i, p] of planned.entries()) {
      for (const c of p.checks) {
        checks.push({
          assessment_id: ids[i] as number,
          measure_id: c.measureId,
          stage: c.stage,
          verdict: c.verdict,
          comment: c.comment,
          evidence_ids: JSON.stringify(c.evidence.map((e) => evidenceIds[offset + e] as number)),
          checked_by: c.by.id,
          checked_by_name: c.by.name,
          checked_at: c.at,
        });
      }
      offset += p.evidence.length;
    }
    await repo.insertChecks(trx, checks);
    for (const [i, p] of planned.entries()) {
      for (const d of p.demos) {
        await repo.insertDemonstration(trx, {
          assessment_id: ids[i] as number,
          level: d.level,
          named_on: d.namedOn,
          note: d.note,
          named_by: city.id,
          revoked_at: null,
          revoke_reason: null,
          revoked_by: null,
          created_at: `${d.namedOn}T09:00:00.000Z`,
        });
      }
    }
    const summary: DemoRoundsSummary = {
      rounds: rounds.map(({ spec, branches }, index) => ({
        name: spec.name,
        branches: branches.length,
        compliant: planned.filter((p) => p.round === index && p.result === 'compliant').length,
      })),
      answers: answers.length,
      evidence: evidence.length,
      checks: checks.length,
      events: events.length,
      city: cityIn3.length,
      province: provinceIn3.length,
    };
    await recordAudit(trx, actor, {
      action: 'assessment_round.demo_generate',
      entity: 'assessment_round',
      summary:
        `${summary.rounds.map((x) => `${x.name} ${x.compliant}/${x.branches}`).join(', ')}; ` +
        `${summary.city} city and ${summary.province} province demonstration branches (seed ${opts.seed})`,
    });
    return summary;
  });
}

/** Writes the demo rounds (generateRounds) and answers the seed's log line. */
export async function seedRounds(
  db: Db,
  config: Config,
  opts: { seed: number; versionId: number; today: string },
) {
  const started = Date.now();
  const s = await generateRounds(db, config, opts);
  const seconds = (Date.now() - started) / 1000;
  return (
    `demo: rounds ${s.rounds.map((x) => `${x.name} ${x.compliant}/${x.branches} compliant`).join(', ')}; ` +
    `${s.city} city and ${s.province} province demonstration branches; ${s.answers} answers, ` +
    `${s.evidence} evidence, ${s.checks} checks, ${s.events} events in ${seconds.toFixed(1)} s`
  );
}

/**
 * One branch's assessment in a round, as it went: answers that give the target result under the
 * rules, evidence for the answers that take files, the county's check of every answer, the city's
 * check of every answer (full) or a few (sampled), and the workflow's events between the round's
 * opening and its closing.
 */
function plan(
  r: Random,
  p: {
    round: number;
    spec: RoundSpec;
    branch: DemoBranch;
    measures: RoundMeasure[];
    required: RoundMeasure[];
    target: AssessmentResult;
    submitter: Who;
    reviewer: Who;
    verifier: Who;
    full: boolean;
    demos: Planned['demos'];
  },
): Planned {
  const { spec, measures } = p;
  const shortfall: Shortfall | null =
    p.target === 'compliant'
      ? null
      : r.weighted<Shortfall>([
          ['self_required', 55],
          ['county_required', 22],
          ['city_required', 6],
          ['score', 17],
        ]);
  const full = p.full || shortfall === 'city_required';
  const fileRequired = p.required.filter(acceptsFiles);

  // The branch's verdicts.
  const verdicts = new Map<number, AnswerVerdict>();
  const shortRate =
    shortfall === 'score' ? 0.55 : p.target === 'compliant' ? spec.shortfall : spec.shortfall * 1.5;
  for (const m of measures) {
    let v: AnswerVerdict = 'met';
    if (m.rule === 'scored') {
      if (acceptsFiles(m) && r.chance(0.04)) v = 'not_applicable';
      else if (r.chance(shortRate)) v = 'not_met';
    }
    verdicts.set(m.id, v);
  }
  let failing: RoundMeasure | null = null;
  if (shortfall === 'self_required') failing = r.pick(p.required);
  if (shortfall === 'county_required' || shortfall === 'city_required') failing = r.pick(fileRequired);
  if (shortfall === 'self_required' && failing) verdicts.set(failing.id, 'not_met');
  // The result the checks will lead to (the disputed measure is found not met), brought to the target:
  // a compliant branch short of the pass mark makes up its scored shortfall, a branch short on points
  // falls further until it is below the mark.
  const expected = () =>
    outcomeOf(
      measures.map((m) => ({
        rule: m.rule,
        weight: m.weight,
        finding: m.id === failing?.id ? 'not_met' : (verdicts.get(m.id) ?? null),
      })),
      DEFAULT_PASS_MARK,
    );
  const scored = measures.filter((m) => m.rule === 'scored');
  for (
    let i = 0;
    i < scored.length && p.target === 'compliant' && (expected().score ?? 100) < DEFAULT_PASS_MARK;
    i++
  ) {
    const m = scored[i] as RoundMeasure;
    if (verdicts.get(m.id) === 'not_met') verdicts.set(m.id, 'met');
  }
  for (
    let i = 0;
    i < scored.length && shortfall === 'score' && (expected().score ?? 0) >= DEFAULT_PASS_MARK;
    i++
  ) {
    const m = scored[i] as RoundMeasure;
    if (verdicts.get(m.id) === 'met') verdicts.set(m.id, 'not_met');
  }

  // The timeline: submitted by the due day or a little after, reviewed, verified before the close.
  const events: Event[] = [];
  let state: string | null = null;
  const step = (action: string, to: string, day: string, who: Who, comment: string | null = null) => {
    const at = momentOn(r, day, (events.at(-1)?.at as string | undefined) ?? null);
    events.push({
      action,
      from_state: state,
      to_state: to,
      actor_id: who.id,
      actor_name: who.name,
      comment,
      at,
    });
    state = to;
    return at;
  };
  // Everything is over five days before the close; a demonstration branch is verified before it is named.
  const named = p.demos[0]?.namedOn;
  const lastDay = named ? addDays(named, -2) : addDays(spec.closedOn, -5);
  const cap = (day: string) => earlier(day, lastDay);
  const opener = p.verifier;
  events.push({
    action: START_ACTION,
    from_state: null,
    to_state: assessmentWorkflow.initial,
    actor_id: opener.id,
    actor_name: opener.name,
    comment: null,
    at: `${spec.openedOn}T01:30:00.000Z`,
  });
  state = assessmentWorkflow.initial;
  const late = r.chance(0.08);
  let day = late ? addDays(spec.dueOn, r.int(1, 20)) : dayBetween(r, addDays(spec.openedOn, 14), spec.dueOn);
  const returned = r.chance(0.07);
  let returnedAt: string | null = null;
  if (returned) {
    step('submit', 'submitted', day, p.submitter);
    day = cap(addDays(day, r.int(3, 12)));
    returnedAt = step('return', 'self_assessing', day, p.reviewer, r.pick(RETURN_COMMENTS));
    day = cap(addDays(day, r.int(2, 10)));
  }
  const submittedAt = step('submit', 'submitted', day, p.submitter);
  day = cap(addDays(day, r.int(5, 35)));
  let reviewedAt = step('review', 'reviewed', day, p.reviewer);
  if (r.chance(0.02)) {
    day = cap(addDays(day, r.int(5, 20)));
    step('send_back', 'submitted', day, p.verifier, r.pick(SEND_BACK_COMMENTS));
    day = cap(addDays(day, r.int(2, 8)));
    reviewedAt = step('review', 'reviewed', day, p.reviewer);
  }
  day = cap(addDays(day, r.int(5, 40)));
  const verifiedAt = step('verify', 'verified', day, p.verifier);

  // The answers and their evidence, as last saved before the (last) submit: a few minutes apart, in a
  // session ending just before it (after the return, when there was one).
  const before = Date.parse(submittedAt);
  const since = Date.parse(returnedAt ?? `${spec.openedOn}T02:00:00.000Z`);
  const gap = Math.min(r.int(3, 12) * 60_000, (before - since) / (measures.length + 1));
  const writtenAt = (k: number) => new Date(before - (measures.length - k) * gap).toISOString();
  const answers: Planned['answers'] = [];
  const evidence: Planned['evidence'] = [];
  const evidenceOf = new Map<number, number[]>();
  for (const [k, m] of measures.entries()) {
    const verdict = verdicts.get(m.id) as AnswerVerdict;
    const at = writtenAt(k);
    const note =
      verdict === 'not_met'
        ? m.id === failing?.id
          ? (REQUIRED_SHORTFALL[m.code] ?? r.pick(NOT_MET_NOTES))
          : r.pick(NOT_MET_NOTES)
        : verdict === 'not_applicable'
          ? r.pick(NOT_APPLICABLE_NOTES)
          : null;
    answers.push({
      assessment_id: 0,
      measure_id: m.id,
      verdict,
      note,
      updated_by: p.submitter.id,
      updated_at: at,
    });
    if (verdict !== 'not_met' && acceptsFiles(m)) {
      // now and then a photo of the activity too, where the measure takes photos
      const n = verdict !== 'not_applicable' && m.evidenceKinds.includes('photo') && r.chance(0.15) ? 2 : 1;
      const idx: number[] = [];
      for (let k = 0; k < n; k++) {
        idx.push(evidence.length);
        evidence.push({
          assessment_id: 0,
          file_id: null,
          measure_id: m.id,
          kind: 'file',
          meeting_id: null,
          caption:
            verdict === 'not_applicable'
              ? `${spec.year}年情况说明`
              : k === 0
                ? captionOf(m, spec.year)
                : '活动照片',
          created_by: p.submitter.id,
          created_at: at,
        });
      }
      evidenceOf.set(m.id, idx);
    }
  }

  // The checks: the county's of every answer, the city's of every answer or of a sample.
  const platformComment = (m: Measure) =>
    PLATFORM_RECORDS.find(([kind]) => m.evidenceKinds.includes(kind as never))?.[1] ?? null;
  const checkOf = (m: RoundMeasure, stage: 'review' | 'verify', by: Who, at: string): PlannedCheck => {
    const verdict = verdicts.get(m.id) as AnswerVerdict;
    const own = evidenceOf.get(m.id) ?? [];
    const disputed =
      m.id === failing?.id &&
      (shortfall === 'county_required' || (shortfall === 'city_required' && stage === 'verify'));
    if (disputed) {
      return own.length && r.chance(0.6)
        ? {
            measureId: m.id,
            stage,
            verdict: 'disagree',
            comment: r.pick(DISAGREE_COMMENTS),
            evidence: own,
            by,
            at,
          }
        : {
            measureId: m.id,
            stage,
            verdict: 'no_evidence',
            comment: NO_EVIDENCE_COMMENT,
            evidence: [],
            by,
            at,
          };
    }
    return {
      measureId: m.id,
      stage,
      verdict: 'agree',
      comment: verdict !== 'not_met' && own.length === 0 ? platformComment(m) : null,
      evidence: verdict === 'not_met' ? [] : own,
      by,
      at,
    };
  };
  const between = (from: string, to: string) => {
    const [a, b] = [Date.parse(from), Date.parse(to)];
    return (k: number, n: number) => new Date(a + ((k + 1) * (b - a)) / (n + 1)).toISOString();
  };
  const checks: PlannedCheck[] = [];
  const reviewing = between(events.findLast((e) => e.action === 'submit')?.at as string, reviewedAt);
  for (const [k, m] of measures.entries()) {
    checks.push(checkOf(m, 'review', p.reviewer, reviewing(k, measures.length)));
  }
  const sample = full
    ? measures
    : measures.filter((m) => r.chance(0.12) || (m.id === failing?.id && shortfall === 'county_required'));
  if (sample.length === 0) sample.push(r.pick(measures));
  const verifying = between(reviewedAt, verifiedAt);
  for (const [k, m] of sample.entries()) {
    checks.push(checkOf(m, 'verify', p.verifier, verifying(k, sample.length)));
  }

  // The result under the rules, from the answers and checks as written.
  const byMeasure = new Map(checks.map((c) => [`${c.stage}:${c.measureId}`, c.verdict]));
  const check = (m: Measure, stage: string) => byMeasure.get(`${stage}:${m.id}`) ?? null;
  const result = outcomeOf(
    measures.map((m) => ({
      rule: m.rule,
      weight: m.weight,
      finding: findingOf(verdicts.get(m.id) ?? null, check(m, 'review'), check(m, 'verify')),
    })),
    DEFAULT_PASS_MARK,
  );
  if (result.result !== p.target) {
    throw new Error(`demo round plan: ${p.branch.name} in ${spec.name} came out ${result.result}`);
  }
  return {
    round: p.round,
    branch: p.branch,
    answers,
    evidence,
    checks,
    events,
    result: result.result,
    score: result.score,
    verification: full ? 'full' : 'sampled',
    verifiedAt,
    demos: p.demos,
  };
}
