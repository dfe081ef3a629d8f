import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, fileForm, unwrap } from '../../api/client';
import type { ListQuery } from '../../components/list-page';
import type {
  CreateLessonBody,
  CreatePostBody,
  CreateProgrammeBody,
  CreateRecordBody,
  CreateSessionBody,
  ListLessonsQuery,
  ListPostsQuery,
  ListRecordsQuery,
  UpdateLessonBody,
  UpdatePostBody,
  UpdateProgrammeBody,
} from './types';

/**
 * Every learning query starts with this key: a lesson studied, a session attended or a post withdrawn
 * changes lists, records and yearly figures alike, so one invalidation refreshes them all.
 */
export const learningQueryKey = ['learning'] as const;

function useInvalidateLearning() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: learningQueryKey });
}

/** Leaves out what the export does not take (paging, and the list's keyword when it has none). */
function filtersOf<F extends object>(query: Partial<ListQuery<F>>) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return filters;
}

// ---- lessons ----

export type LessonFilters = Omit<ListLessonsQuery, 'page' | 'pageSize'>;
export const lessonListQueryKey = [...learningQueryKey, 'lessons'] as const;

export function fetchLessons(query: ListQuery<LessonFilters>) {
  return unwrap(api.GET('/api/learning/lessons', { params: { query } }));
}

export function exportLessons(query: Partial<ListQuery<LessonFilters>>) {
  return download(
    api.GET('/api/learning/lessons/export', { params: { query: filtersOf(query) }, parseAs: 'blob' }),
    'lessons.xlsx',
  );
}

export function useLessonStats(year: number) {
  return useQuery({
    queryKey: [...learningQueryKey, 'lessons', 'stats', year],
    queryFn: () => unwrap(api.GET('/api/learning/lessons/stats', { params: { query: { year } } })),
  });
}

export function useLesson(id: number | undefined) {
  return useQuery({
    queryKey: [...learningQueryKey, 'lesson', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/learning/lessons/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

/** Uploads a lesson file (a video, PDF, Word or PowerPoint) for the lesson form to name by id. */
export function useUploadLessonFile() {
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/learning/lesson-files', {
          // A multipart upload: the OpenAPI document does not describe the body of these routes.
          body: fileForm(file, file.name) as never,
        }),
      ),
  });
}

/** Where a lesson's uploaded file is read (shown in place when the browser can). */
export function lessonFileUrl(lessonId: number) {
  return `/api/learning/lessons/${lessonId}/file`;
}

export function useCreateLesson() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (body: CreateLessonBody) => unwrap(api.POST('/api/learning/lessons', { body })),
    onSuccess,
  });
}

export function useUpdateLesson() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateLessonBody }) =>
      unwrap(api.PATCH('/api/learning/lessons/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useDeleteLesson() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/learning/lessons/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

/** Counts one view of a lesson (once each time its page is opened). */
export function useViewLesson() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/learning/lessons/{id}/views', { params: { path: { id } } })),
    onSuccess,
  });
}

export function useLessonRecords(id: number) {
  return useQuery({
    queryKey: [...learningQueryKey, 'lesson', id, 'records'],
    queryFn: () => unwrap(api.GET('/api/learning/lessons/{id}/records', { params: { path: { id } } })),
  });
}

export function useAddRecord(lessonId: number) {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (body: CreateRecordBody) =>
      unwrap(api.POST('/api/learning/lessons/{id}/records', { params: { path: { id: lessonId } }, body })),
    onSuccess,
  });
}

// ---- learning records ----

export type RecordFilters = Omit<ListRecordsQuery, 'page' | 'pageSize'>;
export const recordListQueryKey = [...learningQueryKey, 'records'] as const;

export function fetchRecords(query: ListQuery<RecordFilters>) {
  return unwrap(api.GET('/api/learning/records', { params: { query } }));
}

export function exportRecords(query: Partial<ListQuery<RecordFilters>>) {
  return download(
    api.GET('/api/learning/records/export', { params: { query: filtersOf(query) }, parseAs: 'blob' }),
    'learning-records.xlsx',
  );
}

// ---- programmes ----

export function useProgrammeStats(year: number | undefined) {
  return useQuery({
    queryKey: [...learningQueryKey, 'programmes', 'stats', year ?? 0],
    queryFn: () => unwrap(api.GET('/api/learning/programmes/stats', { params: { query: { year } } })),
  });
}

export function exportProgrammes(year: number | undefined) {
  return download(
    api.GET('/api/learning/programmes/export', { params: { query: { year } }, parseAs: 'blob' }),
    'programmes.xlsx',
  );
}

export function exportAttendance(id: number) {
  return download(
    api.GET('/api/learning/programmes/{id}/attendance/export', { params: { path: { id } }, parseAs: 'blob' }),
    'attendance.xlsx',
  );
}

export function useProgramme(id: number | undefined) {
  return useQuery({
    queryKey: [...learningQueryKey, 'programme', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/learning/programmes/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useCreateProgramme() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (body: CreateProgrammeBody) => unwrap(api.POST('/api/learning/programmes', { body })),
    onSuccess,
  });
}

export function useUpdateProgramme() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateProgrammeBody }) =>
      unwrap(api.PATCH('/api/learning/programmes/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useDeleteProgramme() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/learning/programmes/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

export function useAddSession(programmeId: number) {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (body: CreateSessionBody) =>
      unwrap(
        api.POST('/api/learning/programmes/{id}/sessions', { params: { path: { id: programmeId } }, body }),
      ),
    onSuccess,
  });
}

export function useUpdateSession() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CreateSessionBody }) =>
      unwrap(api.PATCH('/api/learning/sessions/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useDeleteSession() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/learning/sessions/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

export function useAttendance(sessionId: number) {
  return useQuery({
    queryKey: [...learningQueryKey, 'session', sessionId, 'attendance'],
    queryFn: () =>
      unwrap(api.GET('/api/learning/sessions/{id}/attendance', { params: { path: { id: sessionId } } })),
  });
}

export function useAddAttendee(sessionId: number) {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (cadreId: number) =>
      unwrap(
        api.POST('/api/learning/sessions/{id}/attendance', {
          params: { path: { id: sessionId } },
          body: { cadreId },
        }),
      ),
    onSuccess,
  });
}

export function useRemoveAttendee(sessionId: number) {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (cadreId: number) =>
      unwrap(
        api.DELETE('/api/learning/sessions/{id}/attendance/{cadreId}', {
          params: { path: { id: sessionId, cadreId } },
        }),
      ),
    onSuccess,
  });
}

// ---- posts ----

export type PostFilters = Omit<ListPostsQuery, 'page' | 'pageSize'>;
export const postListQueryKey = [...learningQueryKey, 'posts'] as const;

export function fetchPosts(query: ListQuery<PostFilters>) {
  return unwrap(api.GET('/api/learning/posts', { params: { query } }));
}

export function exportPosts(query: Partial<ListQuery<PostFilters>>) {
  return download(
    api.GET('/api/learning/posts/export', { params: { query: filtersOf(query) }, parseAs: 'blob' }),
    'posts.xlsx',
  );
}

export function usePost(id: number | undefined) {
  return useQuery({
    queryKey: [...learningQueryKey, 'post', id ?? 0],
    queryFn: () => unwrap(api.GET('/api/learning/posts/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useCreatePost() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (body: CreatePostBody) => unwrap(api.POST('/api/learning/posts', { body })),
    onSuccess,
  });
}

export function useUpdatePost() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdatePostBody }) =>
      unwrap(api.PATCH('/api/learning/posts/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

export function useWithdrawPost() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      unwrap(api.POST('/api/learning/posts/{id}/withdraw', { params: { path: { id } }, body: { reason } })),
    onSuccess,
  });
}

export function useRepublishPost() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/learning/posts/{id}/republish', { params: { path: { id } } })),
    onSuccess,
  });
}

/** Where a post's photo or attachment is shown and downloaded from (the session cookie goes with it). */
export function postFileUrl(postId: number, fileId: number) {
  return `/api/learning/posts/${postId}/files/${fileId}`;
}

export function useUploadPostFile() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, file, kind }: { id: number; file: File; kind: 'photo' | 'attachment' }) =>
      unwrap(
        api.POST('/api/learning/posts/{id}/files', {
          params: { path: { id }, query: { kind } },
          // A multipart upload: the OpenAPI document does not describe the body of these routes.
          body: fileForm(file, file.name) as never,
        }),
      ),
    onSuccess,
  });
}

export function useRemovePostFile() {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: ({ id, fileId }: { id: number; fileId: number }) =>
      unwrap(api.DELETE('/api/learning/posts/{id}/files/{fileId}', { params: { path: { id, fileId } } })),
    onSuccess,
  });
}

export function usePostReads(id: number) {
  return useQuery({
    queryKey: [...learningQueryKey, 'post', id, 'reads'],
    queryFn: () => unwrap(api.GET('/api/learning/posts/{id}/reads', { params: { path: { id } } })),
  });
}

export function useAddPostRead(id: number) {
  const onSuccess = useInvalidateLearning();
  return useMutation({
    mutationFn: (cadreId: number) =>
      unwrap(api.POST('/api/learning/posts/{id}/reads', { params: { path: { id } }, body: { cadreId } })),
    onSuccess,
  });
}
