/**
 * Every permission the platform knows, as `module:action`. A route declares one of these (or
 * 'public' / 'authenticated'); roles are sets of them. Modules add theirs here when they land.
 */
export const PERMISSIONS = [
  'orgs:read',
  'orgs:write',
  'dictionaries:read',
  'dictionaries:write',
  'users:read',
  'users:write',
  'users:assign',
  'roles:read',
  'roles:write',
  'sessions:read',
  'sessions:revoke',
  'audit:read',
  'cadres:read',
  'cadres:write',
  'cadres:reveal',
  'cadres:health',
  'cadres:import',
  'cadres:export',
  'branches:read',
  'branches:write',
  'meetings:read',
  'meetings:write',
  'meetings:review',
  'assessments:read',
  'assessments:author',
  'assessments:open',
  'assessments:assess',
  'assessments:review',
  'assessments:verify',
  'learning:read',
  'learning:write',
  'learning:post',
  'brands:read',
  'brands:apply',
  'brands:approve',
  'brands:review',
  'scheduler:read',
  'scheduler:run',
  'calendar:write',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What a route asks of its caller: a permission, any signed-in user, or nobody. */
export type RouteAccess = Permission | 'authenticated' | 'public';

const KNOWN = new Set<string>(PERMISSIONS);

/** True for a string that names a known permission. */
export function isPermission(value: string): value is Permission {
  return KNOWN.has(value);
}

/** A role that ships with the platform; its permissions are re-synchronised at every start. */
export interface BuiltinRole {
  code: string;
  name: string;
  description: string;
  permissions: readonly Permission[];
}

const READ_BASICS: Permission[] = ['orgs:read', 'dictionaries:read'];
/** What staff who keep the roster need: read, write, see health data, import, export, reveal. */
const ROSTER_STAFF: Permission[] = [
  'cadres:read',
  'cadres:write',
  'cadres:health',
  'cadres:import',
  'cadres:export',
  'cadres:reveal',
];
/** What keeps the party branches: branches, memberships, mobile members, committees, elections. */
const BRANCH_STAFF: Permission[] = ['branches:read', 'branches:write'];
/** What records a branch's meetings (三会一课, 主题党日) and submits them for review. */
const MEETING_KEEPERS: Permission[] = ['meetings:read', 'meetings:write'];
/** What reviews the meetings of the branches below (a county's, or the city's). */
const MEETING_REVIEWERS: Permission[] = [...MEETING_KEEPERS, 'meetings:review'];
/** What authors the branch standards (六有一提升…): city staff only, and only with a city-wide scope. */
const STANDARD_AUTHORS: Permission[] = ['assessments:read', 'assessments:author'];
/** What a branch's own people need to self-assess it in a round (自评) and submit it. */
const ASSESSORS: Permission[] = ['assessments:read', 'assessments:assess'];
/** What the city needs to open and close rounds, verify assessments (核验) and name demonstration branches. */
const ROUND_KEEPERS: Permission[] = ['assessments:open', 'assessments:review', 'assessments:verify'];
/** What publishes lessons and keeps training programmes (云端党课, 头雁工程). */
const LEARNING_STAFF: Permission[] = ['learning:read', 'learning:write', 'learning:post'];
/** What posts to a branch's own members on the online party branch (网上党支部). */
const BRANCH_POSTERS: Permission[] = ['learning:read', 'learning:post'];
/** What a branch (its secretary or its unit's staff) needs to apply for a party-building brand. */
const BRAND_APPLICANTS: Permission[] = ['brands:read', 'brands:apply'];
/** What keeps the brands of a county: yearly reviews (pass or improve) and inspections. */
const BRAND_REVIEWERS: Permission[] = ['brands:read', 'brands:review'];
/** What the city keeps: approval, withdrawal, the umbrella brand and the yearly selections. */
const BRAND_APPROVERS: Permission[] = [...BRAND_REVIEWERS, 'brands:approve'];

/**
 * The built-in roles. The three administrators are kept apart as 等保 level 3 asks (三员分立): the
 * system administrator runs accounts, the org tree and code tables but cannot grant roles or read the
 * audit log; the security administrator grants roles and manages sessions; the audit administrator
 * only reads the audit log.
 */
export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    code: 'sysadmin',
    name: '系统管理员',
    description: '管理用户账号、组织机构和数据字典',
    permissions: [
      ...READ_BASICS,
      'orgs:write',
      'dictionaries:write',
      'users:read',
      'users:write',
      'roles:read',
      'scheduler:read',
      'scheduler:run',
      'calendar:write',
    ],
  },
  {
    code: 'secadmin',
    name: '安全管理员',
    description: '管理角色、授权和会话',
    permissions: [
      ...READ_BASICS,
      'users:read',
      'users:assign',
      'roles:read',
      'roles:write',
      'sessions:read',
      'sessions:revoke',
    ],
  },
  {
    code: 'auditadmin',
    name: '审计管理员',
    description: '查阅和核验审计日志',
    permissions: ['audit:read'],
  },
  {
    code: 'city_staff',
    name: '市局工作人员',
    description: '市委老干部局各科室工作人员，管理全市业务',
    permissions: [
      ...READ_BASICS,
      'users:read',
      ...ROSTER_STAFF,
      ...BRANCH_STAFF,
      ...MEETING_REVIEWERS,
      ...STANDARD_AUTHORS,
      ...ROUND_KEEPERS,
      ...LEARNING_STAFF,
      ...BRAND_APPROVERS,
    ],
  },
  {
    code: 'county_staff',
    name: '县区工作人员',
    description: '县（市、区）老干部局工作人员，管理本县区业务',
    permissions: [
      ...READ_BASICS,
      'users:read',
      ...ROSTER_STAFF,
      ...BRANCH_STAFF,
      ...MEETING_REVIEWERS,
      ...ASSESSORS,
      'assessments:review',
      ...LEARNING_STAFF,
      ...BRAND_REVIEWERS,
    ],
  },
  {
    code: 'unit_staff',
    name: '单位工作人员',
    description: '单位老干部处工作人员，管理本单位离退休干部',
    permissions: [
      ...READ_BASICS,
      ...ROSTER_STAFF,
      ...BRANCH_STAFF,
      ...MEETING_KEEPERS,
      ...ASSESSORS,
      ...BRANCH_POSTERS,
      ...BRAND_APPLICANTS,
    ],
  },
  {
    code: 'branch_secretary',
    name: '支部书记',
    description: '离退休干部党支部书记',
    permissions: [
      ...READ_BASICS,
      'cadres:read',
      ...BRANCH_STAFF,
      ...MEETING_KEEPERS,
      ...ASSESSORS,
      ...BRANCH_POSTERS,
      ...BRAND_APPLICANTS,
    ],
  },
  {
    code: 'leader',
    name: '领导（只读）',
    description: '查看本范围内的数据和报表，不能修改',
    permissions: [
      ...READ_BASICS,
      'users:read',
      'cadres:read',
      'branches:read',
      'meetings:read',
      'assessments:read',
      'learning:read',
      'brands:read',
    ],
  },
];
