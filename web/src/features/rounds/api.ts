import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, fileForm, unwrap } from '../../api/client';
import { todosQueryKey } from '../../api/todos';
import type { ListQuery } from '../../components/list-page';
import type {
  AnswerBody,
  AssessmentAction,
  AssessmentResult,
  AssessmentState,
  BoardQuery,
  CheckBody,
  DemonstrationBody,
  ListRoundsQuery,
  OpenRoundBody,
  VerificationMode,
} from './types';

/**
 * Every round query starts with this key: a step taken on a branch's assessment changes the record, the
 * round's board and figures, the round list's counts and a branch's history, so one invalidation
 * refreshes them all (and the to-do list, which holds the assessments waiting for someone).
 */
export const roundsQueryKey = ['rounds'] as const;

function useInvalidateRounds() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: roundsQueryKey }),
      queryClient.invalidateQueries({ queryKey: todosQueryKey }),
    ]);
}

// ---- rounds ----

/** The round list's filters: GET /api/assessments/rounds without paging. */
export type RoundFilters = Omit<ListRoundsQuery, 'page' | 'pageSize'>;

export const roundListQueryKey = [...roundsQueryKey, 'list'] as const;

export function fetchRounds(query: ListQuery<RoundFilters>) {
  const { keyword: _keyword, ...rest } = query;
  return unwrap(api.GET('/api/assessments/rounds', { params: { query: rest } }));
}

/** Downloads the filtered round list as .xlsx. */
export function exportRounds(query: Partial<ListQuery<RoundFilters>>) {
  const { page: _page, pageSize: _pageSize, keyword: _keyword, ...filters } = query;
  return download(
    api.GET('/api/assessments/rounds/export', { params: { query: filters }, parseAs: 'blob' }),
    'rounds.xlsx',
  );
}

export function roundQueryOptions(id: number | undefined) {
  return queryOptions({
    queryKey: [...roundsQueryKey, 'round', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/assessments/rounds/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useRound(id: number | undefined) {
  return useQuery(roundQueryOptions(id));
}

export function useOpenRound() {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: (body: OpenRoundBody) => unwrap(api.POST('/api/assessments/rounds', { body })),
    onSuccess,
  });
}

export function useCloseRound() {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/assessments/rounds/{id}/close', { params: { path: { id } } })),
    onSuccess,
  });
}

/** The standards with their versions: a round opens on a published (or already frozen) one. */
export function useStandards(enabled = true) {
  return useQuery({
    queryKey: [...roundsQueryKey, 'standards'],
    queryFn: () => unwrap(api.GET('/api/assessments/standards')),
    enabled,
  });
}

// ---- figures and board ----

export function useFigures(roundId: number, orgId: number | undefined) {
  return useQuery({
    queryKey: [...roundsQueryKey, 'figures', roundId, orgId ?? 0],
    queryFn: () =>
      unwrap(
        api.GET('/api/assessments/rounds/{id}/figures', {
          params: { path: { id: roundId }, query: { orgId } },
        }),
      ),
  });
}

/** The board's filters: GET /api/assessments/rounds/{id}/assessments without paging. */
export type BoardFilters = Omit<BoardQuery, 'page' | 'pageSize'>;

export function fetchBoard(roundId: number, query: ListQuery<BoardFilters>) {
  const { keyword, ...rest } = query;
  return unwrap(
    api.GET('/api/assessments/rounds/{id}/assessments', {
      params: { path: { id: roundId }, query: { ...rest, ...(keyword ? { keyword } : {}) } },
    }),
  );
}

/** Downloads the round's filtered results table as .xlsx. */
export function exportBoard(roundId: number, query: Partial<ListQuery<BoardFilters>>) {
  const { page: _page, pageSize: _pageSize, keyword, ...filters } = query;
  return download(
    api.GET('/api/assessments/rounds/{id}/assessments/export', {
      params: { path: { id: roundId }, query: { ...filters, ...(keyword ? { keyword } : {}) } },
      parseAs: 'blob',
    }),
    'round-results.xlsx',
  );
}

export function useBranchRounds(branchId: number) {
  return useQuery({
    queryKey: [...roundsQueryKey, 'branch', branchId],
    queryFn: () =>
      unwrap(api.GET('/api/assessments/branches/{id}/rounds', { params: { path: { id: branchId } } })),
  });
}

/** Downloads a branch's rounds as .xlsx, filtered by state and result. */
export function exportBranchRounds(
  branchId: number,
  filters: { state?: AssessmentState; result?: AssessmentResult | 'none' },
) {
  return download(
    api.GET('/api/assessments/branches/{id}/rounds/export', {
      params: { path: { id: branchId }, query: { state: filters.state, result: filters.result } },
      parseAs: 'blob',
    }),
    'branch-rounds.xlsx',
  );
}

// ---- a branch's assessment ----

export function useAssessment(id: number | undefined) {
  return useQuery({
    queryKey: [...roundsQueryKey, 'assessment', id ?? 0],
    queryFn: () =>
      unwrap(api.GET('/api/assessments/branch-assessments/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useAssessmentHistory(id: number) {
  return useQuery({
    queryKey: [...roundsQueryKey, 'assessment-history', id],
    queryFn: () =>
      unwrap(api.GET('/api/assessments/branch-assessments/{id}/history', { params: { path: { id } } })),
  });
}

/** Where an evidence file is shown and downloaded from (the session cookie goes with it). */
export function evidenceFileUrl(assessmentId: number, fileId: number) {
  return `/api/assessments/branch-assessments/${assessmentId}/files/${fileId}`;
}

export function useSaveAnswer(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ measureId, body }: { measureId: number; body: AnswerBody }) =>
      unwrap(
        api.PUT('/api/assessments/branch-assessments/{id}/answers/{measureId}', {
          params: { path: { id, measureId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useUploadEvidence(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ measureId, file }: { measureId: number; file: File }) =>
      unwrap(
        api.POST('/api/assessments/branch-assessments/{id}/files', {
          params: { path: { id }, query: { measureId } },
          // A multipart upload: the OpenAPI document does not describe the body of this route.
          body: fileForm(file, file.name) as never,
        }),
      ),
    onSuccess,
  });
}

export function useAttachMeeting(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ measureId, meetingId }: { measureId: number; meetingId: number }) =>
      unwrap(
        api.POST('/api/assessments/branch-assessments/{id}/answers/{measureId}/meetings', {
          params: { path: { id, measureId } },
          body: { meetingId },
        }),
      ),
    onSuccess,
  });
}

export function useRemoveEvidence(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: (evidenceId: number) =>
      unwrap(
        api.DELETE('/api/assessments/branch-assessments/{id}/evidence/{evidenceId}', {
          params: { path: { id, evidenceId } },
        }),
      ),
    onSuccess,
  });
}

/** The branch's approved meetings of a year: what a measure taking meetings can cite. */
export function useApprovedMeetings(branchId: number, year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...roundsQueryKey, 'meetings', branchId, year],
    queryFn: () =>
      unwrap(
        api.GET('/api/branches/{id}/meetings', {
          params: { path: { id: branchId }, query: { state: 'approved', year, page: 1, pageSize: 200 } },
        }),
      ),
    enabled,
  });
}

export function useSaveCheck(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ measureId, body }: { measureId: number; body: CheckBody }) =>
      unwrap(
        api.PUT('/api/assessments/branch-assessments/{id}/checks/{measureId}', {
          params: { path: { id, measureId } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useAssessmentTransition(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: ({
      action,
      comment,
      mode,
    }: {
      action: AssessmentAction;
      comment?: string;
      mode?: VerificationMode;
    }) =>
      unwrap(
        api.POST('/api/assessments/branch-assessments/{id}/transitions/{action}', {
          params: { path: { id, action } },
          body: { ...(comment ? { comment } : {}), ...(mode ? { mode } : {}) },
        }),
      ),
    onSuccess,
  });
}

export function useNameDemonstration(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: (body: DemonstrationBody) =>
      unwrap(
        api.POST('/api/assessments/branch-assessments/{id}/demonstrations', {
          params: { path: { id } },
          body,
        }),
      ),
    onSuccess,
  });
}

export function useRevokeDemonstration(id: number) {
  const onSuccess = useInvalidateRounds();
  return useMutation({
    mutationFn: ({ demonstrationId, reason }: { demonstrationId: number; reason: string }) =>
      unwrap(
        api.POST('/api/assessments/branch-assessments/{id}/demonstrations/{demonstrationId}/revoke', {
          params: { path: { id, demonstrationId } },
          body: { reason },
        }),
      ),
    onSuccess,
  });
}
