import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, setCsrfToken, unwrap } from './client';
import type { Me } from './types';

/** The signed-in user lives in the query cache under this key; `null` means signed out. */
export const meQueryKey = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: fetchMe,
  staleTime: 60_000,
  refetchOnWindowFocus: true,
});

const notMe = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== meQueryKey[0];

/** Takes a Me returned by the server (login, password change, scope switch) as the new session state. */
export function acceptMe(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forgets the session and everything fetched under it. */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: notMe });
  queryClient.setQueryData(meQueryKey, null);
}

/** The signed-in user, `null` when signed out, `undefined` while the first check is running. */
export function useMe() {
  return useQuery(meQueryOptions);
}

/** A predicate telling whether the active assignment grants a permission such as `users:write`. */
export function useCan(): (permission: string) => boolean {
  const { data: me } = useMe();
  return useCallback((permission: string) => Boolean(me?.permissions.includes(permission)), [me]);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      // Whatever was cached belonged to whoever was signed in before.
      queryClient.removeQueries({ predicate: notMe });
      acceptMe(queryClient, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await unwrap(api.POST('/api/auth/logout'));
      } catch {
        // Signing out locally must work even when the server session is already gone.
      }
    },
    onSettled: () => forgetSession(queryClient),
  });
}

/** Switches the active assignment (role at an org node), which decides permissions and visible subtree. */
export function useSwitchScope() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: number) => unwrap(api.POST('/api/auth/scope', { body: { assignmentId } })),
    onSuccess: async (me) => {
      acceptMe(queryClient, me);
      await queryClient.resetQueries({ predicate: notMe });
    },
  });
}
