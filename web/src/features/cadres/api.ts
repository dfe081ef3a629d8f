import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, fileForm, unwrap } from '../../api/client';
import type {
  Cadre,
  CreateCadreBody,
  FamilyMemberBody,
  HealthBody,
  HospitalStayBody,
  ListCadresQuery,
  RecordDeathBody,
  TravelBody,
  UpdateCadreBody,
} from '../../api/types';
import type { ListQuery } from '../../components/list-page';

/** Every roster query starts with this key, so one invalidation refreshes lists, records and ledgers. */
export const cadresQueryKey = ['cadres'] as const;

/** The list's filters: the query of GET /api/cadres without paging and keyword. */
export type CadreFilters = Omit<ListCadresQuery, 'page' | 'pageSize' | 'keyword'>;

export function fetchCadres(query: ListQuery<CadreFilters>) {
  return unwrap(api.GET('/api/cadres', { params: { query } }));
}

/** Downloads the filtered roster as .xlsx: the list's query without its paging. */
export function exportCadres(query: ListQuery<CadreFilters>) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return download(
    api.GET('/api/cadres/export', { params: { query: filters }, parseAs: 'blob' }),
    'roster.xlsx',
  );
}

export function downloadImportTemplate() {
  return download(api.GET('/api/cadres/import-template', { parseAs: 'blob' }), 'roster-template.xlsx');
}

export function cadreQueryKey(id: number) {
  return [...cadresQueryKey, 'record', id] as const;
}

export function cadreQueryOptions(id: number | undefined) {
  return queryOptions({
    queryKey: cadreQueryKey(id ?? 0),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

/** One record; `undefined` (no valid id in the address) fetches nothing. */
export function useCadre(id: number | undefined) {
  return useQuery(cadreQueryOptions(id));
}

// Not refetched after a write to a record: the health profile (every read of it is audited) and imports.
const KEPT_ON_WRITE = new Set<unknown>(['health', 'import']);

/** After any write to a record: its cached copy is replaced, lists and its history refetched. */
function useRecordChanged() {
  const queryClient = useQueryClient();
  return (cadre: Cadre) => {
    queryClient.setQueryData(cadreQueryKey(cadre.id), cadre);
    void queryClient.invalidateQueries({
      queryKey: cadresQueryKey,
      predicate: ({ queryKey: [, kind, id] }) =>
        !KEPT_ON_WRITE.has(kind) && !(kind === 'record' && id === cadre.id),
    });
  };
}

export function useCreateCadre() {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: (body: CreateCadreBody) => unwrap(api.POST('/api/cadres', { body })),
    onSuccess: changed,
  });
}

export function useUpdateCadre(id: number) {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: (body: UpdateCadreBody) =>
      unwrap(api.PATCH('/api/cadres/{id}', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

/** The plain ID number and phones; each call is recorded in the audit log, so it is never cached. */
export function useRevealCadre(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/cadres/{id}/reveal', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreHistoryQueryKey(id) }),
  });
}

export function useUploadPhoto(id: number) {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.POST('/api/cadres/{id}/photo', {
          params: { path: { id } },
          // A multipart upload: the OpenAPI document does not describe the body of these routes.
          body: fileForm(file, file.name) as never,
        }),
      ),
    onSuccess: changed,
  });
}

export function useRecordDeath(id: number) {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: (body: RecordDeathBody) =>
      unwrap(api.POST('/api/cadres/{id}/death', { params: { path: { id } }, body })),
    onSuccess: changed,
  });
}

export function useReverseDeath(id: number) {
  const changed = useRecordChanged();
  return useMutation({
    mutationFn: (reason: string) =>
      unwrap(api.POST('/api/cadres/{id}/death/reverse', { params: { path: { id } }, body: { reason } })),
    onSuccess: changed,
  });
}

function cadreHistoryQueryKey(id: number) {
  return [...cadresQueryKey, 'history', id] as const;
}

export function useCadreHistory(id: number) {
  return useQuery({
    queryKey: cadreHistoryQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}/history', { params: { path: { id } } })),
  });
}

function healthQueryKey(id: number) {
  return [...cadresQueryKey, 'health', id] as const;
}

/** The health profile: sensitive, and every read is audited, so it is fetched only when shown. */
export function useCadreHealth(id: number, enabled: boolean) {
  return useQuery({
    queryKey: healthQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}/health', { params: { path: { id } } })),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSaveHealth(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HealthBody) =>
      unwrap(api.PUT('/api/cadres/{id}/health', { params: { path: { id } }, body })),
    onSuccess: (health) => {
      queryClient.setQueryData(healthQueryKey(id), health);
      void queryClient.invalidateQueries({ queryKey: cadreHistoryQueryKey(id) });
    },
  });
}

// ---- ledgers: entries of a record, each a list with add, change and remove ----

function ledgerQueryKey(ledger: string, id: number) {
  return [...cadresQueryKey, ledger, id] as const;
}

function useLedgerChanged(ledger: string, id: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerQueryKey(ledger, id) }),
      queryClient.invalidateQueries({ queryKey: cadreHistoryQueryKey(id) }),
      queryClient.invalidateQueries({ queryKey: [...cadresQueryKey, 'across', ledger] }),
    ]);
}

export function useFamily(id: number) {
  return useQuery({
    queryKey: ledgerQueryKey('family', id),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}/family', { params: { path: { id } } })),
  });
}

export function useSaveFamily(id: number) {
  const onSuccess = useLedgerChanged('family', id);
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId?: number; body: FamilyMemberBody }) =>
      entryId === undefined
        ? unwrap(api.POST('/api/cadres/{id}/family', { params: { path: { id } }, body }))
        : unwrap(api.PATCH('/api/cadres/{id}/family/{entryId}', { params: { path: { id, entryId } }, body })),
    onSuccess,
  });
}

export function useDeleteFamily(id: number) {
  const onSuccess = useLedgerChanged('family', id);
  return useMutation({
    mutationFn: (entryId: number) =>
      unwrap(api.DELETE('/api/cadres/{id}/family/{entryId}', { params: { path: { id, entryId } } })),
    onSuccess,
  });
}

export function useHospitalStays(id: number) {
  return useQuery({
    queryKey: ledgerQueryKey('hospital-stays', id),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}/hospital-stays', { params: { path: { id } } })),
  });
}

export function useSaveHospitalStay(id: number) {
  const onSuccess = useLedgerChanged('hospital-stays', id);
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId?: number; body: HospitalStayBody }) =>
      entryId === undefined
        ? unwrap(api.POST('/api/cadres/{id}/hospital-stays', { params: { path: { id } }, body }))
        : unwrap(
            api.PATCH('/api/cadres/{id}/hospital-stays/{entryId}', {
              params: { path: { id, entryId } },
              body,
            }),
          ),
    onSuccess,
  });
}

export function useDeleteHospitalStay(id: number) {
  const onSuccess = useLedgerChanged('hospital-stays', id);
  return useMutation({
    mutationFn: (entryId: number) =>
      unwrap(api.DELETE('/api/cadres/{id}/hospital-stays/{entryId}', { params: { path: { id, entryId } } })),
    onSuccess,
  });
}

export function useTravels(id: number) {
  return useQuery({
    queryKey: ledgerQueryKey('travels', id),
    queryFn: () => unwrap(api.GET('/api/cadres/{id}/travels', { params: { path: { id } } })),
  });
}

export function useSaveTravel(id: number) {
  const onSuccess = useLedgerChanged('travels', id);
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId?: number; body: TravelBody }) =>
      entryId === undefined
        ? unwrap(api.POST('/api/cadres/{id}/travels', { params: { path: { id } }, body }))
        : unwrap(
            api.PATCH('/api/cadres/{id}/travels/{entryId}', { params: { path: { id, entryId } }, body }),
          ),
    onSuccess,
  });
}

export function useDeleteTravel(id: number) {
  const onSuccess = useLedgerChanged('travels', id);
  return useMutation({
    mutationFn: (entryId: number) =>
      unwrap(api.DELETE('/api/cadres/{id}/travels/{entryId}', { params: { path: { id, entryId } } })),
    onSuccess,
  });
}

// ---- registers across records ----

export const hospitalStaysAcrossQueryKey = [...cadresQueryKey, 'across', 'hospital-stays'] as const;

export interface DateRangeFilters {
  from: string;
  to: string;
}

export function fetchHospitalStaysAcross(query: ListQuery<DateRangeFilters>) {
  return unwrap(api.GET('/api/cadre-ledgers/hospital-stays', { params: { query } }));
}

// ---- birthdays ----

export interface BirthdayFilters {
  days: number;
  orgId: number;
  category: 'lixiu' | 'tuixiu';
}

export function birthdaysQueryOptions(filters: Partial<BirthdayFilters>) {
  const query = { days: filters.days ?? 7, orgId: filters.orgId, category: filters.category };
  return queryOptions({
    queryKey: [...cadresQueryKey, 'birthdays', query],
    queryFn: () => unwrap(api.GET('/api/cadres/birthdays', { params: { query } })),
  });
}

// ---- import ----

function importQueryKey(id: number) {
  return [...cadresQueryKey, 'import', id] as const;
}

/** Import states the server is still working in: the wizard polls while the job is in one. */
export const IMPORT_BUSY = new Set(['validating', 'committing']);

/** One import job, polled every second while it is being validated or written. */
export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: importQueryKey(id ?? 0),
    queryFn: () => unwrap(api.GET('/api/cadres/imports/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => (IMPORT_BUSY.has(query.state.data?.status ?? '') ? 1000 : false),
    staleTime: 0,
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, targetOrgId }: { file: File; targetOrgId: number }) =>
      unwrap(
        api.POST('/api/cadres/imports', {
          params: { query: { targetOrgId } },
          // A multipart upload: the OpenAPI document does not describe the body of these routes.
          body: fileForm(file, file.name) as never,
        }),
      ),
    onSuccess: (job) => queryClient.setQueryData(importQueryKey(job.id), job),
  });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, duplicates }: { id: number; duplicates: 'update' | 'skip' }) =>
      unwrap(api.POST('/api/cadres/imports/{id}/commit', { params: { path: { id } }, body: { duplicates } })),
    onSuccess: (job) => {
      queryClient.setQueryData(importQueryKey(job.id), job);
    },
  });
}

/** Once an import has been written, every roster list is out of date. */
export function useInvalidateRoster() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: cadresQueryKey });
}
