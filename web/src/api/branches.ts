import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

// The branch queries more than one feature reads (meetings and learning show a branch's record,
// members and committee): here, so that no feature imports another, and under one key so that a
// write in any of them refreshes them all.

/**
 * Every branch query starts with this key: a write anywhere (a member added, an election recorded)
 * changes counts, advice and due dates shown elsewhere, so one invalidation refreshes them all.
 */
export const branchesQueryKey = ['branches'] as const;

export function branchQueryOptions(id: number | undefined) {
  return queryOptions({
    queryKey: [...branchesQueryKey, 'record', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/branches/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useBranch(id: number | undefined) {
  return useQuery(branchQueryOptions(id));
}

export type MemberStatus = 'active' | 'left' | 'all';

export function useMembers(branchId: number, status: MemberStatus = 'all', enabled = true) {
  return useQuery({
    queryKey: [...branchesQueryKey, 'members', branchId, status],
    queryFn: () =>
      unwrap(
        api.GET('/api/branches/{id}/members', { params: { path: { id: branchId }, query: { status } } }),
      ),
    enabled,
  });
}

/** The branch committee (支委会) as it stands, with its history. */
export function useCommittee(branchId: number) {
  return useQuery({
    queryKey: [...branchesQueryKey, 'committee', branchId],
    queryFn: () => unwrap(api.GET('/api/branches/{id}/committee', { params: { path: { id: branchId } } })),
  });
}
