import type { CodeOption, ColumnDef } from '../../platform/excel/columns.ts';

/** The dictionaries the exports' coded columns draw from. */
export const BRANCH_COLUMN_DICTIONARIES = ['branch_basis', 'political_status'] as const;

export const KIND_OPTIONS: CodeOption[] = [
  { code: 'standing', labelZh: '建制性支部', labelEn: 'Standing branch' },
  { code: 'functional', labelZh: '功能型支部', labelEn: 'Functional branch' },
  { code: 'joint', labelZh: '兼合式支部', labelEn: 'Joint branch' },
  { code: 'thematic', labelZh: '特色化支部', labelEn: 'Thematic branch' },
  { code: 'general', labelZh: '党总支', labelEn: 'General branch' },
];

const ROLE_OPTIONS: CodeOption[] = [
  { code: 'primary', labelZh: '组织关系所在', labelEn: 'Primary' },
  { code: 'participating', labelZh: '参与', labelEn: 'Participating' },
];

const ADVICE_OPTIONS: CodeOption[] = [
  { code: 'ok', labelZh: '符合设置要求', labelEn: 'Meets the setup rule' },
  { code: 'join_joint', labelZh: '不足3人，宜成立联合支部', labelEn: 'Fewer than 3: join a joint branch' },
  { code: 'form_general', labelZh: '50人以上，宜成立党总支', labelEn: '50 or more: form a general branch' },
  { code: 'no_branches', labelZh: '党总支下无支部', labelEn: 'No branches under it' },
  { code: 'dissolved', labelZh: '已撤销', labelEn: 'Dissolved' },
];

const CADRE_STATUS_OPTIONS: CodeOption[] = [
  { code: 'active', labelZh: '在册', labelEn: 'Active' },
  { code: 'deceased', labelZh: '已离世', labelEn: 'Deceased' },
];

const DUE_STATUS_OPTIONS: CodeOption[] = [
  { code: 'none', labelZh: '无换届记录', labelEn: 'No election recorded' },
  { code: 'overdue', labelZh: '已超期', labelEn: 'Overdue' },
  { code: 'due', labelZh: '即将到期', labelEn: 'Due soon' },
];

/** The branch list's export. */
export const BRANCH_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'name', header: '支部名称', headerEn: 'Branch', kind: 'text', width: 28 },
  { key: 'kind', header: '类型', headerEn: 'Kind', kind: 'code', options: KIND_OPTIONS, width: 12 },
  {
    key: 'basis',
    header: '组建依据',
    headerEn: 'Basis',
    kind: 'code',
    dictionary: 'branch_basis',
    width: 10,
  },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 24 },
  { key: 'parentName', header: '所属党总支', headerEn: 'General branch', kind: 'text', width: 24 },
  { key: 'secretaryName', header: '书记', headerEn: 'Secretary', kind: 'text', width: 10 },
  { key: 'primary', header: '组织关系党员数', headerEn: 'Primary members', kind: 'integer', width: 14 },
  {
    key: 'participating',
    header: '参与党员数',
    headerEn: 'Participating members',
    kind: 'integer',
    width: 12,
  },
  { key: 'mobile', header: '流动党员数', headerEn: 'Mobile members', kind: 'integer', width: 12 },
  {
    key: 'advice',
    header: '设置情况',
    headerEn: 'Setup rule',
    kind: 'code',
    options: ADVICE_OPTIONS,
    width: 24,
  },
  { key: 'foundedOn', header: '成立日期', headerEn: 'Founded', kind: 'date', width: 12 },
  { key: 'lastElectionOn', header: '上次换届', headerEn: 'Last election', kind: 'date', width: 12 },
  { key: 'nextElectionDueOn', header: '应换届日期', headerEn: 'Election due', kind: 'date', width: 12 },
  { key: 'dissolvedOn', header: '撤销日期', headerEn: 'Dissolved', kind: 'date', width: 12 },
];

/** A branch's members' export. */
export const MEMBER_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'cadreName', header: '姓名', headerEn: 'Name', kind: 'text', width: 10 },
  { key: 'role', header: '隶属关系', headerEn: 'Membership', kind: 'code', options: ROLE_OPTIONS, width: 14 },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    headerEn: 'Political affiliation',
    kind: 'code',
    dictionary: 'political_status',
    width: 16,
  },
  { key: 'cadreOrgName', header: '现管单位', headerEn: 'Managing org', kind: 'text', width: 24 },
  { key: 'joinedOn', header: '编入日期', headerEn: 'Joined', kind: 'date', width: 12 },
  { key: 'leftOn', header: '转出日期', headerEn: 'Left', kind: 'date', width: 12 },
  { key: 'leaveReason', header: '转出原因', headerEn: 'Reason for leaving', kind: 'text', width: 20 },
  {
    key: 'cadreStatus',
    header: '人员状态',
    headerEn: 'Status',
    kind: 'code',
    options: CADRE_STATUS_OPTIONS,
    width: 10,
  },
];

/** The mobile members' export (phones masked). */
export const MOBILE_EXPORT_COLUMNS: ColumnDef[] = [
  { key: 'cadreName', header: '姓名', headerEn: 'Name', kind: 'text', width: 10 },
  { key: 'branchName', header: '所在支部', headerEn: 'Branch', kind: 'text', width: 24 },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 24 },
  { key: 'livingPlace', header: '流入地（现居住地）', headerEn: 'Living in', kind: 'text', width: 28 },
  { key: 'fromOn', header: '流出日期', headerEn: 'From', kind: 'date', width: 12 },
  { key: 'untilOn', header: '返回日期', headerEn: 'Until', kind: 'date', width: 12 },
  { key: 'contactPerson', header: '联系人', headerEn: 'Contact', kind: 'text', width: 12 },
  { key: 'contactPhone', header: '联系电话', headerEn: 'Phone', kind: 'text', width: 14 },
  { key: 'current', header: '当前流动', headerEn: 'Current', kind: 'boolean', width: 10 },
  { key: 'remarks', header: '备注', headerEn: 'Remarks', kind: 'text', width: 24 },
];

/** The election reminder list's export. */
export const ELECTION_DUE_COLUMNS: ColumnDef[] = [
  { key: 'branchName', header: '支部名称', headerEn: 'Branch', kind: 'text', width: 28 },
  { key: 'kind', header: '类型', headerEn: 'Kind', kind: 'code', options: KIND_OPTIONS, width: 12 },
  { key: 'orgName', header: '所在组织', headerEn: 'Organisation', kind: 'text', width: 24 },
  { key: 'lastElectionOn', header: '上次换届', headerEn: 'Last election', kind: 'date', width: 12 },
  { key: 'termYears', header: '任期（年）', headerEn: 'Term (years)', kind: 'integer', width: 10 },
  { key: 'nextDueOn', header: '应换届日期', headerEn: 'Due', kind: 'date', width: 12 },
  { key: 'daysLeft', header: '剩余天数', headerEn: 'Days left', kind: 'integer', width: 10 },
  { key: 'status', header: '状态', headerEn: 'Status', kind: 'code', options: DUE_STATUS_OPTIONS, width: 14 },
];
