import { type Static, type TSchema, Type } from 'typebox';
import { AttachmentSchema } from '../../platform/files/attachments.schema.ts';
import { Instant, Nullable, PageOf } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';
import { LabelSchema, WorkflowActionSchema } from '../../platform/workflow/workflow.schema.ts';
import { BranchKind } from './branches.schema.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });
const Id = Type.Integer({ minimum: 1 });
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

/** Every meeting type, in the order the console lists them. */
export const MEETING_TYPES = [
  'assembly',
  'committee',
  'group',
  'lesson',
  'themed_day',
  'org_life',
  'appraisal',
] as const;

/**
 * 三会一课 and the rest: assembly 党员大会, committee 支委会, group 党小组会, lesson 党课, themed_day
 * 主题党日, org_life 组织生活会, appraisal 民主评议党员.
 */
export const MeetingType = Type.Union(
  [
    Type.Literal('assembly'),
    Type.Literal('committee'),
    Type.Literal('group'),
    Type.Literal('lesson'),
    Type.Literal('themed_day'),
    Type.Literal('org_life'),
    Type.Literal('appraisal'),
  ],
  {
    description:
      'assembly 党员大会 · committee 支委会 · group 党小组会 · lesson 党课 · themed_day 主题党日 · org_life 组织生活会 · appraisal 民主评议党员',
  },
);
export type MeetingType = (typeof MEETING_TYPES)[number];

/** The review states of a meeting (the `meeting` workflow's). */
export const MeetingState = Type.Union(
  [Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('approved')],
  { description: 'draft 草稿 · submitted 待审核 · returned 已退回 · approved 已通过' },
);
export type MeetingState = Static<typeof MeetingState>;

/** The actions of the `meeting` workflow. */
export const MeetingAction = Type.Union([
  Type.Literal('submit'),
  Type.Literal('approve'),
  Type.Literal('return'),
]);

/** How often a type is required: per month, per quarter or per year. */
export const PeriodUnit = Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')]);
export type PeriodUnit = Static<typeof PeriodUnit>;

/** A member absent (缺席) and why. */
export const AbsenceSchema = Type.Object({
  /** the member, when on the roster */
  cadreId: Nullable(Type.Integer()),
  name: Type.String(),
  reason: Type.String(),
});
export type Absence = Static<typeof AbsenceSchema>;

const MeetingCore = {
  id: Type.Integer(),
  branchId: Type.Integer(),
  branchName: Type.String(),
  branchKind: BranchKind,
  orgId: Type.Integer(),
  orgName: Type.String(),
  type: MeetingType,
  /** derived from heldOn by the type's period unit: '2026-03' (month), '2026-Q1' (quarter) or '2026' (year) */
  period: Type.String(),
  heldOn: DateString,
  /** local time of day, HH:MM */
  startTime: Nullable(Type.String()),
  place: Nullable(Type.String()),
  /** 主持人 */
  chair: Nullable(Type.String()),
  /** 记录人 */
  recorder: Nullable(Type.String()),
  /** 应到 */
  expectedCount: Type.Integer(),
  /** 实到 */
  presentCount: Type.Integer(),
  /** 缺席: the number of absences recorded */
  absentCount: Type.Integer(),
  state: MeetingState,
  stateLabel: LabelSchema,
  /** what the caller may do now (the transitions route's actions) */
  actions: Type.Array(WorkflowActionSchema),
  /** the meeting can still be changed, and files added or removed (draft or returned) */
  editable: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
};

/** A meeting as lists show it. */
export const MeetingSummarySchema = Type.Object(
  { ...MeetingCore, photoCount: Type.Integer(), attachmentCount: Type.Integer() },
  { $id: 'MeetingSummary' },
);
export type MeetingSummary = Static<typeof MeetingSummarySchema>;
export const MeetingPageSchema = PageOf(MeetingSummarySchema);

/** A meeting with its record: absences, outside attendees, topics, resolutions, photos and attachments. */
export const MeetingSchema = Type.Object(
  {
    ...MeetingCore,
    absences: Type.Array(AbsenceSchema),
    /** 列席人员: people from outside the branch who attended */
    outsideAttendees: Nullable(Type.String()),
    /** 议题 */
    topics: Nullable(Type.String()),
    /** 决议 */
    resolutions: Nullable(Type.String()),
    files: Type.Array(AttachmentSchema),
  },
  { $id: 'Meeting' },
);
export type Meeting = Static<typeof MeetingSchema>;

const AbsenceBody = Type.Object({
  /** a member of the branch on the day; the name is then taken from the roster */
  cadreId: Type.Optional(Nullable(Id)),
  /** required when no cadreId is given */
  name: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
});
export type AbsenceBody = Static<typeof AbsenceBody>;

const MeetingFields = {
  type: MeetingType,
  heldOn: DateString,
  startTime: Nullable(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' })),
  place: Nullable(Text(200)),
  chair: Nullable(Text(50)),
  recorder: Nullable(Text(50)),
  expectedCount: Type.Integer({ minimum: 0, maximum: 10000 }),
  presentCount: Type.Integer({ minimum: 0, maximum: 10000 }),
  absences: Type.Array(AbsenceBody, { maxItems: 10000 }),
  outsideAttendees: Nullable(Text(1000)),
  topics: Nullable(Text(5000)),
  resolutions: Nullable(Text(5000)),
};

export const CreateMeetingBody = Type.Object({
  type: MeetingFields.type,
  heldOn: MeetingFields.heldOn,
  startTime: Type.Optional(MeetingFields.startTime),
  place: Type.Optional(MeetingFields.place),
  chair: Type.Optional(MeetingFields.chair),
  recorder: Type.Optional(MeetingFields.recorder),
  /**
   * 应到; when omitted, the branch's members on the day (for a committee meeting, the committee's
   * members on the day)
   */
  expectedCount: Type.Optional(MeetingFields.expectedCount),
  presentCount: MeetingFields.presentCount,
  /** present plus absences must make the expected count */
  absences: Type.Optional(MeetingFields.absences),
  outsideAttendees: Type.Optional(MeetingFields.outsideAttendees),
  topics: Type.Optional(MeetingFields.topics),
  resolutions: Type.Optional(MeetingFields.resolutions),
});
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

/** Changes to a draft or returned meeting; `absences`, when given, replaces the list. */
export const UpdateMeetingBody = Type.Partial(Type.Object(MeetingFields));
export type UpdateMeetingBody = Static<typeof UpdateMeetingBody>;

/** The sort fields of meeting lists; '-field' sorts descending. */
export const MEETING_SORT_FIELDS = ['heldOn', 'updatedAt', 'type', 'branchName', 'id'] as const;
export type MeetingSortField = (typeof MEETING_SORT_FIELDS)[number];
export const MeetingSort = SortParam(MEETING_SORT_FIELDS);

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });

const MeetingFilters = {
  branchId: Type.Optional(Id),
  /** an org whose subtree the list is narrowed to */
  orgId: Type.Optional(Id),
  type: Type.Optional(MeetingType),
  state: Type.Optional(MeetingState),
  /** held in this year */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  /** held in this month or later */
  fromMonth: Type.Optional(Month),
  /** held in this month or earlier */
  toMonth: Type.Optional(Month),
  /** default -heldOn (latest first) */
  sort: Type.Optional(MeetingSort),
};

export const ListMeetingsQuery = Type.Object({ ...Paging, ...MeetingFilters });
export type ListMeetingsQuery = Static<typeof ListMeetingsQuery>;
export const ExportMeetingsQuery = Type.Object(MeetingFilters);
export type ExportMeetingsQuery = Static<typeof ExportMeetingsQuery>;

const { branchId: _b, orgId: _o, ...BranchMeetingFilters } = MeetingFilters;
export const ListBranchMeetingsQuery = Type.Object({ ...Paging, ...BranchMeetingFilters });
export type ListBranchMeetingsQuery = Static<typeof ListBranchMeetingsQuery>;

export const TransitionParams = Type.Object({ id: Id, action: MeetingAction });

// ---- the completion matrix (三会一课完成情况) ----

/** One row of the frequency table: how many meetings of a type each period requires. */
export const MeetingRuleSchema = Type.Object(
  {
    type: MeetingType,
    label: LabelSchema,
    unit: PeriodUnit,
    /** meetings required in each period */
    required: Type.Integer(),
  },
  { $id: 'MeetingRule' },
);
export type MeetingRule = Static<typeof MeetingRuleSchema>;

/**
 * done: enough approved meetings; behind: the period has ended without them; in_progress: the period
 * is under way (not yet behind); not_due: the period has not started, or the branch owes nothing in it
 * (not bound by the frequencies, not yet founded, or dissolved).
 */
export const CellStatus = Type.Union([
  Type.Literal('done'),
  Type.Literal('behind'),
  Type.Literal('in_progress'),
  Type.Literal('not_due'),
]);
export type CellStatus = Static<typeof CellStatus>;

export const PeriodSchema = Type.Object(
  {
    /** '2026-03', '2026-Q1' or '2026' */
    key: Type.String(),
    unit: PeriodUnit,
    label: LabelSchema,
    startsOn: DateString,
    endsOn: DateString,
    /** the months (1–12) it spans: one column each in a month-by-month table */
    months: Type.Array(Type.Integer()),
  },
  { $id: 'MeetingPeriod' },
);
export type Period = Static<typeof PeriodSchema>;

export const MatrixCellSchema = Type.Object({
  /** a key of `periods` */
  period: Type.String(),
  required: Type.Integer(),
  /** approved meetings held in the period */
  held: Type.Integer(),
  status: CellStatus,
});
export type MatrixCell = Static<typeof MatrixCellSchema>;

/** An object with one entry per meeting type, so cells are keyed by type. */
function ByType<T extends TSchema>(value: T) {
  return Type.Object(Object.fromEntries(MEETING_TYPES.map((t) => [t, value])) as Record<MeetingType, T>);
}

/** How much of what was due is done: done and due count (branch, type, period) cells. */
const Completion = {
  /** cells done in periods that have started */
  done: Type.Integer(),
  /** cells done, plus cells behind (periods that have ended without enough meetings) */
  due: Type.Integer(),
  /** done / due as a percentage with one decimal; null when nothing is due yet */
  rate: Nullable(Type.Number()),
};

/** One branch's year: every period of every type. */
export const BranchMatrixSchema = Type.Object(
  {
    year: Type.Integer(),
    /** the day the statuses were judged on */
    asOf: DateString,
    branch: Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      kind: BranchKind,
      orgId: Type.Integer(),
      orgName: Type.String(),
      foundedOn: Nullable(DateString),
      dissolvedOn: Nullable(DateString),
    }),
    /** held to the frequencies (a standing branch); other branches' cells are all not_due */
    bound: Type.Boolean(),
    types: Type.Array(MeetingRuleSchema),
    /** the months, then the quarters, then the year */
    periods: Type.Array(PeriodSchema),
    /** per type, one cell for each period of its unit, in order */
    cells: ByType(Type.Array(MatrixCellSchema)),
    /** per type: behind when any period that has ended lacks meetings */
    status: ByType(Type.Union([Type.Literal('on_track'), Type.Literal('behind'), Type.Literal('not_due')])),
    ...Completion,
  },
  { $id: 'BranchMeetingMatrix' },
);
export type BranchMatrix = Static<typeof BranchMatrixSchema>;

/** A group of branches (an org's subtree): how many of them are on track or behind, per type. */
export const MatrixGroupSchema = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  orgKind: Type.String(),
  /** branches bound by the frequencies in the subtree */
  branches: Type.Integer(),
  /** of those, the ones behind on at least one type */
  behindBranches: Type.Integer(),
  types: ByType(Type.Object({ onTrack: Type.Integer(), behind: Type.Integer() })),
  ...Completion,
});
export type MatrixGroup = Static<typeof MatrixGroupSchema>;

/** One branch in the drill-down: per type, what was due so far and what was held. */
export const MatrixBranchRowSchema = Type.Object(
  {
    branchId: Type.Integer(),
    branchName: Type.String(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    behind: Type.Boolean(),
    types: ByType(
      Type.Object({
        /** approved meetings held in the year */
        held: Type.Integer(),
        /** periods done / periods behind */
        done: Type.Integer(),
        behind: Type.Integer(),
        status: Type.Union([Type.Literal('on_track'), Type.Literal('behind'), Type.Literal('not_due')]),
      }),
    ),
    ...Completion,
  },
  { $id: 'MeetingMatrixBranchRow' },
);
export type MatrixBranchRow = Static<typeof MatrixBranchRowSchema>;

/** The drill-down of a node of the org tree: its children, and the branches it holds directly. */
export const OrgMatrixSchema = Type.Object(
  {
    year: Type.Integer(),
    asOf: DateString,
    org: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() }),
    types: Type.Array(MeetingRuleSchema),
    /** the node as a whole */
    total: MatrixGroupSchema,
    /** one row per active child org (the counties at city level), in tree order */
    children: Type.Array(MatrixGroupSchema),
    /** the bound branches whose org is the node itself */
    branches: Type.Array(MatrixBranchRowSchema),
  },
  { $id: 'OrgMeetingMatrix' },
);
export type OrgMatrix = Static<typeof OrgMatrixSchema>;

const Year = Type.Integer({ minimum: 2000, maximum: 2100, description: 'this year when omitted' });

export const OrgMatrixQuery = Type.Object({
  year: Type.Optional(Year),
  /** the node to drill into: the caller's own when omitted */
  orgId: Type.Optional(Id),
});
export type OrgMatrixQuery = Static<typeof OrgMatrixQuery>;

export const BranchMatrixQuery = Type.Object({ year: Type.Optional(Year) });
