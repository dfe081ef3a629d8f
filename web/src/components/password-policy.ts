/*
 * The password policy, the same rules the server enforces (auth.password_policy):
 * at least 8 characters; at least 3 of the 4 classes (upper, lower, digit, symbol); not a common
 * password, also once a trailing run of digits and symbols is dropped ('Password123!' is 'password');
 * not containing the username.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordRule = 'length' | 'classes' | 'common' | 'username';

/** How many of the four character classes a password uses. */
export function characterClasses(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

let commonPasswords: Promise<Set<string>> | undefined;

/** The common-password list is large, so it is fetched only when a password is first checked. */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common')
    .then(({ dictionary }) => new Set(dictionary['passwords-common']))
    .catch(() => {
      // Without the list the server still refuses common passwords; let it have the last word.
      commonPasswords = undefined;
      return new Set<string>();
    });
  return commonPasswords;
}

/** The rules a password breaks that can be told without the common-password list. */
export function quickPasswordCheck(password: string, username?: string): PasswordRule[] {
  const broken: PasswordRule[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) broken.push('length');
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) broken.push('classes');
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) broken.push('username');
  return broken;
}

/** Every rule of the policy that a password breaks; empty when it is acceptable. */
export async function checkPassword(password: string, username?: string): Promise<PasswordRule[]> {
  const broken = quickPasswordCheck(password, username);
  const common = await loadCommonPasswords();
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  if (common.has(lower) || (stem.length >= 4 && common.has(stem))) broken.push('common');
  // Keep the order of the policy text.
  return (['length', 'classes', 'common', 'username'] as const).filter((rule) => broken.includes(rule));
}
