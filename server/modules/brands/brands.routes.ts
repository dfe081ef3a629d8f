import { Type } from 'typebox';
import { registerAttachments } from '../../platform/files/attachments.routes.ts';
import type { FileStore } from '../../platform/files/files.ts';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { TransitionBody, WorkflowHistorySchema } from '../../platform/workflow/workflow.schema.ts';
import * as exports from './brands.export.ts';
import {
  AwardPageSchema,
  AwardParams,
  BrandPageSchema,
  BrandSchema,
  BrandSystemSchema,
  CreateAwardBody,
  CreateBrandBody,
  CreateBrandSystemBody,
  CreateInspectionBody,
  CreateReviewBody,
  ExportAwardsQuery,
  ExportBrandsQuery,
  ListAwardsQuery,
  ListBrandsQuery,
  TransitionParams,
  UpdateBrandBody,
  UpdateBrandSystemBody,
} from './brands.schema.ts';
import * as service from './brands.service.ts';

/** What the brands' routes are given by app.ts. */
export interface BrandsRoutesOptions {
  files: FileStore;
}

/**
 * Party-building brands (党建品牌): the city's umbrella brand; a branch's application (submit, approve or
 * return) and its three-year cycle; yearly reviews (复核) and inspections (调研检查); the yearly
 * selections (十佳, 优秀) with their exhibition, and provincial innovation cases.
 */
export default async function brandsRoutes(app: App, { files }: BrandsRoutesOptions) {
  const tags = ['brands'];

  // ---- the umbrella brand (品牌体系) ----

  app.get('/api/brands/systems', {
    schema: {
      tags,
      summary: "The city's umbrella brands, with how many approved brands of your scope belong to each",
      response: { 200: Type.Array(BrandSystemSchema), ...errorResponses },
    },
    config: { access: 'brands:read' },
    handler: async (req) => service.listSystems(app.db, authOf(req)),
  });

  app.post('/api/brands/systems', {
    schema: {
      tags,
      summary: 'Create the umbrella brand (city staff with a city-wide scope)',
      body: CreateBrandSystemBody,
      response: { 201: BrandSystemSchema, ...errorResponses },
    },
    config: { access: 'brands:approve' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createSystem(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.patch('/api/brands/systems/:id', {
    schema: {
      tags,
      summary: "Change the umbrella brand's name or description (city staff with a city-wide scope)",
      params: IdParams,
      body: UpdateBrandSystemBody,
      response: { 200: BrandSystemSchema, ...errorResponses },
    },
    config: { access: 'brands:approve' },
    handler: async (req) => service.updateSystem(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  // ---- lists ----

  app.get('/api/brands', {
    schema: {
      tags,
      summary:
        'Brands in your scope: filter by status, org subtree, branch, year of cycle, overdue review; sort; page',
      querystring: ListBrandsQuery,
      response: { 200: BrandPageSchema, ...errorResponses },
    },
    config: { access: 'brands:read' },
    handler: async (req) => service.listBrands(app.db, authOf(req), req.query),
  });

  app.get('/api/brands/export', {
    schema: {
      tags,
      summary: 'The filtered brand list as .xlsx',
      querystring: ExportBrandsQuery,
      response: errorResponses,
    },
    config: { access: 'brands:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportBrands(exportCaller(app, req), req.query)),
  });

  // ---- selections and provincial cases ----

  app.get('/api/brands/awards', {
    schema: {
      tags,
      summary: 'Selections (十佳, 优秀) and provincial cases in your scope, by year and kind',
      querystring: ListAwardsQuery,
      response: { 200: AwardPageSchema, ...errorResponses },
    },
    config: { access: 'brands:read' },
    handler: async (req) => service.listAwards(app.db, authOf(req), req.query),
  });

  app.get('/api/brands/awards/export', {
    schema: {
      tags,
      summary: 'The filtered selections as .xlsx',
      querystring: ExportAwardsQuery,
      response: errorResponses,
    },
    config: { access: 'brands:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportAwards(exportCaller(app, req), req.query)),
  });

  app.delete('/api/brands/awards/:awardId', {
    schema: {
      tags,
      summary: 'Take back a selection entered by mistake',
      params: AwardParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'brands:approve' },
    handler: async (req, reply) => {
      await service.deleteAward(app.db, authOf(req), actorOf(req), req.params.awardId);
      return reply.code(204).send(null);
    },
  });

  // ---- one brand ----

  app.post('/api/brands', {
    schema: {
      tags,
      summary:
        "Draft a branch's brand application (name, idea, practices, results); one live brand per branch",
      body: CreateBrandBody,
      response: { 201: BrandSchema, ...errorResponses },
    },
    config: { access: 'brands:apply' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createBrand(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get('/api/brands/:id', {
    schema: {
      tags,
      summary:
        'One brand: application, cycle and review schedule, reviews, inspections, selections, files, your actions',
      params: IdParams,
      response: { 200: BrandSchema, ...errorResponses },
    },
    config: { access: 'brands:read' },
    handler: async (req) => service.getBrand(app.db, authOf(req), req.params.id),
  });

  app.patch('/api/brands/:id', {
    schema: {
      tags,
      summary: 'Change a draft or returned application',
      params: IdParams,
      body: UpdateBrandBody,
      response: { 200: BrandSchema, ...errorResponses },
    },
    config: { access: 'brands:apply' },
    handler: async (req) => service.updateBrand(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/brands/:id', {
    schema: {
      tags,
      summary: 'Delete a draft or returned first application entered by mistake',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'brands:apply' },
    handler: async (req, reply) => {
      await service.deleteBrand(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/brands/:id/transitions/:action', {
    schema: {
      tags,
      summary:
        'Take an application step: submit or reapply (brands:apply, the branch itself), approve or return with a comment (brands:approve, the level above)',
      params: TransitionParams,
      body: TransitionBody,
      response: { 200: BrandSchema, ...errorResponses },
    },
    // Each step asks for its own permission, checked by the workflow; anyone who may see brands may ask
    // and learns why when refused.
    config: { access: 'brands:read' },
    handler: async (req) =>
      service.transitionBrand(
        app.db,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.params.action,
        req.body?.comment,
      ),
  });

  app.get('/api/brands/:id/history', {
    schema: {
      tags,
      summary: "A brand's application timeline, oldest first",
      params: IdParams,
      response: { 200: WorkflowHistorySchema, ...errorResponses },
    },
    config: { access: 'brands:read' },
    handler: async (req) => service.brandHistory(app.db, authOf(req), req.params.id),
  });

  // ---- reviews, inspections, selections of one brand ----

  app.post('/api/brands/:id/reviews', {
    schema: {
      tags,
      summary:
        "Record the cycle's next yearly review (复核): pass, improve with a deadline, or withdraw with a reason (city only)",
      params: IdParams,
      body: CreateReviewBody,
      response: { 201: BrandSchema, ...errorResponses },
    },
    config: { access: 'brands:review' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.addReview(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.post('/api/brands/:id/inspections', {
    schema: {
      tags,
      summary: 'Record an inspection visit (调研检查) of an approved brand',
      params: IdParams,
      body: CreateInspectionBody,
      response: { 201: BrandSchema, ...errorResponses },
    },
    config: { access: 'brands:review' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.addInspection(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.post('/api/brands/:id/awards', {
    schema: {
      tags,
      summary: 'Select the brand for a year: top ten (at most ten a year), excellent, or a provincial case',
      params: IdParams,
      body: CreateAwardBody,
      response: { 201: BrandSchema, ...errorResponses },
    },
    config: { access: 'brands:approve' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.addAward(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  // ---- attachments ----

  registerAttachments(app, files, {
    ...service.brandFiles,
    path: '/api/brands/:id/files',
    tags,
    access: { read: 'brands:read', write: 'brands:apply' },
    what: 'a brand (added and taken off while its application is a draft or returned)',
  });
}
