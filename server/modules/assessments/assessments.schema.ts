import { type Static, Type } from 'typebox';
import { Instant, Nullable } from '../../platform/http/schemas.ts';

const Id = Type.Integer({ minimum: 1 });
const Text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });

/**
 * A version's life: draft (being authored, editable) → published (read-only, selectable for rounds;
 * can be withdrawn to draft while no round uses it) → frozen (a round uses it; never changes again).
 */
export const VersionStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('published'),
  Type.Literal('frozen'),
]);
export type VersionStatus = Static<typeof VersionStatus>;

/** How a measure counts: scored (its weight in points, 分值) or required (must pass, 否决项; no points). */
export const MeasureRule = Type.Union([Type.Literal('scored'), Type.Literal('required')]);
export type MeasureRule = Static<typeof MeasureRule>;

/** The evidence a measure accepts (佐证材料): an uploaded document or photo, or records kept on the platform. */
export const EVIDENCE_KINDS = ['document', 'photo', 'meetings', 'elections', 'committee', 'members'] as const;
export const EvidenceKind = Type.Union([
  Type.Literal('document'),
  Type.Literal('photo'),
  Type.Literal('meetings'),
  Type.Literal('elections'),
  Type.Literal('committee'),
  Type.Literal('members'),
]);
export type EvidenceKind = Static<typeof EvidenceKind>;

export const StandardCode = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,39}$',
  description: "the standard's identifier: 'liuyou' (六有一提升), 'liuhao' (六好)…",
});

export const VersionSummarySchema = Type.Object({
  id: Type.Integer(),
  version: Type.Integer({ description: '1, 2, 3… within the standard' }),
  status: VersionStatus,
  publishedAt: Nullable(Instant),
  frozenAt: Nullable(Instant),
  notes: Nullable(Type.String()),
  copiedFromId: Nullable(Type.Integer({ description: 'the version this draft was copied from' })),
  dimensionCount: Type.Integer(),
  measureCount: Type.Integer(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type VersionSummary = Static<typeof VersionSummarySchema>;

export const StandardSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  isDemo: Type.Boolean({ description: 'made-up demo content, not an official text' }),
  versions: Type.Array(VersionSummarySchema),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Standard = Static<typeof StandardSchema>;

export const MeasureSchema = Type.Object({
  id: Type.Integer(),
  dimensionId: Type.Integer(),
  code: Type.String({ description: "'1.1', '1.2'…" }),
  text: Type.String({ description: 'the measure (考核细则), worded so it can be verified' }),
  evidence: Type.String({ description: 'what evidence it asks for (佐证材料)' }),
  evidenceKinds: Type.Array(EvidenceKind),
  rule: MeasureRule,
  weight: Type.Integer({ description: 'points for a scored measure; 0 for a required one' }),
  remarks: Nullable(Type.String()),
});
export type Measure = Static<typeof MeasureSchema>;

export const DimensionSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  weight: Type.Integer({ description: "the sum of its scored measures' weights" }),
  measures: Type.Array(MeasureSchema),
});
export type Dimension = Static<typeof DimensionSchema>;

export const VersionSchema = Type.Object({
  ...VersionSummarySchema.properties,
  standardId: Type.Integer(),
  standardCode: Type.String(),
  standardName: Type.String(),
  totalWeight: Type.Integer(),
  dimensions: Type.Array(DimensionSchema),
});
export type Version = Static<typeof VersionSchema>;

export const CreateStandardBody = Type.Object({
  code: StandardCode,
  name: Text(100, 1),
  description: Type.Optional(Nullable(Text(2000))),
});
export type CreateStandardBody = Static<typeof CreateStandardBody>;

export const CreateVersionBody = Type.Object({
  copyFrom: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: 'a version (of any standard) whose content the draft starts from',
    }),
  ),
  notes: Type.Optional(Nullable(Text(2000))),
});
export type CreateVersionBody = Static<typeof CreateVersionBody>;

export const UpdateVersionBody = Type.Object({ notes: Nullable(Text(2000)) });
export type UpdateVersionBody = Static<typeof UpdateVersionBody>;

export const CreateDimensionBody = Type.Object({ code: Text(20, 1), title: Text(100, 1) });
export type CreateDimensionBody = Static<typeof CreateDimensionBody>;

export const UpdateDimensionBody = Type.Object({
  code: Type.Optional(Text(20, 1)),
  title: Type.Optional(Text(100, 1)),
});
export type UpdateDimensionBody = Static<typeof UpdateDimensionBody>;

const measureFields = {
  code: Text(20, 1),
  text: Text(1000, 1),
  evidence: Text(1000, 1),
  evidenceKinds: Type.Array(EvidenceKind, { minItems: 1, uniqueItems: true }),
  rule: MeasureRule,
  weight: Type.Integer({ minimum: 0, maximum: 100 }),
  remarks: Type.Optional(Nullable(Text(1000))),
};

export const CreateMeasureBody = Type.Object(measureFields);
export type CreateMeasureBody = Static<typeof CreateMeasureBody>;

export const UpdateMeasureBody = Type.Partial(Type.Object(measureFields));
export type UpdateMeasureBody = Static<typeof UpdateMeasureBody>;

/** Which standards and versions an export of the list holds: the list page's own filters. */
export const ExportStandardsQuery = Type.Object({
  /** part of the standard's code or name */
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  /** only versions in this state (and the standards having one) */
  status: Type.Optional(VersionStatus),
  /** only this standard's versions */
  standardId: Type.Optional(Id),
});
export type ExportStandardsQuery = Static<typeof ExportStandardsQuery>;

/** The whole order of a version: every dimension once, each with every measure it should hold, in order. */
export const ReorderBody = Type.Object({
  dimensions: Type.Array(Type.Object({ id: Id, measureIds: Type.Array(Id) }), { maxItems: 100 }),
});
export type ReorderBody = Static<typeof ReorderBody>;
