import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { isWholeTree, type Scope } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { addYears, today } from '../../platform/calendar/days.ts';
import { type AttachmentSpec, attachmentsOf, unlinkAll } from '../../platform/files/attachments.service.ts';
import type { Auth } from '../../platform/http/types.ts';
import { invalid, notInFuture } from '../../platform/validation/problems.ts';
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
import { loadBranch, loadWorkingBranch, orgPathOf } from '../branches/branches.service.ts';
import * as repo from './brands.repository.ts';
import { cycleEndOf, nextReview, type ReviewMark, reviewSchedule, TOP10_LIMIT } from './brands.rules.ts';
import type {
  AwardKind,
  Brand,
  BrandAction,
  BrandAward,
  BrandState,
  BrandStatus,
  BrandSummary,
  BrandSystem,
  CreateAwardBody,
  CreateBrandBody,
  CreateBrandSystemBody,
  CreateInspectionBody,
  CreateReviewBody,
  ExportAwardsQuery,
  ExportBrandsQuery,
  ListAwardsQuery,
  ListBrandsQuery,
  UpdateBrandBody,
  UpdateBrandSystemBody,
} from './brands.schema.ts';
import { brandWorkflow, EDITABLE_STATES } from './brands.workflow.ts';

const clean = (v: string | null | undefined) => v?.trim() || null;
const editable = (state: string) => EDITABLE_STATES.includes(state);

// ---- the umbrella brand ----

function toSystem(r: Awaited<ReturnType<typeof repo.listSystems>>[number]): BrandSystem {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    description: r.description,
    brandCount: Number(r.brand_count ?? 0),
    updatedAt: r.updated_at,
  };
}

/** The umbrella brands (the city's, seen by everyone who reads brands), counting the brands of the scope. */
export async function listSystems(db: Db, auth: Auth): Promise<BrandSystem[]> {
  return (await repo.listSystems(db, auth.scope)).map(toSystem);
}

/** Only the city, acting city-wide, keeps the umbrella brand. */
function checkCityWide(scope: Scope | null): asserts scope is Scope {
  if (!scope || !isWholeTree(scope)) throw new AppError('brand.system_city_only');
}

async function systemOf(db: Db, auth: Auth, id: number) {
  const found = (await listSystems(db, auth)).find((s) => s.id === id);
  if (!found) throw new AppError('brand.system_not_found');
  return found;
}

/** Creates the city's umbrella brand (e.g. 江海银发先锋计划). */
export async function createSystem(db: Db, auth: Auth, actor: Actor, body: CreateBrandSystemBody) {
  const scope = auth.scope;
  checkCityWide(scope);
  const now = new Date().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertSystem(trx, {
      org_id: scope.orgId,
      name: body.name.trim(),
      description: clean(body.description),
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'brand_system.create',
      entity: 'brand_system',
      entityId: id,
      summary: body.name,
      after: body,
    });
    return id;
  });
  return systemOf(db, auth, id);
}

/** Changes the umbrella brand's name or description. */
export async function updateSystem(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateBrandSystemBody,
) {
  checkCityWide(auth.scope);
  const before = await repo.findSystem(db, id);
  if (!before) throw new AppError('brand.system_not_found');
  const next = {
    name: body.name?.trim() || before.name,
    description: body.description !== undefined ? clean(body.description) : before.description,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateSystem(trx, id, { ...next, updated_at: new Date().toISOString() });
    await recordAudit(trx, actor, {
      action: 'brand_system.update',
      entity: 'brand_system',
      entityId: id,
      summary: next.name,
      before: { name: before.name, description: before.description },
      after: next,
    });
  });
  return systemOf(db, auth, id);
}

// ---- brands ----

/** A brand inside the caller's scope; outside it answers exactly as a missing one. */
export async function loadBrand(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findBrand(db, id, scope);
  if (!row) throw new AppError('brand.not_found');
  return row;
}

/** Where a brand stands today: an approved brand is active in its cycle, expired after it. */
export function statusOf(state: string, cycleEnd: string | null, on: string): BrandStatus {
  if (state === 'approved') return cycleEnd !== null && cycleEnd < on ? 'expired' : 'active';
  return state as BrandStatus;
}

/**
 * The actions the caller may take now. Withdrawal is taken through a review, never on its own; a brand
 * re-applies only once its cycle is over.
 */
function actionsOf(r: repo.BrandRecord, auth: Auth, on: string): WorkflowAction[] {
  return allowedActions(brandWorkflow, { state: r.state, orgPath: r.org_path }, auth)
    .filter((a) => a !== 'withdraw' && (a !== 'reapply' || statusOf(r.state, r.cycle_end, on) === 'expired'))
    .map((action) => ({
      action,
      label: actionLabel(brandWorkflow, action),
      commentRequired: brandWorkflow.transitions[action].commentRequired === true,
    }));
}

/** A brand of a list, with what the caller may do with it. */
export function toSummary(r: repo.BrandRecord, auth: Auth, on: string): BrandSummary {
  return {
    id: r.id,
    systemId: r.system_id,
    systemName: r.system_name,
    branchId: r.branch_id,
    branchName: r.branch_name,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    state: r.state as BrandState,
    stateLabel: stateLabel(brandWorkflow, r.state),
    status: statusOf(r.state, r.cycle_end, on),
    cycleNo: r.cycle_no,
    cycleStart: r.cycle_start,
    cycleEnd: r.cycle_end,
    nextReviewDue: r.state === 'approved' ? r.next_review_due : null,
    reviewOverdue: r.state === 'approved' && r.next_review_due !== null && r.next_review_due < on,
    withdrawnOn: r.withdrawn_on,
    actions: actionsOf(r, auth, on),
    editable: editable(r.state),
    updatedAt: r.updated_at,
  };
}

function toAward(a: repo.AwardRow): BrandAward {
  return {
    id: a.id,
    brandId: a.brand_id,
    brandName: a.brand_name,
    branchName: a.branch_name,
    orgId: a.org_id,
    orgName: a.org_name,
    year: a.year,
    kind: a.kind,
    title: a.title,
    note: a.note,
    idea: a.idea,
    createdAt: a.created_at,
  };
}

/** The current cycle's reviews, as the schedule reads them. */
const marksOf = (reviews: Awaited<ReturnType<typeof repo.listReviews>>, cycleNo: number): ReviewMark[] =>
  reviews
    .filter((r) => r.cycle_no === cycleNo)
    .map((r) => ({ cycleYear: r.cycle_year, verdict: r.verdict, deadline: r.deadline }));

/** True when the caller sits above the brand's org (reviews and inspections come from the level above). */
const above = (auth: Auth, orgPath: string) =>
  auth.scope !== null && orgPath.startsWith(auth.scope.path) && orgPath !== auth.scope.path;

/** One brand with its application, cycle, review schedule, reviews, inspections, selections and files. */
export async function getBrand(db: Db, auth: Auth, id: number): Promise<Brand> {
  const r = await loadBrand(db, id, auth.scope);
  const on = today();
  const [reviews, inspections, awards, files] = await Promise.all([
    repo.listReviews(db, id),
    repo.listInspections(db, id),
    repo.listAllAwards(db, { scope: auth.scope, brandId: id }),
    attachmentsOf(db, brandFiles.recordType, id),
  ]);
  const schedule =
    r.cycle_start && r.cycle_no > 0
      ? reviewSchedule(r.cycle_start, marksOf(reviews, r.cycle_no)).map((y) => ({
          ...y,
          overdue: (y.status === 'open' || y.status === 'improving') && y.dueOn < on,
        }))
      : [];
  return {
    ...toSummary(r, auth, on),
    idea: r.idea,
    practices: r.practices,
    results: r.results,
    withdrawnReason: r.withdrawn_reason,
    schedule,
    reviews: reviews.map((v) => ({
      id: v.id,
      cycleNo: v.cycle_no,
      cycleYear: v.cycle_year,
      dueOn: v.due_on,
      reviewedOn: v.reviewed_on,
      reviewer: v.reviewer,
      verdict: v.verdict,
      deadline: v.deadline,
      reason: v.reason,
      comments: v.comments,
      createdAt: v.created_at,
    })),
    inspections: inspections.map((v) => ({
      id: v.id,
      inspectedOn: v.inspected_on,
      inspectors: v.inspectors,
      findings: v.findings,
      createdAt: v.created_at,
    })),
    awards: awards.map(toAward),
    files,
    canReview: r.state === 'approved' && auth.permissions.has('brands:review') && above(auth, r.org_path),
    canAward: r.state === 'approved' && auth.permissions.has('brands:approve'),
    createdAt: r.created_at,
  };
}

/** The list filters resolved against the caller's scope. */
async function toFilter(db: Db, auth: Auth, query: ExportBrandsQuery): Promise<repo.BrandFilter> {
  if (query.branchId) await loadBranch(db, query.branchId, auth.scope);
  return {
    scope: auth.scope,
    orgPath: await orgPathOf(db, query.orgId, auth.scope),
    branchId: query.branchId,
    systemId: query.systemId,
    status: query.status,
    year: query.year,
    overdue: query.overdue,
    keyword: query.keyword,
    today: today(),
  };
}

/** A page of the brands in the caller's scope. */
export async function listBrands(db: Db, auth: Auth, query: ListBrandsQuery) {
  const f = await toFilter(db, auth, query);
  const { items, total } = await repo.listBrands(db, f, query.sort ?? '-updatedAt', query);
  return { items: items.map((r) => toSummary(r, auth, f.today)), total };
}

/** Every brand matching the filters, with its texts, for the export. */
export async function listAllBrands(db: Db, auth: Auth, query: ExportBrandsQuery) {
  const f = await toFilter(db, auth, query);
  const rows = await repo.listAllBrands(db, f, query.sort ?? '-updatedAt');
  return rows.map((r) => ({
    ...toSummary(r, auth, f.today),
    idea: r.idea,
    practices: r.practices,
    results: r.results,
  }));
}

/** The umbrella a new brand belongs to: the one named, or the only one when none is named. */
async function resolveSystem(db: Db, systemId: number | null | undefined) {
  if (systemId === null) return null;
  if (systemId !== undefined) {
    if (!(await repo.findSystem(db, systemId))) {
      throw invalid('systemId', 'exists', '品牌体系不存在', 'No such umbrella brand');
    }
    return systemId;
  }
  const all = await repo.listSystems(db, null);
  return all.length === 1 ? (all[0]?.id ?? null) : null;
}

/** One live brand per branch: none being applied for, none in its cycle. */
async function checkOneLive(db: Db, branchId: number, except?: number) {
  if ((await repo.liveBrandsOfBranch(db, branchId, today(), except)).length > 0) {
    throw new AppError('brand.branch_has_brand');
  }
}

/** How an application is titled in to-do lists and the audit log: 如皋市民政局 · 第一党支部：银辉先锋. */
export const titleOf = (orgName: string, branchName: string, name: string) =>
  `${orgName} · ${branchName}：${name}`;

/**
 * Drafts a branch's application for a brand: its name, idea (理念), practices (做法) and results (成效).
 * Its application (the `brand` workflow) starts in the same transaction.
 */
export async function createBrand(db: Db, auth: Auth, actor: Actor, body: CreateBrandBody) {
  const branch = await loadWorkingBranch(db, body.branchId, auth.scope);
  await checkOneLive(db, branch.id);
  const systemId = await resolveSystem(db, body.systemId);
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const row = {
      system_id: systemId,
      branch_id: branch.id,
      org_id: branch.org_id,
      name: body.name.trim(),
      idea: body.idea.trim(),
      practices: body.practices.trim(),
      results: body.results.trim(),
      created_by: auth.userId,
      created_at: now,
      updated_at: now,
    };
    const id = await repo.insertBrand(trx, row);
    const title = titleOf(branch.org_name, branch.name, row.name);
    await startWorkflow(trx, brandWorkflow, actor, { recordId: id, orgId: branch.org_id, title });
    await recordAudit(trx, actor, {
      action: 'brand.create',
      entity: 'brand',
      entityId: id,
      summary: title,
      after: { branchId: branch.id, systemId, name: row.name },
    });
    return id;
  });
  return getBrand(db, auth, id);
}

/** Locks a brand and refuses one no longer draft or returned. */
async function lockEditable(trx: Db, id: number) {
  await repo.lockBrand(trx, id);
  const state = await currentState(trx, brandWorkflow, id);
  if (!state || !editable(state)) throw new AppError('brand.not_editable');
}

/** Changes a draft or returned application. */
export async function updateBrand(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateBrandBody) {
  const b = await loadBrand(db, id, auth.scope);
  if (!editable(b.state)) throw new AppError('brand.not_editable');
  const next = {
    system_id: body.systemId !== undefined ? await resolveSystem(db, body.systemId) : b.system_id,
    name: body.name?.trim() || b.name,
    idea: body.idea?.trim() || b.idea,
    practices: body.practices?.trim() || b.practices,
    results: body.results?.trim() || b.results,
  };
  const title = titleOf(b.org_name, b.branch_name, next.name);
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, id);
    await repo.updateBrand(trx, id, { ...next, updated_at: new Date().toISOString() });
    await updateWorkflowItem(trx, brandWorkflow, id, { title });
    await recordAudit(trx, actor, {
      action: 'brand.update',
      entity: 'brand',
      entityId: id,
      summary: title,
      before: { systemId: b.system_id, name: b.name },
      after: { systemId: next.system_id, name: next.name },
    });
  });
  return getBrand(db, auth, id);
}

/** Deletes a draft or returned application entered by mistake, with its timeline. */
export async function deleteBrand(db: Db, auth: Auth, actor: Actor, id: number) {
  const b = await loadBrand(db, id, auth.scope);
  if (!editable(b.state) || b.cycle_no > 0) throw new AppError('brand.not_editable');
  await db.transaction().execute(async (trx) => {
    await lockEditable(trx, id);
    await unlinkAll(trx, brandFiles.recordType, id);
    await repo.deleteBrand(trx, id);
    await removeWorkflowItem(trx, brandWorkflow, id);
    await recordAudit(trx, actor, {
      action: 'brand.delete',
      entity: 'brand',
      entityId: id,
      summary: titleOf(b.org_name, b.branch_name, b.name),
      before: { branchId: b.branch_id, name: b.name },
    });
  });
}

/**
 * Takes an application step. Approval starts a three-year cycle on the approval day (the first review
 * due a year on); re-applying is open only once the cycle has ended; withdrawal goes through a review.
 */
export async function transitionBrand(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  action: BrandAction,
  comment: string | undefined,
) {
  const b = await loadBrand(db, id, auth.scope);
  if (action === 'withdraw') throw new AppError('brand.withdraw_by_review');
  const on = today();
  await db.transaction().execute(async (trx) => {
    await repo.lockBrand(trx, id);
    if (action === 'reapply') {
      const state = await currentState(trx, brandWorkflow, id);
      if (state === 'approved' && statusOf(state, b.cycle_end, on) !== 'expired') {
        throw new AppError('brand.cycle_not_ended');
      }
      await checkOneLive(trx, b.branch_id, id);
    }
    await takeTransition(trx, brandWorkflow, auth, actor, { recordId: id, action, comment });
    const now = new Date().toISOString();
    if (action === 'approve') {
      const start = on;
      await repo.updateBrand(trx, id, {
        cycle_no: b.cycle_no + 1,
        cycle_start: start,
        cycle_end: cycleEndOf(start),
        next_review_due: addYears(start, 1),
        updated_at: now,
      });
    } else {
      await repo.updateBrand(trx, id, { updated_at: now });
    }
  });
  return getBrand(db, auth, id);
}

/** A brand's application timeline, oldest first. */
export async function brandHistory(db: Db, auth: Auth, id: number) {
  await loadBrand(db, id, auth.scope);
  return workflowHistory(db, brandWorkflow, id);
}

// ---- reviews and inspections ----

/** Refuses a review or inspection by anyone but a level above the brand, or of a brand not approved. */
function checkReviewable(b: repo.BrandRecord, auth: Auth) {
  if (!above(auth, b.org_path)) throw new AppError('brand.own_level');
  if (b.state === 'withdrawn') throw new AppError('brand.withdrawn');
  if (b.state !== 'approved' || !b.cycle_start) throw new AppError('brand.not_active');
}

/**
 * Records the yearly review (复核) due next in the current cycle: pass settles the year; improve
 * (限期整改) keeps it open until its deadline; withdraw (撤销, the city only: the workflow's `withdraw`
 * step) ends the brand. A withdrawn brand cannot be reviewed again.
 */
export async function addReview(db: Db, auth: Auth, actor: Actor, id: number, body: CreateReviewBody) {
  const b = await loadBrand(db, id, auth.scope);
  checkReviewable(b, auth);
  const start = b.cycle_start as string;
  notInFuture('reviewedOn', body.reviewedOn);
  if (body.reviewedOn < start) {
    throw invalid('reviewedOn', 'in_cycle', '复核日期早于本周期开始日期', 'The review predates the cycle');
  }
  const deadline = body.verdict === 'improve' ? (body.deadline ?? null) : null;
  if (body.verdict === 'improve' && (!deadline || deadline <= body.reviewedOn)) {
    throw invalid(
      'deadline',
      'after_review',
      '限期整改须填写晚于复核日期的整改期限',
      'An improvement needs a deadline after the review',
    );
  }
  const reason = body.verdict === 'withdraw' ? clean(body.reason) : null;
  if (body.verdict === 'withdraw' && !reason) {
    throw invalid('reason', 'required', '撤销品牌须说明理由', 'A withdrawal needs a reason');
  }
  await db.transaction().execute(async (trx) => {
    await repo.lockBrand(trx, id);
    const state = await currentState(trx, brandWorkflow, id);
    if (state === 'withdrawn') throw new AppError('brand.withdrawn');
    const marks = marksOf(await repo.listReviews(trx, id), b.cycle_no);
    const due = nextReview(start, marks);
    if (!due) throw new AppError('brand.reviews_complete');
    const now = new Date().toISOString();
    const reviewId = await repo.insertReview(trx, {
      brand_id: id,
      cycle_no: b.cycle_no,
      cycle_year: due.year,
      due_on: due.dueOn,
      reviewed_on: body.reviewedOn,
      reviewer: body.reviewer.trim(),
      verdict: body.verdict,
      deadline,
      reason,
      comments: clean(body.comments),
      created_by: auth.userId,
      created_at: now,
    });
    if (body.verdict === 'withdraw') {
      await takeTransition(trx, brandWorkflow, auth, actor, {
        recordId: id,
        action: 'withdraw',
        comment: reason,
      });
      await repo.updateBrand(trx, id, {
        withdrawn_on: body.reviewedOn,
        withdrawn_reason: reason,
        next_review_due: null,
        updated_at: now,
      });
    } else {
      const after = nextReview(start, [...marks, { cycleYear: due.year, verdict: body.verdict, deadline }]);
      await repo.updateBrand(trx, id, { next_review_due: after?.dueOn ?? null, updated_at: now });
    }
    await recordAudit(trx, actor, {
      action: 'brand.review',
      entity: 'brand',
      entityId: id,
      summary: `${b.name}：第${b.cycle_no}周期第${due.year}年复核`,
      after: { reviewId, cycleYear: due.year, verdict: body.verdict, reviewedOn: body.reviewedOn, deadline },
    });
  });
  return getBrand(db, auth, id);
}

/** Records an inspection visit (调研检查) of an approved brand, by a level above it. */
export async function addInspection(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: CreateInspectionBody,
) {
  const b = await loadBrand(db, id, auth.scope);
  checkReviewable(b, auth);
  notInFuture('inspectedOn', body.inspectedOn);
  await db.transaction().execute(async (trx) => {
    await repo.lockBrand(trx, id);
    const inspectionId = await repo.insertInspection(trx, {
      brand_id: id,
      inspected_on: body.inspectedOn,
      inspectors: body.inspectors.trim(),
      findings: body.findings.trim(),
      created_by: auth.userId,
      created_at: new Date().toISOString(),
    });
    await repo.updateBrand(trx, id, { updated_at: new Date().toISOString() });
    await recordAudit(trx, actor, {
      action: 'brand.inspect',
      entity: 'brand',
      entityId: id,
      summary: `${b.name}：${body.inspectedOn}`,
      after: { inspectionId, inspectedOn: body.inspectedOn, inspectors: body.inspectors },
    });
  });
  return getBrand(db, auth, id);
}

// ---- files ----

/**
 * A brand's attachments (申报材料: photos, PDF or Word .docx), added and taken off while its
 * application is a draft or returned (platform/files/attachments).
 */
export const brandFiles: AttachmentSpec<Awaited<ReturnType<typeof loadBrand>>> = {
  recordType: 'brand',
  kinds: ['attachment'],
  load: (db, auth, id) => loadBrand(db, id, auth.scope),
  async writable(db, auth, id) {
    const b = await loadBrand(db, id, auth.scope);
    if (!editable(b.state)) throw new AppError('brand.not_editable');
    return b;
  },
  async changing(trx, id) {
    await lockEditable(trx, id);
    await repo.updateBrand(trx, id, { updated_at: new Date().toISOString() });
  },
  audit: {
    entity: 'brand',
    added: 'brand.file_add',
    removed: 'brand.file_remove',
    summary: (b, fileName) => `${b.name}: ${fileName}`,
  },
};

// ---- selections (十佳, 优秀) and provincial cases ----

async function toAwardFilter(db: Db, auth: Auth, query: ExportAwardsQuery): Promise<repo.AwardFilter> {
  return {
    scope: auth.scope,
    orgPath: await orgPathOf(db, query.orgId, auth.scope),
    year: query.year,
    kind: query.kind,
  };
}

/** A page of the selections and provincial cases in the caller's scope. */
export async function listAwards(db: Db, auth: Auth, query: ListAwardsQuery) {
  const { items, total } = await repo.listAwards(db, await toAwardFilter(db, auth, query), query);
  return { items: items.map(toAward), total };
}

/** Every selection matching the filters (export, exhibition). */
export async function listAllAwards(db: Db, auth: Auth, query: ExportAwardsQuery) {
  return (await repo.listAllAwards(db, await toAwardFilter(db, auth, query))).map(toAward);
}

const KIND_NAMES: Record<AwardKind, string> = {
  top10: '十佳',
  excellent: '优秀',
  province_case: '省级党建创新典型案例',
};

/**
 * Records a brand's selection in a year: top ten (十佳, at most ten a year across the city), excellent
 * (优秀; a brand is one or the other in a year) or a provincial innovation case. Only a brand approved by
 * that year and not withdrawn can be selected.
 */
export async function addAward(db: Db, auth: Auth, actor: Actor, id: number, body: CreateAwardBody) {
  const b = await loadBrand(db, id, auth.scope);
  if (b.state !== 'approved' || !b.cycle_start || Number(b.cycle_start.slice(0, 4)) > body.year) {
    throw new AppError('brand.not_awardable');
  }
  if (body.year > Number(today().slice(0, 4))) {
    throw invalid('year', 'not_in_future', '年度不能晚于今年', 'The year cannot be later than this year');
  }
  await db.transaction().execute(async (trx) => {
    await repo.lockAwardYear(trx, body.year);
    await repo.lockBrand(trx, id);
    if ((await currentState(trx, brandWorkflow, id)) !== 'approved')
      throw new AppError('brand.not_awardable');
    const held = (await repo.awardsOfBrand(trx, id, body.year)).map((a) => a.kind);
    const exclusive = ['top10', 'excellent'];
    if (
      held.includes(body.kind) ||
      (exclusive.includes(body.kind) && held.some((k) => exclusive.includes(k)))
    ) {
      throw new AppError('brand.award_exists');
    }
    if (body.kind === 'top10' && (await repo.countAwards(trx, body.year, 'top10')) >= TOP10_LIMIT) {
      throw new AppError('brand.top10_full');
    }
    const awardId = await repo.insertAward(trx, {
      brand_id: id,
      org_id: b.org_id,
      year: body.year,
      kind: body.kind,
      title: clean(body.title),
      note: clean(body.note),
      created_by: auth.userId,
      created_at: new Date().toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'brand.award',
      entity: 'brand',
      entityId: id,
      summary: `${b.name}：${body.year}年${KIND_NAMES[body.kind]}`,
      after: { awardId, year: body.year, kind: body.kind },
    });
  });
  return getBrand(db, auth, id);
}

/** Takes a selection back (entered by mistake). */
export async function deleteAward(db: Db, auth: Auth, actor: Actor, awardId: number) {
  const a = await repo.findAward(db, awardId, auth.scope);
  if (!a) throw new AppError('brand.award_not_found');
  await db.transaction().execute(async (trx) => {
    await repo.deleteAward(trx, awardId);
    await recordAudit(trx, actor, {
      action: 'brand.award_remove',
      entity: 'brand',
      entityId: a.brand_id,
      summary: `${a.brand_name}：${a.year}年${KIND_NAMES[a.kind]}`,
      before: { awardId, year: a.year, kind: a.kind },
    });
  });
}
