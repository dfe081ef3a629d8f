import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../components/status-tag';
import { labelText } from '../../components/workflow-label';
import { useLanguage } from '../../i18n/i18n';
import type {
  AnswerVerdict,
  AssessmentResult,
  AssessmentState,
  AssessmentSummary,
  CheckVerdict,
  DemoLevel,
  RoundStatus,
} from './types';

const STATE_TONES: Record<AssessmentState, StatusTone> = {
  self_assessing: 'default',
  submitted: 'info',
  reviewed: 'warning',
  verified: 'success',
};

/** A branch assessment's state as a tag, in the workflow's own words. */
export function AssessmentStateTag({
  assessment,
}: {
  assessment: Pick<AssessmentSummary, 'state' | 'stateLabel'>;
}) {
  const language = useLanguage();
  return (
    <StatusTag tone={STATE_TONES[assessment.state]}>{labelText(assessment.stateLabel, language)}</StatusTag>
  );
}

export function ResultTag({ result }: { result: AssessmentResult | null }) {
  const { t } = useTranslation();
  if (!result) return <span className="muted">{t('rounds.result.none')}</span>;
  return (
    <StatusTag tone={result === 'compliant' ? 'success' : 'error'}>{t(`rounds.result.${result}`)}</StatusTag>
  );
}

export function DemoLevelTag({ level }: { level: DemoLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span className="muted">—</span>;
  return <StatusTag tone={level === 'province' ? 'success' : 'info'}>{t(`rounds.level.${level}`)}</StatusTag>;
}

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <StatusTag tone={status === 'open' ? 'info' : 'default'}>{t(`rounds.status.${status}`)}</StatusTag>;
}

const VERDICT_TONES: Record<AnswerVerdict, StatusTone> = {
  met: 'success',
  not_met: 'error',
  not_applicable: 'default',
};

export function VerdictTag({ verdict }: { verdict: AnswerVerdict | null }) {
  const { t } = useTranslation();
  if (!verdict) return <StatusTag tone="warning">{t('rounds.verdict.none')}</StatusTag>;
  return <StatusTag tone={VERDICT_TONES[verdict]}>{t(`rounds.verdict.${verdict}`)}</StatusTag>;
}

const CHECK_TONES: Record<CheckVerdict, StatusTone> = {
  agree: 'success',
  disagree: 'error',
  no_evidence: 'error',
};

export function CheckVerdictTag({ verdict }: { verdict: CheckVerdict }) {
  const { t } = useTranslation();
  return <StatusTag tone={CHECK_TONES[verdict]}>{t(`rounds.check.${verdict}`)}</StatusTag>;
}
