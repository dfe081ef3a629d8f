import { Type } from 'typebox';
import type { RouteAccess } from '../../platform/access/permissions.ts';
import type { FileStore } from '../../platform/files/files.ts';
import { exportCaller, readUpload, sendStoredFile, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { exportPosts } from './learning.export.ts';
import {
  CreatePostBody,
  ExportPostsQuery,
  ListPostsQuery,
  PostFileParams,
  PostFileSchema,
  PostPageSchema,
  PostReadBody,
  PostReadSchema,
  PostSchema,
  UpdatePostBody,
  UploadPostFileQuery,
  WithdrawPostBody,
} from './posts.schema.ts';
import * as service from './posts.service.ts';

/** What the posts' routes are given by app.ts. */
export interface PostsRoutesOptions {
  files: FileStore;
}

/**
 * The online party branch (网上党支部): a branch's secretary (or staff above it) posts to its members;
 * city and county staff post to every branch of an org in their scope. Posts carry photos and
 * attachments, may be pinned, withdrawn with a reason and published again, and count who has read them.
 */
export default async function postsRoutes(app: App, { files }: PostsRoutesOptions) {
  const tags = ['learning-posts'];
  const base = '/api/learning/posts';
  const read: { access: RouteAccess } = { access: 'learning:read' };
  const post: { access: RouteAccess } = { access: 'learning:post' };

  app.get(base, {
    schema: {
      tags,
      summary:
        "Posts in scope and those addressed to it from above, or one branch's feed (branchId); pinned first",
      querystring: ListPostsQuery,
      response: { 200: PostPageSchema, ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listPosts(app.db, authOf(req), req.query),
  });

  app.get(`${base}/export`, {
    schema: {
      tags,
      summary: 'The filtered posts as .xlsx',
      querystring: ExportPostsQuery,
      response: errorResponses,
    },
    config: read,
    handler: async (req, reply) => sendXlsx(reply, await exportPosts(exportCaller(app, req), req.query)),
  });

  app.post(base, {
    schema: {
      tags,
      summary:
        "Post to one branch's members (branchId), or to every branch of an org (orgId; city and county staff)",
      body: CreatePostBody,
      response: { 201: PostSchema, ...errorResponses },
    },
    config: post,
    handler: async (req, reply) => {
      reply.code(201);
      return service.createPost(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get(`${base}/:id`, {
    schema: { tags, summary: 'A post', params: IdParams, response: { 200: PostSchema, ...errorResponses } },
    config: read,
    handler: async (req) => service.getPost(app.db, authOf(req), req.params.id),
  });

  app.patch(`${base}/:id`, {
    schema: {
      tags,
      summary: "Change a published post's title, body, format or pin",
      params: IdParams,
      body: UpdatePostBody,
      response: { 200: PostSchema, ...errorResponses },
    },
    config: post,
    handler: async (req) => service.updatePost(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/:id/withdraw`, {
    schema: {
      tags,
      summary: 'Withdraw a post (撤回), giving the reason',
      params: IdParams,
      body: WithdrawPostBody,
      response: { 200: PostSchema, ...errorResponses },
    },
    config: post,
    handler: async (req) => service.withdrawPost(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.post(`${base}/:id/republish`, {
    schema: {
      tags,
      summary: 'Publish a withdrawn post again',
      params: IdParams,
      response: { 200: PostSchema, ...errorResponses },
    },
    config: post,
    handler: async (req) => service.republishPost(app.db, authOf(req), actorOf(req), req.params.id),
  });

  app.post(`${base}/:id/files`, {
    schema: {
      tags,
      summary:
        'Add a photo (JPEG, PNG or WebP, up to 10 MB) or an attachment (those, PDF or Word .docx, up to 20 MB) to a published post',
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: UploadPostFileQuery,
      response: { 201: PostFileSchema, ...errorResponses },
    },
    config: post,
    handler: async (req, reply) => {
      const auth = authOf(req);
      await service.checkCanAttach(app.db, auth, req.params.id);
      const upload = await readUpload(req);
      reply.code(201);
      return service.addPostFile(app.db, files, auth, actorOf(req), req.params.id, upload, req.query);
    },
  });

  app.get(`${base}/:id/files/:fileId`, {
    schema: { tags, summary: 'Download a photo or attachment of a post', params: PostFileParams },
    config: read,
    handler: async (req, reply) => {
      const file = await service.postFile(app.db, authOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, files, file);
    },
  });

  app.delete(`${base}/:id/files/:fileId`, {
    schema: {
      tags,
      summary: 'Take a photo or attachment off a published post',
      params: PostFileParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: post,
    handler: async (req, reply) => {
      await service.removePostFile(app.db, authOf(req), actorOf(req), req.params.id, req.params.fileId);
      return reply.code(204).send(null);
    },
  });

  app.get(`${base}/:id/reads`, {
    schema: {
      tags,
      summary: 'Who has read a post (已读)',
      params: IdParams,
      response: { 200: Type.Array(PostReadSchema), ...errorResponses },
    },
    config: read,
    handler: async (req) => service.listReads(app.db, authOf(req), req.params.id),
  });

  app.post(`${base}/:id/reads`, {
    schema: {
      tags,
      summary: 'Record that a member of a branch addressed has read a published post',
      params: IdParams,
      body: PostReadBody,
      response: { 201: Type.Array(PostReadSchema), ...errorResponses },
    },
    config: post,
    handler: async (req, reply) => {
      reply.code(201);
      return service.addRead(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });
}
