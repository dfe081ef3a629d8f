import type { Insertable, Kysely, Updateable } from 'kysely';
import type {
  AssessmentDimensionsTable,
  AssessmentMeasuresTable,
  AssessmentStandardsTable,
  AssessmentStandardVersionsTable,
  Database,
} from '../../db/schema.ts';

type Conn = Kysely<Database>;

// ---- standards ----

export async function listStandards(db: Conn) {
  return db.selectFrom('assessment_standards').selectAll().orderBy('code').execute();
}

export async function findStandard(db: Conn, id: number) {
  return db.selectFrom('assessment_standards').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStandardByCode(db: Conn, code: string) {
  return db.selectFrom('assessment_standards').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertStandard(db: Conn, row: Insertable<AssessmentStandardsTable>) {
  const r = await db.insertInto('assessment_standards').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- versions ----

/** Versions with their dimension and measure counts, of some standards (all when none are given). */
export async function listVersions(db: Conn, standardIds?: number[]) {
  let q = db
    .selectFrom('assessment_standard_versions as v')
    .selectAll('v')
    .select((eb) => [
      eb
        .selectFrom('assessment_dimensions as d')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.version_id', '=', 'v.id')
        .as('dimension_count'),
      eb
        .selectFrom('assessment_measures as m')
        .innerJoin('assessment_dimensions as d', 'd.id', 'm.dimension_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('d.version_id', '=', 'v.id')
        .as('measure_count'),
    ]);
  if (standardIds) q = q.where('v.standard_id', 'in', standardIds.length ? standardIds : [0]);
  return q.orderBy('v.standard_id').orderBy('v.version').execute();
}

export type VersionCountsRow = Awaited<ReturnType<typeof listVersions>>[number];

export async function findVersion(db: Conn, id: number) {
  return db
    .selectFrom('assessment_standard_versions as v')
    .innerJoin('assessment_standards as s', 's.id', 'v.standard_id')
    .selectAll('v')
    .select(['s.code as standard_code', 's.name as standard_name'])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export type VersionRecord = NonNullable<Awaited<ReturnType<typeof findVersion>>>;

export async function findDraft(db: Conn, standardId: number) {
  return db
    .selectFrom('assessment_standard_versions')
    .select('id')
    .where('standard_id', '=', standardId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export async function lastVersionNumber(db: Conn, standardId: number) {
  const r = await db
    .selectFrom('assessment_standard_versions')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('standard_id', '=', standardId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertVersion(db: Conn, row: Insertable<AssessmentStandardVersionsTable>) {
  const r = await db
    .insertInto('assessment_standard_versions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateVersion(db: Conn, id: number, row: Updateable<AssessmentStandardVersionsTable>) {
  await db.updateTable('assessment_standard_versions').set(row).where('id', '=', id).execute();
}

/** Deletes a version with its dimensions and measures. */
export async function deleteVersion(db: Conn, id: number) {
  const dims = db.selectFrom('assessment_dimensions').select('id').where('version_id', '=', id);
  await db.deleteFrom('assessment_measures').where('dimension_id', 'in', dims).execute();
  await db.deleteFrom('assessment_dimensions').where('version_id', '=', id).execute();
  await db.deleteFrom('assessment_standard_versions').where('id', '=', id).execute();
}

// ---- dimensions and measures ----

export async function listDimensions(db: Conn, versionId: number) {
  return db
    .selectFrom('assessment_dimensions')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export async function listMeasures(db: Conn, versionId: number) {
  return db
    .selectFrom('assessment_measures as m')
    .innerJoin('assessment_dimensions as d', 'd.id', 'm.dimension_id')
    .selectAll('m')
    .where('d.version_id', '=', versionId)
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .orderBy('m.sort_order')
    .orderBy('m.id')
    .execute();
}

export async function findDimension(db: Conn, id: number) {
  return db.selectFrom('assessment_dimensions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMeasure(db: Conn, id: number) {
  return db
    .selectFrom('assessment_measures as m')
    .innerJoin('assessment_dimensions as d', 'd.id', 'm.dimension_id')
    .selectAll('m')
    .select('d.version_id')
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** The next sort position after the last dimension of a version, or the last measure of a dimension. */
export async function nextDimensionOrder(db: Conn, versionId: number) {
  const r = await db
    .selectFrom('assessment_dimensions')
    .select((eb) => eb.fn.max('sort_order').as('n'))
    .where('version_id', '=', versionId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function nextMeasureOrder(db: Conn, dimensionId: number) {
  const r = await db
    .selectFrom('assessment_measures')
    .select((eb) => eb.fn.max('sort_order').as('n'))
    .where('dimension_id', '=', dimensionId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertDimension(db: Conn, row: Insertable<AssessmentDimensionsTable>) {
  const r = await db
    .insertInto('assessment_dimensions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDimension(db: Conn, id: number, row: Updateable<AssessmentDimensionsTable>) {
  await db.updateTable('assessment_dimensions').set(row).where('id', '=', id).execute();
}

export async function deleteDimension(db: Conn, id: number) {
  await db.deleteFrom('assessment_measures').where('dimension_id', '=', id).execute();
  await db.deleteFrom('assessment_dimensions').where('id', '=', id).execute();
}

export async function insertMeasure(db: Conn, row: Insertable<AssessmentMeasuresTable>) {
  const r = await db.insertInto('assessment_measures').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateMeasure(db: Conn, id: number, row: Updateable<AssessmentMeasuresTable>) {
  await db.updateTable('assessment_measures').set(row).where('id', '=', id).execute();
}

export async function deleteMeasure(db: Conn, id: number) {
  await db.deleteFrom('assessment_measures').where('id', '=', id).execute();
}

export type MeasureRow = Awaited<ReturnType<typeof listMeasures>>[number];
