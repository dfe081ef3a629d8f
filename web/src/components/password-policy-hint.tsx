import { CheckCircleFilled, CloseCircleOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPassword, type PasswordRule, quickPasswordCheck, usePasswordPolicy } from './password-policy';

interface PasswordPolicyHintProps {
  /** The password being typed, to tick off the rules as they are met. */
  password?: string;
  username?: string;
  id?: string;
}

const RULES: PasswordRule[] = ['length', 'classes', 'common', 'username'];

/** The policy spelled out under a new-password field, each rule ticked as it is met. */
export function PasswordPolicyHint({ password = '', username, id }: PasswordPolicyHintProps) {
  const { t } = useTranslation();
  const policy = usePasswordPolicy();
  const broken = new Set(quickPasswordCheck(password, policy, username));
  const counts: Record<PasswordRule, number | undefined> = {
    length: policy?.minLength,
    classes: policy?.minClasses,
    common: undefined,
    username: undefined,
  };
  return (
    <div className="password-policy" id={id}>
      <p className="password-policy-title">{t('password.policyTitle')}</p>
      <ul>
        {RULES.filter((rule) => policy || counts[rule] === undefined).map((rule) => {
          // "Not common" can only be judged against the list, so it stays neutral while typing.
          const state = !password || rule === 'common' ? 'neutral' : broken.has(rule) ? 'broken' : 'met';
          return (
            <li key={rule} className={`password-rule password-rule-${state}`}>
              {state === 'met' ? (
                <CheckCircleFilled aria-hidden />
              ) : state === 'broken' ? (
                <CloseCircleOutlined aria-hidden />
              ) : (
                <InfoCircleOutlined aria-hidden />
              )}
              <span>{t(`password.rule.${rule}`, { count: counts[rule] })}</span>
              {state !== 'neutral' ? <span className="sr-only">{t(`password.state.${state}`)}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A form rule that refuses what the server would refuse, naming every broken rule. */
export function usePasswordPolicyRule(username?: string): FormRule {
  const { t } = useTranslation();
  const policy = usePasswordPolicy();
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const broken = await checkPassword(value, policy, username);
      if (broken.length > 0) {
        const count = (rule: PasswordRule) =>
          rule === 'length' ? policy?.minLength : rule === 'classes' ? policy?.minClasses : undefined;
        throw new Error(
          broken.map((rule) => t(`password.problem.${rule}`, { count: count(rule) })).join(' '),
        );
      }
    },
  };
}
