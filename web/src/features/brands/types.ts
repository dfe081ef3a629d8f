import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';

/*
 * The brands' API types (server/modules/brands/brands.schema.ts), from the generated schema.
 */

export type Brand = ResponseBody<'/api/brands/{id}', 'get'>;
export type BrandSummary = ResponseBody<'/api/brands', 'get'>['items'][number];
export type BrandStatus = Brand['status'];
export type BrandReview = Brand['reviews'][number];
export type BrandInspection = Brand['inspections'][number];
export type ScheduleYear = Brand['schedule'][number];
export type BrandAward = ResponseBody<'/api/brands/awards', 'get'>['items'][number];
export type AwardKind = BrandAward['kind'];
export type BrandSystem = ResponseBody<'/api/brands/systems', 'get'>[number];
export type ListBrandsQuery = QueryParams<'/api/brands', 'get'>;
export type BrandSort = NonNullable<ListBrandsQuery['sort']>;
export type ListAwardsQuery = QueryParams<'/api/brands/awards', 'get'>;
export type CreateBrandBody = RequestBody<'/api/brands', 'post'>;
export type UpdateBrandBody = RequestBody<'/api/brands/{id}', 'patch'>;
export type CreateReviewBody = RequestBody<'/api/brands/{id}/reviews', 'post'>;
export type CreateInspectionBody = RequestBody<'/api/brands/{id}/inspections', 'post'>;
export type CreateAwardBody = RequestBody<'/api/brands/{id}/awards', 'post'>;
export type CreateBrandSystemBody = RequestBody<'/api/brands/systems', 'post'>;
export type BrandAction = Brand['actions'][number];
