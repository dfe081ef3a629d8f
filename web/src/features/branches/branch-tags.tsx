import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { BranchKind, SetupAdvice } from '../../api/types';
import { today } from '../../components/date-value';
import { StatusTag, type StatusTone } from '../../components/status-tag';

export function KindTag({ kind }: { kind: BranchKind }) {
  const { t } = useTranslation();
  return <StatusTag tone={kind === 'standing' ? 'info' : 'default'}>{t(`branches.kind.${kind}`)}</StatusTag>;
}

const ADVICE_TONES: Record<SetupAdvice, StatusTone> = {
  ok: 'success',
  join_joint: 'warning',
  form_general: 'warning',
  no_branches: 'warning',
  dissolved: 'default',
};

/** What the setup rule (3 may form a branch, fewer join a joint one, 50 call for a general branch) advises. */
export function AdviceTag({ advice }: { advice: SetupAdvice }) {
  const { t } = useTranslation();
  return <StatusTag tone={ADVICE_TONES[advice]}>{t(`branches.advice.${advice}`)}</StatusTag>;
}

/** Whole days from today to a YYYY-MM-DD date; negative when it has passed. */
export function daysUntil(date: string): number {
  return dayjs(date).startOf('day').diff(today().startOf('day'), 'day');
}

/** Elections falling due within this many days are flagged. */
const SOON_DAYS = 90;

/** The next election's due date, flagged when it is near or has passed; a dash when none is recorded. */
export function ElectionDueDate({ date }: { date: string | null }) {
  const { t } = useTranslation();
  if (!date) return <StatusTag>{t('branches.elections.none')}</StatusTag>;
  const days = daysUntil(date);
  if (days < 0)
    return (
      <span className="due-date">
        {date} <StatusTag tone="error">{t('branches.due.overdueDays', { count: -days })}</StatusTag>
      </span>
    );
  if (days <= SOON_DAYS)
    return (
      <span className="due-date">
        {date} <StatusTag tone="warning">{t('branches.due.inDays', { count: days })}</StatusTag>
      </span>
    );
  return <>{date}</>;
}
