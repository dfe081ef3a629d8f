import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { todosQueryKey } from '../../api/todos';
import type { ListTodosQuery } from '../../api/types';
import type { ListQuery } from '../../components/list-page';

export type TodoFilters = Pick<ListTodosQuery, 'workflow'>;

export function fetchTodos(query: ListQuery<TodoFilters>) {
  const { keyword: _keyword, ...rest } = query;
  return unwrap(api.GET('/api/todos', { params: { query: rest } }));
}

/** How many records wait for the signed-in user, in all and per workflow: polled for the header badge. */
export function useTodoCounts() {
  return useQuery({
    queryKey: [...todosQueryKey, 'counts'],
    queryFn: () => unwrap(api.GET('/api/todos/counts')),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}
