import { describe, expect, it } from 'vitest';
import { keywordTerm, namePinyin, searchTerms, splitName } from './cadres.search.ts';

describe('name search terms', () => {
  it('covers name, given name, pinyin and initials', () => {
    const terms = searchTerms(['张三']);
    for (const k of ['张三', '三', 'zhangsan', 'zs', 'san']) {
      expect(
        terms.some((t) => t.startsWith(keywordTerm(k))),
        k,
      ).toBe(true);
    }
  });
  it('reads surnames as surnames', () => {
    expect(namePinyin('单田芳')).toBe('shantianfang');
    expect(namePinyin('曾国藩')).toBe('zengguofan');
  });
  it('splits compound surnames', () => {
    expect(splitName('欧阳修')).toEqual({ surname: '欧阳', given: '修' });
    expect(splitName('王五')).toEqual({ surname: '王', given: '五' });
  });
  it('includes former names', () => {
    expect(searchTerms(['李四', '李建国'])).toContain('ljg');
  });
});
