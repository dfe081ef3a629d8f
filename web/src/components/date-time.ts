import type { Language } from '../i18n/i18n';

/** An ISO instant shown in the viewer's time zone, e.g. 2024-05-01 14:03. */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}
