import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  ID_NUMBER_PROBLEMS,
  type IdNumberProblem,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number.ts';

const TODAY = '2026-06-01';

/** A valid number from its first 17 digits. */
function valid(first17: string): string {
  return first17 + checkCharacter(first17);
}

/** The first 17 digits with a sequence whose check character is X (searching the sequence codes). */
function endingInX(prefix14: string): string {
  for (let seq = 0; seq < 1000; seq++) {
    const first17 = prefix14 + String(seq).padStart(3, '0');
    if (checkCharacter(first17) === 'X') return first17;
  }
  throw new Error('no sequence gives X');
}

function problemOf(raw: string, today = TODAY): IdNumberProblem | null {
  const result = parseIdNumber(raw, today);
  return result.ok ? null : result.problem;
}

describe('checkCharacter', () => {
  it('matches the examples printed in GB 11643-1999', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('44052418800101001')).toBe('4');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => checkCharacter('1101051949123100')).toThrow(RangeError);
    expect(() => checkCharacter('1101051949123100X')).toThrow(RangeError);
  });
});

describe('normalizeIdNumber', () => {
  it('trims ASCII and ideographic spaces around the number', () => {
    expect(normalizeIdNumber(' \u3000320602195001010012\t\u3000')).toBe('320602195001010012');
  });

  it('turns full-width digits and X into ASCII, and lower-case x into X', () => {
    expect(normalizeIdNumber('３２０６０２１９５００１０１００１２')).toBe('320602195001010012');
    expect(normalizeIdNumber('11010519491231002ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  it('leaves spaces inside the number alone', () => {
    expect(normalizeIdNumber('320602 195001010012')).toBe('320602 195001010012');
  });
});

describe('parseIdNumber', () => {
  it('reads birth date, gender and region of a valid number', () => {
    const male = valid('32060219500101001');
    expect(parseIdNumber(male, TODAY)).toEqual({
      ok: true,
      info: { idNumber: male, birthDate: '1950-01-01', gender: '1', regionCode: '320602' },
    });
    const female = valid('32068219621130042');
    expect(parseIdNumber(female, TODAY)).toMatchObject({
      ok: true,
      info: { birthDate: '1962-11-30', gender: '2', regionCode: '320682' },
    });
  });

  it('accepts the examples of the standard, including the 1880-01-01 birth date', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toMatchObject({
      ok: true,
      info: { birthDate: '1949-12-31', gender: '2' },
    });
    expect(parseIdNumber('440524188001010014', TODAY)).toMatchObject({
      ok: true,
      info: { birthDate: '1880-01-01', gender: '1' },
    });
  });

  it('accepts full-width input and a lower-case x, returning the normalised number', () => {
    const withX = endingInX('32061219550315');
    const fullWidth = `\u3000${Array.from(withX, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('')}ｘ `;
    const result = parseIdNumber(fullWidth, TODAY);
    expect(result).toMatchObject({ ok: true, info: { idNumber: `${withX}X`, birthDate: '1955-03-15' } });
    expect(parseIdNumber(`${withX}x`, TODAY)).toMatchObject({ ok: true, info: { idNumber: `${withX}X` } });
  });

  it('accepts city-level region codes and the residence-permit prefixes 81, 82 and 83', () => {
    expect(problemOf(valid('32060019500101001'))).toBeNull();
    for (const prefix of ['71', '81', '82', '83']) {
      expect(problemOf(valid(`${prefix}000019500101001`))).toBeNull();
    }
  });

  it('reports an empty number', () => {
    expect(problemOf('')).toBe('empty');
    expect(problemOf(' \u3000 ')).toBe('empty');
  });

  it('reports a wrong length, including the old 15-digit numbers', () => {
    expect(problemOf('320602500101001')).toBe('length');
    expect(problemOf(`${valid('32060219500101001')}0`)).toBe('length');
    expect(problemOf('32060219500101001')).toBe('length');
  });

  it('reports characters other than 17 digits and a final digit or X', () => {
    expect(problemOf('3206021950010100X2')).toBe('characters');
    expect(problemOf('32060219500101001A')).toBe('characters');
    expect(problemOf('320602 19500101001')).toBe('characters');
  });

  it('reports a province prefix that does not exist', () => {
    for (const prefix of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '30',
      '38',
      '40',
      '47',
      '55',
      '60',
      '66',
      '72',
      '84',
      '91',
    ]) {
      expect(problemOf(valid(`${prefix}060219500101001`)), prefix).toBe('region');
    }
  });

  it('checks Feb 29 against leap years', () => {
    expect(problemOf(valid('32060219520229001'))).toBeNull();
    expect(problemOf(valid('32060220000229001'))).toBeNull();
    expect(problemOf(valid('32060219530229001'))).toBe('birth_date');
    expect(problemOf(valid('32060219000229001'))).toBe('birth_date');
  });

  it('reports impossible dates', () => {
    expect(problemOf(valid('32060219501301001'))).toBe('birth_date');
    expect(problemOf(valid('32060219500001001'))).toBe('birth_date');
    expect(problemOf(valid('32060219500431001'))).toBe('birth_date');
    expect(problemOf(valid('32060219500100001'))).toBe('birth_date');
  });

  it('reports a birth date after today or before 1880', () => {
    expect(problemOf(valid('32060220260601001'), '2026-06-01')).toBeNull();
    expect(problemOf(valid('32060220260602001'), '2026-06-01')).toBe('birth_date');
    expect(problemOf(valid('32060218791231001'))).toBe('birth_date');
  });

  it('uses the current date when today is not given', () => {
    expect(parseIdNumber(valid('32060230000101001'))).toEqual({ ok: false, problem: 'birth_date' });
    expect(parseIdNumber(valid('32060219500101001')).ok).toBe(true);
  });

  it('reports a wrong check character', () => {
    const good = valid('32060219500101001');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(problemOf(wrong)).toBe('checksum');
    // A single mistyped digit is always caught.
    expect(problemOf(`3206021950010100${good[16] === '1' ? '3' : '1'}${good[17]}`)).toBe('checksum');
  });

  it('reports the first problem in the listed order', () => {
    // Bad prefix, bad date and bad check character at once: the region comes first.
    expect(problemOf('990602195013010010')).toBe('region');
    // Bad date and bad check character: the date comes first.
    const badDate = '32060219501301001';
    expect(problemOf(badDate + (checkCharacter(badDate) === '0' ? '1' : '0'))).toBe('birth_date');
  });

  it('refuses a malformed today', () => {
    expect(() => parseIdNumber(valid('32060219500101001'), '2026-02-30')).toThrow(RangeError);
  });
});

describe('ID_NUMBER_PROBLEMS', () => {
  it('has a Chinese and an English reason for every problem', () => {
    const problems: IdNumberProblem[] = ['empty', 'length', 'characters', 'region', 'birth_date', 'checksum'];
    expect(Object.keys(ID_NUMBER_PROBLEMS).sort()).toEqual([...problems].sort());
    for (const problem of problems) {
      expect(ID_NUMBER_PROBLEMS[problem].zh).toMatch(/身份证号码/);
      expect(ID_NUMBER_PROBLEMS[problem].en).toMatch(/ID number/);
    }
  });
});
