import { type Static, Type } from 'typebox';
import { Instant, Nullable, PageOf } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';
import { LabelSchema, WorkflowActionSchema } from '../../platform/workflow/workflow.schema.ts';
import { BranchKind } from '../branches/branches.schema.ts';
import { EvidenceKind, MeasureRule } from './assessments.schema.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Id = Type.Integer({ minimum: 1 });
const Text = (max: number, min = 0) => Type.String({ maxLength: max, minLength: min });
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

/** open (branches assess, counties review, the city verifies) or closed (nothing changes any more). */
export const RoundStatus = Type.Union([Type.Literal('open'), Type.Literal('closed')]);
export type RoundStatus = Static<typeof RoundStatus>;

/** The states of a branch's assessment (the `assessment` workflow's). */
export const AssessmentState = Type.Union(
  [
    Type.Literal('self_assessing'),
    Type.Literal('submitted'),
    Type.Literal('reviewed'),
    Type.Literal('verified'),
  ],
  { description: 'self_assessing 自评中 · submitted 待审核 · reviewed 待核验 · verified 已核验' },
);
export type AssessmentState = Static<typeof AssessmentState>;

export const AssessmentAction = Type.Union([
  Type.Literal('submit'),
  Type.Literal('return'),
  Type.Literal('review'),
  Type.Literal('send_back'),
  Type.Literal('verify'),
]);
export type AssessmentAction = Static<typeof AssessmentAction>;

/** The result set at verification: compliant (达标) or not compliant (不达标). */
export const AssessmentResult = Type.Union([Type.Literal('compliant'), Type.Literal('not_compliant')]);
export type AssessmentResult = Static<typeof AssessmentResult>;

/** A demonstration branch's level (示范支部): named by the city (city) or by the province (province). */
export const DemoLevel = Type.Union([Type.Literal('city'), Type.Literal('province')]);
export type DemoLevel = Static<typeof DemoLevel>;

/** The branch's own verdict on a measure (自评结论). Not applicable only for scored measures. */
export const AnswerVerdict = Type.Union([
  Type.Literal('met'),
  Type.Literal('not_met'),
  Type.Literal('not_applicable'),
]);
export type AnswerVerdict = Static<typeof AnswerVerdict>;

/**
 * A checker's verdict on an answer: agree (认可) or disagree (不认可), each resting on named evidence;
 * no_evidence (缺少佐证，不予认定) is the one verdict that names none.
 */
export const CheckVerdict = Type.Union([
  Type.Literal('agree'),
  Type.Literal('disagree'),
  Type.Literal('no_evidence'),
]);
export type CheckVerdict = Static<typeof CheckVerdict>;

/** review: the county's (审核); verify: the city's (核验). */
export const CheckStage = Type.Union([Type.Literal('review'), Type.Literal('verify')]);
export type CheckStage = Static<typeof CheckStage>;

/** How the city verified: every measure (full, 全面核验) or a sample of them (sampled, 抽查核验). */
export const VerificationMode = Type.Union([Type.Literal('full'), Type.Literal('sampled')]);
export type VerificationMode = Static<typeof VerificationMode>;

export const RoundSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String({ description: "e.g. '2019年第一轮'" }),
  year: Type.Integer(),
  versionId: Type.Integer(),
  standardName: Type.String(),
  versionNumber: Type.Integer(),
  dueOn: DateString,
  passMark: Type.Integer({ description: 'points (of 100) the scored measures must reach' }),
  status: RoundStatus,
  closedAt: Nullable(Instant),
  branchCount: Type.Integer({ description: 'branches in the round within your scope' }),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Round = Static<typeof RoundSchema>;
export const RoundPageSchema = PageOf(RoundSchema);

export const OpenRoundBody = Type.Object({
  name: Text(100, 1),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  versionId: Id,
  dueOn: DateString,
  passMark: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'default 60' })),
  /** the subtree whose branches take part (the city when omitted); ignored when branchIds is given */
  orgId: Type.Optional(Id),
  /** the kinds of branch taking part (standing branches when omitted) */
  kinds: Type.Optional(Type.Array(BranchKind, { minItems: 1, uniqueItems: true })),
  /** an explicit list of branches instead of a subtree and kinds */
  branchIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
});
export type OpenRoundBody = Static<typeof OpenRoundBody>;

const RoundFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  status: Type.Optional(RoundStatus),
};
export const ListRoundsQuery = Type.Object({ ...Paging, ...RoundFilters });
export type ListRoundsQuery = Static<typeof ListRoundsQuery>;
export const ExportRoundsQuery = Type.Object(RoundFilters);
export type ExportRoundsQuery = Static<typeof ExportRoundsQuery>;

export const AssessmentSummarySchema = Type.Object({
  id: Type.Integer(),
  roundId: Type.Integer(),
  roundName: Type.String(),
  year: Type.Integer(),
  branchId: Type.Integer(),
  branchName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  state: AssessmentState,
  stateLabel: LabelSchema,
  result: Nullable(AssessmentResult),
  score: Nullable(Type.Integer({ description: 'scored measures met, on 100' })),
  demoLevel: Nullable(DemoLevel),
  answered: Type.Integer({ description: 'measures with a verdict' }),
  measureCount: Type.Integer(),
  updatedAt: Instant,
});
export type AssessmentSummary = Static<typeof AssessmentSummarySchema>;
export const AssessmentPageSchema = PageOf(AssessmentSummarySchema);

export const EvidenceSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('file'), Type.Literal('meeting')]),
  caption: Nullable(Type.String()),
  fileId: Nullable(Type.Integer()),
  fileName: Nullable(Type.String()),
  mime: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
  meetingId: Nullable(Type.Integer()),
  meetingHeldOn: Nullable(DateString),
  meetingType: Nullable(Type.String()),
  createdAt: Instant,
});
export type Evidence = Static<typeof EvidenceSchema>;

export const CheckSchema = Type.Object({
  stage: CheckStage,
  verdict: CheckVerdict,
  comment: Nullable(Type.String()),
  evidenceIds: Type.Array(Type.Integer()),
  checkedBy: Nullable(Type.String()),
  checkedAt: Instant,
});
export type Check = Static<typeof CheckSchema>;

export const AnswerSchema = Type.Object({
  measureId: Type.Integer(),
  dimensionCode: Type.String(),
  dimensionTitle: Type.String(),
  code: Type.String(),
  text: Type.String(),
  evidenceAsked: Type.String({ description: 'what evidence the measure asks for (佐证材料)' }),
  evidenceKinds: Type.Array(EvidenceKind),
  rule: MeasureRule,
  weight: Type.Integer(),
  verdict: Nullable(AnswerVerdict),
  note: Nullable(Type.String()),
  evidence: Type.Array(EvidenceSchema),
  review: Nullable(CheckSchema),
  verify: Nullable(CheckSchema),
  /** the verdict that counts: the branch's, unless the last check did not agree (then not met) */
  finding: Nullable(AnswerVerdict),
});
export type Answer = Static<typeof AnswerSchema>;

export const DemonstrationSchema = Type.Object({
  id: Type.Integer(),
  level: DemoLevel,
  namedOn: DateString,
  note: Nullable(Type.String()),
  revokedAt: Nullable(Instant),
  revokeReason: Nullable(Type.String()),
  createdAt: Instant,
});
export type Demonstration = Static<typeof DemonstrationSchema>;

export const AssessmentSchema = Type.Object({
  ...AssessmentSummarySchema.properties,
  roundStatus: RoundStatus,
  dueOn: DateString,
  passMark: Type.Integer(),
  verification: Nullable(VerificationMode),
  verifiedAt: Nullable(Instant),
  editable: Type.Boolean({ description: 'the caller may change answers and evidence now' }),
  actions: Type.Array(WorkflowActionSchema),
  answers: Type.Array(AnswerSchema),
  demonstrations: Type.Array(DemonstrationSchema),
});
export type Assessment = Static<typeof AssessmentSchema>;

export const AssessmentParams = Type.Object({ id: Id, measureId: Id });
export const EvidenceParams = Type.Object({ id: Id, evidenceId: Id });
export const TransitionParams = Type.Object({ id: Id, action: AssessmentAction });
export const DemonstrationParams = Type.Object({ id: Id, demonstrationId: Id });

export const AnswerBody = Type.Object({
  verdict: AnswerVerdict,
  note: Type.Optional(Nullable(Text(2000))),
});
export type AnswerBody = Static<typeof AnswerBody>;

export const MeetingEvidenceBody = Type.Object({
  meetingId: Id,
  caption: Type.Optional(Nullable(Text(200))),
});
export type MeetingEvidenceBody = Static<typeof MeetingEvidenceBody>;

/** What an evidence file's upload names besides its caption: the measure it is evidence for. */
export const EvidenceUploadFields = Type.Object({ measureId: Id });

export const CheckBody = Type.Object({
  verdict: CheckVerdict,
  comment: Type.Optional(Nullable(Text(2000))),
  /** the evidence of this measure's answer the verdict rests on (可核验) */
  evidenceIds: Type.Array(Id, { maxItems: 100, uniqueItems: true }),
});
export type CheckBody = Static<typeof CheckBody>;

export const AssessmentTransitionBody = Type.Object({
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  /** for verify: every measure checked by the city (full), or a sample (sampled) */
  mode: Type.Optional(VerificationMode),
});
export type AssessmentTransitionBody = Static<typeof AssessmentTransitionBody>;

export const DemonstrationBody = Type.Object({
  level: DemoLevel,
  /** the day the level was conferred (today when omitted) */
  namedOn: Type.Optional(DateString),
  note: Type.Optional(Nullable(Text(500))),
});
export type DemonstrationBody = Static<typeof DemonstrationBody>;

export const RevokeBody = Type.Object({ reason: Text(500, 1) });
export type RevokeBody = Static<typeof RevokeBody>;

export const BOARD_SORT_FIELDS = ['branchName', 'orgName', 'state', 'result', 'score', 'updatedAt'] as const;
export type BoardSortField = (typeof BOARD_SORT_FIELDS)[number];

const BoardFilters = {
  state: Type.Optional(AssessmentState),
  result: Type.Optional(Type.Union([AssessmentResult, Type.Literal('none')])),
  /** an org whose subtree the board is narrowed to */
  orgId: Type.Optional(Id),
  level: Type.Optional(Type.Union([DemoLevel, Type.Literal('any'), Type.Literal('none')])),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(SortParam(BOARD_SORT_FIELDS)),
};
export const BoardQuery = Type.Object({ ...Paging, ...BoardFilters });
export type BoardQuery = Static<typeof BoardQuery>;
export const ExportBoardQuery = Type.Object(BoardFilters);
export type ExportBoardQuery = Static<typeof ExportBoardQuery>;

export const FiguresQuery = Type.Object({
  /** the node of the org tree to break down (your own scope's when omitted) */
  orgId: Type.Optional(Id),
});
export type FiguresQuery = Static<typeof FiguresQuery>;

export const FigureGroupSchema = Type.Object({
  orgId: Type.Integer(),
  orgName: Type.String(),
  orgKind: Type.String(),
  branches: Type.Integer(),
  selfAssessing: Type.Integer(),
  submitted: Type.Integer(),
  reviewed: Type.Integer(),
  verified: Type.Integer(),
  /** past self-assessment: submitted, reviewed or verified */
  selfAssessed: Type.Integer(),
  compliant: Type.Integer(),
  notCompliant: Type.Integer(),
  /** compliant branches per hundred branches in the round, one decimal; null with no branch */
  complianceRate: Nullable(Type.Number()),
  cityDemonstrations: Type.Integer(),
  provinceDemonstrations: Type.Integer(),
});
export type FigureGroup = Static<typeof FigureGroupSchema>;

export const FiguresSchema = Type.Object({
  round: Type.Object({ id: Type.Integer(), name: Type.String(), year: Type.Integer() }),
  org: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String() }),
  total: FigureGroupSchema,
  /** per active child org of the node (the counties, at city level) holding branches of the round */
  children: Type.Array(FigureGroupSchema),
  /** the branches held by the node itself, counted together */
  direct: FigureGroupSchema,
});
export type Figures = Static<typeof FiguresSchema>;

export const BranchHistorySchema = Type.Array(AssessmentSummarySchema);

/** The filters of a branch's history export (the console filters the short list itself). */
export const ExportHistoryQuery = Type.Object({
  state: Type.Optional(AssessmentState),
  result: Type.Optional(Type.Union([AssessmentResult, Type.Literal('none')])),
});
export type ExportHistoryQuery = Static<typeof ExportHistoryQuery>;
