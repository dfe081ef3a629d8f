import type { FormInstance } from 'antd';
import { ApiError, type ErrorDetail } from '../api/client';
import { i18n } from '../i18n/i18n';

function fieldName(field: string): string {
  // The server names a field `body.password` (or `password`, `/body/password`); the form knows `password`.
  const parts = field.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? field;
}

/** Messages for the rules of one field, by rule name, overriding the generic ones. */
export type RuleMessages = Partial<Record<string, string>>;

/**
 * The server's per-field messages are not localised (they come from the schema validator), so
 * known rules get the UI's own words and only unknown ones fall back to the server's text.
 */
function localise(detail: ErrorDetail, overrides: RuleMessages): string {
  return overrides[detail.rule] ?? i18n.t(`validation.${detail.rule}`, { defaultValue: detail.message });
}

/**
 * Shows the server's per-field validation problems next to the matching form fields.
 * Returns true when every problem found its field, so no separate message is needed.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  /** Per field: the form's own words for some rules (e.g. the password policy). */
  overrides: Partial<Record<string, RuleMessages>> = {},
): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const byField = new Map<string, string[]>();
  let unmatched = false;
  for (const detail of error.details) {
    const name = fieldName(detail.field);
    if (!fields.includes(name)) {
      unmatched = true;
      continue;
    }
    byField.set(name, [...(byField.get(name) ?? []), localise(detail, overrides[name] ?? {})]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return !unmatched && byField.size > 0;
}
