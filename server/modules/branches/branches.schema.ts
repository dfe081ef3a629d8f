import { type Static, Type } from 'typebox';
import { Instant, Nullable, PageOf } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });
const Code = Type.String({ maxLength: 40, description: 'a dictionary code' });
const Id = Type.Integer({ minimum: 1 });
const Paging = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
};

/**
 * standing 建制性支部 (where a member's organisational relationship sits); the "N" of "1+N":
 * functional 功能型, joint 兼合式, thematic 特色化; general 党总支 (above branches, no members of its own).
 */
export const BranchKind = Type.Union([
  Type.Literal('standing'),
  Type.Literal('functional'),
  Type.Literal('joint'),
  Type.Literal('thematic'),
  Type.Literal('general'),
]);
export type BranchKind = Static<typeof BranchKind>;

/** 一方隶属，多重管理: primary (组织关系所在的建制性支部) or participating (参与的非建制支部). */
export const MembershipRole = Type.Union([Type.Literal('primary'), Type.Literal('participating')]);
export type MembershipRole = Static<typeof MembershipRole>;

/**
 * What the setup rule advises: ok; join_joint (fewer than three members: join a joint branch,
 * 不足3人的成立联合支部); form_general (fifty or more: set up a general branch, 党总支); no_branches (a
 * general branch with no branch under it); dissolved (the rule no longer applies).
 */
export const SetupAdvice = Type.Union([
  Type.Literal('ok'),
  Type.Literal('join_joint'),
  Type.Literal('form_general'),
  Type.Literal('no_branches'),
  Type.Literal('dissolved'),
]);
export type SetupAdvice = Static<typeof SetupAdvice>;

/** 支委会职务: 书记, 副书记, 组织委员, 宣传委员, 纪检委员. */
export const CommitteePost = Type.Union([
  Type.Literal('secretary'),
  Type.Literal('deputy_secretary'),
  Type.Literal('organisation'),
  Type.Literal('propaganda'),
  Type.Literal('discipline'),
]);
export type CommitteePost = Static<typeof CommitteePost>;

/** 换届: a committee's term is three or five years. */
export const TermYears = Type.Union([Type.Literal(3), Type.Literal(5)]);

export const BranchSchema = Type.Object(
  {
    id: Type.Integer(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    /** the general branch (党总支) above, if any */
    parentId: Nullable(Type.Integer()),
    parentName: Nullable(Type.String()),
    name: Type.String(),
    kind: BranchKind,
    /** dictionary branch_basis (组建依据) for functional, joint and thematic branches */
    basis: Nullable(Code),
    foundedOn: Nullable(DateString),
    /** 撤销日期 */
    dissolvedOn: Nullable(DateString),
    remarks: Nullable(Type.String()),
    counts: Type.Object({
      /** open primary memberships (组织关系在本支部) */
      primary: Type.Integer(),
      /** open participating memberships */
      participating: Type.Integer(),
      /** mobile members (流动党员) whose period has not ended */
      mobile: Type.Integer(),
      /** working branches under a general branch */
      children: Type.Integer(),
      /** open memberships of the branches under a general branch */
      childMembers: Type.Integer(),
    }),
    /** the setup rule (3 may form a branch, fewer join a joint one, 50 call for a general branch) */
    setup: Type.Object({
      advice: SetupAdvice,
      /** the count the rule looked at: members, or for a general branch its branches */
      counted: Type.Integer(),
      needsAttention: Type.Boolean(),
    }),
    /** the current secretary (书记) */
    secretary: Nullable(Type.Object({ cadreId: Type.Integer(), name: Type.String() })),
    /** derived from the elections (换届) */
    lastElectionOn: Nullable(DateString),
    nextElectionDueOn: Nullable(DateString),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { $id: 'Branch' },
);
export type Branch = Static<typeof BranchSchema>;

export const BranchPageSchema = PageOf(BranchSchema);

/** Sortable columns of the list (a whitelist). */
/** The sort fields of branch lists; '-field' sorts descending. */
export const BRANCH_SORT_FIELDS = ['name', 'foundedOn', 'members', 'nextElectionDueOn', 'id'] as const;
export type BranchSortField = (typeof BRANCH_SORT_FIELDS)[number];
export const BranchSort = SortParam(BRANCH_SORT_FIELDS);

const BranchFilters = {
  /** part of the name */
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(BranchKind),
  /** an org whose subtree the list is narrowed to */
  orgId: Type.Optional(Id),
  /** the branches under one general branch */
  parentId: Type.Optional(Id),
  /** working (default), dissolved, or all */
  status: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('dissolved'), Type.Literal('all')], {
      default: 'active',
    }),
  ),
  /** only branches whose setup-rule advice is not ok */
  needsAttention: Type.Optional(Type.Boolean()),
  sort: Type.Optional(BranchSort),
};

export const ListBranchesQuery = Type.Object({ ...Paging, ...BranchFilters });
export type ListBranchesQuery = Static<typeof ListBranchesQuery>;
export const ExportBranchesQuery = Type.Object(BranchFilters);
export type ExportBranchesQuery = Static<typeof ExportBranchesQuery>;

const BranchFields = {
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  orgId: Id,
  kind: BranchKind,
  basis: Nullable(Code),
  parentId: Nullable(Id),
  foundedOn: Nullable(DateString),
  remarks: Nullable(Text(2000)),
};

export const CreateBranchBody = Type.Object({
  name: BranchFields.name,
  orgId: BranchFields.orgId,
  kind: BranchFields.kind,
  basis: Type.Optional(BranchFields.basis),
  parentId: Type.Optional(BranchFields.parentId),
  foundedOn: Type.Optional(BranchFields.foundedOn),
  remarks: Type.Optional(BranchFields.remarks),
});
export type CreateBranchBody = Static<typeof CreateBranchBody>;

export const UpdateBranchBody = Type.Object({
  name: Type.Optional(BranchFields.name),
  orgId: Type.Optional(BranchFields.orgId),
  kind: Type.Optional(BranchFields.kind),
  basis: Type.Optional(BranchFields.basis),
  parentId: Type.Optional(BranchFields.parentId),
  foundedOn: Type.Optional(BranchFields.foundedOn),
  remarks: Type.Optional(BranchFields.remarks),
  /** dissolving a branch (撤销) sets this; null restores it */
  dissolvedOn: Type.Optional(Nullable(DateString)),
});
export type UpdateBranchBody = Static<typeof UpdateBranchBody>;

const TreeLeaf = {
  id: Type.Integer(),
  name: Type.String(),
  kind: BranchKind,
  orgId: Type.Integer(),
  orgName: Type.String(),
  dissolvedOn: Nullable(DateString),
  /** open memberships (for a general branch: those of its branches) */
  members: Type.Integer(),
  advice: SetupAdvice,
};

/** A node of the console's branch tree: general branches with their branches, then the rest. */
export const BranchTreeNodeSchema = Type.Object(
  { ...TreeLeaf, children: Type.Array(Type.Object(TreeLeaf)) },
  { $id: 'BranchTreeNode' },
);
export type BranchTreeNode = Static<typeof BranchTreeNodeSchema>;

export const BranchTreeQuery = Type.Object({
  orgId: Type.Optional(Id),
  includeDissolved: Type.Optional(Type.Boolean({ default: false })),
});

// ---- memberships ----

export const MembershipSchema = Type.Object(
  {
    id: Type.Integer(),
    branchId: Type.Integer(),
    branchName: Type.String(),
    branchKind: BranchKind,
    cadreId: Type.Integer(),
    cadreName: Type.String(),
    /** the org that manages the cadre (现管单位) */
    cadreOrgName: Type.String(),
    politicalStatus: Nullable(Code),
    /** active, or deceased (an open membership of a deceased cadre waits to be closed) */
    cadreStatus: Type.Union([Type.Literal('active'), Type.Literal('deceased')]),
    role: MembershipRole,
    joinedOn: DateString,
    leftOn: Nullable(DateString),
    leaveReason: Nullable(Type.String()),
    /** for a transfer (组织关系转接): the membership opened in the new branch */
    transferredToId: Nullable(Type.Integer()),
    remarks: Nullable(Type.String()),
    active: Type.Boolean(),
  },
  { $id: 'BranchMembership' },
);
export type Membership = Static<typeof MembershipSchema>;

export const MembersQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('left'), Type.Literal('all')], { default: 'active' }),
  ),
});

export const AddMemberBody = Type.Object({
  cadreId: Id,
  /** derived from the branch's kind when omitted; a mismatch is refused */
  role: Type.Optional(MembershipRole),
  /** today when omitted */
  joinedOn: Type.Optional(DateString),
  remarks: Type.Optional(Nullable(Text(500))),
});
export type AddMemberBody = Static<typeof AddMemberBody>;

export const LeaveBody = Type.Object({
  leftOn: DateString,
  reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
});
export type LeaveBody = Static<typeof LeaveBody>;

export const TransferBody = Type.Object({
  toBranchId: Id,
  /** the day the organisational relationship moves */
  on: DateString,
  reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
});
export type TransferBody = Static<typeof TransferBody>;

// ---- mobile members (流动党员) ----

export const MobileMemberSchema = Type.Object(
  {
    id: Type.Integer(),
    branchId: Type.Integer(),
    branchName: Type.String(),
    orgName: Type.String(),
    cadreId: Type.Integer(),
    cadreName: Type.String(),
    /** where the member lives meanwhile (流入地) */
    livingPlace: Type.String(),
    fromOn: DateString,
    untilOn: Nullable(DateString),
    contactPerson: Nullable(Type.String()),
    /** masked unless revealed */
    contactPhone: Nullable(Type.String()),
    remarks: Nullable(Type.String()),
    /** the period has not ended */
    current: Type.Boolean(),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { $id: 'BranchMobileMember' },
);
export type MobileMember = Static<typeof MobileMemberSchema>;

const MobileFields = {
  livingPlace: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  fromOn: DateString,
  untilOn: Nullable(DateString),
  contactPerson: Nullable(Text(50)),
  contactPhone: Nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })),
  remarks: Nullable(Text(500)),
};

export const CreateMobileMemberBody = Type.Object({
  cadreId: Id,
  livingPlace: MobileFields.livingPlace,
  fromOn: MobileFields.fromOn,
  untilOn: Type.Optional(MobileFields.untilOn),
  contactPerson: Type.Optional(MobileFields.contactPerson),
  contactPhone: Type.Optional(MobileFields.contactPhone),
  remarks: Type.Optional(MobileFields.remarks),
});
export type CreateMobileMemberBody = Static<typeof CreateMobileMemberBody>;

export const UpdateMobileMemberBody = Type.Partial(
  Type.Object({
    livingPlace: MobileFields.livingPlace,
    fromOn: MobileFields.fromOn,
    untilOn: MobileFields.untilOn,
    contactPerson: MobileFields.contactPerson,
    contactPhone: MobileFields.contactPhone,
    remarks: MobileFields.remarks,
  }),
);
export type UpdateMobileMemberBody = Static<typeof UpdateMobileMemberBody>;

const MobileFilters = {
  branchId: Type.Optional(Id),
  orgId: Type.Optional(Id),
  /** current: the period has not ended (default); ended; all */
  status: Type.Optional(
    Type.Union([Type.Literal('current'), Type.Literal('ended'), Type.Literal('all')], { default: 'current' }),
  ),
};
export const ListMobileMembersQuery = Type.Object({ ...Paging, ...MobileFilters });
export type ListMobileMembersQuery = Static<typeof ListMobileMembersQuery>;
export const ExportMobileMembersQuery = Type.Object(MobileFilters);
export type ExportMobileMembersQuery = Static<typeof ExportMobileMembersQuery>;

export const MobileRevealSchema = Type.Object({ contactPhone: Nullable(Type.String()) });

// ---- committees and elections ----

export const CommitteeMemberSchema = Type.Object(
  {
    id: Type.Integer(),
    branchId: Type.Integer(),
    cadreId: Type.Integer(),
    cadreName: Type.String(),
    post: CommitteePost,
    startedOn: DateString,
    endedOn: Nullable(DateString),
    /** holds the post today */
    current: Type.Boolean(),
  },
  { $id: 'BranchCommitteeMember' },
);
export type CommitteeMember = Static<typeof CommitteeMemberSchema>;

export const CommitteeQuery = Type.Object({
  /** only those holding their post today */
  current: Type.Optional(Type.Boolean()),
});

export const CreateCommitteeMemberBody = Type.Object({
  cadreId: Id,
  post: CommitteePost,
  startedOn: DateString,
  endedOn: Type.Optional(Nullable(DateString)),
});
export type CreateCommitteeMemberBody = Static<typeof CreateCommitteeMemberBody>;

export const UpdateCommitteeMemberBody = Type.Partial(
  Type.Object({ post: CommitteePost, startedOn: DateString, endedOn: Nullable(DateString) }),
);
export type UpdateCommitteeMemberBody = Static<typeof UpdateCommitteeMemberBody>;

export const ElectionSchema = Type.Object(
  {
    id: Type.Integer(),
    branchId: Type.Integer(),
    heldOn: DateString,
    place: Nullable(Type.String()),
    termYears: Type.Integer(),
    /** derived: held on plus the term */
    nextDueOn: DateString,
    remarks: Nullable(Type.String()),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { $id: 'BranchElection' },
);
export type Election = Static<typeof ElectionSchema>;

export const CreateElectionBody = Type.Object({
  heldOn: DateString,
  place: Type.Optional(Nullable(Text(200))),
  termYears: TermYears,
  remarks: Type.Optional(Nullable(Text(1000))),
});
export type CreateElectionBody = Static<typeof CreateElectionBody>;

export const UpdateElectionBody = Type.Partial(CreateElectionBody);
export type UpdateElectionBody = Static<typeof UpdateElectionBody>;

/** A branch on the election reminder list. */
export const ElectionDueSchema = Type.Object(
  {
    branchId: Type.Integer(),
    branchName: Type.String(),
    kind: BranchKind,
    orgId: Type.Integer(),
    orgName: Type.String(),
    lastElectionOn: Nullable(DateString),
    termYears: Nullable(Type.Integer()),
    nextDueOn: Nullable(DateString),
    /** days until the next election is due; negative when overdue, null when none is recorded */
    daysLeft: Nullable(Type.Integer()),
    status: Type.Union([Type.Literal('none'), Type.Literal('overdue'), Type.Literal('due')]),
  },
  { $id: 'BranchElectionDue' },
);
export type ElectionDue = Static<typeof ElectionDueSchema>;

const DueFilters = {
  /** due within this many days (overdue ones and those with no election are always listed) */
  withinDays: Type.Integer({ minimum: 0, maximum: 3650, default: 90 }),
  orgId: Type.Optional(Id),
  kind: Type.Optional(BranchKind),
};
export const ElectionsDueQuery = Type.Object({ ...Paging, ...DueFilters });
export type ElectionsDueQuery = Static<typeof ElectionsDueQuery>;
export const ExportElectionsDueQuery = Type.Object(DueFilters);
export type ExportElectionsDueQuery = Static<typeof ExportElectionsDueQuery>;
