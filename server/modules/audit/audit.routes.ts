import { AppError } from '../../errors.ts';
import { isWholeTree } from '../../platform/access/scope.ts';
import { recordAudit, verifyAuditChain } from '../../platform/audit/audit.ts';
import { errorResponses, PageOf } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import { listAudit } from './audit.repository.ts';
import { AuditEntrySchema, ChainCheckSchema, ListAuditQuery } from './audit.schema.ts';

const parse = (text: string | null) => (text === null ? null : JSON.parse(text));

/**
 * Audit entries belong to no org, so a reader's scope cannot narrow them: only a city-wide scope may
 * read them (an audit role granted at a county would otherwise see the whole city).
 */
function requireCityScope(req: Parameters<typeof authOf>[0]) {
  const scope = authOf(req).scope;
  if (!scope || !isWholeTree(scope)) throw new AppError('audit.scope');
}

/** The audit log, for the audit administrator only. */
export default async function auditRoutes(app: App) {
  const tags = ['audit'];

  app.get('/api/audit', {
    schema: {
      tags,
      summary: 'Search the audit log',
      querystring: ListAuditQuery,
      response: { 200: PageOf(AuditEntrySchema), ...errorResponses },
    },
    config: { access: 'audit:read' },
    handler: async (req) => {
      requireCityScope(req);
      const { items, total } = await listAudit(app.db, req.query);
      return {
        total,
        items: items.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.actor_name,
          sourceIp: r.source_ip,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          summary: r.summary,
          before: parse(r.before),
          after: parse(r.after),
        })),
      };
    },
  });

  app.get('/api/audit/verify', {
    schema: {
      tags,
      summary: 'Check the hash chain and name the first broken entry',
      response: { 200: ChainCheckSchema, ...errorResponses },
    },
    config: { access: 'audit:read' },
    handler: async (req) => {
      requireCityScope(req);
      const result = await verifyAuditChain(app.db);
      await recordAudit(app.db, actorOf(req), {
        action: 'audit.verify',
        summary: result.ok ? 'ok' : `broken at ${result.firstBrokenId}`,
      });
      return result;
    },
  });
}
