import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { likeIgnoringCase } from '../../db/dialect.ts';
import { keywordTerm } from './pinyin.ts';

/** Where a list's keyword is looked for. */
export interface KeywordTargets {
  /** columns (or expressions) the keyword may be part of, ignoring case */
  contains: readonly (string | Expression<unknown>)[];
  /**
   * pinyin search-text columns (see pinyin.ts: `namePinyinText`, `personPinyinText`), so that a
   * name is found by its full spelling and initials; matched only when the keyword is Latin letters
   */
  pinyin?: readonly (string | Expression<unknown>)[];
  /** columns the keyword must equal exactly (an id, an address) */
  equals?: readonly (string | Expression<unknown>)[];
}

const ref = (c: string | Expression<unknown>) => (typeof c === 'string' ? sql.ref(c) : c);

/** Text with LIKE's wildcards escaped, so `%`, `_` and `\` match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A keyword as a LIKE pattern for "contains". */
export const containsPattern = (keyword: string) => `%${literal(keyword)}%`;

/**
 * The condition a list's keyword sets: part of any of the columns, ignoring case on both databases,
 * with `%` and `_` taken literally; or, for Latin letters, part of a pinyin search text; or equal to
 * an exact column. An empty keyword matches everything.
 */
export function keywordMatch(
  db: Kysely<any>,
  keyword: string | undefined,
  targets: KeywordTargets,
): RawBuilder<SqlBool> {
  const k = keyword?.trim();
  if (!k) return sql<SqlBool>`1 = 1`;
  const parts = targets.contains.map((c) => likeIgnoringCase(db, ref(c), containsPattern(k)));
  const term = keywordTerm(k);
  if (targets.pinyin && /^[a-z0-9]+$/.test(term) && /[a-z]/.test(term)) {
    for (const c of targets.pinyin) parts.push(likeIgnoringCase(db, ref(c), containsPattern(term)));
  }
  for (const c of targets.equals ?? []) parts.push(sql<SqlBool>`${ref(c)} = ${k}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The condition that a column starts with a prefix, ignoring case, `%` and `_` taken literally. */
export function prefixMatch(db: Kysely<any>, column: string, prefix: string): RawBuilder<SqlBool> {
  return likeIgnoringCase(db, sql.ref(column), `${literal(prefix)}%`);
}

/**
 * The same match over values already in memory (a short list read whole, such as the standards): part
 * of any text, ignoring case.
 */
export function matchesKeyword(
  keyword: string | undefined,
  ...texts: (string | null | undefined)[]
): boolean {
  const k = keyword?.trim().toLowerCase();
  return !k || texts.some((t) => t?.toLowerCase().includes(k));
}
