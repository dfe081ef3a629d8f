import type { EvidenceKind, MeasureRule, ReorderBody, Version, VersionStatus } from './types';

/*
 * The rules the server keeps for standards (server/modules/assessments), for the forms to check before
 * sending; the server checks again and its refusals are shown as they come.
 */

/** The total of a version's scored weights when it has any: a 100-point scale (百分制). */
export const FULL_MARKS = 100;

/** A standard's code: 'liuyou' (六有一提升), 'liuhao' (六好)… */
export const STANDARD_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

export const MAX_LENGTH = {
  standardName: 100,
  description: 2000,
  notes: 2000,
  code: 20,
  dimensionTitle: 100,
  measureText: 1000,
} as const;

export const MEASURE_RULES: readonly MeasureRule[] = ['scored', 'required'];

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'document',
  'photo',
  'meetings',
  'elections',
  'committee',
  'members',
];

/** A scored measure carries 1–100 points; a must-pass one (否决项) none. */
export const weightRange = (rule: MeasureRule | undefined) =>
  rule === 'required' ? { min: 0, max: 0 } : { min: 1, max: FULL_MARKS };

/** Only a draft's content changes; published and frozen versions are read-only. */
export const isEditable = (status: VersionStatus) => status === 'draft';

/** The version's whole order, as the server takes it. */
export function orderOf(version: Version): ReorderBody {
  return {
    dimensions: version.dimensions.map((d) => ({ id: d.id, measureIds: d.measures.map((m) => m.id) })),
  };
}

function swap<T>(items: T[], index: number, delta: number): T[] {
  const next = [...items];
  const target = index + delta;
  if (target < 0 || target >= next.length) return next;
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** The order with one dimension moved up (-1) or down (+1). */
export function moveDimension(version: Version, index: number, delta: number): ReorderBody {
  return { dimensions: swap(orderOf(version).dimensions, index, delta) };
}

/** The order with one measure moved up (-1) or down (+1) within its dimension. */
export function moveMeasure(version: Version, dimensionIndex: number, index: number, delta: number) {
  const order = orderOf(version);
  return {
    dimensions: order.dimensions.map((d, i) =>
      i === dimensionIndex ? { ...d, measureIds: swap(d.measureIds, index, delta) } : d,
    ),
  };
}

/** The order with a measure moved to the end of another dimension. */
export function moveMeasureTo(version: Version, measureId: number, dimensionId: number): ReorderBody {
  const order = orderOf(version);
  return {
    dimensions: order.dimensions.map((d) => {
      const without = d.measureIds.filter((id) => id !== measureId);
      return { ...d, measureIds: d.id === dimensionId ? [...without, measureId] : without };
    }),
  };
}
