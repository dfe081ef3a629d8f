import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import type { Auth } from '../../platform/http/types.ts';
import { type Exported, named, toXlsx } from './branches.export.ts';
import { MATRIX_EXPORT_COLUMNS, MEETING_EXPORT_COLUMNS } from './meetings.columns.ts';
import { orgMatrix } from './meetings.matrix.ts';
import {
  type ExportMeetingsQuery,
  type MatrixGroup,
  MEETING_TYPES,
  type OrgMatrixQuery,
} from './meetings.schema.ts';
import { listAllMeetings } from './meetings.service.ts';

async function audited(db: Db, actor: Actor, what: string, rows: number, filters: unknown) {
  await recordAudit(db, actor, {
    action: 'meeting.export',
    entity: 'meeting',
    summary: `${what}: ${rows} rows`,
    after: { what, filters, rows },
  });
}

/**
 * The filtered meeting list as .xlsx (the ledger, 台账). Bounded by the meetings of the caller's scope
 * over the filtered months (some 30 a year per branch), so written on the request path like the
 * branches' own lists.
 */
export async function exportMeetings(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: ExportMeetingsQuery,
  locale: Locale,
): Promise<Exported> {
  const meetings = await listAllMeetings(db, auth, query);
  const bytes = await toXlsx(
    db,
    locale === 'en-US' ? 'Meetings' : '组织生活台账',
    MEETING_EXPORT_COLUMNS,
    meetings,
    locale,
  );
  await audited(db, actor, 'meetings', meetings.length, query);
  return { bytes, fileName: named(locale, '组织生活台账', 'meetings') };
}

const rateText = (rate: number | null) => (rate === null ? null : `${rate}%`);

function groupRow(g: MatrixGroup, level: string) {
  const row: Record<string, unknown> = {
    name: g.orgName,
    level,
    branches: g.branches,
    behindBranches: g.behindBranches,
    done: g.done,
    due: g.due,
    rate: rateText(g.rate),
  };
  for (const t of MEETING_TYPES) {
    row[`${t}_ok`] = g.types[t].onTrack;
    row[`${t}_behind`] = g.types[t].behind;
  }
  return row;
}

/** The completion matrix's table at a node (total, child orgs, direct branches) as .xlsx. */
export async function exportMatrix(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: OrgMatrixQuery,
  locale: Locale,
): Promise<Exported> {
  const m = await orgMatrix(db, auth, query);
  const rows = [
    groupRow(m.total, 'total'),
    ...m.children.map((g) => groupRow(g, g.orgKind)),
    ...m.branches.map((b) => {
      const row: Record<string, unknown> = {
        name: b.branchName,
        level: 'branch',
        branches: 1,
        behindBranches: b.behind ? 1 : 0,
        done: b.done,
        due: b.due,
        rate: rateText(b.rate),
      };
      for (const t of MEETING_TYPES) {
        row[`${t}_ok`] = b.types[t].done;
        row[`${t}_behind`] = b.types[t].behind;
      }
      return row;
    }),
  ];
  const bytes = await toXlsx(
    db,
    locale === 'en-US' ? `Meetings ${m.year}` : `${m.year}年组织生活完成情况`,
    MATRIX_EXPORT_COLUMNS,
    rows,
    locale,
  );
  await audited(db, actor, 'meeting_matrix', rows.length, { ...query, year: m.year, orgId: m.org.id });
  return {
    bytes,
    fileName: named(locale, `${m.org.name}${m.year}年组织生活完成情况`, `meeting-matrix-${m.year}`),
  };
}
