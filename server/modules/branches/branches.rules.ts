import type { BranchKind, CommitteePost, MembershipRole, SetupAdvice } from './branches.schema.ts';

/** 正式党员3人以上的，应当成立党支部: the fewest members a branch of its own needs. */
export const MIN_MEMBERS = 3;
/** At this many members a branch calls for a general branch (党总支) with branches under it. */
export const GENERAL_AT = 50;

/** The kinds of the "N" of "1+N": non-standing branches, formed around a basis. */
export const NON_STANDING: readonly BranchKind[] = ['functional', 'joint', 'thematic'];

/** Posts only one person holds at a time; deputy secretaries may be several. */
export const SINGLE_HOLDER_POSTS: readonly CommitteePost[] = [
  'secretary',
  'organisation',
  'propaganda',
  'discipline',
];

/** The membership a branch of a kind holds: primary in standing ones, participating in the N; none in a general branch. */
export function roleFor(kind: BranchKind): MembershipRole | null {
  if (kind === 'standing') return 'primary';
  return NON_STANDING.includes(kind) ? 'participating' : null;
}

/**
 * The setup rule's advice for a branch: a general branch needs branches under it; any other needs at
 * least three members and, at fifty, becomes a general branch with branches under it.
 */
export function setupAdvice(
  kind: BranchKind,
  dissolved: boolean,
  members: number,
  children: number,
): { advice: SetupAdvice; counted: number; needsAttention: boolean } {
  if (dissolved)
    return { advice: 'dissolved', counted: kind === 'general' ? children : members, needsAttention: false };
  if (kind === 'general') {
    const advice = children === 0 ? 'no_branches' : 'ok';
    return { advice, counted: children, needsAttention: advice !== 'ok' };
  }
  const advice = members < MIN_MEMBERS ? 'join_joint' : members >= GENERAL_AT ? 'form_general' : 'ok';
  return { advice, counted: members, needsAttention: advice !== 'ok' };
}

/** Whether two periods (open-ended when they have no end) share a day. */
export function overlaps(
  a: { from: string; until: string | null },
  b: { from: string; until: string | null },
): boolean {
  return (a.until === null || b.from <= a.until) && (b.until === null || a.from <= b.until);
}
