import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

/** Every org query starts with this key, so one invalidation refreshes tree, pickers and lists. */
export const orgsQueryKey = ['orgs'] as const;

export function orgsQueryOptions(includeInactive: boolean) {
  return queryOptions({
    queryKey: [...orgsQueryKey, { includeInactive }],
    queryFn: () => unwrap(api.GET('/api/orgs', { params: { query: { includeInactive } } })),
    staleTime: 60_000,
  });
}

/** The caller's org subtree as a flat list. */
export function useOrgs(includeInactive = false) {
  return useQuery(orgsQueryOptions(includeInactive));
}

export const liaisonAreasQueryKey = ['liaison-areas'] as const;

export function useLiaisonAreas(enabled = true) {
  return useQuery({
    queryKey: liaisonAreasQueryKey,
    queryFn: () => unwrap(api.GET('/api/liaison-areas')),
    staleTime: 5 * 60_000,
    enabled,
  });
}
