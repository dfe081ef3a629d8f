import { type TLiteral, type TUnion, Type } from 'typebox';

/** A list's sort parameter: a whitelisted field ascending, or descending with a leading '-'. */
export type SortKey<F extends string> = F | `-${F}`;

/** The query schema of a list's sort parameter, from its whitelisted fields. */
export function SortParam<const F extends string>(fields: readonly F[]) {
  // flatMap over the fields loses TypeBox's literal types; the cast restores what the union holds.
  return Type.Union(fields.flatMap((f) => [Type.Literal(f), Type.Literal(`-${f}`)])) as unknown as TUnion<
    TLiteral<SortKey<F>>[]
  >;
}

/** The column and direction of a sort key, through a repository's map of fields to columns. */
export function sortColumn<F extends string, C extends string>(
  columns: Readonly<Record<F, C>>,
  key: SortKey<F>,
): [C, 'asc' | 'desc'] {
  const descending = key.startsWith('-');
  return [columns[(descending ? key.slice(1) : key) as F], descending ? 'desc' : 'asc'];
}
