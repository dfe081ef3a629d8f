import { type Static, Type } from 'typebox';
import { Instant } from '../../platform/http/schemas.ts';

export const AuditEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    at: Instant,
    actorId: Type.Union([Type.Null(), Type.Integer()]),
    actorName: Type.Union([Type.Null(), Type.String()]),
    sourceIp: Type.Union([Type.Null(), Type.String()]),
    action: Type.String(),
    entity: Type.Union([Type.Null(), Type.String()]),
    entityId: Type.Union([Type.Null(), Type.String()]),
    summary: Type.Union([Type.Null(), Type.String()]),
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
    firstBrokenId: Type.Union([Type.Null(), Type.Integer()]),
    reason: Type.Union([Type.Null(), Type.String()]),
  },
  { $id: 'ChainCheck' },
);
