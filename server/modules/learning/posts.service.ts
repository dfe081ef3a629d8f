import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError } from '../../errors.ts';
import { narrowest, pathInScope, type Scope } from '../../platform/access/scope.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type AttachmentSpec, attachmentsOfMany } from '../../platform/files/attachments.service.ts';
import type { Auth } from '../../platform/http/types.ts';
import { cadreMemberships, listMembers } from '../branches/branches.memberships.ts';
import { loadBranch, loadWorkingBranch } from '../branches/branches.service.ts';
import { cadreSummaries, cadreSummary } from '../cadres/cadres.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import * as repo from './posts.repository.ts';
import type {
  CreatePostBody,
  ExportPostsQuery,
  ListPostsQuery,
  Post,
  PostRead,
  PostReadBody,
  UpdatePostBody,
  WithdrawPostBody,
} from './posts.schema.ts';

const now = () => new Date().toISOString();

/** The ids of the orgs on a materialised path ('/1/5/9/' → [1, 5, 9]). */
const idsOnPath = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The orgs strictly above the caller's own: their posts to every branch below reach the caller. */
const orgsAbove = (scope: Scope | null) => (scope ? idsOnPath(scope.path).slice(0, -1) : []);

/** The first instant of a year in China (UTC+8), so the year filter follows the bureau's calendar. */
const yearStart = (year: number) => `${year - 1}-12-31T16:00:00.000Z`;

/** The post is written inside the caller's scope (not merely addressed to it from above). */
const isOwn = (row: repo.PostRow, auth: Auth) => pathInScope(row.org_path, auth.scope);

/** A post to every branch of an org above the caller reaches the caller's branches. */
const reachesCaller = (row: repo.PostRow, auth: Auth) =>
  row.branch_id === null && auth.scope !== null && auth.scope.path.startsWith(row.org_path);

/** Only who may post to a whole org subtree (city and county staff) keeps such a post. */
const mayManage = (row: repo.PostRow, auth: Auth) =>
  isOwn(row, auth) &&
  auth.permissions.has('learning:post') &&
  (row.branch_id !== null || auth.permissions.has('learning:write'));

async function toPosts(db: Db, auth: Auth, rows: repo.PostRow[]): Promise<Post[]> {
  const files = await attachmentsOfMany(
    db,
    postFiles.recordType,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    branchId: r.branch_id,
    branchName: r.branch_name,
    title: r.title,
    body: r.body,
    format: r.format,
    pinned: Number(r.pinned) === 1,
    state: r.state,
    publishedAt: r.published_at,
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
    authorName: r.author_name,
    reads: Number(r.reads ?? 0),
    files: files.get(r.id) ?? [],
    manageable: mayManage(r, auth),
  }));
}

/** A post the caller may read: written in their scope, or addressed to their branches from above. */
async function loadVisiblePost(db: Db, auth: Auth, id: number) {
  const row = await repo.findPost(db, id);
  if (!row || !(isOwn(row, auth) || reachesCaller(row, auth))) throw new AppError('learning.post_not_found');
  return row;
}

/** A post the caller may change: written in their scope, and to an org subtree only by its staff. */
async function loadManagedPost(db: Db, auth: Auth, id: number) {
  const row = await loadVisiblePost(db, auth, id);
  if (!isOwn(row, auth)) throw new AppError('auth.forbidden');
  if (!mayManage(row, auth)) throw new AppError('learning.post_audience_forbidden');
  return row;
}

async function loadPublishedPost(db: Db, auth: Auth, id: number) {
  const row = await loadManagedPost(db, auth, id);
  if (row.state !== 'published') throw new AppError('learning.post_withdrawn');
  return row;
}

async function toFilter(db: Db, auth: Auth, q: ExportPostsQuery): Promise<repo.PostFilter> {
  const common = {
    keyword: q.keyword?.trim() || undefined,
    state: q.state,
    audience: q.audience,
    pinned: q.pinned,
    publishedIn: q.year ? ([yearStart(q.year), yearStart(q.year + 1)] as [string, string]) : undefined,
  };
  if (q.branchId) {
    const branch = await loadBranch(db, q.branchId, auth.scope);
    return { ...common, scope: auth.scope, branchId: branch.id, fromAbove: idsOnPath(branch.org_path) };
  }
  if (q.orgId) {
    const org = await getOrg(db, q.orgId, auth.scope);
    return { ...common, scope: narrowest(auth.scope, { orgId: org.id, path: org.path }), fromAbove: [] };
  }
  return { ...common, scope: auth.scope, fromAbove: orgsAbove(auth.scope) };
}

/**
 * A page of posts: those written in the caller's scope and those the levels above address to every
 * branch of it; or one branch's feed. Pinned posts first.
 */
export async function listPosts(db: Db, auth: Auth, q: ListPostsQuery) {
  const { items, total } = await repo.listPosts(db, await toFilter(db, auth, q), q.sort ?? '-publishedAt', q);
  return { items: await toPosts(db, auth, items), total };
}

/** Every post of a filter, for the export. */
export async function listAllPosts(db: Db, auth: Auth, q: ExportPostsQuery) {
  const rows = await repo.listAllPosts(db, await toFilter(db, auth, q), q.sort ?? '-publishedAt');
  return toPosts(db, auth, rows);
}

export async function getPost(db: Db, auth: Auth, id: number) {
  const [post] = await toPosts(db, auth, [await loadVisiblePost(db, auth, id)]);
  return post as Post;
}

const snapshot = (r: { title: string; format: string; pinned: number | boolean; state: string }) => ({
  title: r.title,
  format: r.format,
  pinned: Boolean(Number(r.pinned)),
  state: r.state,
});

/**
 * Posts to one branch's members (its secretary, or staff above it), or to every branch of an org in
 * the caller's scope (city and county staff only).
 */
export async function createPost(db: Db, auth: Auth, actor: Actor, body: CreatePostBody) {
  if ((body.branchId === undefined) === (body.orgId === undefined))
    throw new AppError('learning.post_audience');
  let orgId: number;
  let audience: string;
  if (body.branchId !== undefined) {
    const branch = await loadWorkingBranch(db, body.branchId, auth.scope);
    orgId = branch.org_id;
    audience = branch.name;
  } else {
    if (!auth.permissions.has('learning:write')) throw new AppError('learning.post_audience_forbidden');
    const org = await getOrg(db, body.orgId as number, auth.scope);
    orgId = org.id;
    audience = org.name;
  }
  const at = now();
  const row = {
    org_id: orgId,
    branch_id: body.branchId ?? null,
    title: body.title.trim(),
    body: body.body,
    format: body.format ?? 'text',
    pinned: body.pinned ? 1 : 0,
    state: 'published' as const,
    published_at: at,
    created_by: auth.userId,
    author_name: auth.name,
    created_at: at,
    updated_at: at,
  };
  const id = await db.transaction().execute(async (trx) => {
    const id = await repo.insertPost(trx, row);
    await recordAudit(trx, actor, {
      action: 'learning_post.create',
      entity: 'learning_post',
      entityId: id,
      summary: `${audience}: ${row.title}`,
      after: { orgId, branchId: row.branch_id, ...snapshot(row) },
    });
    return id;
  });
  return getPost(db, auth, id);
}

/** Changes a published post's title, body, format or pin. */
export async function updatePost(db: Db, auth: Auth, actor: Actor, id: number, body: UpdatePostBody) {
  const before = await loadPublishedPost(db, auth, id);
  const next = {
    title: body.title?.trim() ?? before.title,
    body: body.body ?? before.body,
    format: body.format ?? before.format,
    pinned: body.pinned === undefined ? Number(before.pinned) : body.pinned ? 1 : 0,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updatePost(trx, id, { ...next, updated_at: now() });
    await recordAudit(trx, actor, {
      action: 'learning_post.update',
      entity: 'learning_post',
      entityId: id,
      summary: next.title,
      before: snapshot(before),
      after: snapshot({ ...next, state: before.state }),
    });
  });
  return getPost(db, auth, id);
}

/** Withdraws a post (撤回) with the reason: members no longer see it; the record stays. */
export async function withdrawPost(db: Db, auth: Auth, actor: Actor, id: number, body: WithdrawPostBody) {
  const before = await loadPublishedPost(db, auth, id);
  const at = now();
  const reason = body.reason.trim();
  await db.transaction().execute(async (trx) => {
    await repo.updatePost(trx, id, {
      state: 'withdrawn',
      withdrawn_at: at,
      withdraw_reason: reason,
      updated_at: at,
    });
    await recordAudit(trx, actor, {
      action: 'learning_post.withdraw',
      entity: 'learning_post',
      entityId: id,
      summary: `${before.title}: ${reason}`,
      before: snapshot(before),
      after: { ...snapshot(before), state: 'withdrawn', reason },
    });
  });
  return getPost(db, auth, id);
}

/** Publishes a withdrawn post again. */
export async function republishPost(db: Db, auth: Auth, actor: Actor, id: number) {
  const before = await loadManagedPost(db, auth, id);
  if (before.state !== 'withdrawn') throw new AppError('learning.post_not_withdrawn');
  await db.transaction().execute(async (trx) => {
    await repo.updatePost(trx, id, {
      state: 'published',
      withdrawn_at: null,
      withdraw_reason: null,
      updated_at: now(),
    });
    await recordAudit(trx, actor, {
      action: 'learning_post.republish',
      entity: 'learning_post',
      entityId: id,
      summary: before.title,
      before: { ...snapshot(before), reason: before.withdraw_reason },
      after: { ...snapshot(before), state: 'published' },
    });
  });
  return getPost(db, auth, id);
}

/**
 * A post's photos and attachments (platform/files/attachments): anyone who may read the post sees
 * them; who may change it adds and takes them off while it is published.
 */
export const postFiles: AttachmentSpec<repo.PostRow> = {
  recordType: 'learning_post',
  kinds: ['photo', 'attachment'],
  load: (db, auth, id) => loadVisiblePost(db, auth, id),
  writable: (db, auth, id) => loadPublishedPost(db, auth, id),
  async changing(trx, id) {
    await repo.updatePost(trx, id, { updated_at: now() });
  },
  audit: {
    entity: 'learning_post',
    added: 'learning_post.file_add',
    removed: 'learning_post.file_remove',
    summary: (post, fileName) => `${post.title}: ${fileName}`,
  },
};

// ---- read receipts ----

/** Who has read a post the caller may see. */
export async function listReads(db: Db, auth: Auth, id: number): Promise<PostRead[]> {
  await loadVisiblePost(db, auth, id);
  const rows = await repo.listReads(db, id);
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return rows
    .filter((r) => people.has(r.cadre_id))
    .map((r) => ({ cadreId: r.cadre_id, cadreName: people.get(r.cadre_id)?.name ?? '', readAt: r.read_at }));
}

/**
 * The reader is a current member of the branch addressed, or, for a post to an org's branches, of
 * some branch inside that org's subtree; and a person in the caller's scope.
 */
async function checkReader(db: Db, auth: Auth, post: repo.PostRow, cadreId: number) {
  await cadreSummary(db, cadreId, auth.scope);
  if (post.branch_id !== null) {
    const members = await listMembers(db, auth, post.branch_id, 'active');
    if (!members.some((m) => m.cadreId === cadreId)) throw new AppError('learning.post_reader');
    return;
  }
  const audience: Scope = { orgId: post.org_id, path: post.org_path };
  for (const m of await cadreMemberships(db, auth, cadreId)) {
    if (!m.active) continue;
    const inAudience = await loadBranch(db, m.branchId, audience).then(
      () => true,
      () => false,
    );
    if (inAudience) return;
  }
  throw new AppError('learning.post_reader');
}

/** Records that a member read a published post (已读): once per member. */
export async function addRead(db: Db, auth: Auth, actor: Actor, id: number, body: PostReadBody) {
  const post = await loadVisiblePost(db, auth, id);
  if (post.state !== 'published') throw new AppError('learning.post_withdrawn');
  await checkReader(db, auth, post, body.cadreId);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertRead(trx, id, body.cadreId, now());
      await recordAudit(trx, actor, {
        action: 'learning_post.read',
        entity: 'learning_post',
        entityId: id,
        summary: post.title,
        after: { cadreId: body.cadreId },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('learning.post_already_read');
    throw e;
  }
  return listReads(db, auth, id);
}
