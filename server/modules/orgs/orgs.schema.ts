import { type Static, Type } from 'typebox';

/** Kinds of org-tree node: 市 city, 县（市、区） county, 镇/街道 town, 部门（单位） unit. */
export const OrgKind = Type.Union([
  Type.Literal('city'),
  Type.Literal('county'),
  Type.Literal('town'),
  Type.Literal('unit'),
]);
export type OrgKind = Static<typeof OrgKind>;

export const OrgSchema = Type.Object(
  {
    id: Type.Integer(),
    parentId: Type.Union([Type.Null(), Type.Integer()]),
    name: Type.String(),
    kind: OrgKind,
    /** administrative division code (GB/T 2260) or unit code */
    code: Type.Union([Type.Null(), Type.String()]),
    /** materialised path of ids, '/1/5/23/' */
    path: Type.String(),
    depth: Type.Integer(),
    /** 老干部工作联系片 the unit belongs to */
    liaisonAreaId: Type.Union([Type.Null(), Type.Integer()]),
    active: Type.Boolean(),
    sortOrder: Type.Integer(),
  },
  { $id: 'Org' },
);
export type Org = Static<typeof OrgSchema>;

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const Code = Type.String({ maxLength: 32, pattern: '^[0-9A-Za-z_-]*$' });

export const ListOrgsQuery = Type.Object({
  includeInactive: Type.Boolean({ default: false }),
  keyword: Type.Optional(
    Type.String({
      maxLength: 50,
      description: 'part of the name, or of its pinyin (full spelling or initials)',
    }),
  ),
});

export const CreateOrgBody = Type.Object({
  parentId: Type.Integer({ minimum: 1 }),
  name: Name,
  kind: OrgKind,
  code: Type.Optional(Type.Union([Type.Null(), Code])),
  liaisonAreaId: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1 })])),
  sortOrder: Type.Optional(Type.Integer()),
});
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Type.Object({
  name: Type.Optional(Name),
  code: Type.Optional(Type.Union([Type.Null(), Code])),
  liaisonAreaId: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 1 })])),
  sortOrder: Type.Optional(Type.Integer()),
});
export type UpdateOrgBody = Static<typeof UpdateOrgBody>;

export const MoveOrgBody = Type.Object({ parentId: Type.Integer({ minimum: 1 }) });

export const LiaisonAreaSchema = Type.Object(
  { id: Type.Integer(), name: Type.String(), unitCount: Type.Integer() },
  { $id: 'LiaisonArea' },
);
export type LiaisonArea = Static<typeof LiaisonAreaSchema>;
