import { useTranslation } from 'react-i18next';

type Flat = Map<string, unknown>;

function flatten(value: unknown, prefix: string, into: Flat): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) into.set(prefix, value);
    for (const [key, inner] of entries) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix || value !== undefined) {
    into.set(prefix || '—', value);
  }
  return into;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

interface AuditDiffProps {
  before: unknown;
  after: unknown;
}

/** Before and after of an audited write, field by field, with the changed fields marked. */
export function AuditDiff({ before, after }: AuditDiffProps) {
  const { t } = useTranslation();
  const left = flatten(before ?? undefined, '', new Map());
  const right = flatten(after ?? undefined, '', new Map());
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  if (keys.length === 0) return <p className="muted">{t('audit.noChanges')}</p>;

  return (
    <div className="audit-diff">
      <table>
        <caption className="sr-only">{t('audit.diffCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const was = show(left.get(key));
            const now = show(right.get(key));
            const state = !left.has(key)
              ? 'added'
              : !right.has(key)
                ? 'removed'
                : was !== now
                  ? 'changed'
                  : 'same';
            return (
              <tr key={key} className={`diff-${state}`}>
                <th scope="row">
                  <code>{key}</code>
                  {state !== 'same' ? (
                    <span className="diff-state">{t(`audit.diffState.${state}`)}</span>
                  ) : null}
                </th>
                <td>
                  {state === 'added' ? (
                    ''
                  ) : (
                    <del className={state === 'same' ? 'diff-plain' : undefined}>{was}</del>
                  )}
                </td>
                <td>
                  {state === 'removed' ? (
                    ''
                  ) : (
                    <ins className={state === 'same' ? 'diff-plain' : undefined}>{now}</ins>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
