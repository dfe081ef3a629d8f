import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError, type FieldProblem } from '../../errors.ts';
import { isWholeTree } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Auth } from '../../platform/http/types.ts';
import { fieldProblem } from '../../platform/validation/problems.ts';
import * as repo from './assessments.repository.ts';
import type {
  CreateDimensionBody,
  CreateMeasureBody,
  CreateStandardBody,
  CreateVersionBody,
  Dimension,
  EvidenceKind,
  Measure,
  ReorderBody,
  Standard,
  UpdateDimensionBody,
  UpdateMeasureBody,
  UpdateVersionBody,
  Version,
  VersionSummary,
} from './assessments.schema.ts';

/** The total of a version's scored weights when it has any: a 100-point scale (百分制). */
export const FULL_MARKS = 100;

const SYSTEM: Actor = { userId: null, name: 'system', ip: null, requestId: null };
const now = () => new Date().toISOString();

/**
 * Authoring is for the city's administrators (市局): the permission alone is not enough, the caller's
 * scope must be the whole city, since one standard applies to every branch in it.
 */
export function requireAuthor(auth: Auth) {
  if (!auth.scope || !isWholeTree(auth.scope)) throw new AppError('assessment.city_scope');
}

/** Drafts are work in progress: only those who may author them see them. */
const seesDrafts = (auth: Auth) => auth.permissions.has('assessments:author');

function toSummary(r: repo.VersionCountsRow): VersionSummary {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    publishedAt: r.published_at,
    frozenAt: r.frozen_at,
    notes: r.notes,
    copiedFromId: r.copied_from_id,
    dimensionCount: Number(r.dimension_count ?? 0),
    measureCount: Number(r.measure_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every standard with its versions (drafts only for authors). */
export async function listStandards(db: Db, auth: Auth): Promise<Standard[]> {
  const standards = await repo.listStandards(db);
  const versions = await repo.listVersions(db);
  const drafts = seesDrafts(auth);
  return standards.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    description: s.description,
    isDemo: s.is_demo === 1,
    versions: versions
      .filter((v) => v.standard_id === s.id && (drafts || v.status !== 'draft'))
      .map(toSummary),
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  }));
}

/** Creates a standard (no versions yet). */
export async function createStandard(db: Db, auth: Auth, actor: Actor, body: CreateStandardBody) {
  requireAuthor(auth);
  if (await repo.findStandardByCode(db, body.code)) throw new AppError('assessment.code_taken');
  try {
    await db.transaction().execute(async (trx) => {
      const at = now();
      const row = {
        code: body.code,
        name: body.name.trim(),
        description: body.description ?? null,
        is_demo: 0,
        created_at: at,
        updated_at: at,
      };
      const id = await repo.insertStandard(trx, row);
      await recordAudit(trx, actor, {
        action: 'assessment_standard.create',
        entity: 'assessment_standard',
        entityId: id,
        summary: row.name,
        after: { code: row.code, name: row.name, description: row.description },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('assessment.code_taken');
    throw error;
  }
  const standards = await listStandards(db, auth);
  return standards.find((s) => s.code === body.code) as Standard;
}

async function loadVersion(db: Db, id: number, auth?: Auth) {
  const row = await repo.findVersion(db, id);
  if (!row || (auth && row.status === 'draft' && !seesDrafts(auth))) {
    throw new AppError('assessment.version_not_found');
  }
  return row;
}

/** Refuses any change to a version that is not a draft, saying why. */
function checkDraft(v: { status: string }) {
  if (v.status === 'frozen') throw new AppError('assessment.version_frozen');
  if (v.status !== 'draft') throw new AppError('assessment.version_not_draft');
}

/** True when a version is frozen (a round uses it): its content can never change again. */
export async function isFrozen(db: Db, versionId: number): Promise<boolean> {
  const row = await repo.findVersion(db, versionId);
  if (!row) throw new AppError('assessment.version_not_found');
  return row.status === 'frozen';
}

function toMeasure(m: repo.MeasureRow): Measure {
  return {
    id: m.id,
    dimensionId: m.dimension_id,
    code: m.code,
    text: m.text,
    evidence: m.evidence,
    evidenceKinds: JSON.parse(m.evidence_kinds) as EvidenceKind[],
    rule: m.rule,
    weight: m.weight,
    remarks: m.remarks,
  };
}

/** A version with its dimensions and measures in order. */
export async function getVersion(db: Db, auth: Auth | undefined, id: number): Promise<Version> {
  const v = await loadVersion(db, id, auth);
  const [counts] = (await repo.listVersions(db, [v.standard_id])).filter((r) => r.id === id);
  const dims = await repo.listDimensions(db, id);
  const measures = (await repo.listMeasures(db, id)).map(toMeasure);
  const dimensions: Dimension[] = dims.map((d) => {
    const own = measures.filter((m) => m.dimensionId === d.id);
    return {
      id: d.id,
      code: d.code,
      title: d.title,
      weight: own.reduce((sum, m) => sum + (m.rule === 'scored' ? m.weight : 0), 0),
      measures: own,
    };
  });
  return {
    ...toSummary(counts as repo.VersionCountsRow),
    standardId: v.standard_id,
    standardCode: v.standard_code,
    standardName: v.standard_name,
    totalWeight: dimensions.reduce((sum, d) => sum + d.weight, 0),
    dimensions,
  };
}

/** What the audit log keeps of a version's state. */
const versionState = (v: { status: string; published_at: string | null; frozen_at: string | null }) => ({
  status: v.status,
  publishedAt: v.published_at,
  frozenAt: v.frozen_at,
});

/**
 * Starts the next version of a standard as a draft: empty, or as a copy of an existing version (the
 * usual way to author the next one). One draft at a time per standard.
 */
export async function createVersion(
  db: Db,
  auth: Auth,
  actor: Actor,
  standardId: number,
  body: CreateVersionBody,
) {
  requireAuthor(auth);
  const standard = await repo.findStandard(db, standardId);
  if (!standard) throw new AppError('assessment.standard_not_found');
  const source = body.copyFrom ? await loadVersion(db, body.copyFrom) : null;
  const id = await db.transaction().execute(async (trx) => {
    if (await repo.findDraft(trx, standardId)) throw new AppError('assessment.draft_exists');
    const at = now();
    const version = (await repo.lastVersionNumber(trx, standardId)) + 1;
    const id = await repo.insertVersion(trx, {
      standard_id: standardId,
      version,
      status: 'draft',
      published_at: null,
      frozen_at: null,
      notes: body.notes ?? null,
      copied_from_id: source?.id ?? null,
      created_at: at,
      updated_at: at,
    });
    if (source) await copyContent(trx, source.id, id);
    await recordAudit(trx, actor, {
      action: 'assessment_version.create',
      entity: 'assessment_version',
      entityId: id,
      summary: `${standard.name} v${version}`,
      after: { standardId, version, copiedFromId: source?.id ?? null, notes: body.notes ?? null },
    });
    return id;
  });
  return getVersion(db, auth, id);
}

/** Copies every dimension and measure of one version into another, in order. */
async function copyContent(db: Db, fromId: number, toId: number) {
  const measures = await repo.listMeasures(db, fromId);
  for (const d of await repo.listDimensions(db, fromId)) {
    const dimensionId = await repo.insertDimension(db, {
      version_id: toId,
      sort_order: d.sort_order,
      code: d.code,
      title: d.title,
    });
    for (const m of measures.filter((x) => x.dimension_id === d.id)) {
      await repo.insertMeasure(db, {
        dimension_id: dimensionId,
        sort_order: m.sort_order,
        code: m.code,
        text: m.text,
        evidence: m.evidence,
        evidence_kinds: m.evidence_kinds,
        rule: m.rule,
        weight: m.weight,
        remarks: m.remarks,
      });
    }
  }
}

/**
 * Runs a change to a draft's content in one transaction: the version's state is read inside it, so a
 * publish or a freeze cannot slip in between the check and the write.
 */
async function editDraft<T>(
  db: Db,
  auth: Auth,
  versionId: number,
  work: (trx: Db, v: repo.VersionRecord) => Promise<T>,
): Promise<T> {
  requireAuthor(auth);
  return db.transaction().execute(async (trx) => {
    const v = await loadVersion(trx, versionId);
    checkDraft(v);
    const result = await work(trx, v);
    await repo.updateVersion(trx, versionId, { updated_at: now() });
    return result;
  });
}

/** Changes a draft's notes. */
export async function updateVersion(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateVersionBody) {
  await editDraft(db, auth, id, async (trx, v) => {
    await repo.updateVersion(trx, id, { notes: body.notes });
    await recordAudit(trx, actor, {
      action: 'assessment_version.update',
      entity: 'assessment_version',
      entityId: id,
      before: { notes: v.notes },
      after: { notes: body.notes },
    });
  });
  return getVersion(db, auth, id);
}

/** Deletes a draft (a published or frozen version stays: rounds may point at it). */
export async function deleteVersion(db: Db, auth: Auth, actor: Actor, id: number) {
  await editDraft(db, auth, id, async (trx, v) => {
    await recordAudit(trx, actor, {
      action: 'assessment_version.delete',
      entity: 'assessment_version',
      entityId: id,
      summary: `${v.standard_name} v${v.version}`,
      before: { version: v.version, notes: v.notes },
    });
    await repo.deleteVersion(trx, id);
  });
}

// ---- dimensions ----

async function loadDimension(db: Db, id: number) {
  const row = await repo.findDimension(db, id);
  if (!row) throw new AppError('assessment.dimension_not_found');
  return row;
}

/** Adds a dimension at the end of a draft. */
export async function addDimension(
  db: Db,
  auth: Auth,
  actor: Actor,
  versionId: number,
  body: CreateDimensionBody,
) {
  await editDraft(db, auth, versionId, async (trx) => {
    const row = {
      version_id: versionId,
      sort_order: await repo.nextDimensionOrder(trx, versionId),
      code: body.code.trim(),
      title: body.title.trim(),
    };
    const id = await repo.insertDimension(trx, row);
    await recordAudit(trx, actor, {
      action: 'assessment_dimension.create',
      entity: 'assessment_version',
      entityId: versionId,
      summary: `${row.code} ${row.title}`,
      after: { id, code: row.code, title: row.title },
    });
  });
  return getVersion(db, auth, versionId);
}

/** Changes a draft's dimension. */
export async function updateDimension(
  db: Db,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateDimensionBody,
) {
  const d = await loadDimension(db, id);
  await editDraft(db, auth, d.version_id, async (trx) => {
    const next = { code: body.code?.trim() ?? d.code, title: body.title?.trim() ?? d.title };
    await repo.updateDimension(trx, id, next);
    await recordAudit(trx, actor, {
      action: 'assessment_dimension.update',
      entity: 'assessment_version',
      entityId: d.version_id,
      summary: `${next.code} ${next.title}`,
      before: { id, code: d.code, title: d.title },
      after: { id, ...next },
    });
  });
  return getVersion(db, auth, d.version_id);
}

/** Deletes a draft's dimension with its measures. */
export async function deleteDimension(db: Db, auth: Auth, actor: Actor, id: number) {
  const d = await loadDimension(db, id);
  await editDraft(db, auth, d.version_id, async (trx) => {
    await repo.deleteDimension(trx, id);
    await recordAudit(trx, actor, {
      action: 'assessment_dimension.delete',
      entity: 'assessment_version',
      entityId: d.version_id,
      summary: `${d.code} ${d.title}`,
      before: { id, code: d.code, title: d.title },
    });
  });
  return getVersion(db, auth, d.version_id);
}

// ---- measures ----

/** A scored measure carries 1–100 points; a must-pass one carries none. */
function checkWeight(rule: string, weight: number, field = 'weight') {
  if (rule === 'scored' && weight < 1) {
    throw new AppError('validation', [
      fieldProblem(
        field,
        'scored_weight',
        '计分项的分值须为1至100分',
        'A scored measure carries 1 to 100 points',
      ),
    ]);
  }
  if (rule === 'required' && weight !== 0) {
    throw new AppError('validation', [
      fieldProblem(
        field,
        'required_weight',
        '必达项不计分，分值须为0',
        'A must-pass measure carries no points (0)',
      ),
    ]);
  }
}

function measureSnapshot(m: {
  code: string;
  text: string;
  evidence: string;
  evidence_kinds: string;
  rule: string;
  weight: number;
  remarks: string | null;
}) {
  return {
    code: m.code,
    text: m.text,
    evidence: m.evidence,
    evidenceKinds: JSON.parse(m.evidence_kinds),
    rule: m.rule,
    weight: m.weight,
    remarks: m.remarks,
  };
}

/** Adds a measure at the end of a draft's dimension. */
export async function addMeasure(
  db: Db,
  auth: Auth,
  actor: Actor,
  dimensionId: number,
  body: CreateMeasureBody,
) {
  const d = await loadDimension(db, dimensionId);
  checkWeight(body.rule, body.weight);
  await editDraft(db, auth, d.version_id, async (trx) => {
    const row = {
      dimension_id: dimensionId,
      sort_order: await repo.nextMeasureOrder(trx, dimensionId),
      code: body.code.trim(),
      text: body.text.trim(),
      evidence: body.evidence.trim(),
      evidence_kinds: JSON.stringify(body.evidenceKinds),
      rule: body.rule,
      weight: body.weight,
      remarks: body.remarks ?? null,
    };
    const id = await repo.insertMeasure(trx, row);
    await recordAudit(trx, actor, {
      action: 'assessment_measure.create',
      entity: 'assessment_version',
      entityId: d.version_id,
      summary: row.code,
      after: { id, ...measureSnapshot(row) },
    });
  });
  return getVersion(db, auth, d.version_id);
}

async function loadMeasure(db: Db, id: number) {
  const row = await repo.findMeasure(db, id);
  if (!row) throw new AppError('assessment.measure_not_found');
  return row;
}

/** Changes a draft's measure. */
export async function updateMeasure(db: Db, auth: Auth, actor: Actor, id: number, body: UpdateMeasureBody) {
  const m = await loadMeasure(db, id);
  const next = {
    code: body.code?.trim() ?? m.code,
    text: body.text?.trim() ?? m.text,
    evidence: body.evidence?.trim() ?? m.evidence,
    evidence_kinds: body.evidenceKinds ? JSON.stringify(body.evidenceKinds) : m.evidence_kinds,
    rule: body.rule ?? m.rule,
    weight: body.weight ?? m.weight,
    remarks: body.remarks !== undefined ? body.remarks : m.remarks,
  };
  checkWeight(next.rule, next.weight);
  await editDraft(db, auth, m.version_id, async (trx) => {
    await repo.updateMeasure(trx, id, next);
    await recordAudit(trx, actor, {
      action: 'assessment_measure.update',
      entity: 'assessment_version',
      entityId: m.version_id,
      summary: next.code,
      before: { id, ...measureSnapshot(m) },
      after: { id, ...measureSnapshot(next) },
    });
  });
  return getVersion(db, auth, m.version_id);
}

/** Deletes a draft's measure. */
export async function deleteMeasure(db: Db, auth: Auth, actor: Actor, id: number) {
  const m = await loadMeasure(db, id);
  await editDraft(db, auth, m.version_id, async (trx) => {
    await repo.deleteMeasure(trx, id);
    await recordAudit(trx, actor, {
      action: 'assessment_measure.delete',
      entity: 'assessment_version',
      entityId: m.version_id,
      summary: m.code,
      before: { id, ...measureSnapshot(m) },
    });
  });
  return getVersion(db, auth, m.version_id);
}

/**
 * Puts a draft's dimensions and measures in the given order; a measure listed under another dimension
 * moves there. The order must name every dimension and measure of the version exactly once.
 */
export async function reorder(db: Db, auth: Auth, actor: Actor, versionId: number, body: ReorderBody) {
  await editDraft(db, auth, versionId, async (trx) => {
    const dims = await repo.listDimensions(trx, versionId);
    const measures = await repo.listMeasures(trx, versionId);
    const dimIds = body.dimensions.map((d) => d.id);
    const measureIds = body.dimensions.flatMap((d) => d.measureIds);
    const same = (given: number[], actual: number[]) =>
      given.length === actual.length &&
      new Set(given).size === given.length &&
      given.every((id) => actual.includes(id));
    if (
      !same(
        dimIds,
        dims.map((d) => d.id),
      ) ||
      !same(
        measureIds,
        measures.map((m) => m.id),
      )
    ) {
      throw new AppError('assessment.order_mismatch');
    }
    for (const [i, d] of body.dimensions.entries()) {
      await repo.updateDimension(trx, d.id, { sort_order: i + 1 });
      for (const [j, mid] of d.measureIds.entries()) {
        await repo.updateMeasure(trx, mid, { dimension_id: d.id, sort_order: j + 1 });
      }
    }
    await recordAudit(trx, actor, {
      action: 'assessment_version.reorder',
      entity: 'assessment_version',
      entityId: versionId,
      before: dims.map((d) => ({
        id: d.id,
        measureIds: measures.filter((m) => m.dimension_id === d.id).map((m) => m.id),
      })),
      after: body.dimensions,
    });
  });
  return getVersion(db, auth, versionId);
}

// ---- publish, withdraw, freeze ----

/** What keeps a version from being published, each problem named (empty when it can be). */
export async function publishProblems(db: Db, versionId: number): Promise<FieldProblem[]> {
  const dims = await repo.listDimensions(db, versionId);
  const measures = await repo.listMeasures(db, versionId);
  const problems: FieldProblem[] = [];
  if (dims.length === 0) {
    problems.push(
      fieldProblem(
        'dimensions',
        'required',
        '至少需要一个考核维度',
        'At least one dimension is needed',
        'record',
      ),
    );
  }
  const seenDims = new Set<string>();
  for (const d of dims) {
    if (seenDims.has(d.code)) {
      problems.push(
        fieldProblem(
          `dimensions.${d.code}`,
          'duplicate_code',
          `维度编号“${d.code}”重复`,
          `Dimension code "${d.code}" is used twice`,
          'record',
        ),
      );
    }
    seenDims.add(d.code);
    if (!measures.some((m) => m.dimension_id === d.id)) {
      problems.push(
        fieldProblem(
          `dimensions.${d.code}`,
          'no_measures',
          `维度“${d.code} ${d.title}”下没有考核细则`,
          `Dimension "${d.code} ${d.title}" has no measures`,
          'record',
        ),
      );
    }
  }
  const seenMeasures = new Set<string>();
  let total = 0;
  for (const m of measures) {
    if (seenMeasures.has(m.code)) {
      problems.push(
        fieldProblem(
          `measures.${m.code}`,
          'duplicate_code',
          `细则编号“${m.code}”重复`,
          `Measure code "${m.code}" is used twice`,
          'record',
        ),
      );
    }
    seenMeasures.add(m.code);
    if ((m.rule === 'scored' && m.weight < 1) || (m.rule === 'required' && m.weight !== 0)) {
      problems.push(
        fieldProblem(
          `measures.${m.code}`,
          'weight',
          `细则“${m.code}”的分值与计分方式不符`,
          `Measure "${m.code}" has a weight that does not fit its rule`,
          'record',
        ),
      );
    }
    if (m.rule === 'scored') total += m.weight;
  }
  if (measures.some((m) => m.rule === 'scored') && total !== FULL_MARKS) {
    problems.push(
      fieldProblem(
        'weights',
        'total',
        `计分细则分值合计为${total}分，应为${FULL_MARKS}分`,
        `Scored measures total ${total} points; they must total ${FULL_MARKS}`,
        'record',
      ),
    );
  }
  return problems;
}

/** Publishes a complete draft: read-only from now on, selectable for rounds. */
export async function publishVersion(db: Db, auth: Auth, actor: Actor, id: number) {
  requireAuthor(auth);
  await db.transaction().execute(async (trx) => {
    const v = await loadVersion(trx, id);
    checkDraft(v);
    const problems = await publishProblems(trx, id);
    if (problems.length) throw new AppError('assessment.incomplete', problems);
    const at = now();
    await repo.updateVersion(trx, id, { status: 'published', published_at: at, updated_at: at });
    await recordAudit(trx, actor, {
      action: 'assessment_version.publish',
      entity: 'assessment_version',
      entityId: id,
      summary: `${v.standard_name} v${v.version}`,
      before: versionState(v),
      after: { status: 'published', publishedAt: at, frozenAt: null },
    });
  });
  return getVersion(db, auth, id);
}

/** Takes a published version that no round uses back to draft, to correct it. */
export async function withdrawVersion(db: Db, auth: Auth, actor: Actor, id: number) {
  requireAuthor(auth);
  await db.transaction().execute(async (trx) => {
    const v = await loadVersion(trx, id);
    if (v.status === 'frozen') throw new AppError('assessment.version_frozen');
    if (v.status !== 'published') throw new AppError('assessment.version_not_published');
    if (await repo.findDraft(trx, v.standard_id)) throw new AppError('assessment.draft_exists');
    const at = now();
    await repo.updateVersion(trx, id, { status: 'draft', published_at: null, updated_at: at });
    await recordAudit(trx, actor, {
      action: 'assessment_version.withdraw',
      entity: 'assessment_version',
      entityId: id,
      summary: `${v.standard_name} v${v.version}`,
      before: versionState(v),
      after: { status: 'draft', publishedAt: null, frozenAt: null },
    });
  });
  return getVersion(db, auth, id);
}

/**
 * Freezes a published version: rounds call this inside their own transaction when they start using
 * it. Freezing a frozen version does nothing; a draft cannot be frozen (publish it first).
 */
export async function freezeVersion(trx: Db, versionId: number, actor: Actor = SYSTEM): Promise<void> {
  const v = await loadVersion(trx, versionId);
  if (v.status === 'frozen') return;
  if (v.status !== 'published') throw new AppError('assessment.version_not_published');
  const at = now();
  await repo.updateVersion(trx, versionId, { status: 'frozen', frozen_at: at, updated_at: at });
  await recordAudit(trx, actor, {
    action: 'assessment_version.freeze',
    entity: 'assessment_version',
    entityId: versionId,
    summary: `${v.standard_name} v${v.version}`,
    before: versionState(v),
    after: { status: 'frozen', publishedAt: v.published_at, frozenAt: at },
  });
}

/** The administrators' explicit freeze (rounds freeze the version they use by themselves). */
export async function freezeByAdmin(db: Db, auth: Auth, actor: Actor, id: number) {
  requireAuthor(auth);
  await db.transaction().execute((trx) => freezeVersion(trx, id, actor));
  return getVersion(db, auth, id);
}
