import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import type { ColumnDef } from '../../platform/excel/columns.ts';
import { xlsxBuffer } from '../../platform/excel/write.ts';
import type { Auth } from '../../platform/http/types.ts';
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

/** An export ready to send: the .xlsx bytes and the file's name. */
export interface Exported {
  bytes: Buffer;
  fileName: string;
}

/**
 * Writes rows into .xlsx bytes (the meetings' exports use it too). These lists are bounded by the number of branches (about 1,200 in a
 * city of the source's size), so they are written on the request path rather than in the task worker
 * the million-row roster needs.
 */
export async function toXlsx(
  db: Db,
  sheet: string,
  columns: ColumnDef[],
  rows: Record<string, unknown>[],
  locale: Locale,
) {
  return xlsxBuffer(sheet, columns, rows, await codeOptions(db, BRANCH_COLUMN_DICTIONARIES), locale);
}

/** An export's file name: the list's name in the caller's language and today's date. */
export const named = (locale: Locale, zh: string, en: string) =>
  `${locale === 'en-US' ? en : zh}-${today()}.xlsx`;

async function audited(
  db: Db,
  actor: Actor,
  what: string,
  rows: number,
  filters: unknown,
  branchId?: number,
) {
  await recordAudit(db, actor, {
    action: 'branch.export',
    entity: 'branch',
    ...(branchId !== undefined && { entityId: branchId }),
    summary: `${what}: ${rows} rows`,
    after: { what, filters, rows },
  });
}

/** The filtered branch list as .xlsx. */
export async function exportBranches(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: ExportBranchesQuery,
  locale: Locale,
): Promise<Exported> {
  const on = today();
  const rows = await repo.listAllBranches(db, await toFilter(db, auth, query), query.sort ?? 'name', on);
  const branches = await toBranches(db, rows, on);
  const bytes = await toXlsx(
    db,
    locale === 'en-US' ? 'Branches' : '党支部',
    BRANCH_EXPORT_COLUMNS,
    branches.map((b) => ({
      ...b,
      secretaryName: b.secretary?.name ?? null,
      primary: b.counts.primary,
      participating: b.counts.participating,
      mobile: b.counts.mobile,
      advice: b.setup.advice,
    })),
    locale,
  );
  await audited(db, actor, 'branches', branches.length, query);
  return { bytes, fileName: named(locale, '党支部', 'branches') };
}

/** A branch's members as .xlsx. */
export async function exportMembers(
  db: Db,
  auth: Auth,
  actor: Actor,
  branchId: number,
  status: 'active' | 'left' | 'all' | undefined,
  locale: Locale,
): Promise<Exported> {
  const branch = await loadBranch(db, branchId, auth.scope);
  const members = await listMembers(db, auth, branchId, status ?? 'active');
  const bytes = await toXlsx(
    db,
    locale === 'en-US' ? 'Members' : '党员名册',
    MEMBER_EXPORT_COLUMNS,
    members,
    locale,
  );
  await audited(db, actor, 'members', members.length, { status }, branchId);
  return { bytes, fileName: named(locale, `${branch.name}党员名册`, `branch-${branchId}-members`) };
}

/** Mobile members (phones masked) as .xlsx. */
export async function exportMobileMembers(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  query: ExportMobileMembersQuery,
  locale: Locale,
): Promise<Exported> {
  const rows = await repo.listAllMobileMembers(db, await toMobileFilter(db, auth, query), today());
  const mobiles = await toMobiles(db, keyring, rows);
  const bytes = await toXlsx(
    db,
    locale === 'en-US' ? 'Mobile members' : '流动党员',
    MOBILE_EXPORT_COLUMNS,
    mobiles,
    locale,
  );
  await audited(db, actor, 'mobile_members', mobiles.length, query);
  return { bytes, fileName: named(locale, '流动党员', 'mobile-members') };
}

/** The election reminder list as .xlsx. */
export async function exportElectionsDue(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: ExportElectionsDueQuery,
  locale: Locale,
): Promise<Exported> {
  const on = today();
  const due = (await repo.listAllDue(db, await toDueFilter(db, auth, query, on))).map((r) => toDue(r, on));
  const bytes = await toXlsx(
    db,
    locale === 'en-US' ? 'Elections due' : '换届提醒',
    ELECTION_DUE_COLUMNS,
    due,
    locale,
  );
  await audited(db, actor, 'elections_due', due.length, query);
  return { bytes, fileName: named(locale, '换届提醒', 'elections-due') };
}
