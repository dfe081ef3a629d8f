import type { Insertable, Kysely, Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect.ts';
import type {
  AssessmentAnswersTable,
  AssessmentChecksTable,
  AssessmentDemonstrationsTable,
  AssessmentEvidenceTable,
  AssessmentRoundsTable,
  BranchAssessmentsTable,
  Database,
} from '../../db/schema.ts';
import { inScope, type Scope, subtreeRange } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { type SortKey, sortBy } from '../../platform/lists/sort.ts';
import { branchNamePinyin } from '../branches/branches.repository.ts';
import type {
  AnswerVerdict,
  AssessmentState,
  BoardSortField,
  CheckStage,
  CheckVerdict,
  DemoLevel,
  RoundStatus,
} from './rounds.schema.ts';
import { assessmentWorkflow } from './rounds.workflow.ts';

type Conn = Kysely<Database>;

// ---- rounds ----

export async function insertRound(db: Conn, row: Insertable<AssessmentRoundsTable>) {
  const r = await db.insertInto('assessment_rounds').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRound(db: Conn, id: number, row: Updateable<AssessmentRoundsTable>) {
  await db.updateTable('assessment_rounds').set(row).where('id', '=', id).execute();
}

/** Rounds with their version, and how many of their branches lie inside the scope. */
function roundQuery(db: Conn, scope: Scope | null) {
  return db
    .selectFrom('assessment_rounds as r')
    .innerJoin('assessment_standard_versions as v', 'v.id', 'r.version_id')
    .innerJoin('assessment_standards as s', 's.id', 'v.standard_id')
    .selectAll('r')
    .select((eb) => [
      's.name as standard_name',
      'v.version as version_number',
      eb
        .selectFrom('branch_assessments as a')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('a.round_id', '=', 'r.id')
        .where((e) => inScope(e, 'a.org_id', scope))
        .as('branch_count'),
    ]);
}

export async function findRound(db: Conn, id: number, scope: Scope | null) {
  return roundQuery(db, scope).where('r.id', '=', id).executeTakeFirst();
}

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** Locks a round's row until the transaction ends and answers its status. */
export async function lockRound(trx: Conn, id: number) {
  const row = await forUpdate(
    trx,
    trx.selectFrom('assessment_rounds').select(['id', 'status']).where('id', '=', id),
  ).executeTakeFirst();
  return row?.status;
}

/** The filters of the round list. */
export interface RoundFilter {
  scope: Scope | null;
  year?: number | undefined;
  status?: RoundStatus | undefined;
}

function filteredRounds(db: Conn, f: RoundFilter) {
  let q = roundQuery(db, f.scope);
  if (f.year) q = q.where('r.year', '=', f.year);
  if (f.status) q = q.where('r.status', '=', f.status);
  return q.orderBy('r.year', 'desc').orderBy('r.id', 'desc');
}

export async function listRounds(db: Conn, f: RoundFilter, page: PageRequest) {
  return pageOf(db, filteredRounds(db, f), page);
}

/** Every round matching the filters (the export). */
export async function listAllRounds(db: Conn, f: RoundFilter) {
  return filteredRounds(db, f).execute();
}

// ---- branch assessments ----

/** Writes a round's assessments at once, answering their ids in the rows' order. */
export async function insertAssessments(db: Conn, rows: Insertable<BranchAssessmentsTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const got = await db
      .insertInto('branch_assessments')
      .values(rows.slice(i, i + 500))
      .returning('id')
      .execute();
    ids.push(...got.map((r) => r.id));
  }
  return ids;
}

export async function updateAssessment(db: Conn, id: number, row: Updateable<BranchAssessmentsTable>) {
  await db.updateTable('branch_assessments').set(row).where('id', '=', id).execute();
}

/**
 * An assessment with its round, org and state. The state is read from the workflow's item (where it
 * lives, ADR 0006), joined so that the board filters and the figures count by it in SQL.
 */
function assessmentQuery(db: Conn) {
  return db
    .selectFrom('branch_assessments as a')
    .innerJoin('assessment_rounds as r', 'r.id', 'a.round_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .innerJoin('workflow_items as w', (join) =>
      join.onRef('w.record_id', '=', 'a.id').on('w.workflow', '=', assessmentWorkflow.name),
    )
    .selectAll('a')
    .select([
      'r.name as round_name',
      'r.year',
      'r.version_id',
      'r.status as round_status',
      'r.due_on',
      'r.pass_mark',
      'o.name as org_name',
      'o.path as org_path',
      'w.state as state',
    ])
    .select((eb) =>
      eb
        .selectFrom('assessment_answers as x')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('x.assessment_id', '=', 'a.id')
        .as('answered'),
    );
}

/** One assessment, only when its org lies inside the scope. */
export async function findAssessment(db: Conn, id: number, scope: Scope | null) {
  return assessmentQuery(db)
    .where('a.id', '=', id)
    .where((eb) => inScope(eb, 'a.org_id', scope))
    .executeTakeFirst();
}

export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/** Locks an assessment's row until the transaction ends, so that edits and steps run one after another. */
export async function lockAssessment(trx: Conn, id: number) {
  await forUpdate(
    trx,
    trx.selectFrom('branch_assessments').select('id').where('id', '=', id),
  ).executeTakeFirst();
}

/** The filters of a round's board, already resolved. */
export interface BoardFilter {
  scope: Scope | null;
  roundId: number;
  orgPath?: string | undefined;
  state?: AssessmentState | undefined;
  result?: 'compliant' | 'not_compliant' | 'none' | undefined;
  level?: DemoLevel | 'any' | 'none' | undefined;
  keyword?: string | undefined;
}

function filtered(db: Conn, f: BoardFilter) {
  let q = assessmentQuery(db)
    .where('a.round_id', '=', f.roundId)
    .where((eb) => inScope(eb, 'a.org_id', f.scope));
  if (f.orgPath) {
    const [from, to] = subtreeRange(f.orgPath);
    q = q.where('o.path', '>=', from).where('o.path', '<', to);
  }
  if (f.state) q = q.where('w.state', '=', f.state);
  if (f.result === 'none') q = q.where('a.result', 'is', null);
  else if (f.result) q = q.where('a.result', '=', f.result);
  if (f.level === 'none') q = q.where('a.demo_level', 'is', null);
  else if (f.level === 'any') q = q.where('a.demo_level', 'is not', null);
  else if (f.level) q = q.where('a.demo_level', '=', f.level);
  if (f.keyword) {
    q = q.where(
      keywordMatch(db, f.keyword, { contains: ['a.branch_name'], pinyin: [branchNamePinyin('a.branch_id')] }),
    );
  }
  return q;
}

const SORT_COLUMNS = {
  branchName: 'a.branch_name',
  orgName: 'o.path',
  state: 'w.state',
  result: 'a.result',
  score: 'a.score',
  updatedAt: 'a.updated_at',
} as const satisfies Record<BoardSortField, string>;
export type BoardSortKey = SortKey<BoardSortField>;

const sorted = (q: ReturnType<typeof filtered>, sort: BoardSortKey) => sortBy(q, sort, SORT_COLUMNS, 'a.id');

export type BoardRow = Awaited<ReturnType<typeof listAllBoard>>[number];

export async function listBoard(db: Conn, f: BoardFilter, sort: BoardSortKey, page: PageRequest) {
  return pageOf(db, sorted(filtered(db, f), sort), page);
}

export async function listAllBoard(db: Conn, f: BoardFilter, sort: BoardSortKey) {
  return sorted(filtered(db, f), sort).execute();
}

/** Every round a branch took part in, newest first, when its assessment's org lies in the scope. */
export async function listBranchAssessments(db: Conn, branchId: number, scope: Scope | null) {
  return assessmentQuery(db)
    .where('a.branch_id', '=', branchId)
    .where((eb) => inScope(eb, 'a.org_id', scope))
    .orderBy('r.year', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** What the figures count: each assessment of a round in a subtree, with its state, result and level. */
export async function figureRows(db: Conn, roundId: number, orgPath: string) {
  const [from, to] = subtreeRange(orgPath);
  return db
    .selectFrom('branch_assessments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .innerJoin('workflow_items as w', (join) =>
      join.onRef('w.record_id', '=', 'a.id').on('w.workflow', '=', assessmentWorkflow.name),
    )
    .select(['a.id', 'a.org_id', 'o.path as org_path', 'w.state', 'a.result', 'a.demo_level'])
    .where('a.round_id', '=', roundId)
    .where('o.path', '>=', from)
    .where('o.path', '<', to)
    .execute();
}

// ---- answers ----

export async function listAnswers(db: Conn, assessmentId: number) {
  return db.selectFrom('assessment_answers').selectAll().where('assessment_id', '=', assessmentId).execute();
}

export async function findAnswer(db: Conn, assessmentId: number, measureId: number) {
  return db
    .selectFrom('assessment_answers')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('measure_id', '=', measureId)
    .executeTakeFirst();
}

/** Records or replaces the branch's answer to a measure. */
export async function saveAnswer(
  db: Conn,
  row: {
    assessment_id: number;
    measure_id: number;
    verdict: AnswerVerdict;
    note: string | null;
    updated_by: number | null;
    updated_at: string;
  },
) {
  const known = await findAnswer(db, row.assessment_id, row.measure_id);
  if (known) {
    await db
      .updateTable('assessment_answers')
      .set({ verdict: row.verdict, note: row.note, updated_by: row.updated_by, updated_at: row.updated_at })
      .where('id', '=', known.id)
      .execute();
  } else {
    await db.insertInto('assessment_answers').values(row).execute();
  }
}

// ---- evidence ----

/** The evidence of an assessment with the file's or the meeting's particulars. */
export async function listEvidence(db: Conn, assessmentId: number) {
  return db
    .selectFrom('assessment_evidence as e')
    .leftJoin('files as f', 'f.id', 'e.file_id')
    .leftJoin('branch_meetings as m', 'm.id', 'e.meeting_id')
    .selectAll('e')
    .select([
      'f.name as file_name',
      'f.mime',
      'f.size',
      'f.sha256',
      'm.held_on as meeting_held_on',
      'm.type as meeting_type',
    ])
    .where('e.assessment_id', '=', assessmentId)
    .orderBy('e.id')
    .execute();
}

export type EvidenceRow = Awaited<ReturnType<typeof listEvidence>>[number];

export async function insertEvidence(db: Conn, row: Insertable<AssessmentEvidenceTable>) {
  const r = await db.insertInto('assessment_evidence').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteEvidence(db: Conn, id: number) {
  await db.deleteFrom('assessment_evidence').where('id', '=', id).execute();
}

/** Takes off every piece of an assessment's evidence that is a file (the file leaving the assessment). */
export async function deleteFileEvidence(db: Conn, assessmentId: number, fileId: number) {
  await db
    .deleteFrom('assessment_evidence')
    .where('assessment_id', '=', assessmentId)
    .where('file_id', '=', fileId)
    .execute();
}

/** Whether any piece of an assessment's evidence still is a file. */
export async function fileCited(db: Conn, assessmentId: number, fileId: number) {
  const row = await db
    .selectFrom('assessment_evidence')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- checks ----

export async function listChecks(db: Conn, assessmentId: number) {
  return db.selectFrom('assessment_checks').selectAll().where('assessment_id', '=', assessmentId).execute();
}

/** Records or replaces the check of one answer at one stage. */
export async function saveCheck(
  db: Conn,
  row: {
    assessment_id: number;
    measure_id: number;
    stage: CheckStage;
    verdict: CheckVerdict;
    comment: string | null;
    evidence_ids: string;
    checked_by: number | null;
    checked_by_name: string | null;
    checked_at: string;
  },
) {
  await db
    .deleteFrom('assessment_checks')
    .where('assessment_id', '=', row.assessment_id)
    .where('measure_id', '=', row.measure_id)
    .where('stage', '=', row.stage)
    .execute();
  await db.insertInto('assessment_checks').values(row).execute();
}

/** Clears the checks of a stage (an assessment sent back is checked afresh at that stage). */
export async function clearChecks(db: Conn, assessmentId: number, stage: CheckStage) {
  await db
    .deleteFrom('assessment_checks')
    .where('assessment_id', '=', assessmentId)
    .where('stage', '=', stage)
    .execute();
}

// ---- demonstrations ----

export async function listDemonstrations(db: Conn, assessmentId: number) {
  return db
    .selectFrom('assessment_demonstrations')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('id')
    .execute();
}

export async function insertDemonstration(db: Conn, row: Insertable<AssessmentDemonstrationsTable>) {
  const r = await db
    .insertInto('assessment_demonstrations')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDemonstration(
  db: Conn,
  id: number,
  row: Updateable<AssessmentDemonstrationsTable>,
) {
  await db.updateTable('assessment_demonstrations').set(row).where('id', '=', id).execute();
}

// ---- bulk writes (assessments that enter with their history already taken: the demo data) ----

/** Writes many answers at once. */
export async function insertAnswers(db: Conn, rows: Insertable<AssessmentAnswersTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('assessment_answers')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/** Writes many pieces of evidence at once, answering their ids in the rows' order. */
export async function insertEvidenceRows(db: Conn, rows: Insertable<AssessmentEvidenceTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const got = await db
      .insertInto('assessment_evidence')
      .values(rows.slice(i, i + 1000))
      .returning('id')
      .execute();
    ids.push(...got.map((r) => r.id));
  }
  return ids;
}

/** Writes many checks at once. */
export async function insertChecks(db: Conn, rows: Insertable<AssessmentChecksTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('assessment_checks')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}
