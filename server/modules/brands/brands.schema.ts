import { type Static, Type } from 'typebox';
import { AttachmentSchema } from '../../platform/files/attachments.schema.ts';
import { Instant, Nullable, PageOf } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';
import { LabelSchema, WorkflowActionSchema } from '../../platform/workflow/workflow.schema.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });
const Required = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Id = Type.Integer({ minimum: 1 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

// ---- the umbrella brand ----

/** The city's umbrella brand (品牌体系, e.g. 江海银发先锋计划). */
export const BrandSystemSchema = Type.Object(
  {
    id: Type.Integer(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    name: Type.String(),
    description: Nullable(Type.String()),
    /** brands approved and not withdrawn under it, in the caller's scope */
    brandCount: Type.Integer(),
    updatedAt: Instant,
  },
  { $id: 'BrandSystem' },
);
export type BrandSystem = Static<typeof BrandSystemSchema>;

export const CreateBrandSystemBody = Type.Object({
  name: Required(100),
  description: Type.Optional(Nullable(Text(2000))),
});
export type CreateBrandSystemBody = Static<typeof CreateBrandSystemBody>;
export const UpdateBrandSystemBody = Type.Partial(CreateBrandSystemBody);
export type UpdateBrandSystemBody = Static<typeof UpdateBrandSystemBody>;

// ---- brands ----

/** The application's states (the `brand` workflow's). */
export const BrandState = Type.Union(
  [
    Type.Literal('draft'),
    Type.Literal('submitted'),
    Type.Literal('returned'),
    Type.Literal('approved'),
    Type.Literal('withdrawn'),
  ],
  { description: 'draft 草稿 · submitted 待审批 · returned 已退回 · approved 已命名 · withdrawn 已撤销' },
);
export type BrandState = Static<typeof BrandState>;

/**
 * Where a brand stands today: the application's state, with an approved brand split into active (in its
 * cycle) and expired (期满, its cycle over: it may re-apply).
 */
export const BrandStatus = Type.Union(
  [
    Type.Literal('draft'),
    Type.Literal('submitted'),
    Type.Literal('returned'),
    Type.Literal('active'),
    Type.Literal('expired'),
    Type.Literal('withdrawn'),
  ],
  {
    description:
      'draft 草稿 · submitted 待审批 · returned 已退回 · active 创建期内 · expired 已期满 · withdrawn 已撤销',
  },
);
export type BrandStatus = Static<typeof BrandStatus>;

export const BrandAction = Type.Union([
  Type.Literal('submit'),
  Type.Literal('approve'),
  Type.Literal('return'),
  Type.Literal('reapply'),
  Type.Literal('withdraw'),
]);
export type BrandAction = Static<typeof BrandAction>;

const BrandCore = {
  id: Type.Integer(),
  systemId: Nullable(Type.Integer()),
  systemName: Nullable(Type.String()),
  branchId: Type.Integer(),
  branchName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  name: Type.String(),
  state: BrandState,
  stateLabel: LabelSchema,
  status: BrandStatus,
  /** how many cycles have been approved (0 before the first approval) */
  cycleNo: Type.Integer(),
  /** the current cycle: from the approval day to three years on */
  cycleStart: Nullable(DateString),
  cycleEnd: Nullable(DateString),
  /** the next yearly review's due day (复核); null when none is due */
  nextReviewDue: Nullable(DateString),
  /** the next review is past its due day */
  reviewOverdue: Type.Boolean(),
  withdrawnOn: Nullable(DateString),
  /** what the caller may do now (the transitions route's actions) */
  actions: Type.Array(WorkflowActionSchema),
  editable: Type.Boolean(),
  updatedAt: Instant,
};

export const BrandSummarySchema = Type.Object(BrandCore, { $id: 'BrandSummary' });
export type BrandSummary = Static<typeof BrandSummarySchema>;
export const BrandPageSchema = PageOf(BrandSummarySchema);

/** pass 通过 · improve 限期整改 · withdraw 撤销 */
export const ReviewVerdict = Type.Union(
  [Type.Literal('pass'), Type.Literal('improve'), Type.Literal('withdraw')],
  {
    description: 'pass 通过 · improve 限期整改 · withdraw 撤销',
  },
);
export type ReviewVerdict = Static<typeof ReviewVerdict>;

export const BrandReviewSchema = Type.Object(
  {
    id: Type.Integer(),
    cycleNo: Type.Integer(),
    /** the year of the cycle reviewed: 1, 2 or 3 */
    cycleYear: Type.Integer(),
    /** the day the review was due */
    dueOn: DateString,
    reviewedOn: DateString,
    reviewer: Type.String(),
    verdict: ReviewVerdict,
    /** the improvement's deadline (整改期限) */
    deadline: Nullable(DateString),
    /** why the brand was withdrawn */
    reason: Nullable(Type.String()),
    comments: Nullable(Type.String()),
    createdAt: Instant,
  },
  { $id: 'BrandReview' },
);
export type BrandReview = Static<typeof BrandReviewSchema>;

export const BrandInspectionSchema = Type.Object(
  {
    id: Type.Integer(),
    inspectedOn: DateString,
    inspectors: Type.String(),
    findings: Type.String(),
    createdAt: Instant,
  },
  { $id: 'BrandInspection' },
);
export type BrandInspection = Static<typeof BrandInspectionSchema>;

/** One year of the current cycle's review schedule. */
export const ScheduleYearSchema = Type.Object({
  year: Type.Integer(),
  anniversary: DateString,
  dueOn: DateString,
  status: Type.Union([
    Type.Literal('passed'),
    Type.Literal('improving'),
    Type.Literal('open'),
    Type.Literal('withdrawn'),
  ]),
  /** not passed and past its due day */
  overdue: Type.Boolean(),
});

/** top10 十佳 · excellent 优秀 · province_case 省级党建创新典型案例 */
export const AwardKind = Type.Union(
  [Type.Literal('top10'), Type.Literal('excellent'), Type.Literal('province_case')],
  { description: 'top10 十佳 · excellent 优秀 · province_case 省级党建创新典型案例' },
);
export type AwardKind = Static<typeof AwardKind>;

export const BrandAwardSchema = Type.Object(
  {
    id: Type.Integer(),
    brandId: Type.Integer(),
    brandName: Type.String(),
    branchName: Type.String(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    year: Type.Integer(),
    kind: AwardKind,
    /** a provincial case's title, when it differs from the brand's name */
    title: Nullable(Type.String()),
    note: Nullable(Type.String()),
    /** the brand's idea (理念), for the exhibition (巡展) */
    idea: Type.String(),
    createdAt: Instant,
  },
  { $id: 'BrandAward' },
);
export type BrandAward = Static<typeof BrandAwardSchema>;

export const BrandSchema = Type.Object(
  {
    ...BrandCore,
    idea: Type.String(),
    practices: Type.String(),
    results: Type.String(),
    withdrawnReason: Nullable(Type.String()),
    schedule: Type.Array(ScheduleYearSchema),
    reviews: Type.Array(BrandReviewSchema),
    inspections: Type.Array(BrandInspectionSchema),
    awards: Type.Array(BrandAwardSchema),
    files: Type.Array(AttachmentSchema),
    /** the caller may record a yearly review, an inspection, a selection */
    canReview: Type.Boolean(),
    canAward: Type.Boolean(),
    createdAt: Instant,
  },
  { $id: 'Brand' },
);
export type Brand = Static<typeof BrandSchema>;

export const BRAND_SORT_FIELDS = [
  'name',
  'branchName',
  'cycleStart',
  'nextReviewDue',
  'updatedAt',
  'id',
] as const;
export type BrandSortField = (typeof BRAND_SORT_FIELDS)[number];

const BrandFilters = {
  /** narrow to an org's subtree (inside the caller's scope) */
  orgId: Type.Optional(Id),
  branchId: Type.Optional(Id),
  systemId: Type.Optional(Id),
  status: Type.Optional(BrandStatus),
  /** brands whose cycle covers some of the year */
  year: Type.Optional(Year),
  /** only brands whose next review is past due */
  overdue: Type.Optional(Type.Boolean()),
  keyword: Type.Optional(Text(100)),
  sort: Type.Optional(SortParam(BRAND_SORT_FIELDS)),
};
export const ListBrandsQuery = Type.Object({ ...BrandFilters, ...Paging });
export type ListBrandsQuery = Static<typeof ListBrandsQuery>;
export const ExportBrandsQuery = Type.Object(BrandFilters);
export type ExportBrandsQuery = Static<typeof ExportBrandsQuery>;

export const CreateBrandBody = Type.Object({
  branchId: Id,
  /** the umbrella brand; the only one when there is one and none is given */
  systemId: Type.Optional(Nullable(Id)),
  name: Required(100),
  idea: Required(2000),
  practices: Required(5000),
  results: Required(5000),
});
export type CreateBrandBody = Static<typeof CreateBrandBody>;
export const UpdateBrandBody = Type.Partial(Type.Omit(CreateBrandBody, ['branchId']));
export type UpdateBrandBody = Static<typeof UpdateBrandBody>;

export const TransitionParams = Type.Object({ id: Id, action: BrandAction });

export const CreateReviewBody = Type.Object({
  reviewedOn: DateString,
  reviewer: Required(100),
  verdict: ReviewVerdict,
  /** required for improve: the day the improvement is due, after the review */
  deadline: Type.Optional(Nullable(DateString)),
  /** required for withdraw */
  reason: Type.Optional(Nullable(Text(2000))),
  comments: Type.Optional(Nullable(Text(2000))),
});
export type CreateReviewBody = Static<typeof CreateReviewBody>;

export const CreateInspectionBody = Type.Object({
  inspectedOn: DateString,
  inspectors: Required(200),
  findings: Required(5000),
});
export type CreateInspectionBody = Static<typeof CreateInspectionBody>;

export const CreateAwardBody = Type.Object({
  year: Year,
  kind: AwardKind,
  title: Type.Optional(Nullable(Text(200))),
  note: Type.Optional(Nullable(Text(2000))),
});
export type CreateAwardBody = Static<typeof CreateAwardBody>;

const AwardFilters = {
  year: Type.Optional(Year),
  kind: Type.Optional(AwardKind),
  orgId: Type.Optional(Id),
};
export const ListAwardsQuery = Type.Object({ ...AwardFilters, ...Paging });
export type ListAwardsQuery = Static<typeof ListAwardsQuery>;
export const ExportAwardsQuery = Type.Object(AwardFilters);
export type ExportAwardsQuery = Static<typeof ExportAwardsQuery>;
export const AwardPageSchema = PageOf(BrandAwardSchema);
export const AwardParams = Type.Object({ awardId: Id });
