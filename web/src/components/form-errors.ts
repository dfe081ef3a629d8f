import type { FormInstance } from 'antd';
import { ApiError, type ErrorDetail } from '../api/client';
import { i18n } from '../i18n/i18n';

type FieldPath = (string | number)[];

/**
 * The form's name for a field the server names `body.password` (or `password`, `/body/password`), or
 * `body.emergencyContacts.0.phone` for a field of a list row: from the first part the form knows on.
 */
function fieldPath(field: string, fields: readonly string[]): FieldPath | undefined {
  const parts = field.split(/[./]/).filter(Boolean);
  const start = parts.findIndex((part) => fields.includes(part));
  if (start === -1) return undefined;
  return parts.slice(start).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
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

// A value refused by every branch of "text or null" is reported three times (pattern, type, anyOf);
// only the first says anything to the user.
const UNION_RULES = new Set(['type', 'anyOf']);

function withoutUnionNoise(details: readonly ErrorDetail[]): ErrorDetail[] {
  const meaningful = new Set(details.filter((d) => !UNION_RULES.has(d.rule)).map((d) => d.field));
  return details.filter((d) => !UNION_RULES.has(d.rule) || !meaningful.has(d.field));
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
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  let unmatched = false;
  for (const detail of withoutUnionNoise(error.details)) {
    const name = fieldPath(detail.field, fields);
    if (!name) {
      unmatched = true;
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(localise(detail, overrides[String(name[0])] ?? {}));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return !unmatched && byField.size > 0;
}
