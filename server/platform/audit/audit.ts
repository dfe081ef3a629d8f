import { type Kysely, sql } from 'kysely';
import { forUpdate } from '../../db/dialect.ts';
import type { AuditRow, Database } from '../../db/schema.ts';
import { sm3 } from '../crypto/hash.ts';

/** Who did something, from where: taken from the request by `actorOf`. */
export interface Actor {
  userId: number | null;
  name: string | null;
  ip: string | null;
  requestId: string | null;
}

/** One thing worth remembering: a login, a write (with before and after), an export, a sensitive read. */
export interface AuditEvent {
  /** dotted verb, e.g. 'auth.login', 'user.create', 'org.move', 'audit.verify' */
  action: string;
  entity?: string;
  entityId?: string | number;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

type Conn = Kysely<Database>;

function canonical(row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  return JSON.stringify([
    row.id,
    row.at,
    row.actor_id,
    row.actor_name,
    row.source_ip,
    row.request_id,
    row.action,
    row.entity,
    row.entity_id,
    row.summary,
    row.before,
    row.after,
  ]);
}

/** The hash that links an entry to the one before it. */
export function chainHash(prevHash: string, row: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  return sm3(`${prevHash}\n${canonical(row)}`);
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * Appends an entry to the hash-chained log. Call it inside the transaction of the write it records,
 * so that both land or neither does. The chain head row is locked, so concurrent writers (even on
 * several instances) append one after another.
 */
export async function recordAudit(db: Conn, actor: Actor, event: AuditEvent): Promise<void> {
  const run = async (trx: Conn) => {
    const head = await forUpdate(
      trx,
      trx.selectFrom('audit_head').select(['last_id', 'hash']).where('id', '=', 1),
    ).executeTakeFirstOrThrow();
    const row = {
      id: head.last_id + 1,
      at: new Date().toISOString(),
      actor_id: actor.userId,
      actor_name: actor.name,
      source_ip: actor.ip,
      request_id: actor.requestId,
      action: event.action,
      entity: event.entity ?? null,
      entity_id: event.entityId === undefined ? null : String(event.entityId),
      summary: event.summary ?? null,
      before: json(event.before),
      after: json(event.after),
    };
    const hash = chainHash(head.hash, row);
    await trx
      .insertInto('audit_log')
      .values({ ...row, prev_hash: head.hash, hash })
      .execute();
    await trx.updateTable('audit_head').set({ last_id: row.id, hash }).where('id', '=', 1).execute();
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/**
 * Appends many entries at once (bulk imports), in order, inside the caller's transaction: one lock of
 * the chain head and chunked inserts instead of one round trip per entry.
 */
export async function recordAuditMany(trx: Conn, actor: Actor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const head = await forUpdate(
    trx,
    trx.selectFrom('audit_head').select(['last_id', 'hash']).where('id', '=', 1),
  ).executeTakeFirstOrThrow();
  let prev = head.hash;
  let id = head.last_id;
  const at = new Date().toISOString();
  const rows = events.map((event) => {
    const row = {
      id: ++id,
      at,
      actor_id: actor.userId,
      actor_name: actor.name,
      source_ip: actor.ip,
      request_id: actor.requestId,
      action: event.action,
      entity: event.entity ?? null,
      entity_id: event.entityId === undefined ? null : String(event.entityId),
      summary: event.summary ?? null,
      before: json(event.before),
      after: json(event.after),
    };
    const hash = chainHash(prev, row);
    const full = { ...row, prev_hash: prev, hash };
    prev = hash;
    return full;
  });
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await trx.updateTable('audit_head').set({ last_id: id, hash: prev }).where('id', '=', 1).execute();
}

/** Result of walking the chain. */
export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** id of the first entry whose hash or link does not hold, or of the first gap */
  firstBrokenId: number | null;
  reason: string | null;
}

/**
 * Walks the whole chain in id order, recomputing every hash, and names the first entry that does not
 * hold. The walk starts where the last recorded pruning left off (entry 1 when nothing was pruned), so
 * entries removed from the oldest end without `pruneAudit` are caught as well.
 */
export async function verifyAuditChain(db: Conn, batchSize = 5000): Promise<ChainCheck> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  let checked = 0;
  let prevHash = head.pruned_hash;
  let prevId = head.pruned_through_id;
  for (;;) {
    const rows: AuditRow[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', prevId)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.id !== prevId + 1) return { ok: false, checked, firstBrokenId: prevId + 1, reason: 'missing' };
      const { hash, prev_hash, ...rest } = row;
      if (prev_hash !== prevHash) return { ok: false, checked, firstBrokenId: row.id, reason: 'link' };
      if (chainHash(prev_hash, rest) !== hash)
        return { ok: false, checked, firstBrokenId: row.id, reason: 'hash' };
      prevHash = hash;
      prevId = row.id;
      checked++;
    }
  }
  if (head.last_id !== prevId) return { ok: false, checked, firstBrokenId: prevId + 1, reason: 'missing' };
  if (head.hash !== prevHash) return { ok: false, checked, firstBrokenId: prevId, reason: 'head' };
  return { ok: true, checked, firstBrokenId: null, reason: null };
}

/**
 * Deletes entries older than the retention period (never under 180 days: the database refuses
 * younger ones) and records where the chain now starts, so verification still covers every entry
 * that remains. Returns how many entries were removed.
 */
export async function pruneAudit(db: Conn, retentionDays: number): Promise<number> {
  const days = Math.max(180, retentionDays);
  const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const locked = trx as Conn;
    await forUpdate(
      locked,
      locked.selectFrom('audit_head').select('id').where('id', '=', 1),
    ).executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('audit_log')
      .select(['id', 'hash'])
      .where('at', '<', cutoff)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!last) return 0;
    const result = await trx.deleteFrom('audit_log').where('id', '<=', last.id).executeTakeFirst();
    await trx
      .updateTable('audit_head')
      .set({ pruned_through_id: last.id, pruned_hash: last.hash })
      .where('id', '=', 1)
      .execute();
    return Number(result.numDeletedRows);
  });
}

/** Counts entries; used by tests and the console. */
export async function countAudit(db: Conn): Promise<number> {
  const r = await db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The entries about one record, oldest first: a record's change history. */
export async function auditHistory(db: Conn, entity: string, entityId: string | number, limit = 500) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_name', 'action', 'summary', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', String(entityId))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
