import type { Db } from '../../db/database.ts';
import { AppError, type FieldProblem } from '../../errors.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AttachmentSpec, attachmentsOf, unlinkAll } from '../../platform/files/attachments.service.ts';
import type { Auth } from '../../platform/http/types.ts';
import { fieldProblem, notInFuture } from '../../platform/validation/problems.ts';
import type { WorkflowAction } from '../../platform/workflow/workflow.schema.ts';
import {
  currentState,
  removeWorkflowItem,
  startWorkflow,
  takeTransition,
  updateWorkflowItem,
  workflowHistory,
} from '../../platform/workflow/workflow.service.ts';
import { actionLabel, allowedActions, stateLabel } from '../../platform/workflow/workflow.ts';
import { cadreSummary } from '../cadres/cadres.service.ts';
import * as branchesRepo from './branches.repository.ts';
import { loadBranch, loadWorkingBranch, orgPathOf } from './branches.service.ts';
import * as repo from './meetings.repository.ts';
import { meetingTitle, periodOf } from './meetings.rules.ts';
import type {
  AbsenceBody,
  CreateMeetingBody,
  ExportMeetingsQuery,
  ListMeetingsQuery,
  Meeting,
  MeetingState,
  MeetingSummary,
  MeetingType,
  UpdateMeetingBody,
} from './meetings.schema.ts';
import { EDITABLE_STATES, meetingWorkflow } from './meetings.workflow.ts';

/** A meeting inside the caller's scope; outside it answers exactly as a missing one. */
export async function loadMeeting(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findMeeting(db, id, scope);
  if (!row) throw new AppError('meeting.not_found');
  return row;
}

/** The actions the caller may take on a meeting now, with their labels. */
function actionsOf(state: string, orgPath: string, auth: Auth): WorkflowAction[] {
  return allowedActions(meetingWorkflow, { state, orgPath }, auth).map((action) => ({
    action,
    label: actionLabel(meetingWorkflow, action),
    commentRequired: meetingWorkflow.transitions[action].commentRequired === true,
  }));
}

const editable = (state: string) => EDITABLE_STATES.includes(state);

function toCore(r: repo.MeetingRecord, auth: Auth, absentCount: number) {
  return {
    id: r.id,
    branchId: r.branch_id,
    branchName: r.branch_name,
    branchKind: r.branch_kind,
    orgId: r.org_id,
    orgName: r.org_name,
    type: r.type,
    period: r.period,
    heldOn: r.held_on,
    startTime: r.start_time,
    place: r.place,
    chair: r.chair,
    recorder: r.recorder,
    expectedCount: r.expected_count,
    presentCount: r.present_count,
    absentCount,
    state: r.state as MeetingState,
    stateLabel: stateLabel(meetingWorkflow, r.state),
    actions: actionsOf(r.state, r.org_path, auth),
    editable: editable(r.state),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A meeting of a list, with what the caller may do with it. */
export function toSummary(r: repo.MeetingListRow, auth: Auth): MeetingSummary {
  return {
    ...toCore(r, auth, Number(r.absent_count ?? 0)),
    photoCount: Number(r.photo_count ?? 0),
    attachmentCount: Number(r.attachment_count ?? 0),
  };
}

/** One meeting with its whole record, its review state and the caller's actions. */
export async function getMeeting(db: Db, auth: Auth, id: number): Promise<Meeting> {
  const r = await loadMeeting(db, id, auth.scope);
  const [absences, files] = await Promise.all([
    repo.listAbsences(db, id),
    attachmentsOf(db, meetingFiles.recordType, id),
  ]);
  return {
    ...toCore(r, auth, absences.length),
    absences: absences.map((a) => ({ cadreId: a.cadre_id, name: a.name, reason: a.reason })),
    outsideAttendees: r.outside_attendees,
    topics: r.topics,
    resolutions: r.resolutions,
    files,
  };
}

/** The list filters resolved against the caller's scope. */
async function toFilter(db: Db, auth: Auth, query: ExportMeetingsQuery): Promise<repo.MeetingFilter> {
  const froms = [query.year && `${query.year}-01-01`, query.fromMonth && `${query.fromMonth}-01`].filter(
    (d): d is string => !!d,
  );
  const tos = [query.year && `${query.year}-12-31`, query.toMonth && `${query.toMonth}-31`].filter(
    (d): d is string => !!d,
  );
  // A branch or org outside the scope answers 404, as it does everywhere else.
  if (query.branchId) await loadBranch(db, query.branchId, auth.scope);
  return {
    scope: auth.scope,
    orgPath: await orgPathOf(db, query.orgId, auth.scope),
    branchId: query.branchId,
    type: query.type,
    state: query.state,
    from: froms.sort().at(-1),
    to: tos.sort().at(0),
  };
}

/** A page of the meetings in the caller's scope. */
export async function listMeetings(db: Db, auth: Auth, query: ListMeetingsQuery) {
  const { items, total } = await repo.listMeetings(
    db,
    await toFilter(db, auth, query),
    query.sort ?? '-heldOn',
    query,
  );
  return { items: items.map((r) => toSummary(r, auth)), total };
}

/** Every meeting matching the filters, with its topics and resolutions, for the export (台账). */
export async function listAllMeetings(db: Db, auth: Auth, query: ExportMeetingsQuery) {
  const rows = await repo.listAllMeetings(db, await toFilter(db, auth, query), query.sort ?? '-heldOn');
  return rows.map((r) => ({
    ...toSummary(r, auth),
    outsideAttendees: r.outside_attendees,
    topics: r.topics,
    resolutions: r.resolutions,
  }));
}

/** A page of one branch's meetings (404 for a branch outside the scope, through the filter). */
export async function listBranchMeetings(
  db: Db,
  auth: Auth,
  branchId: number,
  query: Omit<ListMeetingsQuery, 'branchId' | 'orgId'>,
) {
  return listMeetings(db, auth, { ...query, branchId });
}

// ---- the rules of a meeting's record ----

type BranchRecord = branchesRepo.BranchRecord;

/** The branches whose members attend: the branch itself, or those under a general branch (党总支). */
async function attendingBranches(db: Db, branch: BranchRecord) {
  return branch.kind === 'general'
    ? (await branchesRepo.findChildren(db, branch.id)).map((c) => c.id)
    : [branch.id];
}

/**
 * Who is expected (应到) when the branch does not say: the committee's members on the day for a
 * committee meeting (支委会), otherwise the branch's members on the day.
 */
async function expectedOn(db: Db, branch: BranchRecord, type: MeetingType, heldOn: string) {
  if (type === 'committee') {
    const committee = await repo.countCommitteeOn(db, branch.id, heldOn);
    if (committee > 0) return committee;
  }
  return repo.countMembersOn(db, await attendingBranches(db, branch), heldOn);
}

/** The day a meeting was held: not in the future, and while the branch stood. */
function checkHeldOn(branch: BranchRecord, heldOn: string) {
  notInFuture('heldOn', heldOn);
  if (branch.founded_on && heldOn < branch.founded_on) {
    throw new AppError('validation', [
      fieldProblem('heldOn', 'after_founding', '会议日期早于支部成立日期', 'The meeting predates the branch'),
    ]);
  }
  if (branch.dissolved_on && heldOn > branch.dissolved_on) {
    throw new AppError('validation', [
      fieldProblem(
        'heldOn',
        'before_dissolution',
        '会议日期晚于支部撤销日期',
        'The branch was dissolved by then',
      ),
    ]);
  }
}

type AbsenceRow = { cadre_id: number | null; name: string; reason: string };

/**
 * The absences as rows: a member named by id must be in the caller's scope and a member of the branch
 * on the day (the name is then the roster's); otherwise a name is required. Nobody is absent twice.
 */
async function resolveAbsences(
  db: Db,
  auth: Auth,
  branch: BranchRecord,
  heldOn: string,
  absences: AbsenceBody[],
): Promise<AbsenceRow[]> {
  const problems: FieldProblem[] = [];
  const rows: AbsenceRow[] = [];
  const seen = new Set<number>();
  for (const [i, a] of absences.entries()) {
    const reason = a.reason.trim();
    if (a.cadreId) {
      if (seen.has(a.cadreId)) {
        problems.push(
          fieldProblem(`absences.${i}.cadreId`, 'unique', '同一人重复登记缺席', 'Listed as absent twice'),
        );
        continue;
      }
      seen.add(a.cadreId);
      const cadre = await cadreSummary(db, a.cadreId, auth.scope);
      rows.push({ cadre_id: cadre.id, name: cadre.name, reason });
    } else {
      const name = a.name?.trim();
      if (!name) {
        problems.push(
          fieldProblem(
            `absences.${i}.name`,
            'required',
            '缺席人员须选择党员或填写姓名',
            'Name the member absent',
          ),
        );
        continue;
      }
      rows.push({ cadre_id: null, name, reason });
    }
  }
  if (problems.length) throw new AppError('validation', problems);
  const named = rows.flatMap((r) => (r.cadre_id === null ? [] : [r.cadre_id]));
  const members = await repo.membersAmong(db, await attendingBranches(db, branch), named, heldOn);
  const outsiders = absences.flatMap((a, i) =>
    a.cadreId && !members.has(a.cadreId)
      ? [
          fieldProblem(
            `absences.${i}.cadreId`,
            'member_on_day',
            '该同志在会议当天不是本支部党员',
            'Not a member of the branch on the day',
          ),
        ]
      : [],
  );
  if (outsiders.length) throw new AppError('branch.not_member', outsiders);
  return rows;
}

/**
 * Attendance adds up: no more present (实到) than expected (应到), and those present and those absent
 * (缺席) together make those expected.
 */
export function checkAttendance(expected: number, present: number, absent: number) {
  if (present > expected) {
    throw new AppError('meeting.present_exceeds_expected', [
      fieldProblem(
        'presentCount',
        'present_le_expected',
        `实到人数（${present}）不能超过应到人数（${expected}）`,
        `Present (${present}) cannot exceed expected (${expected})`,
      ),
    ]);
  }
  if (present + absent !== expected) {
    throw new AppError('meeting.attendance_mismatch', [
      fieldProblem(
        'absences',
        'present_plus_absent_equals_expected',
        `应到 ${expected} 人、实到 ${present} 人，应登记缺席 ${expected - present} 人，现登记 ${absent} 人`,
        `Expected ${expected}, present ${present}: ${expected - present} absences needed, ${absent} given`,
      ),
    ]);
  }
}

/** What the audit log keeps of a meeting. */
function snapshot(m: {
  type: string;
  held_on: string;
  expected_count: number;
  present_count: number;
  place: string | null;
  chair: string | null;
}) {
  return {
    type: m.type,
    heldOn: m.held_on,
    expectedCount: m.expected_count,
    presentCount: m.present_count,
    place: m.place,
    chair: m.chair,
  };
}

const clean = (v: string | null | undefined) => v?.trim() || null;

/**
 * Locks a meeting's row until the transaction ends and answers its review state, so that an edit and a
 * transition on one meeting run one after the other; refuses a meeting no longer draft or returned.
 */
async function lockEditable(trx: Db, id: number) {
  await repo.lockMeeting(trx, id);
  const state = await currentState(trx, meetingWorkflow, id);
  if (!state || !editable(state)) throw new AppError('meeting.not_editable');
}

/**
 * Records a meeting of a branch, in draft: its review (the `meeting` workflow) starts in the same
 * transaction, so it is in the branch's to-do list at once.
 */
export async function createMeeting(
  db: Db,
  auth: Auth,
  actor: Actor,
  branchId: number,
  body: CreateMeetingBody,
) {
  const branch = await loadWorkingBranch(db, branchId, auth.scope);
  checkHeldOn(branch, body.heldOn);
  const expected = body.expectedCount ?? (await expectedOn(db, branch, body.type, body.heldOn));
  const absences = await resolveAbsences(db, auth, branch, body.heldOn, body.absences ?? []);
  checkAttendance(expected, body.presentCount, absences.length);
  const period = periodOf(body.type, body.heldOn);
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const row = {
      branch_id: branch.id,
      org_id: branch.org_id,
      type: body.type,
      period,
      held_on: body.heldOn,
      start_time: body.startTime ?? null,
      place: clean(body.place),
      chair: clean(body.chair),
      recorder: clean(body.recorder),
      expected_count: expected,
      present_count: body.presentCount,
      outside_attendees: clean(body.outsideAttendees),
      topics: clean(body.topics),
      resolutions: clean(body.resolutions),
      created_by: auth.userId,
      created_at: now,
      updated_at: now,
    };
    const id = await repo.insertMeeting(trx, row);
    await repo.replaceAbsences(trx, id, absences);
    const title = meetingTitle({
      orgName: branch.org_name,
      branchName: branch.name,
      type: body.type,
      period,
    });
    await startWorkflow(trx, meetingWorkflow, actor, { recordId: id, orgId: branch.org_id, title });
    await recordAudit(trx, actor, {
      action: 'meeting.create',
      entity: 'meeting',
      entityId: id,
      summary: title,
      after: { branchId: branch.id, ...snapshot(row), absences: absences.length },
    });
    return id;
  });
  return getMeeting(db, auth, id);
}

/**
 * Changes a draft or returned meeting; the rules are checked again on the result. Absences, when
 * given, replace the list.
 */
export async function updateMeeting(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateMeetingBody) {
  const m = await loadMeeting(db, id, auth.scope);
  if (!editable(m.state)) throw new AppError('meeting.not_editable');
  const branch = await loadBranch(db, m.branch_id, auth.scope);
  const type = body.type ?? m.type;
  const heldOn = body.heldOn ?? m.held_on;
  if (heldOn !== m.held_on) checkHeldOn(branch, heldOn);
  const absences =
    body.absences !== undefined
      ? await resolveAbsences(db, auth, branch, heldOn, body.absences)
      : heldOn !== m.held_on
        ? await resolveAbsences(
            db,
            auth,
            branch,
            heldOn,
            (await repo.listAbsences(db, id)).map((a) => ({
              cadreId: a.cadre_id,
              name: a.name,
              reason: a.reason,
            })),
          )
        : null;
  const absent = absences?.length ?? (await repo.listAbsences(db, id)).length;
  const next = {
    type,
    period: periodOf(type, heldOn),
    held_on: heldOn,
    start_time: body.startTime !== undefined ? body.startTime : m.start_time,
    place: body.place !== undefined ? clean(body.place) : m.place,
    chair: body.chair !== undefined ? clean(body.chair) : m.chair,
    recorder: body.recorder !== undefined ? clean(body.recorder) : m.recorder,
    expected_count: body.expectedCount ?? m.expected_count,
    present_count: body.presentCount ?? m.present_count,
    outside_attendees:
      body.outsideAttendees !== undefined ? clean(body.outsideAttendees) : m.outside_attendees,
    topics: body.topics !== undefined ? clean(body.topics) : m.topics,
    resolutions: body.resolutions !== undefined ? clean(body.resolutions) : m.resolutions,
  };
  checkAttendance(next.expected_count, next.present_count, absent);
  const title = meetingTitle({
    orgName: m.org_name,
    branchName: m.branch_name,
    type,
    period: next.period,
  });
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, id);
    await repo.updateMeeting(trx, id, { ...next, updated_at: new Date().toISOString() });
    if (absences) await repo.replaceAbsences(trx, id, absences);
    await updateWorkflowItem(trx, meetingWorkflow, id, { title });
    await recordAudit(trx, actor, {
      action: 'meeting.update',
      entity: 'meeting',
      entityId: id,
      summary: title,
      before: snapshot(m),
      after: { ...snapshot(next), ...(absences && { absences: absences.length }) },
    });
  });
  return getMeeting(db, auth, id);
}

/** Deletes a draft or returned meeting entered by mistake, with its review and timeline. */
export async function deleteMeeting(db: Db, auth: Auth, actor: Actor, id: number) {
  const m = await loadMeeting(db, id, auth.scope);
  if (!editable(m.state)) throw new AppError('meeting.not_editable');
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, id);
    await unlinkAll(trx, meetingFiles.recordType, id);
    await repo.deleteMeeting(trx, id);
    await removeWorkflowItem(trx, meetingWorkflow, id);
    await recordAudit(trx, actor, {
      action: 'meeting.delete',
      entity: 'meeting',
      entityId: id,
      summary: `${m.branch_name} · ${m.period}`,
      before: { branchId: m.branch_id, ...snapshot(m) },
    });
  });
}

/**
 * Takes a review step (submit, approve, return) on a meeting in the caller's scope. The workflow checks
 * the state, the permission and the level (a reviewer sits above the branch's org), and a return needs
 * a comment; a refused step writes nothing.
 */
export async function transitionMeeting(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  action: 'submit' | 'approve' | 'return',
  comment: string | undefined,
) {
  await loadMeeting(db, id, auth.scope);
  await db.transaction().execute(async (trx) => {
    await repo.lockMeeting(trx, id);
    await takeTransition(trx, meetingWorkflow, auth, actor, { recordId: id, action, comment });
    await repo.updateMeeting(trx, id, { updated_at: new Date().toISOString() });
  });
  return getMeeting(db, auth, id);
}

/** A meeting's review timeline, oldest first. */
export async function meetingHistory(db: Db, auth: Auth, id: number) {
  await loadMeeting(db, id, auth.scope);
  return workflowHistory(db, meetingWorkflow, id);
}

// ---- photos and attachments ----

/**
 * A meeting's photos (会议照片) and attachments (会议记录、签到表), added and taken off while it is a draft
 * or returned (platform/files/attachments).
 */
export const meetingFiles: AttachmentSpec<Awaited<ReturnType<typeof loadMeeting>>> = {
  recordType: 'meeting',
  kinds: ['photo', 'attachment'],
  load: (db, auth, id) => loadMeeting(db, id, auth.scope),
  async writable(db, auth, id) {
    const m = await loadMeeting(db, id, auth.scope);
    if (!editable(m.state)) throw new AppError('meeting.not_editable');
    return m;
  },
  async changing(trx, id) {
    await lockEditable(trx, id);
    await repo.updateMeeting(trx, id, { updated_at: new Date().toISOString() });
  },
  audit: {
    entity: 'meeting',
    added: 'meeting.file_add',
    removed: 'meeting.file_remove',
    summary: (m, fileName) => `${m.branch_name} · ${m.period}: ${fileName}`,
  },
};
