/*
 * The password policy, the same rules the server enforces (auth.password_policy): a least length and
 * a least number of the 4 classes (upper, lower, digit, symbol), both configuration the API states
 * (GET /api/auth/password-policy); not a common password, also once a trailing run of digits and
 * symbols is dropped ('Password123!' is 'password'); not containing the username.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { paths } from '../api/schema';

export type PasswordPolicy =
  paths['/api/auth/password-policy']['get']['responses'][200]['content']['application/json'];

/** The policy as the server applies it; undefined until the API has answered. */
export function usePasswordPolicy(): PasswordPolicy | undefined {
  return useQuery({
    queryKey: ['password-policy'],
    queryFn: () => unwrap(api.GET('/api/auth/password-policy')),
    staleTime: Number.POSITIVE_INFINITY,
  }).data;
}

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
export function quickPasswordCheck(
  password: string,
  policy: PasswordPolicy | undefined,
  username?: string,
): PasswordRule[] {
  const broken: PasswordRule[] = [];
  // Before the policy has come, length and classes are left to the server.
  if (policy && password.length < policy.minLength) broken.push('length');
  if (policy && characterClasses(password) < policy.minClasses) broken.push('classes');
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) broken.push('username');
  return broken;
}

/** Every rule of the policy that a password breaks; empty when it is acceptable. */
export async function checkPassword(
  password: string,
  policy: PasswordPolicy | undefined,
  username?: string,
): Promise<PasswordRule[]> {
  const broken = quickPasswordCheck(password, policy, username);
  const common = await loadCommonPasswords();
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  if (common.has(lower) || (stem.length >= 4 && common.has(stem))) broken.push('common');
  // Keep the order of the policy text.
  return (['length', 'classes', 'common', 'username'] as const).filter((rule) => broken.includes(rule));
}
