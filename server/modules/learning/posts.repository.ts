import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, LearningPostsTable } from '../../db/schema.ts';
import { inScope, type Scope } from '../../platform/access/scope.ts';
import { keywordMatch } from '../../platform/lists/keyword.ts';
import { type PageRequest, pageOf } from '../../platform/lists/page.ts';
import { type SortKey, sortBy } from '../../platform/lists/sort.ts';
import type { PostSortField, PostState } from './posts.schema.ts';

type Conn = Kysely<Database>;

/** Which posts a list covers: those written inside a scope, or a branch's feed, and the filters. */
export interface PostFilter {
  /** posts whose org lies inside this subtree (the caller's scope, or an org filter inside it) */
  scope: Scope | null;
  /** posts to every branch of one of these orgs (the orgs above the caller or the branch) count too */
  fromAbove: number[];
  /** a branch's feed: only the posts to this branch, plus those from above */
  branchId?: number;
  keyword?: string;
  state?: PostState;
  audience?: 'branch' | 'org';
  pinned?: boolean;
  /** [from, to) instants */
  publishedIn?: [string, string];
}

function postsQuery(db: Conn) {
  return db
    .selectFrom('learning_posts as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .leftJoin('branches as b', 'b.id', 'p.branch_id')
    .selectAll('p')
    .select(['o.name as org_name', 'o.path as org_path', 'b.name as branch_name'])
    .select((eb) =>
      eb
        .selectFrom('learning_post_reads as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.post_id', '=', 'p.id')
        .as('reads'),
    );
}

export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

/** One post, whatever its scope: the service decides who may see it. */
export async function findPost(db: Conn, id: number) {
  return postsQuery(db).where('p.id', '=', id).executeTakeFirst();
}

function filtered(db: Conn, f: PostFilter) {
  let q = db.selectFrom('learning_posts as p').where((eb) => {
    const above =
      f.fromAbove.length > 0
        ? eb.and([eb('p.branch_id', 'is', null), eb('p.org_id', 'in', f.fromAbove)])
        : null;
    const own =
      f.branchId !== undefined ? eb('p.branch_id', '=', f.branchId) : inScope(eb, 'p.org_id', f.scope);
    return above ? eb.or([own, above]) : own;
  });
  if (f.keyword) q = q.where(keywordMatch(db, f.keyword, { contains: ['p.title', 'p.body'] }));
  if (f.state) q = q.where('p.state', '=', f.state);
  if (f.audience === 'branch') q = q.where('p.branch_id', 'is not', null);
  if (f.audience === 'org') q = q.where('p.branch_id', 'is', null);
  if (f.pinned !== undefined) q = q.where('p.pinned', '=', f.pinned ? 1 : 0);
  if (f.publishedIn) {
    q = q.where('p.published_at', '>=', f.publishedIn[0]).where('p.published_at', '<', f.publishedIn[1]);
  }
  return q;
}

const POST_COLUMNS = { publishedAt: 'p.published_at', title: 'p.title', id: 'p.id' } as const;

/** A page of posts, pinned ones first, then by the sort asked for. */
export async function listPosts(db: Conn, f: PostFilter, sort: SortKey<PostSortField>, page: PageRequest) {
  const ids = filtered(db, f).select('p.id');
  return pageOf(db, sorted(postsQuery(db).where('p.id', 'in', ids), sort), page, ids);
}

/** Every post of a filter (an export: a branch posts a few a month). */
export async function listAllPosts(db: Conn, f: PostFilter, sort: SortKey<PostSortField>) {
  return sorted(postsQuery(db).where('p.id', 'in', filtered(db, f).select('p.id')), sort).execute();
}

const sorted = (q: ReturnType<typeof postsQuery>, sort: SortKey<PostSortField>) =>
  sortBy(q.orderBy('p.pinned', 'desc'), sort, POST_COLUMNS, 'p.id');

export async function insertPost(db: Conn, row: Insertable<LearningPostsTable>) {
  const r = await db.insertInto('learning_posts').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePost(db: Conn, id: number, row: Updateable<LearningPostsTable>) {
  await db.updateTable('learning_posts').set(row).where('id', '=', id).execute();
}

export async function listReads(db: Conn, postId: number) {
  return db
    .selectFrom('learning_post_reads')
    .select(['cadre_id', 'read_at'])
    .where('post_id', '=', postId)
    .orderBy('read_at')
    .orderBy('id')
    .execute();
}

export async function insertRead(db: Conn, postId: number, cadreId: number, at: string) {
  await db
    .insertInto('learning_post_reads')
    .values({ post_id: postId, cadre_id: cadreId, read_at: at })
    .execute();
}

// ---- bulk (demo data) ----

/** Writes posts a chunk at a time and answers their ids in order. */
export async function insertPosts(db: Conn, rows: Insertable<LearningPostsTable>[]) {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const written = await db
      .insertInto('learning_posts')
      .values(rows.slice(i, i + 200))
      .returning('id')
      .execute();
    ids.push(...written.map((r) => r.id));
  }
  return ids;
}

export async function insertReads(db: Conn, rows: { post_id: number; cadre_id: number; read_at: string }[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('learning_post_reads')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}
