import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

type FieldPath = (string | number)[];

/**
 * The form's name for a field the server names: every problem is `<where>.<path>` (`body.password`,
 * `body.emergencyContacts.0.phone`), so the path after the first part is the form's name when the
 * form has that field. The server words the message in the UI's language (server/platform/validation).
 */
function fieldPath(field: string, fields: readonly string[]): FieldPath | undefined {
  const [where, first, ...rest] = field.split('.');
  if (where !== 'body' || first === undefined || !fields.includes(first)) return undefined;
  return [first, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
}

/**
 * Shows the server's per-field validation problems next to the matching form fields.
 * Returns true when every problem found its field, so no separate message is needed.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.details.length === 0) return false;
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  let unmatched = false;
  for (const detail of error.details) {
    const name = fieldPath(detail.field, fields);
    if (!name) {
      unmatched = true;
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  return !unmatched && byField.size > 0;
}
