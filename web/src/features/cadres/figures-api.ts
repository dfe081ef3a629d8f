import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { QueryParams, ResponseBody } from '../../api/types';

export type CadreFigures = ResponseBody<'/api/cadres/figures', 'get'>;
export type CadreFiguresQuery = NonNullable<QueryParams<'/api/cadres/figures', 'get'>>;
export type FigureDimension = NonNullable<CadreFiguresQuery['rows']>;

/** The roster's figures at a node, grouped by one or two dimensions (today's, or a year's snapshot). */
export function useCadreFigures(query: CadreFiguresQuery) {
  return useQuery({
    queryKey: ['cadres', 'figures', query],
    queryFn: () => unwrap(api.GET('/api/cadres/figures', { params: { query } })),
  });
}

/** The yearly snapshots (年报) taken. */
export function useCadreSnapshots() {
  return useQuery({
    queryKey: ['cadres', 'figures', 'snapshots'],
    queryFn: () => unwrap(api.GET('/api/cadres/figures/snapshots')),
  });
}
