// The resident identity number (公民身份号码), GB 11643-1999: 6-digit region code, 8-digit birth date,
// 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.

/** Why an identity number was rejected; `parseIdNumber` reports the first, in this order. */
export type IdNumberProblem = 'empty' | 'length' | 'characters' | 'region' | 'birth_date' | 'checksum';

/** What an identity number says about its holder. */
export interface IdNumberInfo {
  /** the normalised 18-character number */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** GB/T 2261.1: an odd sequence code is male '1', an even one female '2' */
  gender: '1' | '2';
  /** the first 6 digits (行政区划代码 at the time of issue; only its province prefix is checked) */
  regionCode: string;
}

/** Human reasons, zh-CN and en-US, for each problem (used in import previews and API errors). */
export const ID_NUMBER_PROBLEMS: Record<IdNumberProblem, { zh: string; en: string }> = {
  empty: { zh: '身份证号码为空', en: 'The ID number is empty' },
  length: { zh: '身份证号码应为18位', en: 'The ID number must have 18 characters' },
  characters: {
    zh: '身份证号码前17位应为数字，最后一位应为数字或X',
    en: 'The first 17 characters of the ID number must be digits and the last a digit or X',
  },
  region: {
    zh: '身份证号码前两位不是有效的省级行政区划代码',
    en: 'The first two digits of the ID number are not a valid province code',
  },
  birth_date: {
    zh: '身份证号码中的出生日期无效（须为1880年1月1日至今天之间的真实日期）',
    en: 'The birth date in the ID number is invalid (it must be a real date from 1880-01-01 to today)',
  },
  checksum: {
    zh: '身份证号码校验码错误，请核对是否有录入错误',
    en: 'The check character of the ID number is wrong; please look for a typing error',
  },
};

// Province-level prefixes of GB/T 2260, plus 81/82/83, which appear on the residence permits of
// Hong Kong, Macao and Taiwan residents (港澳台居民居住证) that carry the same number format.
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

// 2^(17-i) mod 11 for positions i = 0..16, and the character for each remainder of the weighted sum.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

// GB 11643-1999's own example is born 1880-01-01; nobody alive was born earlier.
const EARLIEST_BIRTH_DATE = '1880-01-01';

/** Trims surrounding spaces (incl. U+3000 ideographic space), turns full-width digits ０-９ and full-width Ｘ/ｘ into ASCII, and a lower-case x into X. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[xＸｘ]/g, 'X');
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got '${first17}'`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

/** Normalises and validates; returns the info or the first problem found, in the order listed. */
export function parseIdNumber(
  raw: string,
  today: string = localToday(),
): { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem } {
  if (!isRealDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got '${today}'`);
  const idNumber = normalizeIdNumber(raw);
  if (idNumber === '') return { ok: false, problem: 'empty' };
  // Count code points, so that one astral character is one character too many, not two.
  if (Array.from(idNumber).length !== 18) return { ok: false, problem: 'length' };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'characters' };
  if (!PROVINCE_PREFIXES.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  // Dates in this fixed format compare correctly as strings.
  if (!isRealDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    return { ok: false, problem: 'birth_date' };
  }
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checksum' };
  const gender = Number(idNumber[16]) % 2 === 1 ? '1' : '2';
  return { ok: true, info: { idNumber, birthDate, gender, regionCode: idNumber.slice(0, 6) } };
}

function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] as number);
}

// The server's local calendar date (the bureau's own time zone in production).
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
