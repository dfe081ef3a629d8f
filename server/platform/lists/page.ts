import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';

/** Which page of a list, counted from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of a list and the exact number of rows matching its filters. */
export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * One page of a filtered, sorted query and the exact number of rows it matches. The count runs over
 * the same query without its order (or over `countOf`, a narrower query matching the same rows, when
 * the page joins what the filter does not need), side by side with the page.
 */
export async function pageOf<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
  { page, pageSize }: PageRequest,
  countOf?: SelectQueryBuilder<any, any, any>,
): Promise<Page<O>> {
  const counted = (countOf ?? query).clearOrderBy();
  const [items, count] = await Promise.all([
    query
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db.selectFrom(counted.as('counted')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
