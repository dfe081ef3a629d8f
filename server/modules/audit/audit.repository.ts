import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { keywordMatch, prefixMatch } from '../../platform/lists/keyword.ts';
import { pageOf } from '../../platform/lists/page.ts';
import { sortBy } from '../../platform/lists/sort.ts';
import type { ListAuditQuery } from './audit.schema.ts';

/** One page of audit entries, newest first. */
export async function listAudit(db: Kysely<Database>, query: ListAuditQuery) {
  let q = db.selectFrom('audit_log');
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.action) q = q.where(prefixMatch(db, 'action', query.action));
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', `${query.to}T99`);
  if (query.keyword) {
    q = q.where(
      keywordMatch(db, query.keyword, {
        contains: ['summary', 'actor_name'],
        equals: ['entity_id', 'source_ip'],
      }),
    );
  }
  return pageOf(db, sortBy(q.selectAll(), '-id', { id: 'id' }, 'id'), query);
}
