import { type Static, Type } from 'typebox';
import { Instant, Nullable } from '../../platform/http/schemas.ts';

/** What the roster's figures can be grouped by: any one, or any two. */
export const FigureDimension = Type.Union([
  /** the node's child orgs, and the node itself (本级) */
  Type.Literal('org'),
  /** 离休 / 退休 */
  Type.Literal('category'),
  /** age reached in the period's year (周岁 at 12-31), in bands of ten from 60 */
  Type.Literal('ageBand'),
  /** 中共党员 (including 预备党员) or not */
  Type.Literal('party'),
  /** 享受待遇 */
  Type.Literal('treatmentLevel'),
]);
export type FigureDimension = Static<typeof FigureDimension>;

export const CadreFiguresQuery = Type.Object({
  /** the node of the org tree (your own scope's when omitted) */
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  /** the first grouping (rows of a two-way table) */
  rows: Type.Optional(FigureDimension),
  /** the second grouping (columns), if any */
  cols: Type.Optional(FigureDimension),
  /** a year whose snapshot (年报, as of 12-31) to read instead of today's figures */
  year: Type.Optional(Type.Integer({ minimum: 1949, maximum: 2200 })),
});
export type CadreFiguresQuery = Static<typeof CadreFiguresQuery>;

export const FigureValueSchema = Type.Object({
  /** the value as the cells name it: a code, or an org id for `org` */
  value: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  /** for `org`: the org to drill down to; absent for the node's own (本级) row */
  orgId: Type.Optional(Type.Integer()),
  /** for `org`: the node itself, its own cadres (本级) */
  own: Type.Optional(Type.Boolean()),
});

export const IndicatorSchema = Type.Object({
  key: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  definitionZh: Type.String(),
  definitionEn: Type.String(),
});

export const CadreFiguresSchema = Type.Object(
  {
    indicator: IndicatorSchema,
    org: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() }),
    /** the snapshot's year, or null for today's figures */
    year: Nullable(Type.Integer()),
    /** the day the figures are as of: today, or 12-31 of the snapshot's year */
    asOf: Type.String(),
    dimensions: Type.Array(
      Type.Object({
        key: FigureDimension,
        labelZh: Type.String(),
        labelEn: Type.String(),
        values: Type.Array(FigureValueSchema),
      }),
    ),
    /** one cell per combination of values that counts anyone; keys in the order of `dimensions` */
    cells: Type.Array(Type.Object({ keys: Type.Array(Type.String()), n: Type.Integer() })),
    /** everyone counted at the node: the sum of the cells */
    total: Type.Integer(),
  },
  { $id: 'CadreFigures' },
);
export type CadreFigures = Static<typeof CadreFiguresSchema>;

export const TakeSnapshotBody = Type.Object({
  /** the year whose 12-31 the figures are frozen at; a past year */
  year: Type.Integer({ minimum: 1949, maximum: 2200 }),
});
export type TakeSnapshotBody = Static<typeof TakeSnapshotBody>;

export const SnapshotSchema = Type.Object(
  { year: Type.Integer(), asOf: Type.String(), takenAt: Instant, total: Type.Integer() },
  { $id: 'CadreSnapshot' },
);
export type Snapshot = Static<typeof SnapshotSchema>;
