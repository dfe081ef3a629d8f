import { datedName, type ExportCaller, exportList, listExport } from '../../platform/lists/export.ts';
import { codeOptions } from '../dictionaries/dictionaries.service.ts';
import { BRANCH_COLUMN_DICTIONARIES } from './branches.columns.ts';
import { MATRIX_EXPORT_COLUMNS, MEETING_EXPORT_COLUMNS } from './meetings.columns.ts';
import { orgMatrix } from './meetings.matrix.ts';
import {
  type ExportMeetingsQuery,
  type MatrixGroup,
  MEETING_TYPES,
  type OrgMatrixQuery,
} from './meetings.schema.ts';
import { listAllMeetings } from './meetings.service.ts';

const dictionaries = ({ db }: { db: Parameters<typeof codeOptions>[0] }) =>
  codeOptions(db, BRANCH_COLUMN_DICTIONARIES);

/** The filtered meeting list (the ledger, 台账). */
export const meetingsExport = listExport<ExportMeetingsQuery>({
  columns: MEETING_EXPORT_COLUMNS,
  dictionaries,
  open: async ({ db, auth, locale }, query) => ({
    sheet: locale === 'en-US' ? 'Meetings' : '组织生活台账',
    fileName: datedName(locale, '组织生活台账', 'meetings'),
    rows: await listAllMeetings(db, auth, query),
  }),
});

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

/** The completion matrix's table at a node (total, child orgs, direct branches). */
export const matrixExport = listExport<OrgMatrixQuery>({
  columns: MATRIX_EXPORT_COLUMNS,
  dictionaries,
  open: async ({ db, auth, locale }, query) => {
    const m = await orgMatrix(db, auth, query);
    return {
      sheet: locale === 'en-US' ? `Meetings ${m.year}` : `${m.year}年组织生活完成情况`,
      fileName: datedName(locale, `${m.org.name}${m.year}年组织生活完成情况`, `meeting-matrix-${m.year}`),
      rows: [
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
      ],
    };
  },
});

const audit = (what: string) => ({ action: 'meeting.export', entity: 'meeting', what });

/** The filtered meeting list as .xlsx, built in the export worker. */
export const exportMeetings = (caller: ExportCaller, query: ExportMeetingsQuery) =>
  exportList(caller, { list: 'meetings.meetings', input: query, filters: query, audit: audit('meetings') });

/** The completion matrix as .xlsx, computed and written in the export worker. */
export const exportMatrix = (caller: ExportCaller, query: OrgMatrixQuery) =>
  exportList(caller, {
    list: 'meetings.matrix',
    input: query,
    filters: query,
    audit: audit('meeting_matrix'),
  });
