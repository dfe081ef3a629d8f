import { createRequire } from 'node:module';
import type { FieldProblem } from '../../errors.ts';
import { fieldProblem } from '../../platform/validation/problems.ts';

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
    problems.push(
      fieldProblem(
        field,
        'minLength',
        `密码至少需要 ${policy.minLength} 个字符`,
        `At least ${policy.minLength} characters`,
      ),
    );
  }
  if (characterClasses(password) < policy.minClasses) {
    problems.push(
      fieldProblem(
        field,
        'classes',
        `密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`,
        `At least ${policy.minClasses} of: lower case, upper case, digits, symbols`,
      ),
    );
  }
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) {
    problems.push(
      fieldProblem(field, 'common', '这是常见密码，容易被猜中', 'It is one of the most common passwords'),
    );
  }
  if (username && lower.includes(username.toLowerCase())) {
    problems.push(fieldProblem(field, 'username', '密码不能包含用户名', 'It must not contain the username'));
  }
  return problems;
}
