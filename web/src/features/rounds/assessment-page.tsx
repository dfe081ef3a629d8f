import { Card, Result, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { WorkflowTimeline } from '../../components/workflow-timeline';
import { useAssessment, useAssessmentHistory } from './api';
import { AssessmentActions, type StepProblem, StepProblemAlert } from './assessment-actions';
import { Demonstrations } from './demonstrations';
import { MeasureCard } from './measure-card';
import { byDimension, checkStageFor } from './round-rules';
import { AssessmentStateTag, DemoLevelTag, ResultTag } from './round-tags';
import './rounds.css';
import type { Assessment } from './types';

function useIdParam(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** /rounds/assessments/:id — a branch's assessment in a round: measure by measure, checks, steps. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const assessment = useAssessment(id);
  useDocumentTitle(t('rounds.assessment'));
  if (id === undefined || (assessment.error instanceof ApiError && assessment.error.status === 404)) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('rounds.assessmentNotFound')}</h1>}
        extra={<BackLink to="/rounds" label={t('rounds.backToList')} />}
      />
    );
  }
  if (assessment.error)
    return <ErrorAlert error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (!assessment.data) {
    return (
      <div className="page-loading">
        <Spin aria-label={t('common.loading')} />
      </div>
    );
  }
  return <AssessmentRecord assessment={assessment.data} />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AssessmentRecord({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const history = useAssessmentHistory(assessment.id);
  const [problem, setProblem] = useState<StepProblem>();
  const stage = checkStageFor(assessment);
  const dimensions = byDimension(assessment.answers);
  return (
    <>
      <BackLink
        to={`/rounds/${assessment.roundId}`}
        label={t('rounds.backToBoard', { round: assessment.roundName })}
      />
      <PageHeader
        title={t('rounds.assessmentTitle', { round: assessment.roundName, branch: assessment.branchName })}
        description={
          <>
            <Link to={`/branches/${assessment.branchId}?tab=rounds`}>{assessment.branchName}</Link> ·{' '}
            {assessment.orgName} <AssessmentStateTag assessment={assessment} />
          </>
        }
        extra={<AssessmentActions assessment={assessment} onProblem={setProblem} />}
      />
      {problem ? (
        <StepProblemAlert
          problem={problem}
          answers={assessment.answers}
          onClose={() => setProblem(undefined)}
        />
      ) : null}
      <Card className="round-section">
        <dl className="branch-facts">
          <Fact label={t('rounds.field.dueOn')}>{assessment.dueOn}</Fact>
          <Fact label={t('rounds.field.answered')}>
            {t('rounds.answeredOf', { answered: assessment.answered, total: assessment.measureCount })}
          </Fact>
          <Fact label={t('rounds.field.result')}>
            <ResultTag result={assessment.result} />
          </Fact>
          <Fact label={t('rounds.field.score')}>{assessment.score ?? '—'}</Fact>
          <Fact label={t('rounds.field.passMark')}>{assessment.passMark}</Fact>
          <Fact label={t('rounds.field.verification')}>
            {assessment.verification ? t(`rounds.verification.${assessment.verification}`) : '—'}
          </Fact>
          <Fact label={t('rounds.field.demoLevel')}>
            <DemoLevelTag level={assessment.demoLevel} />
          </Fact>
        </dl>
        {assessment.editable ? <p className="muted">{t('rounds.editableHint')}</p> : null}
        {stage ? <p className="muted">{t(`rounds.stageHint.${stage}`)}</p> : null}
        {assessment.roundStatus === 'closed' ? <p className="muted">{t('rounds.roundClosedHint')}</p> : null}
      </Card>
      <div className="assessment-layout">
        <div>
          {dimensions.map((d) => (
            <section key={d.code} className="assessment-dimension" aria-labelledby={`dimension-${d.code}`}>
              <h2 id={`dimension-${d.code}`} className="section-title">
                {d.code} {d.title}
              </h2>
              {d.answers.map((answer) => (
                <MeasureCard key={answer.measureId} assessment={assessment} answer={answer} stage={stage} />
              ))}
            </section>
          ))}
        </div>
        <div>
          <Card
            className="meeting-timeline round-section"
            title={<h2 className="section-title">{t('rounds.demo.title')}</h2>}
          >
            <Demonstrations assessment={assessment} />
          </Card>
          <Card
            className="meeting-timeline"
            title={<h2 className="section-title">{t('rounds.timeline')}</h2>}
          >
            {history.error ? (
              <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
            ) : null}
            {history.data ? <WorkflowTimeline history={history.data} newestFirst /> : null}
          </Card>
        </div>
      </div>
    </>
  );
}
