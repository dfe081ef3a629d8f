import type { RequestBody, ResponseBody } from '../../api/types';

/*
 * The assessment standards' API types (server/modules/assessments/assessments.schema.ts), from the
 * generated schema.
 */

export type Standard = ResponseBody<'/api/assessments/standards', 'get'>[number];
export type VersionSummary = Standard['versions'][number];
export type VersionStatus = VersionSummary['status'];
export type Version = ResponseBody<'/api/assessments/standards/versions/{id}', 'get'>;
export type Dimension = Version['dimensions'][number];
export type Measure = Dimension['measures'][number];
export type MeasureRule = Measure['rule'];
export type EvidenceKind = Measure['evidenceKinds'][number];
export type CreateStandardBody = RequestBody<'/api/assessments/standards', 'post'>;
export type CreateVersionBody = RequestBody<'/api/assessments/standards/{id}/versions', 'post'>;
export type CreateDimensionBody = RequestBody<'/api/assessments/standards/versions/{id}/dimensions', 'post'>;
export type UpdateDimensionBody = RequestBody<'/api/assessments/standards/dimensions/{id}', 'patch'>;
export type CreateMeasureBody = RequestBody<'/api/assessments/standards/dimensions/{id}/measures', 'post'>;
export type UpdateMeasureBody = RequestBody<'/api/assessments/standards/measures/{id}', 'patch'>;
export type ReorderBody = RequestBody<'/api/assessments/standards/versions/{id}/order', 'put'>;
