// Lives here rather than next to scripts/demo/people.ts because vitest only collects server/**/*.test.ts.
import { describe, expect, it } from 'vitest';
import { createRandom, makePerson, NANTONG_REGION_CODES } from '../../scripts/demo/people.ts';
import { parseIdNumber } from '../modules/cadres/id-number.ts';

const BORN = { from: '1925-01-01', to: '1966-12-31' };

function people(seed: number, count: number, born = BORN) {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => makePerson(random, born));
}

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = createRandom(7);
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)]++;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });

  it('draws integers from both ends of an inclusive range', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(random.int(5, 5)).toBe(5);
    expect(() => random.int(6, 3)).toThrow(RangeError);
  });

  it('picks, weighs and flips coins as asked', () => {
    const random = createRandom(2);
    expect(['a', 'b', 'c']).toContain(random.pick(['a', 'b', 'c']));
    expect(() => random.pick([])).toThrow(RangeError);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[
        random.weighted<'a' | 'b' | 'never'>([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ])
      ]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError);
    expect(random.chance(0)).toBe(false);
    expect(random.chance(1)).toBe(true);
  });
});

describe('makePerson', () => {
  it('makes the same first 100 people from the same seed', () => {
    expect(people(2026, 100)).toEqual(people(2026, 100));
    expect(people(2027, 100)).not.toEqual(people(2026, 100));
  });

  const crowd = people(20260601, 5000);

  it('gives every person a valid Nantong ID number that agrees with birth date and gender', () => {
    for (const person of crowd) {
      const parsed = parseIdNumber(person.idNumber, '2026-06-01');
      expect(parsed, person.idNumber).toMatchObject({
        ok: true,
        info: { idNumber: person.idNumber, birthDate: person.birthDate, gender: person.gender },
      });
      expect(NANTONG_REGION_CODES).toContain(person.idNumber.slice(0, 6));
    }
  });

  it('uses every Nantong region code and both genders', () => {
    expect(new Set(crowd.map((p) => p.idNumber.slice(0, 6))).size).toBe(NANTONG_REGION_CODES.length);
    const men = crowd.filter((p) => p.gender === '1').length;
    expect(men).toBeGreaterThan(2000);
    expect(men).toBeLessThan(3500);
  });

  it('keeps birth dates within the range, both ends included', () => {
    for (const person of crowd) {
      expect(person.birthDate >= BORN.from && person.birthDate <= BORN.to, person.birthDate).toBe(true);
    }
    expect(people(5, 3, { from: '1949-10-01', to: '1949-10-01' }).map((p) => p.birthDate)).toEqual([
      '1949-10-01',
      '1949-10-01',
      '1949-10-01',
    ]);
    const narrow = new Set(people(6, 200, { from: '1952-02-28', to: '1952-03-01' }).map((p) => p.birthDate));
    expect([...narrow].sort()).toEqual(['1952-02-28', '1952-02-29', '1952-03-01']);
  });

  it('refuses an empty or malformed range', () => {
    const random = createRandom(1);
    expect(() => makePerson(random, { from: '1960-01-02', to: '1960-01-01' })).toThrow(RangeError);
    expect(() => makePerson(random, { from: '1960-02-30', to: '1960-03-01' })).toThrow(RangeError);
  });

  it('gives Chinese names of 2–4 characters, mostly common surnames, a few former names', () => {
    for (const person of crowd) {
      expect(person.name).toMatch(/^\p{Script=Han}{2,4}$/u);
      if (person.formerName !== null) {
        expect(person.formerName).toMatch(/^\p{Script=Han}{2,4}$/u);
        expect(person.formerName).not.toBe(person.name);
      }
    }
    const withFormerName = crowd.filter((p) => p.formerName !== null).length / crowd.length;
    expect(withFormerName).toBeGreaterThan(0.015);
    expect(withFormerName).toBeLessThan(0.045);
    const topThree = crowd.filter((p) => /^[王李张]/.test(p.name)).length / crowd.length;
    expect(topThree).toBeGreaterThan(0.15);
    expect(topThree).toBeLessThan(0.25);
    // Names repeat, as they do in any city, but most are different.
    expect(new Set(crowd.map((p) => p.name)).size).toBeGreaterThan(crowd.length * 0.6);
  });

  it('gives 11-digit mobile numbers and GB 3304 ethnicity codes, mostly Han', () => {
    for (const person of crowd) {
      expect(person.phone).toMatch(/^1(39|38|37|36|35|59|58|88|87|89|33|53|80|81|77|99)\d{8}$/);
      expect(person.ethnicity).toMatch(/^\d{2}$/);
    }
    expect(crowd.filter((p) => p.ethnicity === '01').length / crowd.length).toBeGreaterThan(0.97);
  });

  it('gives distinct ID numbers when a run shares one `taken` set', () => {
    const random = createRandom(9);
    const taken = new Set<string>();
    // A narrow range makes collisions certain without the set: 2,000 people on 3 days, 9 regions.
    const born = { from: '1950-01-01', to: '1950-01-03' };
    const ids = Array.from({ length: 2000 }, () => makePerson(random, born, taken).idNumber);
    expect(new Set(ids).size).toBe(2000);
    expect(taken.size).toBe(2000);
    const without = people(9, 2000, born).map((p) => p.idNumber);
    expect(new Set(without).size).toBeLessThan(2000);
  });
});
