import { Empty, Spin, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../../api/orgs';
import type { CadreHistoryEntry } from '../../api/types';
import { formatDateTime } from '../../components/date-time';
import { DictionaryLabel } from '../../components/dictionary';
import { ErrorAlert } from '../../components/error-alert';
import { useLanguage } from '../../i18n/i18n';
import { useCadreHistory } from './api';

/** Fields holding a dictionary code, and the dictionary it comes from. */
const CODED: Record<string, string> = {
  gender: 'gender',
  ethnicity: 'ethnicity',
  education: 'education',
  politicalStatus: 'political_status',
  revolutionaryPeriod: 'revolutionary_period',
  rank: 'rank',
  treatmentLevel: 'treatment_level',
  unitNature: 'unit_nature',
  livingSituation: 'living_situation',
};

/** Fields whose value is one of a fixed set the UI names itself. */
const ENUMS: Record<string, string> = {
  category: 'cadres.category',
  mobility: 'cadres.mobility',
  kind: 'cadres.travels.kind',
  birthdayCalendar: 'cadres.calendar',
};

// Bookkeeping, not something the user changed.
const SKIPPED = new Set(['id', 'cadreId', 'updatedAt', 'createdAt', 'recordedAt']);

// A change touching more fields than this is folded away behind its count.
const FOLD_AFTER = 6;

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The fields an audited write changed, with their values before and after. */
function changes(entry: CadreHistoryEntry): { key: string; before: unknown; after: unknown }[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !SKIPPED.has(key),
  );
  return keys
    .map((key) => ({ key, before: before[key], after: after[key] }))
    .filter(
      (change) =>
        !(isEmpty(change.before) && isEmpty(change.after)) &&
        JSON.stringify(change.before) !== JSON.stringify(change.after),
    );
}

function HistoryValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const { data: orgs } = useOrgs(true);
  if (isEmpty(value)) return <>—</>;
  const dictionary = CODED[field];
  if (dictionary && typeof value === 'string')
    return <DictionaryLabel dictionary={dictionary} code={value} />;
  const enumKey = ENUMS[field];
  if (enumKey && typeof value === 'string') return <>{t(`${enumKey}.${value}`, { defaultValue: value })}</>;
  if (field === 'orgId' && typeof value === 'number') {
    return <>{orgs?.find((org) => org.id === value)?.name ?? `#${value}`}</>;
  }
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (Array.isArray(value)) {
    return (
      <>
        {value
          .map((item) => {
            if (typeof item !== 'object' || item === null) return String(item);
            const contact = item as Record<string, unknown>;
            return `${String(contact.name ?? '')}（${String(contact.relation ?? '')}）${String(contact.phone ?? '')}`;
          })
          .join('、')}
      </>
    );
  }
  if (typeof value === 'object') {
    const { month, day } = value as { month?: unknown; day?: unknown };
    if (month !== undefined && day !== undefined) return <>{t('cadres.monthDay', { month, day })}</>;
    return <>{JSON.stringify(value)}</>;
  }
  return <>{String(value)}</>;
}

function ChangeList({ entry }: { entry: CadreHistoryEntry }) {
  const { t } = useTranslation();
  const list = changes(entry);
  if (list.length === 0) return null;
  const created = entry.before === null;
  const items = (
    <ul className="history-changes">
      {list.map((change) => (
        <li key={change.key}>
          <span className="history-field">
            {t(`cadres.field.${change.key}`, { defaultValue: change.key })}
          </span>
          {created ? null : (
            <>
              <del>
                <HistoryValue field={change.key} value={change.before} />
              </del>
              <span aria-hidden> → </span>
              <span className="sr-only">{t('cadres.history.changedTo')}</span>
            </>
          )}
          <ins>
            <HistoryValue field={change.key} value={change.after} />
          </ins>
        </li>
      ))}
    </ul>
  );
  if (list.length <= FOLD_AFTER) return items;
  return (
    <details className="history-details">
      <summary>{t('cadres.history.fieldCount', { count: list.length })}</summary>
      {items}
    </details>
  );
}

/** The label of an audited action: 新建, 修改, 查看完整号码, 新增住院登记 … (unknown ones as they are). */
export function useActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  return (action) => t(`cadres.action.${action.replaceAll('.', '_')}`, { defaultValue: action });
}

/** 变更记录: the record's history from the audit log, newest first: when, who, what, and what changed. */
export function HistoryTab({ cadreId }: { cadreId: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useCadreHistory(cadreId);
  const actionLabel = useActionLabel();

  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Spin aria-label={t('common.loading')} />;
  if (history.data.length === 0) return <Empty description={t('cadres.history.empty')} />;

  const items = history.data.map((entry) => {
    let note: ReactNode = null;
    if (entry.action === 'cadre.death_reversed') {
      const reason = asRecord(entry.after).reason;
      if (typeof reason === 'string')
        note = <p className="history-note">{t('cadres.history.reason', { reason })}</p>;
    }
    return {
      key: entry.id,
      content: (
        <div className="history-entry">
          <p className="history-head">
            <strong>{actionLabel(entry.action)}</strong>
          </p>
          <p className="muted">
            <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time> ·{' '}
            {entry.actorName ?? t('audit.system')}
          </p>
          {note}
          {entry.action === 'cadre.death_reversed' ? null : <ChangeList entry={entry} />}
        </div>
      ),
    };
  });

  return (
    <section aria-label={t('cadres.tab.history')}>
      <Timeline items={items} />
    </section>
  );
}
