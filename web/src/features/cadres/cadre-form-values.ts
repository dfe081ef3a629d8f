import type { Dayjs } from 'dayjs';
import type { Cadre, CadreCategory, CreateCadreBody, EmergencyContact } from '../../api/types';
import { fromDay, toDay } from '../../components/date-value';
import { normalizeIdNumber } from './id-number';

/** The cadre form's values: the body's fields, with dates as DatePicker values. */
export interface CadreFormValues {
  name: string;
  formerNames?: string[];
  idNumber?: string;
  ethnicity?: string;
  nativePlace?: string;
  education?: string;
  category: CadreCategory;
  revolutionaryPeriod?: string;
  politicalStatus?: string;
  partyJoinedOn?: Dayjs;
  workStartedOn?: Dayjs;
  retiredOn?: Dayjs;
  formerUnit?: string;
  formerPosition?: string;
  unitNature?: string;
  militaryTransfer?: boolean;
  rank?: string;
  treatmentLevel?: string;
  treatmentDocNo?: string;
  orgId: number;
  livingSituation?: string;
  relocated?: boolean;
  relocationPlace?: string;
  mobile?: string;
  landline?: string;
  homeAddress?: string;
  homeRegionCode?: string;
  habitualAddress?: string;
  habitualRegionCode?: string;
  emergencyContacts?: Partial<EmergencyContact>[];
  birthdayCalendar: 'solar' | 'lunar';
  lunarBirthday?: { month?: number; day?: number };
  hobbies?: string;
  specialities?: string;
  remarks?: string;
}

/** Every field of the form, to put the server's validation problems next to the right one. */
export const FIELDS: readonly string[] = [
  'name',
  'formerNames',
  'idNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'nativePlace',
  'education',
  'category',
  'revolutionaryPeriod',
  'politicalStatus',
  'partyJoinedOn',
  'workStartedOn',
  'retiredOn',
  'formerUnit',
  'formerPosition',
  'unitNature',
  'militaryTransfer',
  'rank',
  'treatmentLevel',
  'treatmentDocNo',
  'orgId',
  'livingSituation',
  'relocated',
  'relocationPlace',
  'mobile',
  'landline',
  'homeAddress',
  'homeRegionCode',
  'habitualAddress',
  'habitualRegionCode',
  'emergencyContacts',
  'birthdayCalendar',
  'lunarBirthday',
  'hobbies',
  'specialities',
  'remarks',
];

// Gender and birth date are derived from the ID number, so the server's disagreements land on it.
export const SHOWN_ON: Record<string, string> = { gender: 'idNumber', birthDate: 'idNumber' };

const text = (value: string | undefined) => value?.trim() || null;

/** The form's starting values: a new record's defaults, or the record being edited. */
export function initialValues(cadre: Cadre | undefined): Partial<CadreFormValues> {
  if (!cadre)
    return { category: 'tuixiu', birthdayCalendar: 'solar', relocated: false, militaryTransfer: false };
  const orUndefined = (value: string | null) => value ?? undefined;
  return {
    name: cadre.name,
    formerNames: cadre.formerNames,
    ethnicity: orUndefined(cadre.ethnicity),
    nativePlace: orUndefined(cadre.nativePlace),
    education: orUndefined(cadre.education),
    category: cadre.category,
    revolutionaryPeriod: orUndefined(cadre.revolutionaryPeriod),
    politicalStatus: orUndefined(cadre.politicalStatus),
    partyJoinedOn: toDay(cadre.partyJoinedOn),
    workStartedOn: toDay(cadre.workStartedOn),
    retiredOn: toDay(cadre.retiredOn),
    formerUnit: orUndefined(cadre.formerUnit),
    formerPosition: orUndefined(cadre.formerPosition),
    unitNature: orUndefined(cadre.unitNature),
    militaryTransfer: cadre.militaryTransfer,
    rank: orUndefined(cadre.rank),
    treatmentLevel: orUndefined(cadre.treatmentLevel),
    treatmentDocNo: orUndefined(cadre.treatmentDocNo),
    orgId: cadre.orgId,
    livingSituation: orUndefined(cadre.livingSituation),
    relocated: cadre.relocated,
    relocationPlace: orUndefined(cadre.relocationPlace),
    homeAddress: orUndefined(cadre.homeAddress),
    homeRegionCode: orUndefined(cadre.homeRegionCode),
    habitualAddress: orUndefined(cadre.habitualAddress),
    habitualRegionCode: orUndefined(cadre.habitualRegionCode),
    birthdayCalendar: cadre.birthday.calendar,
    lunarBirthday:
      cadre.birthday.calendar === 'lunar'
        ? { month: cadre.birthday.month, day: cadre.birthday.day }
        : undefined,
    hobbies: orUndefined(cadre.hobbies),
    specialities: orUndefined(cadre.specialities),
    remarks: orUndefined(cadre.remarks),
  };
}

/**
 * The body for the server. Personal numbers are only ever shown masked, so on an edit an empty box
 * means "keep what is stored", and the emergency contacts are sent only when they were re-entered.
 */
export function toBody(values: CadreFormValues, sendContacts: boolean): CreateCadreBody {
  const lixiu = values.category === 'lixiu';
  const lunar = values.birthdayCalendar === 'lunar';
  const month = values.lunarBirthday?.month;
  const day = values.lunarBirthday?.day;
  const idNumber = values.idNumber ? normalizeIdNumber(values.idNumber) : '';
  const mobile = values.mobile?.trim();
  const landline = values.landline?.trim();
  const formerNames = (values.formerNames ?? []).map((name) => name.trim()).filter(Boolean);
  return {
    name: values.name.trim(),
    idNumber,
    orgId: values.orgId,
    category: values.category,
    formerNames,
    ethnicity: values.ethnicity ?? null,
    nativePlace: text(values.nativePlace),
    education: values.education ?? null,
    politicalStatus: values.politicalStatus ?? null,
    partyJoinedOn: fromDay(values.partyJoinedOn),
    workStartedOn: fromDay(values.workStartedOn),
    revolutionaryPeriod: lixiu ? (values.revolutionaryPeriod ?? null) : null,
    retiredOn: fromDay(values.retiredOn),
    rank: values.rank ?? null,
    treatmentLevel: values.treatmentLevel ?? null,
    treatmentDocNo: text(values.treatmentDocNo),
    formerUnit: text(values.formerUnit),
    formerPosition: text(values.formerPosition),
    unitNature: values.unitNature ?? null,
    livingSituation: values.livingSituation ?? null,
    relocated: Boolean(values.relocated),
    relocationPlace: values.relocated ? text(values.relocationPlace) : null,
    militaryTransfer: Boolean(values.militaryTransfer),
    ...(mobile ? { mobile } : {}),
    ...(landline ? { landline } : {}),
    homeAddress: text(values.homeAddress),
    homeRegionCode: text(values.homeRegionCode),
    habitualAddress: text(values.habitualAddress),
    habitualRegionCode: text(values.habitualRegionCode),
    ...(sendContacts
      ? {
          emergencyContacts: (values.emergencyContacts ?? []).map((contact) => ({
            name: contact.name?.trim() ?? '',
            relation: contact.relation?.trim() ?? '',
            phone: contact.phone?.trim() ?? '',
          })),
        }
      : {}),
    birthdayCalendar: values.birthdayCalendar,
    // The server works the lunar month and day out from the birth date when they are left empty.
    lunarBirthday: lunar && month && day ? { month, day } : null,
    hobbies: text(values.hobbies),
    specialities: text(values.specialities),
    remarks: text(values.remarks),
  };
}
