import { type Static, Type } from 'typebox';
import { AttachmentSchema } from '../../platform/files/attachments.schema.ts';
import { Instant, Nullable, PageOf } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';

const Id = Type.Integer({ minimum: 1 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** How a post's body is written: plain text, or limited markdown kept as text and rendered safely. */
export const PostFormat = Type.Union([Type.Literal('text'), Type.Literal('markdown')]);
export type PostFormat = Static<typeof PostFormat>;

/** published, or withdrawn (已撤回) by its branch or the level above. */
export const PostState = Type.Union([Type.Literal('published'), Type.Literal('withdrawn')]);
export type PostState = Static<typeof PostState>;

/** A post of the online party branch (网上党支部). */
export const PostSchema = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer({ description: "the branch's org, or the org whose branches all receive the post" }),
  orgName: Type.String(),
  branchId: Nullable(Type.Integer({ description: 'the branch addressed; null for every branch of the org' })),
  branchName: Nullable(Type.String()),
  title: Type.String(),
  body: Type.String(),
  format: PostFormat,
  pinned: Type.Boolean({ description: 'kept at the top (置顶)' }),
  state: PostState,
  publishedAt: Instant,
  withdrawnAt: Nullable(Instant),
  withdrawReason: Nullable(Type.String()),
  authorName: Type.String(),
  reads: Type.Integer({ description: 'members recorded as having read it (已读人数)' }),
  files: Type.Array(AttachmentSchema),
  manageable: Type.Boolean({
    description: "inside the caller's scope: false for a post addressed to the caller from a level above",
  }),
});
export type Post = Static<typeof PostSchema>;
export const PostPageSchema = PageOf(PostSchema);

export const POST_SORT_FIELDS = ['publishedAt', 'title', 'id'] as const;
export type PostSortField = (typeof POST_SORT_FIELDS)[number];

const postFilters = {
  keyword: Type.Optional(Type.String({ maxLength: 50, description: 'part of the title or body' })),
  /** a branch's feed: the posts to the branch and those to every branch of an org above it */
  branchId: Type.Optional(Id),
  /** posts written within this org's subtree */
  orgId: Type.Optional(Id),
  state: Type.Optional(PostState),
  /** branch: to one branch; org: to every branch of an org */
  audience: Type.Optional(Type.Union([Type.Literal('branch'), Type.Literal('org')])),
  pinned: Type.Optional(Type.Boolean()),
  /** the year of publication (China time) */
  year: Type.Optional(Year),
  sort: Type.Optional(SortParam(POST_SORT_FIELDS)),
};

export const ListPostsQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  ...postFilters,
});
export type ListPostsQuery = Static<typeof ListPostsQuery>;
export const ExportPostsQuery = Type.Object(postFilters);
export type ExportPostsQuery = Static<typeof ExportPostsQuery>;

const PostTitle = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const PostBody = Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' });

export const CreatePostBody = Type.Object({
  /** to one branch's members… */
  branchId: Type.Optional(Id),
  /** …or to every branch in this org's subtree (city and county staff) */
  orgId: Type.Optional(Id),
  title: PostTitle,
  body: PostBody,
  format: Type.Optional(PostFormat),
  pinned: Type.Optional(Type.Boolean()),
});
export type CreatePostBody = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Partial(
  Type.Object({ title: PostTitle, body: PostBody, format: PostFormat, pinned: Type.Boolean() }),
);
export type UpdatePostBody = Static<typeof UpdatePostBody>;

export const WithdrawPostBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'why (撤回原因)' }),
});
export type WithdrawPostBody = Static<typeof WithdrawPostBody>;

export const PostReadSchema = Type.Object({
  cadreId: Type.Integer(),
  cadreName: Type.String(),
  readAt: Instant,
});
export type PostRead = Static<typeof PostReadSchema>;
export const PostReadBody = Type.Object({ cadreId: Id });
export type PostReadBody = Static<typeof PostReadBody>;
