import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

export const rolesQueryKey = ['roles'] as const;

/** All roles (a short list: fetched whole). */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: rolesQueryKey,
    queryFn: () => unwrap(api.GET('/api/roles')),
    enabled,
  });
}
