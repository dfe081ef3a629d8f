import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { orgsQueryKey } from '../../api/orgs';
import type { CreateOrgBody, UpdateOrgBody } from '../../api/types';

function useInvalidateOrgs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgsQueryKey });
}

export function useCreateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: (body: CreateOrgBody) => unwrap(api.POST('/api/orgs', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateOrgBody }) =>
      unwrap(api.PATCH('/api/orgs/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useMoveOrg() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, parentId }: { id: number; parentId: number }) =>
      unwrap(api.POST('/api/orgs/{id}/move', { params: { path: { id } }, body: { parentId } })),
    onSuccess: invalidate,
  });
}

/** Deactivates or reactivates an org (orgs are never deleted: records hang on them). */
export function useSetOrgActive() {
  const invalidate = useInvalidateOrgs();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) =>
      active
        ? unwrap(api.POST('/api/orgs/{id}/activate', { params: { path: { id } } }))
        : unwrap(api.POST('/api/orgs/{id}/deactivate', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
