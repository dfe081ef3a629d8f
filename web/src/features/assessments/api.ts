import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../api/client';
import type { QueryParams } from '../../api/types';
import type {
  CreateDimensionBody,
  CreateMeasureBody,
  CreateStandardBody,
  CreateVersionBody,
  ReorderBody,
  UpdateDimensionBody,
  UpdateMeasureBody,
  Version,
} from './types';

/**
 * Every standards query starts with this key: a version published, withdrawn or edited changes the
 * standards list (its version summaries) as well as the version itself, so one invalidation does both.
 */
export const assessmentsQueryKey = ['assessments'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: assessmentsQueryKey });
}

/**
 * After an edit the server answers the whole version: put it in the cache at once (the editor shows
 * it without a second request) and refresh the rest.
 */
function useVersionMutation<V>(run: (variables: V) => Promise<Version>) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: run,
    onSuccess: (version) => {
      queryClient.setQueryData(versionQueryOptions(version.id).queryKey, version);
      return invalidate();
    },
  });
}

// ---- standards ----

const standardsQueryOptions = queryOptions({
  queryKey: [...assessmentsQueryKey, 'standards'],
  queryFn: () => unwrap(api.GET('/api/assessments/standards')),
});

export function useStandards() {
  return useQuery(standardsQueryOptions);
}

/** One standard's versions, read off the standards list (there is no separate request for them). */
export function useStandardVersions(standardId: number) {
  return useQuery({
    ...standardsQueryOptions,
    select: (standards) => standards.find((s) => s.id === standardId)?.versions ?? [],
  });
}

export function useCreateStandard() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateStandardBody) => unwrap(api.POST('/api/assessments/standards', { body })),
    onSuccess,
  });
}

/** Starts a standard's next version as a draft: empty, or copied from `copyFrom`. */
export function useCreateVersion() {
  return useVersionMutation(({ standardId, body }: { standardId: number; body: CreateVersionBody }) =>
    unwrap(
      api.POST('/api/assessments/standards/{id}/versions', { params: { path: { id: standardId } }, body }),
    ),
  );
}

// ---- one version ----

export function versionQueryOptions(id: number | undefined) {
  return queryOptions({
    queryKey: [...assessmentsQueryKey, 'version', id ?? 0],
    queryFn: () =>
      unwrap(api.GET('/api/assessments/standards/versions/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useVersion(id: number | undefined) {
  return useQuery(versionQueryOptions(id));
}

/** Downloads a version (dimensions, measures, evidence, rule and points) as .xlsx. */
export function exportVersion(id: number) {
  return download(
    api.GET('/api/assessments/standards/versions/{id}/export', {
      params: { path: { id } },
      parseAs: 'blob',
    }),
    `standard-version-${id}.xlsx`,
  );
}

export function useUpdateVersionNotes(id: number) {
  return useVersionMutation((notes: string | null) =>
    unwrap(
      api.PATCH('/api/assessments/standards/versions/{id}', { params: { path: { id } }, body: { notes } }),
    ),
  );
}

export function useDeleteVersion() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/assessments/standards/versions/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

export type VersionAction = 'publish' | 'withdraw' | 'freeze';

/** Publishes a complete draft, withdraws a published version to draft, or freezes it. */
export function useVersionAction(id: number) {
  return useVersionMutation((action: VersionAction) => {
    const path = { params: { path: { id } } };
    if (action === 'publish')
      return unwrap(api.POST('/api/assessments/standards/versions/{id}/publish', path));
    if (action === 'withdraw')
      return unwrap(api.POST('/api/assessments/standards/versions/{id}/withdraw', path));
    return unwrap(api.POST('/api/assessments/standards/versions/{id}/freeze', path));
  });
}

/** Puts the draft's dimensions and measures in the given order (measures may change dimension). */
export function useReorder(id: number) {
  return useVersionMutation((body: ReorderBody) =>
    unwrap(api.PUT('/api/assessments/standards/versions/{id}/order', { params: { path: { id } }, body })),
  );
}

// ---- dimensions and measures ----

export function useAddDimension(versionId: number) {
  return useVersionMutation((body: CreateDimensionBody) =>
    unwrap(
      api.POST('/api/assessments/standards/versions/{id}/dimensions', {
        params: { path: { id: versionId } },
        body,
      }),
    ),
  );
}

export function useUpdateDimension() {
  return useVersionMutation(({ id, body }: { id: number; body: UpdateDimensionBody }) =>
    unwrap(api.PATCH('/api/assessments/standards/dimensions/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeleteDimension() {
  return useVersionMutation((id: number) =>
    unwrap(api.DELETE('/api/assessments/standards/dimensions/{id}', { params: { path: { id } } })),
  );
}

export function useAddMeasure() {
  return useVersionMutation(({ dimensionId, body }: { dimensionId: number; body: CreateMeasureBody }) =>
    unwrap(
      api.POST('/api/assessments/standards/dimensions/{id}/measures', {
        params: { path: { id: dimensionId } },
        body,
      }),
    ),
  );
}

export function useUpdateMeasure() {
  return useVersionMutation(({ id, body }: { id: number; body: UpdateMeasureBody }) =>
    unwrap(api.PATCH('/api/assessments/standards/measures/{id}', { params: { path: { id } }, body })),
  );
}

export function useDeleteMeasure() {
  return useVersionMutation((id: number) =>
    unwrap(api.DELETE('/api/assessments/standards/measures/{id}', { params: { path: { id } } })),
  );
}

/** The standards list's filters (the server's export takes the same). */
export type StandardFilters = QueryParams<'/api/assessments/standards/export', 'get'>;

/** Downloads the standards and their versions, with the list's filters, as .xlsx. */
export function exportStandards(filters: StandardFilters) {
  return download(
    api.GET('/api/assessments/standards/export', { params: { query: filters }, parseAs: 'blob' }),
    'standards.xlsx',
  );
}
