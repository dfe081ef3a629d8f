import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { meQueryKey } from '../api/session';

/** One cache for the whole console. Client errors (4xx) are answers, so they are not retried. */
export const queryClient: QueryClient = new QueryClient({
  mutationCache: new MutationCache({
    onError: (error) => {
      // A refused CSRF token means ours is stale (e.g. the session was rotated in another tab):
      // fetch the current one so that trying again works.
      if (error instanceof ApiError && error.code === 'auth.csrf') {
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status > 0 && error.status < 500) && failures < 2,
    },
    mutations: { retry: false },
  },
});
