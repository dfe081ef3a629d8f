/*
 * The resident identity number (公民身份号码, GB 11643-1999), checked in the browser by the same
 * rules the server applies (server/modules/cadres/id-number.ts), so a typing error shows at once.
 */

/** Why a number is refused, in the order the server checks; the UI words are `cadres.idProblem.*`. */
export type IdNumberProblem = 'empty' | 'length' | 'characters' | 'region' | 'birth_date' | 'checksum';

export interface IdNumberInfo {
  /** the normalised 18 characters */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** dictionary `gender`: an odd sequence code is male '1', an even one female '2' */
  gender: '1' | '2';
}

// Province-level prefixes of GB/T 2260, plus 81/82/83 (residence permits of Hong Kong, Macao and
// Taiwan residents, which use the same format).
const PROVINCE_PREFIXES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(
    ' ',
  ),
);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1880-01-01';

/** Trims spaces (also the ideographic one), turns full-width digits and Ｘ/ｘ into ASCII, and x into X. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[xＸｘ]/g, 'X');
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/** Today as YYYY-MM-DD in the browser's calendar. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Normalises and checks a number; returns what it says, or the first problem found. */
export function parseIdNumber(
  raw: string,
  today: string = localToday(),
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  const idNumber = normalizeIdNumber(raw);
  if (idNumber === '') return { ok: false, problem: 'empty' };
  if (Array.from(idNumber).length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'characters' };
  if (!PROVINCE_PREFIXES.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    return { ok: false, problem: 'birth_date' };
  }
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checksum' };
  const gender = Number(idNumber[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, info: { idNumber, birthDate, gender } };
}
