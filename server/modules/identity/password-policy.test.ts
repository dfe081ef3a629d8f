import { describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
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

describe('the policy the API states', () => {
  it('is the configured one, and the one the server applies', async () => {
    const ctx = await createTestApp({ PASSWORD_MIN_LENGTH: '14', PASSWORD_MIN_CLASSES: '4' });
    const stated = await ctx.app.inject({ method: 'GET', url: '/api/auth/password-policy' });
    expect(stated.statusCode).toBe(200);
    expect(stated.json()).toEqual({ minLength: 14, minClasses: 4 });

    const user = await makeUser(ctx, { mustChange: true, password: 'Xy7#kq2Lm!Pw4$zR' });
    const client = await signIn(ctx, user.username, user.password);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { ...client.headers, 'accept-language': 'en-US' },
      payload: { currentPassword: user.password, newPassword: 'Tq9vB3nWx2' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      { field: 'body.newPassword', rule: 'minLength', message: 'At least 14 characters' },
      {
        field: 'body.newPassword',
        rule: 'classes',
        message: 'At least 4 of: lower case, upper case, digits, symbols',
      },
    ]);
  });
});
