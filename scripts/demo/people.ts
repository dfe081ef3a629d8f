// Synthetic people for the demo city. Nobody here is real: names are drawn from character pools,
// ID numbers are generated with a valid check character, phone numbers are random digits.
// Deterministic: the same seed gives the same people, so demo data and screenshots are repeatable.
import { checkCharacter } from '../../server/modules/cadres/id-number.ts';

/** A seeded PRNG (mulberry32): same seed, same sequence. */
export function createRandom(seed: number): {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly [T, number][]): T;
  chance(p: number): boolean;
} {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`bad integer range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    /** a number in [0, 1) */
    next,
    /** an integer in [min, max], both inclusive */
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(items: readonly [T, number][]): T {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      if (!(total > 0)) throw new RangeError('weights must add up to more than 0');
      let r = next() * total;
      for (const [item, weight] of items) {
        r -= weight;
        if (r < 0) return item;
      }
      // Floating-point rounding can leave r at a hair above 0: the last item with weight takes it.
      return (items.findLast(([, weight]) => weight > 0) as [T, number])[0];
    },
    chance(p: number): boolean {
      return next() < p;
    },
  };
}

/** The random source that `makePerson` draws from. */
export type Random = ReturnType<typeof createRandom>;

/** A synthetic person: the identity part of a demo cadre. */
export interface DemoPerson {
  name: string;
  /** 曾用名 */
  formerName: string | null;
  /** GB/T 2261.1: '1' male, '2' female */
  gender: '1' | '2';
  /** YYYY-MM-DD */
  birthDate: string;
  /** 公民身份号码, 18 characters with a valid check character */
  idNumber: string;
  /** 11-digit mobile number */
  phone: string;
  /** GB 3304 code, mostly '01' 汉族 */
  ethnicity: string;
}

/**
 * Nantong's county-level region codes (GB/T 2260) as they appear in ID numbers issued over the
 * years: 320602 old 崇川区 and 320611 港闸区 (merged into 320613 in 2020), 320612 通州区,
 * 320614 海门区, 320623 如东县, 320681 启东市, 320682 如皋市, 320685 海安市.
 */
export const NANTONG_REGION_CODES = [
  '320602',
  '320611',
  '320612',
  '320613',
  '320614',
  '320623',
  '320681',
  '320682',
  '320685',
] as const;

// Mobile prefixes after the leading '1' (the brief listed 89 twice; once is enough).
const PHONE_PREFIXES = [
  '39',
  '38',
  '37',
  '36',
  '35',
  '59',
  '58',
  '88',
  '87',
  '89',
  '33',
  '53',
  '80',
  '81',
  '77',
  '99',
];

// Surnames with weights roughly proportional to their share of the national population (per cent),
// nudged up for a few that are common around Nantong (顾 陆 季 缪 瞿 茅 曹 施 冒).
const SURNAMES: [string, number][] = [
  ['王', 7.1],
  ['李', 7.0],
  ['张', 6.7],
  ['刘', 5.4],
  ['陈', 4.6],
  ['杨', 3.1],
  ['黄', 2.2],
  ['赵', 2.2],
  ['吴', 2.0],
  ['周', 1.9],
  ['徐', 1.6],
  ['孙', 1.5],
  ['马', 1.4],
  ['朱', 1.4],
  ['胡', 1.3],
  ['郭', 1.2],
  ['何', 1.1],
  ['林', 1.0],
  ['高', 1.0],
  ['罗', 0.9],
  ['郑', 0.9],
  ['梁', 0.8],
  ['谢', 0.7],
  ['宋', 0.7],
  ['唐', 0.7],
  ['许', 0.7],
  ['韩', 0.7],
  ['冯', 0.6],
  ['邓', 0.6],
  ['曹', 0.7],
  ['彭', 0.6],
  ['曾', 0.5],
  ['肖', 0.5],
  ['田', 0.5],
  ['董', 0.5],
  ['袁', 0.5],
  ['潘', 0.5],
  ['于', 0.5],
  ['蒋', 0.5],
  ['蔡', 0.5],
  ['余', 0.5],
  ['杜', 0.5],
  ['叶', 0.4],
  ['程', 0.4],
  ['苏', 0.4],
  ['魏', 0.4],
  ['吕', 0.4],
  ['丁', 0.4],
  ['任', 0.4],
  ['沈', 0.5],
  ['姚', 0.4],
  ['卢', 0.4],
  ['姜', 0.4],
  ['崔', 0.3],
  ['钟', 0.3],
  ['谭', 0.3],
  ['陆', 0.6],
  ['汪', 0.3],
  ['范', 0.3],
  ['金', 0.3],
  ['石', 0.3],
  ['廖', 0.3],
  ['贾', 0.3],
  ['夏', 0.3],
  ['韦', 0.3],
  ['付', 0.3],
  ['方', 0.3],
  ['白', 0.3],
  ['邹', 0.3],
  ['孟', 0.2],
  ['熊', 0.2],
  ['秦', 0.2],
  ['邱', 0.2],
  ['江', 0.2],
  ['尹', 0.2],
  ['薛', 0.2],
  ['闫', 0.2],
  ['段', 0.2],
  ['雷', 0.2],
  ['侯', 0.2],
  ['龙', 0.2],
  ['史', 0.2],
  ['陶', 0.2],
  ['黎', 0.2],
  ['贺', 0.2],
  ['顾', 0.6],
  ['毛', 0.2],
  ['郝', 0.2],
  ['龚', 0.2],
  ['邵', 0.2],
  ['万', 0.2],
  ['钱', 0.2],
  ['严', 0.2],
  ['武', 0.2],
  ['戴', 0.2],
  ['孔', 0.15],
  ['汤', 0.15],
  ['季', 0.3],
  ['缪', 0.2],
  ['瞿', 0.1],
  ['茅', 0.1],
  ['施', 0.2],
  ['冒', 0.05],
  ['欧阳', 0.02],
  ['司马', 0.005],
  ['诸葛', 0.004],
  ['上官', 0.003],
];

// Given-name character pools of the generation born 1925–1966, by position in a two-character name.
// A one-character name is drawn from the second-position pool.
const GIVEN_NAME_POOLS = {
  '1': {
    first: Array.from('建国志德明文永立兴振金宝庆福家继世宏玉保长春正学忠洪锦树开克俊'),
    second: Array.from('华强明平军林生荣祥才山海东伟成民良刚勇新斌清元昌忠贵富义章根泉兵'),
  },
  '2': {
    first: Array.from('秀桂玉淑美丽凤金素春月爱彩翠慧巧亚小建红惠雪冬兰瑞'),
    second: Array.from('英兰珍芳梅琴华萍娟霞红芬凤莲云敏琳洁菊娥贞花秀群'),
  },
} as const;

// Given names that were given in waves after events of their time, with the birth years of the wave.
const ERA_NAMES: { name: string; gender: '1' | '2' | null; from: number; to: number }[] = [
  { name: '解放', gender: '1', from: 1945, to: 1950 },
  { name: '建国', gender: '1', from: 1949, to: 1952 },
  { name: '国庆', gender: null, from: 1949, to: 1960 },
  { name: '援朝', gender: '1', from: 1950, to: 1953 },
  { name: '抗美', gender: '1', from: 1950, to: 1953 },
  { name: '和平', gender: null, from: 1953, to: 1956 },
  { name: '跃进', gender: '1', from: 1958, to: 1960 },
  { name: '建华', gender: '1', from: 1950, to: 1966 },
  { name: '卫东', gender: '1', from: 1966, to: 1966 },
  { name: '红梅', gender: '2', from: 1955, to: 1966 },
  { name: '建英', gender: '2', from: 1950, to: 1966 },
];

// GB 3304 codes: Nantong is almost entirely Han; a few Hui, Manchu, Mongol and others.
const ETHNICITIES: [string, number][] = [
  ['01', 990],
  ['03', 4],
  ['11', 2],
  ['02', 1],
  ['08', 1],
  ['15', 1],
  ['10', 1],
];

const DAY_MS = 86_400_000;

/**
 * One synthetic person born between the given dates, with a valid-checksum ID number whose region code is one of Nantong's (320602, 320611, 320612, 320613, 320614, 320623, 320681, 320682, 320685) and whose birth-date part and gender digit agree with birthDate and gender.
 * Pass the same `taken` set to every call of a run to get distinct ID numbers (the set is updated).
 */
export function makePerson(
  random: Random,
  born: { from: string; to: string },
  taken?: Set<string>,
): DemoPerson {
  const fromDay = dayNumber(born.from);
  const toDay = dayNumber(born.to);
  if (toDay < fromDay) throw new RangeError(`born.to (${born.to}) is before born.from (${born.from})`);
  const birthDate = new Date(random.int(fromDay, toDay) * DAY_MS).toISOString().slice(0, 10);
  const gender = random.chance(0.55) ? '1' : '2';
  const surname = random.weighted(SURNAMES);
  const name = surname + givenName(random, gender, Number(birthDate.slice(0, 4)));
  let formerName: string | null = null;
  if (random.chance(0.03)) {
    // A former name (曾用名) usually differs in the given name only, e.g. a childhood name replaced at school.
    do formerName = surname + givenName(random, gender, Number(birthDate.slice(0, 4)));
    while (formerName === name);
  }
  const idNumber = makeIdNumber(random, birthDate, gender, taken);
  const phone = `1${random.pick(PHONE_PREFIXES)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
  return { name, formerName, gender, birthDate, idNumber, phone, ethnicity: random.weighted(ETHNICITIES) };
}

// `taken`, when given, holds the numbers already issued in this run: 30,000 people over a few
// regions and birth years share their 500 sequence codes per day often enough to collide.
function makeIdNumber(random: Random, birthDate: string, gender: '1' | '2', taken?: Set<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    // The 3-digit sequence code: its last digit is odd for men, even for women.
    const sequence = random.int(0, 99) * 10 + random.int(0, 4) * 2 + (gender === '1' ? 1 : 0);
    const first17 = `${random.pick(NANTONG_REGION_CODES)}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    const idNumber = first17 + checkCharacter(first17);
    if (!taken?.has(idNumber)) {
      taken?.add(idNumber);
      return idNumber;
    }
  }
  throw new Error(`no free ID number left for ${birthDate}`);
}

function givenName(random: Random, gender: '1' | '2', birthYear: number): string {
  const eraNames = ERA_NAMES.filter(
    (era) => (era.gender === null || era.gender === gender) && birthYear >= era.from && birthYear <= era.to,
  );
  if (eraNames.length > 0 && random.chance(0.04)) return random.pick(eraNames).name;
  const pool = GIVEN_NAME_POOLS[gender];
  // One-character given names were more common among the older part of this generation.
  if (random.chance(birthYear < 1945 ? 0.3 : 0.2)) return random.pick(pool.second);
  const first = random.pick(pool.first);
  let second = random.pick(pool.second);
  while (second === first) second = random.pick(pool.second);
  return first + second;
}

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`not a YYYY-MM-DD date: '${date}'`);
  }
  return time / DAY_MS;
}
