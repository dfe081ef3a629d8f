import { type Kysely, sql } from 'kysely';
import { ilike } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { ListAuditQuery } from './audit.schema.ts';

/** One page of audit entries, newest first. */
export async function listAudit(db: Kysely<Database>, query: ListAuditQuery) {
  let q = db.selectFrom('audit_log');
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.action) q = q.where('action', 'like', `${query.action}%`);
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', `${query.to}T99`);
  if (query.keyword) {
    const k = `%${query.keyword}%`;
    const op = ilike(db);
    q = q.where((eb) =>
      eb.or([
        eb('summary', op, k),
        eb('actor_name', op, k),
        eb('entity_id', '=', query.keyword as string),
        eb('source_ip', '=', query.keyword as string),
      ]),
    );
  }
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
