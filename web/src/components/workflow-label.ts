import type { WorkflowLabel } from '../api/types';
import type { Language } from '../i18n/i18n';

/** A workflow's name for a title, state or action, in the UI language. */
export function labelText(label: WorkflowLabel | null | undefined, language: Language): string {
  if (!label) return '';
  return language === 'en-US' ? label.en || label.zh : label.zh;
}
