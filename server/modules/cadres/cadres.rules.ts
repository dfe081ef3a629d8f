import { lunarOf } from '../../platform/calendar/birthdays.ts';
import { ID_NUMBER_PROBLEMS, parseIdNumber } from './id-number.ts';

/** A rule a record breaks: the field, the rule's name, and the reason in both languages. */
export interface RuleProblem {
  field: string;
  rule: string;
  zh: string;
  en: string;
}

/** Coded fields and the dictionary each draws from. */
export const CODED_FIELDS = {
  gender: 'gender',
  ethnicity: 'ethnicity',
  education: 'education',
  politicalStatus: 'political_status',
  revolutionaryPeriod: 'revolutionary_period',
  rank: 'rank',
  treatmentLevel: 'treatment_level',
  unitNature: 'unit_nature',
  livingSituation: 'living_situation',
} as const;

export type CodedField = keyof typeof CODED_FIELDS;

/** The fields the rules look at (the create body, or a stored record merged with a change). */
export interface CadreFacts {
  idNumber: string;
  category: 'lixiu' | 'tuixiu';
  gender?: string | null | undefined;
  birthDate?: string | null | undefined;
  partyJoinedOn?: string | null | undefined;
  workStartedOn?: string | null | undefined;
  retiredOn?: string | null | undefined;
  revolutionaryPeriod?: string | null | undefined;
  relocated?: boolean | undefined;
  relocationPlace?: string | null | undefined;
  birthdayCalendar?: 'solar' | 'lunar' | undefined;
  lunarBirthday?: { month: number; day: number } | null | undefined;
  [field: string]: unknown;
}

/** What the rules derive from the facts: never typed in twice. */
export interface Derived {
  idNumber: string;
  gender: string;
  birthDate: string;
  birthdayCalendar: 'solar' | 'lunar';
  /** 'MM-DD' in the birthday's calendar */
  birthdayKey: string;
}

/** 离休: joined the revolution before the founding of the People's Republic. */
export const LIXIU_CUTOFF = '1949-10-01';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Every rule of the master record, in one place, for the API and the import alike: the ID number's
 * checksum, gender and birth date agreeing with it, codes from their dictionaries, the lixiu rules,
 * dates in order. Returns the problems, or what is derived when there are none.
 */
export function checkCadre(
  facts: CadreFacts,
  codes: ReadonlyMap<string, ReadonlySet<string>>,
  today: string,
): { ok: true; derived: Derived } | { ok: false; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const add = (field: string, rule: string, zh: string, en: string) => problems.push({ field, rule, zh, en });

  const parsed = parseIdNumber(facts.idNumber, today);
  if (!parsed.ok) {
    const reason = ID_NUMBER_PROBLEMS[parsed.problem];
    add('idNumber', parsed.problem, reason.zh, reason.en);
  }
  const info = parsed.ok ? parsed.info : null;
  if (info && facts.gender && facts.gender !== info.gender) {
    add('gender', 'agrees_with_id', '性别与身份证号码不一致', 'The gender disagrees with the ID number');
  }
  if (info && facts.birthDate && facts.birthDate !== info.birthDate) {
    add(
      'birthDate',
      'agrees_with_id',
      '出生日期与身份证号码不一致',
      'The birth date disagrees with the ID number',
    );
  }

  for (const [field, dictionary] of Object.entries(CODED_FIELDS)) {
    const value = facts[field];
    if (value === null || value === undefined || value === '') continue;
    if (!codes.get(dictionary)?.has(String(value))) {
      add(field, 'code', `“${String(value)}”不是有效代码`, `"${String(value)}" is not a valid code`);
    }
  }

  if (facts.category === 'lixiu') {
    if (!facts.revolutionaryPeriod) {
      add(
        'revolutionaryPeriod',
        'required_for_lixiu',
        '离休干部须填写参加革命工作时期',
        'Required for lixiu cadres',
      );
    }
    if (facts.workStartedOn && facts.workStartedOn >= LIXIU_CUTOFF) {
      add(
        'workStartedOn',
        'lixiu_before_1949',
        '离休干部应在1949年10月1日前参加革命工作',
        'Lixiu cadres joined the revolution before 1949-10-01',
      );
    }
  } else if (facts.revolutionaryPeriod) {
    add('revolutionaryPeriod', 'only_for_lixiu', '只有离休干部填写参加革命工作时期', 'Only for lixiu cadres');
  }

  const birth = info?.birthDate ?? null;
  for (const field of ['partyJoinedOn', 'workStartedOn', 'retiredOn'] as const) {
    const value = facts[field];
    if (!value) continue;
    if (value > today) add(field, 'not_future', '日期不能晚于今天', 'The date cannot be in the future');
    else if (birth && value <= birth)
      add(field, 'after_birth', '日期应晚于出生日期', 'The date must be after the birth date');
  }
  if (facts.retiredOn && facts.workStartedOn && facts.retiredOn < facts.workStartedOn) {
    add(
      'retiredOn',
      'after_work_start',
      '离退休时间应晚于参加工作时间',
      'Retirement must follow the start of work',
    );
  }
  if (facts.relocated && !facts.relocationPlace) {
    add('relocationPlace', 'required_when_relocated', '易地安置须填写安置地', 'Required when relocated');
  }

  if (problems.length > 0 || !info) return { ok: false, problems };

  const calendar = facts.birthdayCalendar ?? 'solar';
  let key = info.birthDate.slice(5);
  if (calendar === 'lunar') {
    const lunar = facts.lunarBirthday ?? lunarOf(info.birthDate);
    key = `${pad(lunar.month)}-${pad(lunar.day)}`;
  }
  return {
    ok: true,
    derived: {
      idNumber: info.idNumber,
      gender: info.gender,
      birthDate: info.birthDate,
      birthdayCalendar: calendar,
      birthdayKey: key,
    },
  };
}
