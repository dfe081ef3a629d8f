import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { rolesQueryKey } from '../../api/roles';
import type { CreateRoleBody, UpdateRoleBody } from '../../api/types';

export function usePermissions() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => unwrap(api.GET('/api/permissions')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rolesQueryKey });
}

export function useCreateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (body: CreateRoleBody) => unwrap(api.POST('/api/roles', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateRoleBody }) =>
      unwrap(api.PATCH('/api/roles/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/roles/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
