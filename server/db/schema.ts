import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { MeasureRule, VersionStatus } from '../modules/assessments/assessments.schema.ts';
import type {
  AnswerVerdict,
  AssessmentResult,
  CheckStage,
  CheckVerdict,
  DemoLevel,
  RoundStatus,
  VerificationMode,
} from '../modules/assessments/rounds.schema.ts';
import type { BranchKind, CommitteePost, MembershipRole } from '../modules/branches/branches.schema.ts';
import type { MeetingType } from '../modules/branches/meetings.schema.ts';
import type { AwardKind, ReviewVerdict } from '../modules/brands/brands.schema.ts';
import type {
  BirthdayCalendar,
  CadreStatus,
  Category,
  Mobility,
  TravelKind,
} from '../modules/cadres/cadres.schema.ts';
import type { UserStatus } from '../modules/identity/identity.schema.ts';
import type { LessonKind } from '../modules/learning/learning.schema.ts';
import type { PostFormat, PostState } from '../modules/learning/posts.schema.ts';
import type { OrgKind } from '../modules/orgs/orgs.schema.ts';

/**
 * The tables as Kysely sees them. Conventions that hold on both databases: instants are ISO 8601 UTC
 * text, dates YYYY-MM-DD text, flags integers 0/1, JSON as text.
 */
export interface Database {
  liaison_areas: LiaisonAreasTable;
  orgs: OrgsTable;
  dictionaries: DictionariesTable;
  dictionary_items: DictionaryItemsTable;
  users: UsersTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  files: FilesTable;
  record_files: RecordFilesTable;
  jobs: JobsTable;
  cadres: CadresTable;
  cadre_search_terms: CadreSearchTermsTable;
  cadre_family_members: CadreFamilyMembersTable;
  cadre_health: CadreHealthTable;
  cadre_hospital_stays: CadreHospitalStaysTable;
  cadre_travels: CadreTravelsTable;
  cadre_deaths: CadreDeathsTable;
  workflow_items: WorkflowItemsTable;
  workflow_events: WorkflowEventsTable;
  branches: BranchesTable;
  branch_memberships: BranchMembershipsTable;
  branch_mobile_members: BranchMobileMembersTable;
  branch_committee_members: BranchCommitteeMembersTable;
  branch_elections: BranchElectionsTable;
  branch_meetings: BranchMeetingsTable;
  branch_meeting_absences: BranchMeetingAbsencesTable;
  assessment_standards: AssessmentStandardsTable;
  assessment_standard_versions: AssessmentStandardVersionsTable;
  assessment_dimensions: AssessmentDimensionsTable;
  assessment_measures: AssessmentMeasuresTable;
  assessment_rounds: AssessmentRoundsTable;
  branch_assessments: BranchAssessmentsTable;
  assessment_answers: AssessmentAnswersTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_checks: AssessmentChecksTable;
  assessment_demonstrations: AssessmentDemonstrationsTable;
  learning_lessons: LearningLessonsTable;
  learning_records: LearningRecordsTable;
  learning_programmes: LearningProgrammesTable;
  learning_sessions: LearningSessionsTable;
  learning_attendance: LearningAttendanceTable;
  learning_posts: LearningPostsTable;
  learning_post_reads: LearningPostReadsTable;
  brand_systems: BrandSystemsTable;
  brands: BrandsTable;
  brand_reviews: BrandReviewsTable;
  brand_inspections: BrandInspectionsTable;
  brand_awards: BrandAwardsTable;
  brand_award_years: BrandAwardYearsTable;
  indicator_counts: IndicatorCountsTable;
  indicator_snapshots: IndicatorSnapshotsTable;
  indicator_snapshot_runs: IndicatorSnapshotRunsTable;
  scheduled_jobs: ScheduledJobsTable;
  scheduled_job_runs: ScheduledJobRunsTable;
  app_instances: AppInstancesTable;
  reminders: RemindersTable;
  calendar_years: CalendarYearsTable;
  calendar_days: CalendarDaysTable;
  deadlines: DeadlinesTable;
}

export interface LiaisonAreasTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
}

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** the name's pinyin search text (platform/lists/pinyin.ts), so lists find it by Latin letters */
  name_pinyin: Generated<string>;
  /** city | county | town | unit */
  kind: OrgKind;
  code: string | null;
  /** materialised path of ids, '/1/5/23/': scope is a prefix match */
  path: string;
  depth: number;
  liaison_area_id: number | null;
  active: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface DictionariesTable {
  code: string;
  name_zh: string;
  name_en: string;
  standard: string | null;
  editable: number;
}

export interface DictionaryItemsTable {
  dictionary_code: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort_order: number;
  active: number;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  name: string;
  /** the name's pinyin search text (platform/lists/pinyin.ts), so lists find it by Latin letters */
  name_pinyin: Generated<string>;
  phone: string | null;
  org_id: number;
  /** active | disabled */
  status: UserStatus;
  password_hash: string;
  must_change_password: number;
  password_changed_at: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string;
  builtin: number;
  created_at: string;
  updated_at: string;
}

export interface RolePermissionsTable {
  role_id: number;
  permission: string;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role_id: number;
  org_id: number;
  created_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  /** SM3 of the cookie token; the token itself is never stored */
  token_hash: string;
  user_id: number;
  assignment_id: number | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface LoginFailuresTable {
  /** 'acct:<username>|<ip>' or 'src:<ip>' */
  key: string;
  count: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  source_ip: string | null;
  request_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  summary: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_id: number;
  hash: string;
  /** entries up to this id were pruned after the retention period */
  pruned_through_id: number;
  /** the hash of the last pruned entry: the link the first remaining entry must carry */
  pruned_hash: string;
}

export type OrgRow = Selectable<OrgsTable>;
export type NewOrg = Insertable<OrgsTable>;
export type OrgUpdate = Updateable<OrgsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;

export interface FilesTable {
  id: Generated<number>;
  /** hex SHA-256 of the content: where the bytes live in the store */
  sha256: string;
  size: number;
  mime: string;
  name: string;
  created_by: number | null;
  created_at: string;
}

/**
 * A file kept with a record (附件): the one link every module's photos, attachments and evidence files
 * use (platform/files/attachments.ts). The record is named by its type and id, not a foreign key.
 */
export interface RecordFilesTable {
  id: Generated<number>;
  /** brand | meeting | learning_post | branch_assessment */
  record_type: string;
  record_id: number;
  file_id: number;
  /** the kind of file (platform/files/kinds.ts): photo | attachment | evidence */
  kind: string;
  caption: string | null;
  created_by: number | null;
  created_at: string;
}

export interface JobsTable {
  id: Generated<number>;
  /** import | export */
  kind: string;
  /** what it works on, e.g. 'cadres' */
  entity: string;
  user_id: number;
  /** the org path of the scope the job acts in */
  scope_path: string;
  /** validating | ready | committing | done | failed | cancelled | interrupted */
  status: string;
  file_id: number | null;
  options: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  /** the app instance that started the job's current step (validating, committing) */
  instance_id: string | null;
}

export interface CadresTable {
  id: Generated<number>;
  /** 现管单位: the org that manages the cadre now */
  org_id: number;
  name: string;
  /** 曾用名, joined with '、' */
  former_names: string | null;
  /** the name in pinyin without tones or spaces, for sorting */
  name_pinyin: string;
  gender: string;
  birth_date: string;
  id_number_enc: string;
  id_number_bidx: string;
  ethnicity: string | null;
  native_place: string | null;
  education: string | null;
  political_status: string | null;
  party_joined_on: string | null;
  work_started_on: string | null;
  /** lixiu (离休) | tuixiu (退休) */
  category: Category;
  revolutionary_period: string | null;
  retired_on: string | null;
  rank: string | null;
  treatment_level: string | null;
  treatment_doc_no: string | null;
  former_unit: string | null;
  former_position: string | null;
  unit_nature: string | null;
  living_situation: string | null;
  relocated: number;
  relocation_place: string | null;
  military_transfer: number;
  mobile_enc: string | null;
  mobile_bidx: string | null;
  landline_enc: string | null;
  landline_bidx: string | null;
  home_address: string | null;
  home_region_code: string | null;
  habitual_address: string | null;
  habitual_region_code: string | null;
  emergency_contacts_enc: string | null;
  /** solar | lunar: how the person celebrates their birthday */
  birthday_calendar: BirthdayCalendar;
  /** 'MM-DD' in that calendar */
  birthday_key: string;
  photo_file_id: number | null;
  hobbies: string | null;
  specialities: string | null;
  remarks: string | null;
  /** active | deceased */
  status: CadreStatus;
  created_at: string;
  updated_at: string;
  /** the ID number as the console shows it (320602********1234), kept so showing it needs no decryption */
  id_number_masked: string | null;
  /** the mobile as shown (138****5678) */
  mobile_masked: string | null;
  /** the landline as shown (****5678) */
  landline_masked: string | null;
}

export interface CadreSearchTermsTable {
  cadre_id: number;
  /** a name, former name, its pinyin or initials, or the given name: matched by prefix */
  term: string;
  /** the record's status, managing org and name pinyin, kept equal to the record's own (updateCadre) */
  status: string;
  org_id: number;
  sort_name: string;
}

export interface CadreFamilyMembersTable {
  id: Generated<number>;
  cadre_id: number;
  name: string;
  relation: string;
  birth_date: string | null;
  phone_enc: string | null;
  work_unit: string | null;
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export interface CadreHealthTable {
  cadre_id: number;
  illnesses: string | null;
  /** self_care | partial | dependent */
  mobility: Mobility | null;
  disability: string | null;
  caregiver: string | null;
  designated_hospital: string | null;
  nearest_hospital: string | null;
  updated_at: string;
}

export interface CadreHospitalStaysTable {
  id: Generated<number>;
  cadre_id: number;
  hospital: string;
  department: string | null;
  bed: string | null;
  admitted_on: string;
  discharged_on: string | null;
  condition: string | null;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

export interface CadreTravelsTable {
  id: Generated<number>;
  cadre_id: number;
  /** trip (外出登记) | document (护照、通行证登记) */
  kind: TravelKind;
  destination: string | null;
  purpose: string | null;
  departs_on: string | null;
  returns_on: string | null;
  document_type: string | null;
  document_no_enc: string | null;
  issued_on: string | null;
  expires_on: string | null;
  custody: string | null;
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export interface CadreDeathsTable {
  cadre_id: number;
  died_on: string;
  cause: string | null;
  /** 告别仪式安排 */
  farewell: string | null;
  /** who receives the pension (遗属) */
  pension_recipient: string | null;
  pension_until: string | null;
  remarks: string | null;
  recorded_at: string;
}

export type CadreRow = Selectable<CadresTable>;

export interface WorkflowItemsTable {
  id: Generated<number>;
  /** the workflow's name, e.g. 'meeting_review' */
  workflow: string;
  /** the id of the record in its module's own table */
  record_id: number;
  /** the org the record belongs to: who may act on it, and whose to-do list it appears in */
  org_id: number;
  state: string;
  /** what the to-do list (待办) shows for the record */
  title: string;
  submitted_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface WorkflowEventsTable {
  id: Generated<number>;
  item_id: number;
  /** the transition taken, or 'start' for the item's creation */
  action: string;
  /** null for the start */
  from_state: string | null;
  to_state: string;
  actor_id: number | null;
  /** the actor's name at the time */
  actor_name: string | null;
  comment: string | null;
  at: string;
}

export interface BranchesTable {
  id: Generated<number>;
  org_id: number;
  /** the general branch (党总支) above, if any */
  parent_id: number | null;
  name: string;
  /** the name's pinyin search text (platform/lists/pinyin.ts), so lists find it by Latin letters */
  name_pinyin: Generated<string>;
  /** standing (建制性) | functional (功能型) | joint (兼合式) | thematic (特色化) | general (党总支) */
  kind: BranchKind;
  /** dictionary branch_basis: what a non-standing branch is formed around; null otherwise */
  basis: string | null;
  founded_on: string | null;
  /** 撤销日期: set when the branch is dissolved */
  dissolved_on: string | null;
  remarks: string | null;
  /** derived from branch_elections: the latest election (换届) */
  last_election_on: string | null;
  /** derived: the latest election plus its term */
  next_election_due_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface BranchMembershipsTable {
  id: Generated<number>;
  branch_id: number;
  cadre_id: number;
  /** primary (组织关系所在) | participating (参与的非建制支部) */
  role: MembershipRole;
  joined_on: string;
  /** null while the membership is open */
  left_on: string | null;
  leave_reason: string | null;
  /** the membership a transfer (组织关系转接) opened in the new branch */
  transferred_to_id: number | null;
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export interface BranchMobileMembersTable {
  id: Generated<number>;
  branch_id: number;
  cadre_id: number;
  /** where the member lives meanwhile (流入地) */
  living_place: string;
  from_on: string;
  until_on: string | null;
  contact_person: string | null;
  /** SM4-sealed phone number */
  contact_phone_enc: string | null;
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export interface BranchCommitteeMembersTable {
  id: Generated<number>;
  branch_id: number;
  cadre_id: number;
  /** secretary | deputy_secretary | organisation | propaganda | discipline */
  post: CommitteePost;
  started_on: string;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface BranchElectionsTable {
  id: Generated<number>;
  branch_id: number;
  held_on: string;
  place: string | null;
  /** 3 or 5 */
  term_years: number;
  /** derived: held_on plus the term */
  next_due_on: string;
  remarks: string | null;
  created_at: string;
  updated_at: string;
}

export type BranchRow = Selectable<BranchesTable>;

export type BranchMembershipRow = Selectable<BranchMembershipsTable>;

export type BranchMobileMemberRow = Selectable<BranchMobileMembersTable>;

export type BranchCommitteeMemberRow = Selectable<BranchCommitteeMembersTable>;

export type BranchElectionRow = Selectable<BranchElectionsTable>;

export interface BranchMeetingsTable {
  id: Generated<number>;
  branch_id: number;
  /** the branch's org, copied for scoping (kept in step when the branch moves) */
  org_id: number;
  /** assembly | committee | group | lesson | themed_day | org_life | appraisal (三会一课, 主题党日…) */
  type: MeetingType;
  /** derived from held_on by the type's period unit: '2026-03', '2026-Q1' or '2026' */
  period: string;
  held_on: string;
  /** local time of day, HH:MM */
  start_time: string | null;
  place: string | null;
  /** 主持人 */
  chair: string | null;
  /** 记录人 */
  recorder: string | null;
  /** 应到 */
  expected_count: number;
  /** 实到 */
  present_count: number;
  /** 列席人员: people from outside the branch who attended */
  outside_attendees: string | null;
  /** 议题 */
  topics: string | null;
  /** 决议 */
  resolutions: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface BranchMeetingAbsencesTable {
  id: Generated<number>;
  meeting_id: number;
  /** the member absent, when on the roster; null for a name only */
  cadre_id: number | null;
  name: string;
  /** 缺席原因 */
  reason: string;
}

export type BranchMeetingRow = Selectable<BranchMeetingsTable>;

/** A branch standard (支部建设标准): 六有一提升 (`liuyou`), 六好 (`liuhao`)… */
export interface AssessmentStandardsTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  /** 1 for the demo's made-up content */
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** One version of a standard's measures. */
export interface AssessmentStandardVersionsTable {
  id: Generated<number>;
  standard_id: number;
  /** 1, 2, 3… within the standard */
  version: number;
  /** draft | published | frozen */
  status: VersionStatus;
  published_at: string | null;
  /** when a round first used it; its content never changes after */
  frozen_at: string | null;
  notes: string | null;
  /** the version it was copied from when authored as the next one */
  copied_from_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A dimension of a version (one of the six "haves", the uplift…). */
export interface AssessmentDimensionsTable {
  id: Generated<number>;
  version_id: number;
  sort_order: number;
  code: string;
  title: string;
}

/** A verifiable measure (考核细则) of a dimension. */
export interface AssessmentMeasuresTable {
  id: Generated<number>;
  dimension_id: number;
  sort_order: number;
  /** '1.1', '1.2'… */
  code: string;
  text: string;
  /** what evidence the measure asks for (佐证材料) */
  evidence: string;
  /** JSON array of the evidence kinds accepted: document, photo, or platform records (meetings…) */
  evidence_kinds: string;
  /** scored (weighted points) | required (must pass, no points) */
  rule: MeasureRule;
  /** points for a scored measure; 0 for a required one */
  weight: number;
  remarks: string | null;
}

export type AssessmentVersionRow = Selectable<AssessmentStandardVersionsTable>;
export type AssessmentDimensionRow = Selectable<AssessmentDimensionsTable>;
export type AssessmentMeasureRow = Selectable<AssessmentMeasuresTable>;

/** An assessment round (考核轮次): a year's assessment of a set of branches against one frozen version. */
export interface AssessmentRoundsTable {
  id: Generated<number>;
  name: string;
  year: number;
  /** the standard version assessed against; frozen when the round opens */
  version_id: number;
  /** the day self-assessments are due */
  due_on: string;
  /** the points (of 100) the scored measures must reach for compliance */
  pass_mark: number;
  /** open | closed */
  status: RoundStatus;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A branch's assessment in a round; its state lives in the `assessment` workflow's item. */
export interface BranchAssessmentsTable {
  id: Generated<number>;
  round_id: number;
  branch_id: number;
  /** the branch's org when the round opened (scope) */
  org_id: number;
  /** the branch's name when the round opened */
  branch_name: string;
  /** compliant | not_compliant, set at verification */
  result: AssessmentResult | null;
  /** the scored measures' points met, on 100, set at verification */
  score: number | null;
  /** full | sampled */
  verification: VerificationMode | null;
  verified_at: string | null;
  /** the highest demonstration level held now: city | province */
  demo_level: DemoLevel | null;
  created_at: string;
  updated_at: string;
}

/** The branch's self-assessment of one measure (自评). */
export interface AssessmentAnswersTable {
  id: Generated<number>;
  assessment_id: number;
  measure_id: number;
  /** met | not_met | not_applicable */
  verdict: AnswerVerdict;
  note: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** A piece of evidence (佐证材料) for an answer: an uploaded file or an approved meeting of the branch. */
export interface AssessmentEvidenceTable {
  id: Generated<number>;
  assessment_id: number;
  measure_id: number;
  /** file | meeting */
  kind: string;
  file_id: number | null;
  meeting_id: number | null;
  caption: string | null;
  created_by: number | null;
  created_at: string;
}

/** The county's review (review) or the city's verification (verify) of one answer. */
export interface AssessmentChecksTable {
  id: Generated<number>;
  assessment_id: number;
  measure_id: number;
  /** review | verify */
  stage: CheckStage;
  /** agree | disagree | no_evidence */
  verdict: CheckVerdict;
  comment: string | null;
  /** JSON array of the evidence ids the verdict rests on */
  evidence_ids: string;
  checked_by: number | null;
  checked_by_name: string | null;
  checked_at: string;
}

/** A demonstration level (示范支部) named on a compliant assessment; revoked ones stay, with the reason. */
export interface AssessmentDemonstrationsTable {
  id: Generated<number>;
  assessment_id: number;
  /** city | province */
  level: DemoLevel;
  named_on: string;
  note: string | null;
  named_by: number | null;
  revoked_at: string | null;
  revoke_reason: string | null;
  revoked_by: number | null;
  created_at: string;
}

/** A cloud party lesson (云端党课): a video link, an uploaded file's link, or a text. */
export interface LearningLessonsTable {
  id: Generated<number>;
  /** the publisher's org, for scope */
  org_id: number;
  title: string;
  /** video | text | file */
  kind: LessonKind;
  url: string | null;
  body: string | null;
  /** the uploaded file of a file or video lesson given as a file rather than a link */
  file_id: number | null;
  published_on: string;
  /** times opened (浏览次数) */
  views: Generated<number>;
  created_at: string;
  updated_at: string;
}

/** A cadre studied a lesson on a day (学习记录). */
export interface LearningRecordsTable {
  id: Generated<number>;
  lesson_id: number;
  cadre_id: number;
  learned_on: string;
  minutes: number;
  created_at: string;
}

/** A training programme for a year (头雁工程 `touyan`…). */
export interface LearningProgrammesTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  code: string;
  year: number;
  created_at: string;
  updated_at: string;
}

/** One session (培训班次) of a programme. */
export interface LearningSessionsTable {
  id: Generated<number>;
  programme_id: number;
  held_on: string;
  title: string;
  place: string | null;
  hours: number;
}

/** A cadre attended a session: one row is one person-time (人次). */
export interface LearningAttendanceTable {
  id: Generated<number>;
  session_id: number;
  cadre_id: number;
  created_at: string;
}

/** A post of the online party branch (网上党支部): to one branch's members, or to every branch of an org subtree. */
export interface LearningPostsTable {
  id: Generated<number>;
  /** the branch's org for a branch post; the audience's org for a post to a subtree (for scope) */
  org_id: number;
  /** the branch addressed; null when the post goes to every branch in the org's subtree */
  branch_id: number | null;
  title: string;
  body: string;
  /** text | markdown (limited: stored as written, rendered safely by the reader) */
  format: PostFormat;
  /** 1 when the post stays at the top of the list (置顶) */
  pinned: Generated<number>;
  /** published | withdrawn (已撤回) */
  state: PostState;
  published_at: string;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  created_by: number | null;
  author_name: string;
  created_at: string;
  updated_at: string;
}

/** A member read a post (已读回执). */
export interface LearningPostReadsTable {
  id: Generated<number>;
  post_id: number;
  cadre_id: number;
  read_at: string;
}

/** The city's umbrella brand (品牌体系, e.g. 江海银发先锋计划) that the branch brands belong to. */
export interface BrandSystemsTable {
  id: Generated<number>;
  /** the city's org that keeps it */
  org_id: number;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

/** A branch's party-building brand (党建品牌); its application state lives in the `brand` workflow. */
export interface BrandsTable {
  id: Generated<number>;
  system_id: number | null;
  branch_id: number;
  /** the branch's org, copied for scoping */
  org_id: number;
  name: string;
  /** 品牌理念 */
  idea: string;
  /** 主要做法 */
  practices: string;
  /** 取得成效 */
  results: string;
  /** how many three-year cycles have been approved (0 before the first approval) */
  cycle_no: Generated<number>;
  /** the current cycle's first day (the approval day) and last day (three years on) */
  cycle_start: string | null;
  cycle_end: string | null;
  /** the next yearly review's due day (复核), kept as reviews are recorded; null when none is due */
  next_review_due: string | null;
  /** 撤销: the day and why */
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A yearly review (品牌复核) of a year of a cycle. */
export interface BrandReviewsTable {
  id: Generated<number>;
  brand_id: number;
  cycle_no: number;
  /** 1, 2 or 3: the year of the cycle reviewed */
  cycle_year: number;
  /** the day the review was due (the anniversary, or an improvement's deadline) */
  due_on: string;
  reviewed_on: string;
  reviewer: string;
  /** pass 通过 | improve 限期整改 | withdraw 撤销 */
  verdict: ReviewVerdict;
  /** the improvement's deadline (整改期限) */
  deadline: string | null;
  /** why the brand is withdrawn */
  reason: string | null;
  comments: string | null;
  created_by: number | null;
  created_at: string;
}

/** An inspection visit (调研检查). */
export interface BrandInspectionsTable {
  id: Generated<number>;
  brand_id: number;
  inspected_on: string;
  inspectors: string;
  findings: string;
  created_by: number | null;
  created_at: string;
}

/** A yearly selection (十佳 `top10`, 优秀 `excellent`) or a provincial innovation case (`province_case`). */
export interface BrandAwardsTable {
  id: Generated<number>;
  brand_id: number;
  /** the brand's org, copied for scoping */
  org_id: number;
  year: number;
  kind: AwardKind;
  title: string | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** A year of selections: its row is locked while a selection of the year is written. */
export interface BrandAwardYearsTable {
  year: number;
}

/** A maintained count (platform/indicators): kept by triggers on the counted table, never written by code. */
export interface IndicatorCountsTable {
  /** the counted source, e.g. 'cadres' */
  indicator: string;
  org_id: number;
  /** the source's keys in order, '' where it has fewer */
  k1: string;
  k2: string;
  k3: string;
  k4: string;
  n: number;
}

/** A count frozen as of 12-31 of a year (年报): written once when the snapshot is taken, never changed. */
export interface IndicatorSnapshotsTable extends IndicatorCountsTable {
  year: number;
}

/** That a yearly snapshot was taken: one per source and year, so it is taken once. */
export interface IndicatorSnapshotRunsTable {
  indicator: string;
  year: number;
  /** the day the figures are as of: YYYY-12-31 */
  as_of: string;
  taken_at: string;
  taken_by: number | null;
}

/** A durable job of the scheduler (platform/scheduler): one occurrence of a kind of work, run once. */
export interface ScheduledJobsTable {
  id: Generated<number>;
  /** unique name of the job: a recurring job keeps one row and moves its run_at on */
  key: string;
  /** the handler that runs it */
  kind: string;
  payload: string | null;
  /** when it is next due, ISO instant */
  run_at: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  /** runs begun for the current occurrence */
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  /** the instance holding the job while it runs, until lease_until */
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One run of a scheduled job: who ran it, when, and how it ended. */
export interface ScheduledJobRunsTable {
  id: Generated<number>;
  job_id: number;
  attempt: number;
  instance_id: string;
  started_at: string;
  finished_at: string | null;
  outcome: 'running' | 'succeeded' | 'failed' | 'abandoned';
  error: string | null;
}

/** A running app instance, as its heartbeat shows. */
export interface AppInstancesTable {
  id: string;
  host: string;
  pid: number;
  started_at: string;
  heartbeat_at: string;
}

/** A reminder a scheduled job left for the staff in scope of its org (换届 due, brand review due, birthday). */
export interface RemindersTable {
  id: Generated<number>;
  kind: 'election_due' | 'brand_review_due' | 'birthday';
  /** the branch, brand or cadre it is about */
  subject_id: number;
  org_id: number;
  due_on: string;
  title: string;
  created_at: string;
}

/** A year of the holiday calendar an administrator keeps (or the shipped data seeded). */
export interface CalendarYearsTable {
  year: number;
  /** where the year's days came from: the package that shipped them, or 'admin' */
  source: string;
  updated_by: number | null;
  updated_at: string;
}

/** A statutory holiday (法定节假日) or a 调休 working day on a weekend. */
export interface CalendarDaysTable {
  date: string;
  year: number;
  kind: 'holiday' | 'workday';
  /** the holiday it belongs to, e.g. 春节 */
  name: string;
}

/** A due date a record registered with the deadline engine, recomputed when the calendar changes. */
export interface DeadlinesTable {
  id: Generated<number>;
  /** what kind of record holds it, e.g. 'brand_review' */
  subject: string;
  subject_id: number;
  start_on: string;
  unit: 'calendar_days' | 'working_days' | 'years';
  count: number;
  /** JSON: the extensions and pauses */
  events: string;
  due_on: string;
  /** JSON: how the due date was computed */
  explanation: string;
  computed_at: string;
}
