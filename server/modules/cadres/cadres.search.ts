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
 * full pinyin and in initials. A keyword matches when it is a prefix of one of them, so 张, 张三,
 * 三, zhang, zhangsan, zs and san all find 张三.
 */
export function searchTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const { given } = splitName(name);
    const all = syllables(name, true);
    const givenSyllables = syllables(given, false);
    terms.add(name.toLowerCase());
    if (given) terms.add(given.toLowerCase());
    terms.add(all.join(''));
    terms.add(all.map((s) => s[0]).join(''));
    if (givenSyllables.length > 0) terms.add(givenSyllables.join(''));
  }
  terms.delete('');
  return [...terms];
}

/** A keyword as it is matched against the terms. */
export function keywordTerm(keyword: string): string {
  return keyword.trim().toLowerCase().replace(/\s+/g, '');
}
