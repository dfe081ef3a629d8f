import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, fileForm, unwrap } from '../../api/client';
import { todosQueryKey } from '../../api/todos';
import type { ListQuery } from '../../components/list-page';
import type { CreateMeetingBody, ListMeetingsQuery, UpdateMeetingBody } from './types';

/**
 * Every meeting query starts with this key: a meeting recorded, changed or reviewed changes lists, the
 * record, its timeline and the completion matrix, so one invalidation refreshes them all (and the to-do
 * list, which holds the meetings waiting for review).
 */
export const meetingsQueryKey = ['meetings'] as const;

function useInvalidateMeetings() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingsQueryKey }),
      queryClient.invalidateQueries({ queryKey: todosQueryKey }),
    ]);
}

// ---- lists ----

/** The list's filters: GET /api/branches/meetings without paging. */
export type MeetingFilters = Omit<ListMeetingsQuery, 'page' | 'pageSize'>;

export const meetingListQueryKey = [...meetingsQueryKey, 'list'] as const;

export function fetchMeetings(query: ListQuery<MeetingFilters>) {
  const { keyword: _keyword, ...rest } = query;
  return unwrap(api.GET('/api/branches/meetings', { params: { query: rest } }));
}

/** Downloads the filtered meeting list (the ledger, 台账) as .xlsx. */
export function exportMeetings(query: Partial<ListQuery<MeetingFilters>>) {
  const { page: _page, pageSize: _pageSize, keyword: _keyword, ...filters } = query;
  return download(
    api.GET('/api/branches/meetings/export', { params: { query: filters }, parseAs: 'blob' }),
    'meetings.xlsx',
  );
}

// ---- one meeting ----

export function meetingQueryOptions(id: number | undefined) {
  return queryOptions({
    queryKey: [...meetingsQueryKey, 'record', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/branches/meetings/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useMeeting(id: number | undefined) {
  return useQuery(meetingQueryOptions(id));
}

export function useMeetingHistory(id: number) {
  return useQuery({
    queryKey: [...meetingsQueryKey, 'history', id],
    queryFn: () => unwrap(api.GET('/api/branches/meetings/{id}/history', { params: { path: { id } } })),
  });
}

export function useCreateMeeting(branchId: number) {
  const onSuccess = useInvalidateMeetings();
  return useMutation({
    mutationFn: (body: CreateMeetingBody) =>
      unwrap(api.POST('/api/branches/{id}/meetings', { params: { path: { id: branchId } }, body })),
    onSuccess,
  });
}

export function useUpdateMeeting() {
  const onSuccess = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateMeetingBody }) =>
      unwrap(api.PATCH('/api/branches/meetings/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useDeleteMeeting() {
  const onSuccess = useInvalidateMeetings();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/branches/meetings/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

/** Takes a review step: submit, approve, or return (with the comment the server requires). */
export function useMeetingTransition(id: number) {
  const onSuccess = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ action, comment }: { action: 'submit' | 'approve' | 'return'; comment?: string }) =>
      unwrap(
        api.POST('/api/branches/meetings/{id}/transitions/{action}', {
          params: { path: { id, action } },
          body: comment ? { comment } : {},
        }),
      ),
    onSuccess,
  });
}

// ---- photos and attachments ----

/** Where a photo or attachment is shown and downloaded from (the session cookie goes with it). */
export function meetingFileUrl(meetingId: number, fileId: number) {
  return `/api/branches/meetings/${meetingId}/files/${fileId}`;
}

export function useUploadMeetingFile() {
  const onSuccess = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ id, file, kind }: { id: number; file: File; kind: 'photo' | 'attachment' }) =>
      unwrap(
        api.POST('/api/branches/meetings/{id}/files', {
          params: { path: { id }, query: { kind } },
          // A multipart upload: the OpenAPI document does not describe the body of these routes.
          body: fileForm(file, file.name) as never,
        }),
      ),
    onSuccess,
  });
}

export function useRemoveMeetingFile() {
  const onSuccess = useInvalidateMeetings();
  return useMutation({
    mutationFn: ({ id, fileId }: { id: number; fileId: number }) =>
      unwrap(api.DELETE('/api/branches/meetings/{id}/files/{fileId}', { params: { path: { id, fileId } } })),
    onSuccess,
  });
}

// ---- the completion matrix ----

export function useOrgMatrix(year: number, orgId: number | undefined) {
  return useQuery({
    queryKey: [...meetingsQueryKey, 'matrix', 'org', year, orgId ?? 0],
    queryFn: () => unwrap(api.GET('/api/branches/meetings/matrix', { params: { query: { year, orgId } } })),
  });
}

export function exportOrgMatrix(year: number, orgId: number | undefined) {
  return download(
    api.GET('/api/branches/meetings/matrix/export', {
      params: { query: { year, orgId } },
      parseAs: 'blob',
    }),
    'meetings-matrix.xlsx',
  );
}

export function useBranchMatrix(branchId: number | undefined, year: number) {
  return useQuery({
    queryKey: [...meetingsQueryKey, 'matrix', 'branch', branchId ?? 0, year],
    queryFn: () =>
      unwrap(
        api.GET('/api/branches/{id}/meetings/matrix', {
          params: { path: { id: branchId ?? 0 }, query: { year } },
        }),
      ),
    enabled: branchId !== undefined,
  });
}
