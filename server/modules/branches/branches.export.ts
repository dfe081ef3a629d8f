import { today } from '../../platform/calendar/days.ts';
import { datedName, type ExportCaller, exportList, listExport } from '../../platform/lists/export.ts';
import { codeOptions } from '../dictionaries/dictionaries.service.ts';
import {
  BRANCH_COLUMN_DICTIONARIES,
  BRANCH_EXPORT_COLUMNS,
  ELECTION_DUE_COLUMNS,
  MEMBER_EXPORT_COLUMNS,
  MOBILE_EXPORT_COLUMNS,
} from './branches.columns.ts';
import { toDue, toDueFilter } from './branches.committees.ts';
import { listMembers, toMobileFilter, toMobiles } from './branches.memberships.ts';
import * as repo from './branches.repository.ts';
import type {
  ExportBranchesQuery,
  ExportElectionsDueQuery,
  ExportMobileMembersQuery,
} from './branches.schema.ts';
import { loadBranch, toBranches, toFilter } from './branches.service.ts';

const dictionaries = ({ db }: { db: Parameters<typeof codeOptions>[0] }) =>
  codeOptions(db, BRANCH_COLUMN_DICTIONARIES);

/** The filtered branch list. */
export const branchesExport = listExport<ExportBranchesQuery>({
  columns: BRANCH_EXPORT_COLUMNS,
  dictionaries,
  open: async ({ db, auth, locale }, query) => {
    const on = today();
    const rows = await repo.listAllBranches(db, await toFilter(db, auth, query), query.sort ?? 'name', on);
    return {
      sheet: locale === 'en-US' ? 'Branches' : '党支部',
      fileName: datedName(locale, '党支部', 'branches'),
      rows: (await toBranches(db, rows, on)).map((b) => ({
        ...b,
        secretaryName: b.secretary?.name ?? null,
        primary: b.counts.primary,
        participating: b.counts.participating,
        mobile: b.counts.mobile,
        advice: b.setup.advice,
      })),
    };
  },
});

/** A branch's members. */
export const membersExport = listExport<{ branchId: number; status: 'active' | 'left' | 'all' | undefined }>({
  columns: MEMBER_EXPORT_COLUMNS,
  dictionaries,
  open: async ({ db, auth, locale }, { branchId, status }) => {
    const branch = await loadBranch(db, branchId, auth.scope);
    return {
      sheet: locale === 'en-US' ? 'Members' : '党员名册',
      fileName: datedName(locale, `${branch.name}党员名册`, `branch-${branchId}-members`),
      rows: await listMembers(db, auth, branchId, status ?? 'active'),
    };
  },
});

/** Mobile members (phones masked). */
export const mobileMembersExport = listExport<ExportMobileMembersQuery>({
  columns: MOBILE_EXPORT_COLUMNS,
  dictionaries,
  open: async ({ db, keyring, auth, locale }, query) => {
    const rows = await repo.listAllMobileMembers(db, await toMobileFilter(db, auth, query), today());
    return {
      sheet: locale === 'en-US' ? 'Mobile members' : '流动党员',
      fileName: datedName(locale, '流动党员', 'mobile-members'),
      rows: await toMobiles(db, keyring, rows),
    };
  },
});

/** The election reminder list. */
export const electionsDueExport = listExport<ExportElectionsDueQuery>({
  columns: ELECTION_DUE_COLUMNS,
  dictionaries,
  open: async ({ db, auth, locale }, query) => {
    const on = today();
    const due = await repo.listAllDue(db, await toDueFilter(db, auth, query, on));
    return {
      sheet: locale === 'en-US' ? 'Elections due' : '换届提醒',
      fileName: datedName(locale, '换届提醒', 'elections-due'),
      rows: due.map((r) => toDue(r, on)),
    };
  },
});

const audit = (what: string, entityId?: number) => ({
  action: 'branch.export',
  entity: 'branch',
  what,
  entityId,
});

/** The filtered branch list as .xlsx. */
export const exportBranches = (caller: ExportCaller, query: ExportBranchesQuery) =>
  exportList(caller, { list: 'branches.branches', input: query, filters: query, audit: audit('branches') });

/** A branch's members as .xlsx. */
export const exportMembers = (
  caller: ExportCaller,
  branchId: number,
  status: 'active' | 'left' | 'all' | undefined,
) =>
  exportList(caller, {
    list: 'branches.members',
    input: { branchId, status },
    filters: { status },
    audit: audit('members', branchId),
  });

/** Mobile members (phones masked) as .xlsx. */
export const exportMobileMembers = (caller: ExportCaller, query: ExportMobileMembersQuery) =>
  exportList(caller, {
    list: 'branches.mobile-members',
    input: query,
    filters: query,
    audit: audit('mobile_members'),
  });

/** The election reminder list as .xlsx. */
export const exportElectionsDue = (caller: ExportCaller, query: ExportElectionsDueQuery) =>
  exportList(caller, {
    list: 'branches.elections-due',
    input: query,
    filters: query,
    audit: audit('elections_due'),
  });
