import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { acceptMe } from '../../api/session';

export const ownSessionsQueryKey = ['sessions', 'own'] as const;

export function useOwnSessions() {
  return useQuery({
    queryKey: ownSessionsQueryKey,
    queryFn: () => unwrap(api.GET('/api/auth/sessions')),
  });
}

export function useEndOwnSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ownSessionsQueryKey }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/auth/password', { body })),
    // The server rotates the session on a password change: the new Me carries a new CSRF token.
    onSuccess: (me) => acceptMe(queryClient, me),
  });
}
