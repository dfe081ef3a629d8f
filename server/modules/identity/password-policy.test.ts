import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword } from './password-policy.ts';

const policy = { minLength: 8, minClasses: 3 };
const rules = (pw: string, user = 'zhangsan') => checkPassword(pw, user, policy).map((p) => p.rule);

describe('password policy', () => {
  it('accepts a long mixed password', () => {
    expect(rules('Xy7#kq2Lm')).toEqual([]);
  });
  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB3')).toBe(3);
    expect(characterClasses('aB3!')).toBe(4);
  });
  it('refuses short passwords and too few classes', () => {
    expect(rules('aB3!')).toContain('minLength');
    expect(rules('abcdefghij')).toContain('classes');
  });
  it('refuses common passwords, also with a suffix and in other case', () => {
    expect(rules('Password1!')).toContain('common');
    expect(rules('QWERTY123$')).toContain('common');
  });
  it('refuses passwords containing the username', () => {
    expect(rules('Zhangsan#2026', 'zhangsan')).toContain('username');
  });
  it('honours a configured policy', () => {
    expect(checkPassword('Qzvkrtw1', 'u', { minLength: 12, minClasses: 2 }).map((p) => p.rule)).toEqual([
      'minLength',
    ]);
  });
});
