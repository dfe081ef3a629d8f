import { Type } from 'typebox';
import type { RouteAccess } from '../../platform/access/permissions.ts';
import { registerAttachments } from '../../platform/files/attachments.routes.ts';
import type { FileStore } from '../../platform/files/files.ts';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { exportPosts } from './learning.export.ts';
import {
  CreatePostBody,
  ExportPostsQuery,
  ListPostsQuery,
  PostPageSchema,
  PostReadBody,
  PostReadSchema,
  PostSchema,
  UpdatePostBody,
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

  registerAttachments(app, files, {
    ...service.postFiles,
    path: `${base}/:id/files`,
    tags,
    access: { read: 'learning:read', write: 'learning:post' },
    what: 'a post (photos and attachments, added and taken off while it is published)',
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
