import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError } from '../../errors.ts';
import { isWholeTree } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import { type AttachmentSpec, unlink } from '../../platform/files/attachments.service.ts';
import type { Auth } from '../../platform/http/types.ts';
import { fieldProblem } from '../../platform/validation/problems.ts';
import type { WorkflowAction } from '../../platform/workflow/workflow.schema.ts';
import {
  currentState,
  startWorkflow,
  takeTransition,
  workflowHistory,
} from '../../platform/workflow/workflow.service.ts';
import { actionLabel, allowedActions, mayTake, stateLabel } from '../../platform/workflow/workflow.ts';
import { branchesToAssess, loadBranch } from '../branches/branches.service.ts';
import { loadMeeting } from '../branches/meetings.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import type { Measure } from './assessments.schema.ts';
import { freezeVersion, getVersion } from './assessments.service.ts';
import * as repo from './rounds.repository.ts';
import { DEFAULT_PASS_MARK, findingOf, outcomeOf } from './rounds.rules.ts';
import type {
  Answer,
  AnswerBody,
  AnswerVerdict,
  Assessment,
  AssessmentAction,
  AssessmentState,
  AssessmentSummary,
  AssessmentTransitionBody,
  BoardQuery,
  Check,
  CheckBody,
  CheckStage,
  CheckVerdict,
  DemoLevel,
  DemonstrationBody,
  Evidence,
  ExportBoardQuery,
  ExportRoundsQuery,
  ListRoundsQuery,
  MeetingEvidenceBody,
  OpenRoundBody,
  RevokeBody,
  Round,
  VerificationMode,
} from './rounds.schema.ts';
import { assessmentWorkflow, EDITABLE_STATES } from './rounds.workflow.ts';

const now = () => new Date().toISOString();
const clean = (v: string | null | undefined) => v?.trim() || null;

/**
 * Rounds are the city's: opening, closing, verifying and naming demonstration branches need a city-wide
 * scope, whatever the permission, since a round spans every county.
 */
function requireCity(auth: Auth) {
  if (!auth.scope || !isWholeTree(auth.scope)) throw new AppError('round.city_scope');
}

// ---- rounds ----

function toRound(r: repo.RoundRow): Round {
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    versionId: r.version_id,
    standardName: r.standard_name,
    versionNumber: r.version_number,
    dueOn: r.due_on,
    passMark: r.pass_mark,
    status: r.status,
    closedAt: r.closed_at,
    branchCount: Number(r.branch_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A round; every reader sees every round (a round spans the city), with the branches of their scope counted. */
export async function getRound(db: Db, auth: Auth, id: number): Promise<Round> {
  const row = await repo.findRound(db, id, auth.scope);
  if (!row) throw new AppError('round.not_found');
  return toRound(row);
}

/** A page of rounds, newest year first. */
export async function listRounds(db: Db, auth: Auth, query: ListRoundsQuery) {
  const { items, total } = await repo.listRounds(
    db,
    { scope: auth.scope, year: query.year, status: query.status },
    query,
  );
  return { items: items.map(toRound), total };
}

/** Every round matching the filters, for the export. */
export async function listAllRounds(db: Db, auth: Auth, query: ExportRoundsQuery) {
  const rows = await repo.listAllRounds(db, { scope: auth.scope, year: query.year, status: query.status });
  return rows.map(toRound);
}

/** The branches a round takes: those named (none dissolved), or the working ones of a subtree and kinds. */
async function branchesOf(db: Db, auth: Auth, body: OpenRoundBody) {
  if (body.branchIds) {
    const ids = [...new Set(body.branchIds)];
    const rows = await branchesToAssess(db, { ids });
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new AppError(
        'branch.not_found',
        missing.map((id) =>
          fieldProblem(
            `branchIds.${body.branchIds?.indexOf(id)}`,
            'exists',
            `支部 ${id} 不存在`,
            `No branch ${id}`,
          ),
        ),
      );
    }
    const dissolved = rows.filter((r) => r.dissolved_on !== null);
    if (dissolved.length) {
      throw new AppError(
        'round.branch_dissolved',
        dissolved.map((r) =>
          fieldProblem(
            `branchIds.${body.branchIds?.indexOf(r.id)}`,
            'not_dissolved',
            `${r.name}已于 ${r.dissolved_on} 撤销`,
            `${r.name} was dissolved on ${r.dissolved_on}`,
          ),
        ),
      );
    }
    return rows;
  }
  const org = await getOrg(db, body.orgId ?? (auth.scope?.orgId as number), auth.scope);
  return branchesToAssess(db, { orgPath: org.path, kinds: body.kinds ?? ['standing'] });
}

/**
 * Opens a round: the version it assesses against is frozen in the same transaction, and every branch
 * taken gets its assessment, self-assessing, in the `assessment` workflow (so it is in the branch's
 * to-do list at once). Dissolved branches never take part; each branch appears once.
 */
export async function openRound(db: Db, auth: Auth, actor: Actor, body: OpenRoundBody): Promise<Round> {
  requireCity(auth);
  if (!body.dueOn.startsWith(`${body.year}-`)) {
    throw new AppError('round.due_outside_year', [
      fieldProblem(
        'dueOn',
        'in_year',
        `截止日期须在 ${body.year} 年内`,
        `The due date must fall in ${body.year}`,
      ),
    ]);
  }
  const version = await getVersion(db, undefined, body.versionId);
  if (version.status === 'draft') throw new AppError('assessment.version_not_published');
  const branches = await branchesOf(db, auth, body);
  if (branches.length === 0) throw new AppError('round.no_branches');
  const name = body.name.trim();
  const id = await db.transaction().execute(async (trx) => {
    await freezeVersion(trx, body.versionId, actor);
    const at = now();
    const row = {
      name,
      year: body.year,
      version_id: body.versionId,
      due_on: body.dueOn,
      pass_mark: body.passMark ?? DEFAULT_PASS_MARK,
      status: 'open' as const,
      closed_at: null,
      created_by: auth.userId,
      created_at: at,
      updated_at: at,
    };
    const roundId = await repo.insertRound(trx, row);
    const ids = await repo.insertAssessments(
      trx,
      branches.map((b) => ({
        round_id: roundId,
        branch_id: b.id,
        org_id: b.org_id,
        branch_name: b.name,
        created_at: at,
        updated_at: at,
      })),
    );
    for (const [i, b] of branches.entries()) {
      await startWorkflow(trx, assessmentWorkflow, actor, {
        recordId: ids[i] as number,
        orgId: b.org_id,
        title: `${name} · ${b.name}`,
      });
    }
    await recordAudit(trx, actor, {
      action: 'assessment_round.open',
      entity: 'assessment_round',
      entityId: roundId,
      summary: name,
      after: {
        year: row.year,
        versionId: row.version_id,
        dueOn: row.due_on,
        passMark: row.pass_mark,
        branches: branches.length,
        selection: body.branchIds ? 'list' : { orgId: body.orgId ?? null, kinds: body.kinds ?? ['standing'] },
      },
    });
    return roundId;
  });
  return getRound(db, auth, id);
}

/** Closes a round: nothing in it changes any more. */
export async function closeRound(db: Db, auth: Auth, actor: Actor, id: number): Promise<Round> {
  requireCity(auth);
  const round = await getRound(db, auth, id);
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRound(trx, id)) === 'closed') throw new AppError('round.closed');
    const at = now();
    await repo.updateRound(trx, id, { status: 'closed', closed_at: at, updated_at: at });
    await recordAudit(trx, actor, {
      action: 'assessment_round.close',
      entity: 'assessment_round',
      entityId: id,
      summary: round.name,
      before: { status: 'open' },
      after: { status: 'closed', closedAt: at },
    });
  });
  return getRound(db, auth, id);
}

// ---- a branch's assessment ----

/** An assessment inside the caller's scope; outside it answers exactly as a missing one. */
async function loadAssessment(db: Db, id: number, auth: Auth) {
  const row = await repo.findAssessment(db, id, auth.scope);
  if (!row) throw new AppError('round.assessment_not_found');
  return row;
}

/** The measures of the versions asked for, in order (a round's version is frozen: they never change). */
async function measuresOf(db: Db, versionId: number) {
  const v = await getVersion(db, undefined, versionId);
  return v.dimensions.flatMap((d) => d.measures.map((m) => ({ ...m, dimension: d })));
}
type RoundMeasure = Awaited<ReturnType<typeof measuresOf>>[number];

function toSummary(r: repo.AssessmentRow, measureCount: number): AssessmentSummary {
  return {
    id: r.id,
    roundId: r.round_id,
    roundName: r.round_name,
    year: r.year,
    branchId: r.branch_id,
    branchName: r.branch_name,
    orgId: r.org_id,
    orgName: r.org_name,
    state: r.state as AssessmentState,
    stateLabel: stateLabel(assessmentWorkflow, r.state),
    result: r.result,
    score: r.score,
    demoLevel: r.demo_level,
    answered: Number(r.answered ?? 0),
    measureCount,
    updatedAt: r.updated_at,
  };
}

function actionsOf(state: string, orgPath: string, auth: Auth, roundOpen: boolean): WorkflowAction[] {
  if (!roundOpen) return [];
  return allowedActions(assessmentWorkflow, { state, orgPath }, auth).map((action) => ({
    action,
    label: actionLabel(assessmentWorkflow, action),
    commentRequired: assessmentWorkflow.transitions[action].commentRequired === true,
  }));
}

/** True when the caller is the branch's own (at its org, with the right to assess): who answers for it. */
const isAssessor = (a: repo.AssessmentRow, auth: Auth) =>
  mayTake(assessmentWorkflow.transitions.submit, auth, a.org_path);

function toEvidence(e: repo.EvidenceRow): Evidence {
  return {
    id: e.id,
    kind: e.kind as Evidence['kind'],
    caption: e.caption,
    fileId: e.file_id,
    fileName: e.file_name,
    mime: e.mime,
    size: e.size,
    meetingId: e.meeting_id,
    meetingHeldOn: e.meeting_held_on,
    meetingType: e.meeting_type,
    createdAt: e.created_at,
  };
}

type CheckRow = Awaited<ReturnType<typeof repo.listChecks>>[number];

function toCheck(c: CheckRow | undefined): Check | null {
  if (!c) return null;
  return {
    stage: c.stage,
    verdict: c.verdict,
    comment: c.comment,
    evidenceIds: JSON.parse(c.evidence_ids) as number[],
    checkedBy: c.checked_by_name,
    checkedAt: c.checked_at,
  };
}

/** Every measure of the round's version with the branch's answer, evidence, checks and finding. */
async function answersOf(db: Db, a: repo.AssessmentRow, measures: RoundMeasure[]): Promise<Answer[]> {
  const [answers, evidence, checks] = await Promise.all([
    repo.listAnswers(db, a.id),
    repo.listEvidence(db, a.id),
    repo.listChecks(db, a.id),
  ]);
  return measures.map((m) => {
    const answer = answers.find((x) => x.measure_id === m.id);
    const review = toCheck(checks.find((c) => c.measure_id === m.id && c.stage === 'review'));
    const verify = toCheck(checks.find((c) => c.measure_id === m.id && c.stage === 'verify'));
    const verdict = answer?.verdict ?? null;
    return {
      measureId: m.id,
      dimensionCode: m.dimension.code,
      dimensionTitle: m.dimension.title,
      code: m.code,
      text: m.text,
      evidenceAsked: m.evidence,
      evidenceKinds: m.evidenceKinds,
      rule: m.rule,
      weight: m.weight,
      verdict,
      note: answer?.note ?? null,
      evidence: evidence.filter((e) => e.measure_id === m.id).map(toEvidence),
      review,
      verify,
      finding: findingOf(verdict, review?.verdict ?? null, verify?.verdict ?? null),
    };
  });
}

/** One branch's assessment: every measure with answer, evidence and checks; the actions the caller may take. */
export async function getAssessment(db: Db, auth: Auth, id: number): Promise<Assessment> {
  const a = await loadAssessment(db, id, auth);
  const measures = await measuresOf(db, a.version_id);
  const [answers, demos] = await Promise.all([answersOf(db, a, measures), repo.listDemonstrations(db, a.id)]);
  const open = a.round_status === 'open';
  return {
    ...toSummary(a, measures.length),
    roundStatus: a.round_status,
    dueOn: a.due_on,
    passMark: a.pass_mark,
    verification: a.verification,
    verifiedAt: a.verified_at,
    editable: open && EDITABLE_STATES.includes(a.state) && isAssessor(a, auth),
    actions: actionsOf(a.state, a.org_path, auth, open),
    answers,
    demonstrations: demos.map((d) => ({
      id: d.id,
      level: d.level,
      namedOn: d.named_on,
      note: d.note,
      revokedAt: d.revoked_at,
      revokeReason: d.revoke_reason,
      createdAt: d.created_at,
    })),
  };
}

/** An assessment's timeline, oldest first. */
export async function assessmentHistory(db: Db, auth: Auth, id: number) {
  await loadAssessment(db, id, auth);
  return workflowHistory(db, assessmentWorkflow, id);
}

function checkOpen(a: { round_status: string }) {
  if (a.round_status !== 'open') throw new AppError('round.closed');
}

/**
 * Refuses a change to the branch's answers or evidence unless the caller is the branch's own and the
 * assessment is self-assessing in an open round.
 */
function checkEditable(a: repo.AssessmentRow, auth: Auth) {
  checkOpen(a);
  if (!isAssessor(a, auth)) throw new AppError('round.not_assessor');
  if (!EDITABLE_STATES.includes(a.state)) throw new AppError('round.not_editable');
}

/** Locks the assessment and its round, and refuses when either has moved on since it was read. */
async function lockEditable(trx: Db, a: repo.AssessmentRow) {
  if ((await repo.lockRound(trx, a.round_id)) !== 'open') throw new AppError('round.closed');
  await repo.lockAssessment(trx, a.id);
  const state = await currentState(trx, assessmentWorkflow, a.id);
  if (!state || !EDITABLE_STATES.includes(state)) throw new AppError('round.not_editable');
}

function measureOf(measures: RoundMeasure[], measureId: number) {
  const m = measures.find((x) => x.id === measureId);
  if (!m) throw new AppError('round.measure_not_in_version');
  return m;
}

const touched = (trx: Db, id: number) => repo.updateAssessment(trx, id, { updated_at: now() });

/**
 * Records the branch's verdict on a measure (met, not met, or not applicable for a scored measure: a
 * must-pass measure always applies) with its note.
 */
export async function saveAnswer(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  measureId: number,
  body: AnswerBody,
): Promise<Assessment> {
  const a = await loadAssessment(db, id, auth);
  checkEditable(a, auth);
  const m = measureOf(await measuresOf(db, a.version_id), measureId);
  if (body.verdict === 'not_applicable' && m.rule === 'required') {
    throw new AppError('round.not_applicable_refused', [
      fieldProblem(
        'verdict',
        'applies',
        `细则 ${m.code} 为必达项，不能填“不适用”`,
        `Measure ${m.code} must pass; it cannot be not applicable`,
      ),
    ]);
  }
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, a);
    const before = await repo.findAnswer(trx, id, measureId);
    const note = clean(body.note);
    await repo.saveAnswer(trx, {
      assessment_id: id,
      measure_id: measureId,
      verdict: body.verdict,
      note,
      updated_by: auth.userId,
      updated_at: now(),
    });
    await touched(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch_assessment.answer',
      entity: 'branch_assessment',
      entityId: id,
      summary: `${a.round_name} · ${a.branch_name} · ${m.code}`,
      ...(before && { before: { measure: m.code, verdict: before.verdict, note: before.note } }),
      after: { measure: m.code, verdict: body.verdict, note },
    });
  });
  return getAssessment(db, auth, id);
}

const acceptsFiles = (m: Measure) =>
  m.evidenceKinds.includes('document') || m.evidenceKinds.includes('photo');

/**
 * Whether evidence can be attached to a measure's answer at all: files or meetings. A measure resting
 * only on the platform's own registers (elections, committee, members) is checked against those
 * registers, so its check names no evidence.
 */
const takesEvidence = (m: Measure) => acceptsFiles(m) || m.evidenceKinds.includes('meetings');

/**
 * The assessment's evidence files (佐证材料), through platform/files/attachments: an upload names the
 * measure it is evidence for and becomes a piece of that answer's evidence; taking the file off takes
 * the evidence with it. Images, PDF, Word (.doc, .docx) and Excel (.xlsx), as the kinds table says.
 */
export const evidenceFiles: AttachmentSpec<{ a: repo.AssessmentRow; m?: RoundMeasure }> = {
  recordType: 'branch_assessment',
  kinds: ['evidence'],
  load: async (db, auth, id) => ({ a: await loadAssessment(db, id, auth) }),
  async writable(db, auth, id, query) {
    const a = await loadAssessment(db, id, auth);
    checkEditable(a, auth);
    if (query.measureId === undefined) return { a };
    const m = measureOf(await measuresOf(db, a.version_id), query.measureId as number);
    if (!acceptsFiles(m)) throw new AppError('round.evidence_kind_refused');
    return { a, m };
  },
  async changing(trx, id, { a }) {
    await lockEditable(trx, a);
    await touched(trx, id);
  },
  async attached(trx, { m }, link) {
    if (!m) throw new AppError('round.measure_not_in_version');
    const evidenceId = await repo.insertEvidence(trx, {
      assessment_id: link.recordId,
      measure_id: m.id,
      kind: 'file',
      file_id: link.fileId,
      meeting_id: null,
      caption: link.caption,
      created_by: link.userId,
      created_at: now(),
    });
    return { evidenceId, measure: m.code };
  },
  async detached(trx, _record, link) {
    await repo.deleteFileEvidence(trx, link.recordId, link.fileId);
  },
  audit: {
    entity: 'branch_assessment',
    added: 'branch_assessment.evidence_add',
    removed: 'branch_assessment.evidence_remove',
    summary: ({ a, m }, fileName) =>
      `${a.round_name} · ${a.branch_name}${m ? ` · ${m.code}` : ''}: ${fileName}`,
  },
};

/**
 * Cites one of the branch's own approved meetings held in the round's year as evidence for a measure
 * that accepts meeting records.
 */
export async function addMeetingEvidence(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  measureId: number,
  body: MeetingEvidenceBody,
): Promise<Assessment> {
  const a = await loadAssessment(db, id, auth);
  checkEditable(a, auth);
  const m = measureOf(await measuresOf(db, a.version_id), measureId);
  if (!m.evidenceKinds.includes('meetings')) throw new AppError('round.evidence_kind_refused');
  const meeting = await loadMeeting(db, body.meetingId, auth.scope);
  if (meeting.branch_id !== a.branch_id) throw new AppError('round.meeting_other_branch');
  if (meeting.state !== 'approved') throw new AppError('round.meeting_not_approved');
  if (!meeting.held_on.startsWith(`${a.year}-`)) throw new AppError('round.meeting_wrong_year');
  try {
    await db.transaction().execute(async (trx) => {
      await lockEditable(trx, a);
      const evidenceId = await repo.insertEvidence(trx, {
        assessment_id: id,
        measure_id: measureId,
        kind: 'meeting',
        file_id: null,
        meeting_id: meeting.id,
        caption: clean(body.caption),
        created_by: auth.userId,
        created_at: now(),
      });
      await touched(trx, id);
      await recordAudit(trx, actor, {
        action: 'branch_assessment.evidence_add',
        entity: 'branch_assessment',
        entityId: id,
        summary: `${a.round_name} · ${a.branch_name} · ${m.code}: ${meeting.held_on} ${meeting.type}`,
        after: { evidenceId, measure: m.code, meetingId: meeting.id },
      });
    });
  } catch (error) {
    // The same meeting cited twice for one measure is already there: nothing to add.
    if (!isUniqueViolation(error)) throw error;
  }
  return getAssessment(db, auth, id);
}

async function findEvidence(db: Db, a: repo.AssessmentRow, evidenceId: number) {
  const e = (await repo.listEvidence(db, a.id)).find((x) => x.id === evidenceId);
  if (!e) throw new AppError('round.evidence_not_found');
  return e;
}

/** Takes a piece of evidence off an answer (an uploaded file's bytes stay stored). */
export async function removeEvidence(db: Db, auth: Auth, actor: Actor, id: number, evidenceId: number) {
  const a = await loadAssessment(db, id, auth);
  checkEditable(a, auth);
  const e = await findEvidence(db, a, evidenceId);
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, a);
    await repo.deleteEvidence(trx, evidenceId);
    // A file taken off as evidence leaves the assessment's files too, unless another measure cites it.
    if (e.file_id !== null && !(await repo.fileCited(trx, id, e.file_id))) {
      await unlink(trx, evidenceFiles.recordType, id, e.file_id);
    }
    await touched(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch_assessment.evidence_remove',
      entity: 'branch_assessment',
      entityId: id,
      summary: `${a.round_name} · ${a.branch_name}`,
      before: { evidenceId, measureId: e.measure_id, fileId: e.file_id, meetingId: e.meeting_id },
    });
  });
  return getAssessment(db, auth, id);
}

/** The stage a check belongs to in a state: the county reviews a submitted one, the city verifies a reviewed one. */
const STAGE_OF: Partial<Record<string, { stage: CheckStage; action: 'review' | 'verify' }>> = {
  submitted: { stage: 'review', action: 'review' },
  reviewed: { stage: 'verify', action: 'verify' },
};

/**
 * Records the county's review (审核) or the city's verification (核验) of one answer: agree or disagree
 * naming the evidence it rests on (可核验: at least one piece of this measure's evidence), or no_evidence
 * (缺少佐证，不予认定), which names none. A verdict other than agree needs a comment.
 */
export async function saveCheck(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  measureId: number,
  body: CheckBody,
): Promise<Assessment> {
  const a = await loadAssessment(db, id, auth);
  checkOpen(a);
  const at = STAGE_OF[a.state];
  if (!at) throw new AppError('round.not_checkable');
  if (!mayTake(assessmentWorkflow.transitions[at.action], auth, a.org_path)) {
    throw new AppError('workflow.not_permitted');
  }
  const m = measureOf(await measuresOf(db, a.version_id), measureId);
  const comment = clean(body.comment);
  if (body.verdict !== 'agree' && !comment) {
    throw new AppError('validation', [
      fieldProblem('comment', 'required', '不认可或不予认定时须填写意见', 'Say why when not agreeing'),
    ]);
  }
  const own = new Set(
    (await repo.listEvidence(db, id)).filter((e) => e.measure_id === m.id).map((e) => e.id),
  );
  const named = body.verdict === 'no_evidence' ? [] : body.evidenceIds;
  // Agreeing that a measure is not met rests on what is missing: it is the one agreement naming no evidence.
  const answer = await repo.findAnswer(db, id, m.id);
  // A measure resting only on the platform's registers (members, elections, committee) takes no
  // attached evidence: its check is made against those registers and names none.
  const needsEvidence =
    takesEvidence(m) &&
    (body.verdict === 'disagree' || (body.verdict === 'agree' && answer?.verdict !== 'not_met'));
  if (named.some((e) => !own.has(e)) || (needsEvidence && named.length === 0)) {
    throw new AppError('round.check_needs_evidence', [
      fieldProblem(
        'evidenceIds',
        'evidence_of_measure',
        `须注明细则 ${m.code} 的佐证材料（至少一件）`,
        `Name at least one piece of evidence of measure ${m.code}`,
      ),
    ]);
  }
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRound(trx, a.round_id)) !== 'open') throw new AppError('round.closed');
    await repo.lockAssessment(trx, id);
    if ((await currentState(trx, assessmentWorkflow, id)) !== a.state)
      throw new AppError('round.not_checkable');
    await repo.saveCheck(trx, {
      assessment_id: id,
      measure_id: m.id,
      stage: at.stage,
      verdict: body.verdict,
      comment,
      evidence_ids: JSON.stringify(named),
      checked_by: auth.userId,
      checked_by_name: auth.name,
      checked_at: now(),
    });
    await touched(trx, id);
    await recordAudit(trx, actor, {
      action: `branch_assessment.${at.stage}_check`,
      entity: 'branch_assessment',
      entityId: id,
      summary: `${a.round_name} · ${a.branch_name} · ${m.code}`,
      after: { measure: m.code, verdict: body.verdict, comment, evidenceIds: named },
    });
  });
  return getAssessment(db, auth, id);
}

/** The measures without an answer, or without a check at a stage, as field problems naming them. */
function missing(
  measures: RoundMeasure[],
  has: (m: RoundMeasure) => boolean,
  what: { zh: string; en: string },
) {
  return measures
    .filter((m) => !has(m))
    .map((m) =>
      fieldProblem(
        `measures.${m.code}`,
        'required',
        `细则 ${m.code}：${what.zh}`,
        `Measure ${m.code}: ${what.en}`,
        'record',
      ),
    );
}

/**
 * Takes a step of the assessment: submit (every measure answered), return with a comment, review
 * (every answer checked by the county), send back to the county with a comment, verify (every answer
 * checked by the city, or a sample of them; sets the result). A returned assessment is reviewed afresh,
 * and one sent back is verified afresh: the checks of that stage are cleared.
 */
export async function transitionAssessment(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  action: AssessmentAction,
  body: AssessmentTransitionBody,
): Promise<Assessment> {
  const a = await loadAssessment(db, id, auth);
  checkOpen(a);
  const measures = await measuresOf(db, a.version_id);
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRound(trx, a.round_id)) !== 'open') throw new AppError('round.closed');
    await repo.lockAssessment(trx, id);
    const state = await currentState(trx, assessmentWorkflow, id);
    const may = mayTake(assessmentWorkflow.transitions[action], auth, a.org_path);
    const from = assessmentWorkflow.transitions[action].from as readonly string[];
    let outcome: ReturnType<typeof outcomeOf> | null = null;
    const mode: VerificationMode = body.mode ?? 'full';
    if (may && action === 'verify' && state !== 'reviewed') throw new AppError('round.not_reviewed');
    if (may && state && from.includes(state)) {
      const answers = await repo.listAnswers(trx, id);
      const checks = await repo.listChecks(trx, id);
      const checked = (stage: CheckStage) => (m: RoundMeasure) =>
        checks.some((c) => c.measure_id === m.id && c.stage === stage);
      if (action === 'submit') {
        const problems = missing(measures, (m) => answers.some((x) => x.measure_id === m.id), {
          zh: '未填写自评结论',
          en: 'no verdict',
        });
        if (problems.length) throw new AppError('round.answers_missing', problems);
      }
      if (action === 'review') {
        const problems = missing(measures, checked('review'), { zh: '未填写审核意见', en: 'not reviewed' });
        if (problems.length) throw new AppError('round.checks_missing', problems);
      }
      if (action === 'verify') {
        const problems =
          mode === 'full'
            ? missing(measures, checked('verify'), { zh: '未核验（全面核验）', en: 'not verified (full)' })
            : measures.some(checked('verify'))
              ? []
              : [
                  fieldProblem(
                    'measures',
                    'sample',
                    '抽查核验须至少核验一项细则',
                    'A sample needs one measure at least',
                  ),
                ];
        if (problems.length) throw new AppError('round.checks_missing', problems);
        const check = (m: RoundMeasure, stage: CheckStage) =>
          (checks.find((c) => c.measure_id === m.id && c.stage === stage)?.verdict as CheckVerdict) ?? null;
        outcome = outcomeOf(
          measures.map((m) => ({
            rule: m.rule,
            weight: m.weight,
            finding: findingOf(
              (answers.find((x) => x.measure_id === m.id)?.verdict as AnswerVerdict) ?? null,
              check(m, 'review'),
              check(m, 'verify'),
            ),
          })),
          a.pass_mark,
        );
      }
    }
    await takeTransition(trx, assessmentWorkflow, auth, actor, {
      recordId: id,
      action,
      comment: body.comment,
    });
    if (action === 'return') await repo.clearChecks(trx, id, 'review');
    if (action === 'send_back') await repo.clearChecks(trx, id, 'verify');
    const at = now();
    if (outcome) {
      const { result, score } = outcome;
      await repo.updateAssessment(trx, id, {
        result,
        score,
        verification: mode,
        verified_at: at,
        updated_at: at,
      });
      await recordAudit(trx, actor, {
        action: 'branch_assessment.result',
        entity: 'branch_assessment',
        entityId: id,
        summary: `${a.round_name} · ${a.branch_name}`,
        after: { result, score, verification: mode, passMark: a.pass_mark },
      });
    } else {
      await touched(trx, id);
    }
  });
  return getAssessment(db, auth, id);
}

// ---- demonstration branches ----

const LEVEL_RANK: Record<DemoLevel, number> = { city: 1, province: 2 };

/** The highest level among those not revoked, kept on the assessment for the board's filter. */
async function refreshLevel(trx: Db, id: number) {
  const active = (await repo.listDemonstrations(trx, id)).filter((d) => d.revoked_at === null);
  const top = active
    .map((d) => d.level)
    .sort((x, y) => LEVEL_RANK[y] - LEVEL_RANK[x])
    .at(0);
  await repo.updateAssessment(trx, id, { demo_level: top ?? null, updated_at: now() });
}

/**
 * Names the branch a demonstration branch (示范支部) on this round's result: city level on a verified
 * compliant result; province level (named by the province, recorded by the city) on city level or at
 * least compliance in the same round.
 */
export async function nameDemonstration(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: DemonstrationBody,
): Promise<Assessment> {
  requireCity(auth);
  const a = await loadAssessment(db, id, auth);
  checkOpen(a);
  const namedOn = body.namedOn ?? today();
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRound(trx, a.round_id)) !== 'open') throw new AppError('round.closed');
    await repo.lockAssessment(trx, id);
    const state = await currentState(trx, assessmentWorkflow, id);
    const fresh = await repo.findAssessment(trx, id, auth.scope);
    const compliant = state === 'verified' && fresh?.result === 'compliant';
    const active = (await repo.listDemonstrations(trx, id)).filter((d) => d.revoked_at === null);
    const cityLevel = active.some((d) => d.level === 'city');
    if (!compliant && !(body.level === 'province' && cityLevel)) {
      throw new AppError('round.demo_needs_compliance');
    }
    if (active.some((d) => d.level === body.level)) throw new AppError('round.demo_exists');
    const demoId = await repo.insertDemonstration(trx, {
      assessment_id: id,
      level: body.level,
      named_on: namedOn,
      note: clean(body.note),
      named_by: auth.userId,
      revoked_at: null,
      revoke_reason: null,
      revoked_by: null,
      created_at: now(),
    });
    await refreshLevel(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch_assessment.demonstration_name',
      entity: 'branch_assessment',
      entityId: id,
      summary: `${a.round_name} · ${a.branch_name}`,
      after: { demonstrationId: demoId, level: body.level, namedOn, note: clean(body.note) },
    });
  });
  return getAssessment(db, auth, id);
}

/** Revokes a demonstration level with the reason; the record stays, marked revoked. */
export async function revokeDemonstration(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  demonstrationId: number,
  body: RevokeBody,
): Promise<Assessment> {
  requireCity(auth);
  const a = await loadAssessment(db, id, auth);
  checkOpen(a);
  const reason = body.reason.trim();
  if (!reason) {
    throw new AppError('validation', [
      fieldProblem('reason', 'required', '须填写撤销原因', 'Give the reason'),
    ]);
  }
  await db.transaction().execute(async (trx) => {
    if ((await repo.lockRound(trx, a.round_id)) !== 'open') throw new AppError('round.closed');
    await repo.lockAssessment(trx, id);
    const demo = (await repo.listDemonstrations(trx, id)).find((d) => d.id === demonstrationId);
    if (!demo) throw new AppError('round.demo_not_found');
    if (demo.revoked_at) throw new AppError('round.demo_revoked');
    const at = now();
    await repo.updateDemonstration(trx, demonstrationId, {
      revoked_at: at,
      revoke_reason: reason,
      revoked_by: auth.userId,
    });
    await refreshLevel(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch_assessment.demonstration_revoke',
      entity: 'branch_assessment',
      entityId: id,
      summary: `${a.round_name} · ${a.branch_name}`,
      before: { demonstrationId, level: demo.level, namedOn: demo.named_on },
      after: { revokedAt: at, reason },
    });
  });
  return getAssessment(db, auth, id);
}

// ---- the board and a branch's history ----

/** The board's filters resolved against the caller's scope (an org outside it answers 404). */
async function toFilter(
  db: Db,
  auth: Auth,
  roundId: number,
  query: ExportBoardQuery,
): Promise<repo.BoardFilter> {
  await getRound(db, auth, roundId);
  return {
    scope: auth.scope,
    roundId,
    orgPath: query.orgId ? (await getOrg(db, query.orgId, auth.scope)).path : undefined,
    state: query.state,
    result: query.result,
    level: query.level,
    keyword: query.keyword,
  };
}

/** The measure counts of some versions. */
async function measureCounts(db: Db, versionIds: number[]) {
  const counts = new Map<number, number>();
  for (const id of new Set(versionIds)) counts.set(id, (await measuresOf(db, id)).length);
  return counts;
}

/** A page of a round's board: every branch of the round in the caller's scope with its state, result, level. */
export async function listBoard(db: Db, auth: Auth, roundId: number, query: BoardQuery) {
  const filter = await toFilter(db, auth, roundId, query);
  const { items, total } = await repo.listBoard(db, filter, query.sort ?? 'orgName', query);
  const counts = await measureCounts(
    db,
    items.map((r) => r.version_id),
  );
  return { items: items.map((r) => toSummary(r, counts.get(r.version_id) ?? 0)), total };
}

/** The whole filtered board, for the export. */
export async function listAllBoard(db: Db, auth: Auth, roundId: number, query: ExportBoardQuery) {
  const rows = await repo.listAllBoard(db, await toFilter(db, auth, roundId, query), query.sort ?? 'orgName');
  const counts = await measureCounts(
    db,
    rows.map((r) => r.version_id),
  );
  return rows.map((r) => ({ ...toSummary(r, counts.get(r.version_id) ?? 0), verifiedAt: r.verified_at }));
}

/** Every round a branch took part in (newest first), with its state, result and demonstration level. */
export async function branchHistory(db: Db, auth: Auth, branchId: number): Promise<AssessmentSummary[]> {
  await loadBranch(db, branchId, auth.scope);
  const rows = await repo.listBranchAssessments(db, branchId, auth.scope);
  const counts = await measureCounts(
    db,
    rows.map((r) => r.version_id),
  );
  return rows.map((r) => toSummary(r, counts.get(r.version_id) ?? 0));
}
