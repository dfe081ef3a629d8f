import { type Static, Type } from 'typebox';
import { Instant } from '../../platform/http/schemas.ts';

export const AuditEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    at: Instant,
    actorId: Type.Union([Type.Integer(), Type.Null()]),
    actorName: Type.Union([Type.String(), Type.Null()]),
    sourceIp: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    entity: Type.Union([Type.String(), Type.Null()]),
    entityId: Type.Union([Type.String(), Type.Null()]),
    summary: Type.Union([Type.String(), Type.Null()]),
    /** the record before the change, as JSON */
    before: Type.Unknown(),
    /** the record after the change, as JSON */
    after: Type.Unknown(),
  },
  { $id: 'AuditEntry' },
);
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const ListAuditQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  actorId: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  entity: Type.Optional(Type.String({ maxLength: 40 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
});
export type ListAuditQuery = Static<typeof ListAuditQuery>;

export const ChainCheckSchema = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Integer(),
    firstBrokenId: Type.Union([Type.Integer(), Type.Null()]),
    reason: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ChainCheck' },
);
