import { LIMITS } from '../../api/limits.generated';
import type { BranchKind, CommitteePost } from '../../api/types';

/*
 * The rules the server enforces on branches (server/modules/branches/branches.rules.ts and
 * branches.schema.ts), so that forms refuse what the server would.
 */

export const BRANCH_KINDS: readonly BranchKind[] = ['standing', 'functional', 'joint', 'thematic', 'general'];

/** The "N" of "1+N": functional, joint and thematic branches, each formed around a basis (组建依据). */
export const NON_STANDING: readonly BranchKind[] = ['functional', 'joint', 'thematic'];

/** 正式党员3人以上的，应当成立党支部: the fewest members a branch of its own needs. */
export const MIN_MEMBERS = 3;
/** At this many members a branch calls for a general branch (党总支). */
export const GENERAL_AT = 50;

export const COMMITTEE_POSTS: readonly CommitteePost[] = [
  'secretary',
  'deputy_secretary',
  'organisation',
  'propaganda',
  'discipline',
];

/** A committee's term (换届): three or five years. */
export const TERM_YEARS = [3, 5] as const;

/** The server's text limits (from the API's schemas, web/src/api/limits.generated.ts). */
export const MAX_LENGTH = {
  name: LIMITS['POST /api/branches'].name,
  remarks: LIMITS['POST /api/branches'].remarks,
  memberRemarks: LIMITS['POST /api/branches/{id}/members'].remarks,
  reason: LIMITS['POST /api/branches/memberships/{id}/leave'].reason,
  place: LIMITS['POST /api/branches/{id}/elections'].place,
  electionRemarks: LIMITS['POST /api/branches/{id}/elections'].remarks,
  livingPlace: LIMITS['POST /api/branches/{id}/mobile-members'].livingPlace,
  contactPerson: LIMITS['POST /api/branches/{id}/mobile-members'].contactPerson,
  mobileRemarks: LIMITS['POST /api/branches/{id}/mobile-members'].remarks,
};

/** A contact phone as the server accepts it: 5–20 digits, spaces, + or -. */
export const CONTACT_PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

/** Whether a kind of branch needs a basis (组建依据). */
export function needsBasis(kind: BranchKind | undefined): boolean {
  return kind !== undefined && NON_STANDING.includes(kind);
}

/** Whether a kind of branch holds members itself (a general branch holds branches instead). */
export function holdsMembers(kind: BranchKind): boolean {
  return kind !== 'general';
}
