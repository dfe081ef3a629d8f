import { createRequire } from 'node:module';
import type { FieldProblem } from '../../errors.ts';

/** The rules a new password must meet; each configurable. */
export interface PasswordPolicy {
  minLength: number;
  /** of the four classes: lower case, upper case, digits, symbols */
  minClasses: number;
}

let common: Set<string> | null = null;

/** The 49,000 most common passwords (zxcvbn-ts's list), loaded on first use. */
function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const lists = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set(lists.dictionary['passwords-common'] ?? []);
  }
  return common;
}

/** Counts which of the four character classes a password uses. */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * Every rule the password breaks, in the order a user would fix them. Empty when it is acceptable.
 * Common passwords are matched case-insensitively, also with a trailing run of digits and symbols
 * removed ('Password123!' is 'password').
 */
export function checkPassword(
  password: string,
  username: string,
  policy: PasswordPolicy,
  field = 'newPassword',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (password.length < policy.minLength) {
    problems.push({ field, rule: 'minLength', message: `at least ${policy.minLength} characters` });
  }
  if (characterClasses(password) < policy.minClasses) {
    problems.push({
      field,
      rule: 'classes',
      message: `at least ${policy.minClasses} of: lower case, upper case, digits, symbols`,
    });
  }
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) {
    problems.push({ field, rule: 'common', message: 'is one of the most common passwords' });
  }
  if (username && lower.includes(username.toLowerCase())) {
    problems.push({ field, rule: 'username', message: 'must not contain the username' });
  }
  return problems;
}
