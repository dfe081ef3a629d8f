import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CreateUserBody, UpdateUserBody, UserStatus } from '../../api/types';
import type { ListQuery } from '../../components/list-page';

export const usersQueryKey = ['users'] as const;

export interface UserFilters {
  orgId: number;
  status: UserStatus;
}

export function fetchUsers(query: ListQuery<UserFilters>) {
  return unwrap(api.GET('/api/users', { params: { query } }));
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: usersQueryKey });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST('/api/users', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateUserBody }) =>
      unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) =>
      unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { password } })),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/users/{id}/unlock', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useSetAssignments() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, assignments }: { id: number; assignments: { roleId: number; orgId: number }[] }) =>
      unwrap(api.PUT('/api/users/{id}/assignments', { params: { path: { id } }, body: { assignments } })),
    onSuccess: invalidate,
  });
}

function userSessionsQueryKey(id: number) {
  return ['sessions', 'user', id] as const;
}

export function useUserSessions(id: number | undefined) {
  return useQuery({
    queryKey: userSessionsQueryKey(id ?? 0),
    queryFn: () => unwrap(api.GET('/api/users/{id}/sessions', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useRevokeUserSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/users/{id}/sessions', { params: { path: { id } } })),
    onSettled: (_data, _error, id) => queryClient.invalidateQueries({ queryKey: userSessionsQueryKey(id) }),
  });
}
