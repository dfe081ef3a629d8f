import { type Static, Type } from 'typebox';
import { Instant, Nullable } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });
const Code = Type.String({ maxLength: 40, description: 'a dictionary code' });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$' });

/** 离休 lixiu (joined the revolution before 1949-10-01) or 退休 tuixiu. */
export const Category = Type.Union([Type.Literal('lixiu'), Type.Literal('tuixiu')]);
export type Category = Static<typeof Category>;
export const CadreStatus = Type.Union([Type.Literal('active'), Type.Literal('deceased')]);
export type CadreStatus = Static<typeof CadreStatus>;
/** solar 公历 or lunar 农历: how a person celebrates their birthday */
export const BirthdayCalendar = Type.Union([Type.Literal('solar'), Type.Literal('lunar')]);
export type BirthdayCalendar = Static<typeof BirthdayCalendar>;
/** trip 外出登记 | document 证件登记 */
export const TravelKind = Type.Union([Type.Literal('trip'), Type.Literal('document')]);
export type TravelKind = Static<typeof TravelKind>;

export const BirthdaySchema = Type.Object({
  /** solar 公历 or lunar 农历: how the person celebrates */
  calendar: BirthdayCalendar,
  month: Type.Integer({ minimum: 1, maximum: 12 }),
  day: Type.Integer({ minimum: 1, maximum: 31 }),
});

export const EmergencyContactSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  relation: Type.String({ maxLength: 20 }),
  /** masked unless revealed */
  phone: Type.String({ maxLength: 20 }),
});

const DeathSchema = Type.Object({
  diedOn: DateString,
  cause: Nullable(Type.String()),
  /** 告别仪式安排 */
  farewell: Nullable(Type.String()),
  /** who receives the survivor's pension (遗属) */
  pensionRecipient: Nullable(Type.String()),
  pensionUntil: Nullable(DateString),
  remarks: Nullable(Type.String()),
  recordedAt: Instant,
});

/** The master record as the console shows it; personal numbers masked. */
export const CadreSchema = Type.Object(
  {
    id: Type.Integer(),
    /** 现管单位: the org that manages the cadre now */
    orgId: Type.Integer(),
    orgName: Type.String(),
    name: Type.String(),
    /** 曾用名 */
    formerNames: Type.Array(Type.String()),
    gender: Code,
    birthDate: DateString,
    /** derived: whole years today */
    age: Type.Integer(),
    /** derived: 80+ / 90+ / 100+ or null */
    ageBand: Nullable(Type.String()),
    /** masked: 320602********1234 */
    idNumber: Type.String(),
    ethnicity: Nullable(Code),
    nativePlace: Nullable(Type.String()),
    education: Nullable(Code),
    politicalStatus: Nullable(Code),
    partyJoinedOn: Nullable(DateString),
    workStartedOn: Nullable(DateString),
    category: Category,
    /** 参加革命工作时期 (lixiu only) */
    revolutionaryPeriod: Nullable(Code),
    retiredOn: Nullable(DateString),
    /** derived: whole years since retirement */
    yearsRetired: Nullable(Type.Integer()),
    rank: Nullable(Code),
    /** 享受待遇 */
    treatmentLevel: Nullable(Code),
    /** 待遇批准文号 */
    treatmentDocNo: Nullable(Type.String()),
    formerUnit: Nullable(Type.String()),
    formerPosition: Nullable(Type.String()),
    unitNature: Nullable(Code),
    livingSituation: Nullable(Code),
    /** 易地安置 */
    relocated: Type.Boolean(),
    relocationPlace: Nullable(Type.String()),
    /** 军转干部 */
    militaryTransfer: Type.Boolean(),
    mobile: Nullable(Type.String()),
    landline: Nullable(Type.String()),
    homeAddress: Nullable(Type.String()),
    homeRegionCode: Nullable(Type.String()),
    habitualAddress: Nullable(Type.String()),
    habitualRegionCode: Nullable(Type.String()),
    emergencyContacts: Type.Array(EmergencyContactSchema),
    birthday: BirthdaySchema,
    /** derived: the next date the birthday falls on */
    nextBirthday: DateString,
    photoFileId: Nullable(Type.Integer()),
    hobbies: Nullable(Type.String()),
    specialities: Nullable(Type.String()),
    remarks: Nullable(Type.String()),
    status: CadreStatus,
    death: Nullable(DeathSchema),
    createdAt: Instant,
    updatedAt: Instant,
  },
  { $id: 'Cadre' },
);
export type Cadre = Static<typeof CadreSchema>;

/** A row of the roster list. */
export const CadreListItemSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    gender: Code,
    birthDate: DateString,
    age: Type.Integer(),
    idNumber: Type.String(),
    mobile: Nullable(Type.String()),
    category: Category,
    orgId: Type.Integer(),
    orgName: Type.String(),
    rank: Nullable(Code),
    treatmentLevel: Nullable(Code),
    politicalStatus: Nullable(Code),
    retiredOn: Nullable(DateString),
    livingSituation: Nullable(Code),
    relocated: Type.Boolean(),
    status: CadreStatus,
  },
  { $id: 'CadreListItem' },
);
export type CadreListItem = Static<typeof CadreListItemSchema>;

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  formerNames: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 10 }),
  /** any form people type: lower-case x, full-width digits, spaces are normalised */
  idNumber: Type.String({ minLength: 1, maxLength: 40 }),
  orgId: Type.Integer({ minimum: 1 }),
  gender: Code,
  birthDate: DateString,
  ethnicity: Nullable(Code),
  nativePlace: Nullable(Text(100)),
  education: Nullable(Code),
  politicalStatus: Nullable(Code),
  partyJoinedOn: Nullable(DateString),
  workStartedOn: Nullable(DateString),
  category: Category,
  revolutionaryPeriod: Nullable(Code),
  retiredOn: Nullable(DateString),
  rank: Nullable(Code),
  treatmentLevel: Nullable(Code),
  treatmentDocNo: Nullable(Text(100)),
  formerUnit: Nullable(Text(200)),
  formerPosition: Nullable(Text(100)),
  unitNature: Nullable(Code),
  livingSituation: Nullable(Code),
  relocated: Type.Boolean(),
  relocationPlace: Nullable(Text(200)),
  militaryTransfer: Type.Boolean(),
  mobile: Nullable(Phone),
  landline: Nullable(Phone),
  homeAddress: Nullable(Text(300)),
  homeRegionCode: Nullable(Type.String({ pattern: '^[0-9]{6,12}$' })),
  habitualAddress: Nullable(Text(300)),
  habitualRegionCode: Nullable(Type.String({ pattern: '^[0-9]{6,12}$' })),
  emergencyContacts: Type.Array(
    Type.Object({ name: Type.String({ minLength: 1, maxLength: 50 }), relation: Text(20), phone: Phone }),
    { maxItems: 5 },
  ),
  /** how the birthday is celebrated; lunar month/day are derived from the birth date when omitted */
  birthdayCalendar: BirthdayCalendar,
  lunarBirthday: Nullable(
    Type.Object({
      month: Type.Integer({ minimum: 1, maximum: 12 }),
      day: Type.Integer({ minimum: 1, maximum: 30 }),
    }),
  ),
  photoFileId: Nullable(Type.Integer({ minimum: 1 })),
  hobbies: Nullable(Text(500)),
  specialities: Nullable(Text(500)),
  remarks: Nullable(Text(2000)),
};

export const CreateCadreBody = Type.Object({
  name: Fields.name,
  idNumber: Fields.idNumber,
  orgId: Fields.orgId,
  category: Fields.category,
  formerNames: Type.Optional(Fields.formerNames),
  gender: Type.Optional(Fields.gender),
  birthDate: Type.Optional(Fields.birthDate),
  ethnicity: Type.Optional(Fields.ethnicity),
  nativePlace: Type.Optional(Fields.nativePlace),
  education: Type.Optional(Fields.education),
  politicalStatus: Type.Optional(Fields.politicalStatus),
  partyJoinedOn: Type.Optional(Fields.partyJoinedOn),
  workStartedOn: Type.Optional(Fields.workStartedOn),
  revolutionaryPeriod: Type.Optional(Fields.revolutionaryPeriod),
  retiredOn: Type.Optional(Fields.retiredOn),
  rank: Type.Optional(Fields.rank),
  treatmentLevel: Type.Optional(Fields.treatmentLevel),
  treatmentDocNo: Type.Optional(Fields.treatmentDocNo),
  formerUnit: Type.Optional(Fields.formerUnit),
  formerPosition: Type.Optional(Fields.formerPosition),
  unitNature: Type.Optional(Fields.unitNature),
  livingSituation: Type.Optional(Fields.livingSituation),
  relocated: Type.Optional(Fields.relocated),
  relocationPlace: Type.Optional(Fields.relocationPlace),
  militaryTransfer: Type.Optional(Fields.militaryTransfer),
  mobile: Type.Optional(Fields.mobile),
  landline: Type.Optional(Fields.landline),
  homeAddress: Type.Optional(Fields.homeAddress),
  homeRegionCode: Type.Optional(Fields.homeRegionCode),
  habitualAddress: Type.Optional(Fields.habitualAddress),
  habitualRegionCode: Type.Optional(Fields.habitualRegionCode),
  emergencyContacts: Type.Optional(Fields.emergencyContacts),
  birthdayCalendar: Type.Optional(Fields.birthdayCalendar),
  lunarBirthday: Type.Optional(Fields.lunarBirthday),
  photoFileId: Type.Optional(Fields.photoFileId),
  hobbies: Type.Optional(Fields.hobbies),
  specialities: Type.Optional(Fields.specialities),
  remarks: Type.Optional(Fields.remarks),
});
export type CreateCadreBody = Static<typeof CreateCadreBody>;

export const UpdateCadreBody = Type.Partial(CreateCadreBody);
export type UpdateCadreBody = Static<typeof UpdateCadreBody>;

/** Sortable columns of the list (a whitelist). */
/** The roster's sort fields (name sorts by pinyin); '-field' sorts descending. */
export const CADRE_SORT_FIELDS = ['name', 'birthDate', 'retiredOn', 'id'] as const;
export type CadreSortField = (typeof CADRE_SORT_FIELDS)[number];
export const CadreSort = SortParam(CADRE_SORT_FIELDS);

export const ListCadresQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  /** name, former name, pinyin (zhangsan) or initials (zs), or an exact ID number or phone */
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  sort: Type.Optional(CadreSort),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  category: Type.Optional(Category),
  rank: Type.Optional(Code),
  treatmentLevel: Type.Optional(Code),
  /** cumulative bands: 80+, 90+, 100+ */
  ageBand: Type.Optional(Type.Union([Type.Literal('80+'), Type.Literal('90+'), Type.Literal('100+')])),
  ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  /** active (default) | deceased | all */
  status: Type.Optional(Type.Union([CadreStatus, Type.Literal('all')])),
  relocated: Type.Optional(Type.Boolean()),
  livingSituation: Type.Optional(Code),
  /** party members: political status 中共党员 or 预备党员 */
  partyMember: Type.Optional(Type.Boolean()),
  /** health: mobility (needs cadres:health) */
  mobility: Type.Optional(
    Type.Union([Type.Literal('self_care'), Type.Literal('partial'), Type.Literal('dependent')]),
  ),
});
export type ListCadresQuery = Static<typeof ListCadresQuery>;

/** A page of the roster, with the exact number of matches. */
export const CadrePageSchema = Type.Object(
  {
    items: Type.Array(CadreListItemSchema),
    total: Type.Integer(),
  },
  { $id: 'CadrePage' },
);

export const RevealSchema = Type.Object(
  {
    idNumber: Type.String(),
    mobile: Nullable(Type.String()),
    landline: Nullable(Type.String()),
    emergencyContacts: Type.Array(EmergencyContactSchema),
  },
  { $id: 'CadreReveal' },
);

export const BirthdaysQuery = Type.Object({
  days: Type.Integer({ minimum: 1, maximum: 366, default: 7 }),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  category: Type.Optional(Category),
});

export const BirthdayItemSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    orgName: Type.String(),
    category: Category,
    birthDate: DateString,
    birthday: BirthdaySchema,
    /** the solar date it falls on */
    date: DateString,
    /** the age they turn */
    turning: Type.Integer(),
  },
  { $id: 'BirthdayItem' },
);

export const HistoryEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    at: Instant,
    actorName: Nullable(Type.String()),
    action: Type.String(),
    summary: Nullable(Type.String()),
    before: Type.Unknown(),
    after: Type.Unknown(),
  },
  { $id: 'CadreHistoryEntry' },
);

export const RecordDeathBody = Type.Object({
  diedOn: DateString,
  cause: Type.Optional(Nullable(Text(500))),
  farewell: Type.Optional(Nullable(Text(1000))),
  pensionRecipient: Type.Optional(Nullable(Text(100))),
  pensionUntil: Type.Optional(Nullable(DateString)),
  remarks: Type.Optional(Nullable(Text(1000))),
});
export type RecordDeathBody = Static<typeof RecordDeathBody>;

export const ReverseDeathBody = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }),
});

// ---- ledgers ----

export const FamilyMemberBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
  /** 配偶、子女… */
  relation: Type.String({ minLength: 1, maxLength: 20 }),
  birthDate: Type.Optional(Nullable(DateString)),
  phone: Type.Optional(Nullable(Phone)),
  workUnit: Type.Optional(Nullable(Text(200))),
  remarks: Type.Optional(Nullable(Text(500))),
});
export const FamilyMemberSchema = Type.Object(
  {
    id: Type.Integer(),
    cadreId: Type.Integer(),
    name: Type.String(),
    relation: Type.String(),
    birthDate: Nullable(DateString),
    /** masked */
    phone: Nullable(Type.String()),
    workUnit: Nullable(Type.String()),
    remarks: Nullable(Type.String()),
  },
  { $id: 'FamilyMember' },
);

export const HospitalStayBody = Type.Object({
  hospital: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  department: Type.Optional(Nullable(Text(100))),
  bed: Type.Optional(Nullable(Text(20))),
  admittedOn: DateString,
  dischargedOn: Type.Optional(Nullable(DateString)),
  /** 病情 */
  condition: Type.Optional(Nullable(Text(500))),
  /** 转归: recovered, transferred, passed away… */
  outcome: Type.Optional(Nullable(Text(200))),
});
export const HospitalStaySchema = Type.Object(
  {
    id: Type.Integer(),
    cadreId: Type.Integer(),
    hospital: Type.String(),
    department: Nullable(Type.String()),
    bed: Nullable(Type.String()),
    admittedOn: DateString,
    dischargedOn: Nullable(DateString),
    condition: Nullable(Type.String()),
    outcome: Nullable(Type.String()),
  },
  { $id: 'HospitalStay' },
);

export const TravelBody = Type.Object({
  /** trip 外出登记 | document 证件登记 */
  kind: TravelKind,
  destination: Type.Optional(Nullable(Text(200))),
  purpose: Type.Optional(Nullable(Text(200))),
  departsOn: Type.Optional(Nullable(DateString)),
  returnsOn: Type.Optional(Nullable(DateString)),
  /** 护照、港澳通行证、台湾通行证 */
  documentType: Type.Optional(Nullable(Text(50))),
  documentNo: Type.Optional(Nullable(Text(30))),
  issuedOn: Type.Optional(Nullable(DateString)),
  expiresOn: Type.Optional(Nullable(DateString)),
  /** who keeps the document (证件保管) */
  custody: Type.Optional(Nullable(Text(100))),
  remarks: Type.Optional(Nullable(Text(500))),
});
export const TravelSchema = Type.Object(
  {
    id: Type.Integer(),
    cadreId: Type.Integer(),
    kind: TravelKind,
    destination: Nullable(Type.String()),
    purpose: Nullable(Type.String()),
    departsOn: Nullable(DateString),
    returnsOn: Nullable(DateString),
    documentType: Nullable(Type.String()),
    /** masked */
    documentNo: Nullable(Type.String()),
    issuedOn: Nullable(DateString),
    expiresOn: Nullable(DateString),
    custody: Nullable(Type.String()),
    remarks: Nullable(Type.String()),
  },
  { $id: 'Travel' },
);

export const Mobility = Type.Union([
  Type.Literal('self_care'),
  Type.Literal('partial'),
  Type.Literal('dependent'),
]);
export type Mobility = Static<typeof Mobility>;

export const HealthBody = Type.Object({
  /** 主要疾病 */
  illnesses: Type.Optional(Nullable(Text(1000))),
  /** 自理 self_care | 半自理 partial | 不能自理 dependent */
  mobility: Type.Optional(Nullable(Mobility)),
  /** 残疾情况 */
  disability: Type.Optional(Nullable(Text(200))),
  /** 照护人 */
  caregiver: Type.Optional(Nullable(Text(100))),
  /** 定点医院 */
  designatedHospital: Type.Optional(Nullable(Text(100))),
  /** 就近医院 */
  nearestHospital: Type.Optional(Nullable(Text(100))),
});
export type HealthBody = Static<typeof HealthBody>;
export const HealthSchema = Type.Object(
  {
    cadreId: Type.Integer(),
    illnesses: Nullable(Type.String()),
    mobility: Nullable(Mobility),
    disability: Nullable(Type.String()),
    caregiver: Nullable(Type.String()),
    designatedHospital: Nullable(Type.String()),
    nearestHospital: Nullable(Type.String()),
    updatedAt: Nullable(Instant),
  },
  { $id: 'Health' },
);

export const LedgerParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  entryId: Type.Integer({ minimum: 1 }),
});

export const AcrossQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
});

export const ImportJobSchema = Type.Object(
  {
    id: Type.Integer(),
    /** validating | ready | committing | done | failed */
    status: Type.String(),
    fileName: Type.String(),
    /** rows processed so far while it runs (this instance only) */
    progress: Nullable(Type.Object({ done: Type.Integer(), total: Type.Integer() })),
    preview: Nullable(
      Type.Object({
        totalRows: Type.Integer(),
        validRows: Type.Integer(),
        newRows: Type.Integer(),
        errorCount: Type.Integer(),
        errors: Type.Array(
          Type.Object({ row: Type.Integer(), column: Type.String(), reason: Type.String() }),
        ),
        duplicateCount: Type.Integer(),
        duplicates: Type.Array(
          Type.Object({
            row: Type.Integer(),
            name: Type.String(),
            existingId: Type.Integer(),
            existingName: Type.String(),
          }),
        ),
        inserted: Type.Optional(Type.Integer()),
        updated: Type.Optional(Type.Integer()),
        skipped: Type.Optional(Type.Integer()),
      }),
    ),
    error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
    duplicates: Nullable(Type.Union([Type.Literal('update'), Type.Literal('skip')])),
    createdAt: Instant,
  },
  { $id: 'ImportJob' },
);
export type ImportJob = Static<typeof ImportJobSchema>;

export const CommitImportBody = Type.Object({
  duplicates: Type.Union([Type.Literal('update'), Type.Literal('skip')]),
});

export const ExportQuery = Type.Omit(ListCadresQuery, ['page', 'pageSize']);

export const DeathEntrySchema = Type.Object(
  {
    cadreId: Type.Integer(),
    cadreName: Type.String(),
    orgName: Type.String(),
    diedOn: DateString,
    cause: Nullable(Type.String()),
    farewell: Nullable(Type.String()),
    pensionRecipient: Nullable(Type.String()),
    pensionUntil: Nullable(DateString),
  },
  { $id: 'DeathEntry' },
);
