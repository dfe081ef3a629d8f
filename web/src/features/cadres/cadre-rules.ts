/*
 * The roster's field rules as the server states them (server/modules/cadres/cadres.schema.ts and
 * cadres.rules.ts), so forms refuse what the server would refuse before anything is sent.
 */

/** A phone number: digits, +, - and spaces, 5 to 20 of them (mobile, landline, contacts). */
export const PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

/** A region code (行政区划代码): 6 to 12 digits. */
export const REGION_CODE_PATTERN = /^[0-9]{6,12}$/;

/** 离休: joined the revolution before the founding of the People's Republic. */
export const LIXIU_CUTOFF = '1949-10-01';

export const MAX_EMERGENCY_CONTACTS = 5;
export const MAX_FORMER_NAMES = 10;

/** Longest text each field takes. */
export const MAX_LENGTH = {
  name: 50,
  nativePlace: 100,
  treatmentDocNo: 100,
  formerUnit: 200,
  formerPosition: 100,
  relocationPlace: 200,
  address: 300,
  hobbies: 500,
  specialities: 500,
  remarks: 2000,
  contactRelation: 20,
  deathCause: 500,
  farewell: 1000,
  pensionRecipient: 100,
  deathRemarks: 1000,
  reverseReason: 500,
  illnesses: 1000,
  disability: 200,
  caregiver: 100,
  hospitalName: 100,
  department: 100,
  bed: 20,
  condition: 500,
  outcome: 200,
  relation: 20,
  workUnit: 200,
  ledgerRemarks: 500,
  destination: 200,
  purpose: 200,
  documentType: 50,
  documentNo: 30,
  custody: 100,
} as const;

/** The shortest reason the server takes for reversing a recorded passing away. */
export const REVERSE_REASON_MIN = 2;
