import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { branchesQueryKey, type MemberStatus } from '../../api/branches';
import { api, download, unwrap } from '../../api/client';
import type {
  AddMemberBody,
  CreateBranchBody,
  CreateCommitteeMemberBody,
  CreateElectionBody,
  CreateMobileMemberBody,
  ElectionsDueQuery,
  LeaveBody,
  ListBranchesQuery,
  ListMobileMembersQuery,
  TransferBody,
  UpdateBranchBody,
  UpdateElectionBody,
} from '../../api/types';
import type { ListQuery } from '../../components/list-page';

export {
  branchesQueryKey,
  branchQueryOptions,
  type MemberStatus,
  useBranch,
  useCommittee,
  useMembers,
} from '../../api/branches';

function useInvalidateBranches() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: branchesQueryKey });
}

// ---- branches ----

/** The list's filters: the query of GET /api/branches without paging and keyword. */
export type BranchFilters = Omit<ListBranchesQuery, 'page' | 'pageSize' | 'keyword'>;

export const branchListQueryKey = [...branchesQueryKey, 'list'] as const;

export function fetchBranches(query: ListQuery<BranchFilters>) {
  return unwrap(api.GET('/api/branches', { params: { query } }));
}

/** Downloads the filtered branch list as .xlsx: the list's query without its paging. */
export function exportBranches(query: ListQuery<BranchFilters>) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return download(
    api.GET('/api/branches/export', { params: { query: filters }, parseAs: 'blob' }),
    'branches.xlsx',
  );
}

/** General branches with the branches under them, then the rest: the tree beside the list. */
export function useBranchTree(includeDissolved = false) {
  return useQuery({
    queryKey: [...branchesQueryKey, 'tree', { includeDissolved }],
    queryFn: () => unwrap(api.GET('/api/branches/tree', { params: { query: { includeDissolved } } })),
  });
}

/** Standing branches matching a keyword: where a primary membership can be transferred to. */
export function useStandingBranches(keyword: string) {
  return useQuery({
    queryKey: [...branchesQueryKey, 'standing', keyword],
    queryFn: () =>
      unwrap(
        api.GET('/api/branches', {
          params: { query: { page: 1, pageSize: 50, kind: 'standing', keyword: keyword || undefined } },
        }),
      ),
  });
}

/** The working branches under one general branch. */
export function useChildBranches(parentId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...branchesQueryKey, 'children', parentId],
    queryFn: () =>
      unwrap(api.GET('/api/branches', { params: { query: { page: 1, pageSize: 200, parentId } } })),
    enabled,
  });
}

export function useCreateBranch() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: (body: CreateBranchBody) => unwrap(api.POST('/api/branches', { body })),
    onSuccess,
  });
}

/** Changes a branch; `{ dissolvedOn }` dissolves it (撤销), `{ dissolvedOn: null }` restores it. */
export function useUpdateBranch() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateBranchBody }) =>
      unwrap(api.PATCH('/api/branches/{id}', { params: { path: { id } }, body })),
    onSuccess,
  });
}

/** Deletes a branch entered by mistake; the server refuses (with its reason) once it has had members. */
export function useDeleteBranch() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: (id: number) => unwrap(api.DELETE('/api/branches/{id}', { params: { path: { id } } })),
    onSuccess,
  });
}

// ---- memberships ----

export function exportMembers(branchId: number, status: MemberStatus) {
  return download(
    api.GET('/api/branches/{id}/members/export', {
      params: { path: { id: branchId }, query: { status } },
      parseAs: 'blob',
    }),
    'branch-members.xlsx',
  );
}

export function useAddMember(branchId: number) {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: (body: AddMemberBody) =>
      unwrap(api.POST('/api/branches/{id}/members', { params: { path: { id: branchId } }, body })),
    onSuccess,
  });
}

export function useLeaveBranch() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: number; body: LeaveBody }) =>
      unwrap(
        api.POST('/api/branches/memberships/{id}/leave', { params: { path: { id: membershipId } }, body }),
      ),
    onSuccess,
  });
}

export function useTransferMembership() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: number; body: TransferBody }) =>
      unwrap(
        api.POST('/api/branches/memberships/{id}/transfer', {
          params: { path: { id: membershipId } },
          body,
        }),
      ),
    onSuccess,
  });
}

// ---- committee ----

/** Adds a committee entry (`entryId` undefined) or changes one's post, term or end (never its person). */
export function useSaveCommitteeMember(branchId: number) {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId?: number; body: CreateCommitteeMemberBody }) => {
      if (entryId === undefined)
        return unwrap(api.POST('/api/branches/{id}/committee', { params: { path: { id: branchId } }, body }));
      const { cadreId: _cadreId, ...change } = body;
      return unwrap(
        api.PATCH('/api/branches/committee/{id}', { params: { path: { id: entryId } }, body: change }),
      );
    },
    onSuccess,
  });
}

export function useDeleteCommitteeMember() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: (entryId: number) =>
      unwrap(api.DELETE('/api/branches/committee/{id}', { params: { path: { id: entryId } } })),
    onSuccess,
  });
}

// ---- elections ----

export function useElections(branchId: number) {
  return useQuery({
    queryKey: [...branchesQueryKey, 'elections', branchId],
    queryFn: () => unwrap(api.GET('/api/branches/{id}/elections', { params: { path: { id: branchId } } })),
  });
}

export function useSaveElection(branchId: number) {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId?: number; body: CreateElectionBody & UpdateElectionBody }) =>
      entryId === undefined
        ? unwrap(api.POST('/api/branches/{id}/elections', { params: { path: { id: branchId } }, body }))
        : unwrap(api.PATCH('/api/branches/elections/{id}', { params: { path: { id: entryId } }, body })),
    onSuccess,
  });
}

export function useDeleteElection() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: (entryId: number) =>
      unwrap(api.DELETE('/api/branches/elections/{id}', { params: { path: { id: entryId } } })),
    onSuccess,
  });
}

/** The reminder list's filters: GET /api/branches/elections/due without paging. */
export type ElectionsDueFilters = Omit<ElectionsDueQuery, 'page' | 'pageSize'>;

export const electionsDueQueryKey = [...branchesQueryKey, 'elections-due'] as const;

export function fetchElectionsDue(query: ListQuery<ElectionsDueFilters>) {
  const { keyword: _keyword, ...rest } = query;
  return unwrap(
    api.GET('/api/branches/elections/due', {
      params: { query: { ...rest, withinDays: rest.withinDays ?? 90 } },
    }),
  );
}

export function exportElectionsDue(query: ListQuery<ElectionsDueFilters>) {
  const { page: _page, pageSize: _pageSize, keyword: _keyword, ...filters } = query;
  return download(
    api.GET('/api/branches/elections/due/export', {
      params: { query: { ...filters, withinDays: filters.withinDays ?? 90 } },
      parseAs: 'blob',
    }),
    'elections-due.xlsx',
  );
}

// ---- mobile members (流动党员) ----

/** The register's filters: GET /api/branches/mobile-members without paging. */
export type MobileMemberFilters = Omit<ListMobileMembersQuery, 'page' | 'pageSize'>;

export const mobileMembersQueryKey = [...branchesQueryKey, 'mobile'] as const;

export function fetchMobileMembers(query: ListQuery<MobileMemberFilters>) {
  const { keyword: _keyword, ...rest } = query;
  return unwrap(api.GET('/api/branches/mobile-members', { params: { query: rest } }));
}

export function exportMobileMembers(query: Partial<ListQuery<MobileMemberFilters>>) {
  const { page: _page, pageSize: _pageSize, keyword: _keyword, ...filters } = query;
  return download(
    api.GET('/api/branches/mobile-members/export', { params: { query: filters }, parseAs: 'blob' }),
    'mobile-members.xlsx',
  );
}

/** Every mobile-member entry of one branch (current and ended). */
export function useBranchMobileMembers(branchId: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...mobileMembersQueryKey, 'branch', branchId],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/branches/mobile-members', {
          params: { query: { branchId, status: 'all', page: 1, pageSize: 200 } },
        }),
      );
      return page.items;
    },
  });
}

/** Registers a mobile member (`entryId` undefined) or changes an entry (never its person). */
export function useSaveMobileMember(branchId: number) {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId?: number; body: CreateMobileMemberBody }) => {
      if (entryId === undefined)
        return unwrap(
          api.POST('/api/branches/{id}/mobile-members', { params: { path: { id: branchId } }, body }),
        );
      const { cadreId: _cadreId, ...change } = body;
      return unwrap(
        api.PATCH('/api/branches/mobile-members/{id}', { params: { path: { id: entryId } }, body: change }),
      );
    },
    onSuccess,
  });
}

export function useDeleteMobileMember() {
  const onSuccess = useInvalidateBranches();
  return useMutation({
    mutationFn: (entryId: number) =>
      unwrap(api.DELETE('/api/branches/mobile-members/{id}', { params: { path: { id: entryId } } })),
    onSuccess,
  });
}
