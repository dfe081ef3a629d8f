/**
 * Pinyin for finding Chinese names by Latin letters: full spellings, initials, and for people the mixed
 * spelling of the surname in full with the given name by initials (何志松: hezhisong, hzs, hezs), which is
 * how people type a name they know. Lists store these terms beside the name (see keyword.ts).
 */
import { pinyin } from 'pinyin-pro';

/** Two-character surnames (复姓), so the given name can be searched on its own. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '司徒',
  '夏侯',
  '长孙',
  '宇文',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '万俟',
  '闻人',
  '赫连',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '太叔',
  '申屠',
  '钟离',
  '百里',
  '呼延',
  '东郭',
  '左丘',
  '第五',
]);

/** Splits a Chinese name into surname and given name. */
export function splitName(name: string): { surname: string; given: string } {
  const n = name.trim();
  const cut = n.length > 2 && COMPOUND_SURNAMES.has(n.slice(0, 2)) ? 2 : 1;
  return { surname: n.slice(0, cut), given: n.slice(cut) };
}

function syllables(text: string, surname: boolean): string[] {
  return pinyin(text, {
    toneType: 'none',
    type: 'array',
    surname: surname ? 'head' : 'off',
    nonZh: 'consecutive',
  })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

/** The full pinyin of a name, without tones or spaces ('张三' → 'zhangsan'; surnames read as surnames: 单 → shan). */
export function namePinyin(name: string): string {
  return syllables(name, true).join('');
}

/**
 * The search terms of a person: each name (current and former) as written, without its surname, in
 * full pinyin, in initials, and mixed (the surname in full, the given name by initials). A keyword
 * matches when it is a prefix of one of them, so 张, 张三, 三, zhang, zhangsan, zs, zhangs and san all
 * find 张三, and hezs finds 何志松 as hzs does.
 */
export function personTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const { surname, given } = splitName(name);
    const all = syllables(name, true);
    const surnameSyllables = syllables(surname, true);
    const givenSyllables = syllables(given, false);
    terms.add(name.toLowerCase());
    if (given) terms.add(given.toLowerCase());
    terms.add(all.join(''));
    terms.add(initials(all));
    if (givenSyllables.length > 0) terms.add(givenSyllables.join(''));
    // With a one-syllable given name the mixed form is a prefix of the full spelling, which matches already.
    if (givenSyllables.length > 1) terms.add(surnameSyllables.join('') + initials(givenSyllables));
  }
  terms.delete('');
  return [...terms];
}

const initials = (syllables: readonly string[]) => syllables.map((s) => s[0]).join('');

/**
 * The pinyin search text of a name that is not a person's (a branch, an org): full spelling and
 * initials, space-separated so that a keyword never matches across the two ('市委第一支部' →
 * 'shiweidiyizhibu swdyzb').
 */
export function namePinyinText(name: string): string {
  const all = syllables(name, false);
  return [all.join(''), initials(all)].join(' ');
}

/** The pinyin search text of a person's name: their terms in Latin letters, space-separated. */
export function personPinyinText(name: string): string {
  return personTerms([name])
    .filter((t) => /^[a-z0-9]+$/.test(t))
    .join(' ');
}

/** A keyword as it is matched against terms: lower case, without spaces. */
export function keywordTerm(keyword: string): string {
  return keyword.trim().toLowerCase().replace(/\s+/g, '');
}
