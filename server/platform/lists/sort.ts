import { type Expression, type SelectQueryBuilder, sql } from 'kysely';
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
export function sortColumn<F extends string, C>(
  columns: Readonly<Record<F, C>>,
  key: SortKey<F>,
): [C, 'asc' | 'desc'] {
  const descending = key.startsWith('-');
  return [columns[(descending ? key.slice(1) : key) as F], descending ? 'desc' : 'asc'];
}

/**
 * Orders a query by a whitelisted sort key, then by a unique tie-breaker in the same direction, so
 * that pages never overlap or skip rows when the sort column has equal values. Empty values come first
 * when ascending and last when descending, on both databases (their defaults differ).
 */
export function sortBy<DB, TB extends keyof DB, O, F extends string>(
  query: SelectQueryBuilder<DB, TB, O>,
  key: SortKey<F>,
  columns: Readonly<Record<F, string | Expression<unknown>>>,
  tieBreaker: string,
): SelectQueryBuilder<DB, TB, O> {
  const [column, direction] = sortColumn(columns, key);
  const expression = typeof column === 'string' ? sql.ref(column) : column;
  const ordered = query.orderBy(expression, (ob) =>
    direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast(),
  );
  return column === tieBreaker ? ordered : ordered.orderBy(sql.ref(tieBreaker), direction);
}
