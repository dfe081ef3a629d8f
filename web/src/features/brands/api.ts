import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, fileForm, unwrap } from '../../api/client';
import { todosQueryKey } from '../../api/todos';
import type { ListQuery } from '../../components/list-page';
import type {
  CreateAwardBody,
  CreateBrandBody,
  CreateBrandSystemBody,
  CreateInspectionBody,
  CreateReviewBody,
  ListAwardsQuery,
  ListBrandsQuery,
  UpdateBrandBody,
} from './types';

/**
 * Every brand query starts with this key: an application, a review or a selection changes lists, the
 * record, its timeline and the selections, so one invalidation refreshes them all (and the to-do list).
 */
export const brandsQueryKey = ['brands'] as const;

function useInvalidateBrands() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: brandsQueryKey }),
      queryClient.invalidateQueries({ queryKey: todosQueryKey }),
    ]);
}

// ---- the umbrella brand ----

export function useBrandSystems() {
  return useQuery({
    queryKey: [...brandsQueryKey, 'systems'],
    queryFn: () => unwrap(api.GET('/api/brands/systems')),
  });
}

export function useSaveBrandSystem() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: CreateBrandSystemBody }) =>
      id
        ? unwrap(api.PATCH('/api/brands/systems/{id}', { params: { path: { id } }, body }))
        : unwrap(api.POST('/api/brands/systems', { body })),
    onSuccess,
  });
}

// ---- lists ----

/** The list's filters: GET /api/brands without paging. */
export type BrandFilters = Omit<ListBrandsQuery, 'page' | 'pageSize'>;

export const brandListQueryKey = [...brandsQueryKey, 'list'] as const;

export function fetchBrands(query: ListQuery<BrandFilters>) {
  const { keyword, ...rest } = query;
  return unwrap(api.GET('/api/brands', { params: { query: { ...rest, keyword: keyword || undefined } } }));
}

/** Downloads the filtered brand list as .xlsx. */
export function exportBrands(query: Partial<ListQuery<BrandFilters>>) {
  const { page: _page, pageSize: _pageSize, keyword, ...filters } = query;
  return download(
    api.GET('/api/brands/export', {
      params: { query: { ...filters, keyword: keyword || undefined } },
      parseAs: 'blob',
    }),
    'brands.xlsx',
  );
}

export type AwardFilters = Omit<ListAwardsQuery, 'page' | 'pageSize'>;
export const awardListQueryKey = [...brandsQueryKey, 'awards'] as const;

export function fetchAwards(query: ListQuery<AwardFilters>) {
  const { keyword: _keyword, ...rest } = query;
  return unwrap(api.GET('/api/brands/awards', { params: { query: rest } }));
}

/** Every selection of a year, for the exhibition (巡展): at most ten top-ten and the excellent ones. */
/** The latest year with a top-ten selection in your scope (the exhibition opens on it), or null. */
export function useLatestAwardYear() {
  return useQuery({
    queryKey: [...awardListQueryKey, 'latest'],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/brands/awards', { params: { query: { kind: 'top10', page: 1, pageSize: 1 } } }),
      );
      return page.items[0]?.year ?? null;
    },
  });
}

export function useYearAwards(year: number) {
  return useQuery({
    queryKey: [...awardListQueryKey, 'year', year],
    queryFn: () =>
      unwrap(api.GET('/api/brands/awards', { params: { query: { year, page: 1, pageSize: 200 } } })),
  });
}

export function exportAwards(query: Partial<ListQuery<AwardFilters>>) {
  const { page: _page, pageSize: _pageSize, keyword: _keyword, ...filters } = query;
  return download(
    api.GET('/api/brands/awards/export', { params: { query: filters }, parseAs: 'blob' }),
    'brand-selections.xlsx',
  );
}

export function useDeleteAward() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: (awardId: number) =>
      unwrap(api.DELETE('/api/brands/awards/{awardId}', { params: { path: { awardId } } })),
    onSuccess,
  });
}

// ---- one brand ----

export function brandQueryOptions(id: number | undefined) {
  return queryOptions({
    queryKey: [...brandsQueryKey, 'record', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/brands/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useBrand(id: number | undefined) {
  return useQuery(brandQueryOptions(id));
}

export function useBrandHistory(id: number) {
  return useQuery({
    queryKey: [...brandsQueryKey, 'history', id],
    queryFn: () => unwrap(api.GET('/api/brands/{id}/history', { params: { path: { id } } })),
  });
}

export function useCreateBrand() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: (body: CreateBrandBody) => unwrap(api.POST('/api/brands', { body })),
    onSuccess,
  });
}

export function useUpdateBrand() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateBrandBody }) =>
      unwrap(api.PATCH('/api/brands/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useDeleteBrand() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/brands/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

/** An application step, by the route's actions (withdrawal goes through a review). */
export interface BrandStep {
  action: 'submit' | 'approve' | 'return' | 'reapply';
  comment?: string;
}

/** Takes an application step: submit, approve, return (with a comment) or re-apply. */
export function useBrandTransition(id: number) {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: ({ action, comment }: BrandStep) =>
      unwrap(
        api.POST('/api/brands/{id}/transitions/{action}', {
          params: { path: { id, action } },
          body: comment ? { comment } : {},
        }),
      ),
    onSuccess,
  });
}

export function useAddReview(id: number) {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: (body: CreateReviewBody) =>
      unwrap(api.POST('/api/brands/{id}/reviews', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useAddInspection(id: number) {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: (body: CreateInspectionBody) =>
      unwrap(api.POST('/api/brands/{id}/inspections', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useAddAward(id: number) {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: (body: CreateAwardBody) =>
      unwrap(api.POST('/api/brands/{id}/awards', { params: { path: { id } }, body })),
    onSuccess,
  });
}

// ---- attachments ----

/** Where an attachment is downloaded from (the session cookie goes with it). */
export function brandFileUrl(brandId: number, fileId: number) {
  return `/api/brands/${brandId}/files/${fileId}`;
}

export function useUploadBrandFile() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) =>
      unwrap(
        api.POST('/api/brands/{id}/files', {
          params: { path: { id }, query: {} },
          // A multipart upload: the OpenAPI document does not describe the body of these routes.
          body: fileForm(file, file.name) as never,
        }),
      ),
    onSuccess,
  });
}

export function useRemoveBrandFile() {
  const onSuccess = useInvalidateBrands();
  return useMutation({
    mutationFn: ({ id, fileId }: { id: number; fileId: number }) =>
      unwrap(api.DELETE('/api/brands/{id}/files/{fileId}', { params: { path: { id, fileId } } })),
    onSuccess,
  });
}
