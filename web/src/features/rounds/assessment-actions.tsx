import { Alert, App, Button, Form, Input, Modal, Popconfirm, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/client';
import { labelText } from '../../components/workflow-label';
import { useLanguage } from '../../i18n/i18n';
import { useAssessmentTransition } from './api';
import { MAX_NOTE } from './round-rules';
import type { Assessment, AssessmentAction, VerificationMode } from './types';

/** What a refused step names: the measures still missing an answer or a check. */
export interface StepProblem {
  message: string;
  /** What the server names, with the measure's code when it names one (`measures.1.2`). */
  items: { text: string; code?: string }[];
}

const MEASURE = 'record.measures.';

export function toStepProblem(error: unknown): StepProblem {
  return {
    message: errorMessage(error),
    items:
      error instanceof ApiError
        ? error.details.map((d) => ({
            text: d.message,
            code: d.field.startsWith(MEASURE) ? d.field.slice(MEASURE.length) : undefined,
          }))
        : [],
  };
}

/** The problem a refused step left, each measure it names linking to the measure's card. */
export function StepProblemAlert({
  problem,
  answers,
  onClose,
}: {
  problem: StepProblem;
  answers: Assessment['answers'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const idOf = new Map(answers.map((a) => [a.code, a.measureId]));
  return (
    <Alert
      className="form-alert step-problem"
      type="error"
      showIcon
      closable={{ onClose, 'aria-label': t('common.close') }}
      title={problem.message}
      description={
        problem.items.length ? (
          <ul className="missing-list">
            {problem.items.map((item) => {
              const measureId = item.code ? idOf.get(item.code) : undefined;
              return (
                <li key={item.text}>
                  {measureId ? <a href={`#measure-${measureId}`}>{item.text}</a> : item.text}
                </li>
              );
            })}
          </ul>
        ) : undefined
      }
    />
  );
}

/** 退回修改 / 退回县区重审: asks for the comment the server requires. */
function CommentModal({
  assessment,
  action,
  title,
  onClose,
}: {
  assessment: Assessment;
  action: 'return' | 'send_back';
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const transition = useAssessmentTransition(assessment.id);
  return (
    <Modal
      open
      title={title}
      okText={t('rounds.action.sendBackOk')}
      okButtonProps={{ danger: true, loading: transition.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {transition.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(transition.error)} />
      ) : null}
      <Form
        form={form}
        name={`${action}Assessment`}
        layout="vertical"
        onFinish={({ comment }) =>
          transition.mutate(
            { action, comment: comment.trim() },
            {
              onSuccess: () => {
                message.success(t('rounds.action.done', { action: title }));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="comment"
          label={t('rounds.action.comment')}
          rules={[{ required: true, whitespace: true, message: t('rounds.action.commentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={MAX_NOTE} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 核验: in full (every measure checked by the city) or by sampling; the server sets the result. */
function VerifyModal({
  assessment,
  onClose,
  onProblem,
}: {
  assessment: Assessment;
  onClose: () => void;
  onProblem: (problem: StepProblem) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<VerificationMode>('full');
  const transition = useAssessmentTransition(assessment.id);
  const checked = assessment.answers.filter((a) => a.verify).length;
  return (
    <Modal
      open
      title={t('rounds.action.verifyTitle')}
      okText={t('rounds.action.verifyOk')}
      okButtonProps={{ loading: transition.isPending }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() =>
        transition.mutate(
          { action: 'verify', mode },
          {
            onSuccess: (result) => {
              message.success(
                t('rounds.action.verified', { result: t(`rounds.result.${result.result ?? 'none'}`) }),
              );
              onClose();
            },
            onError: (error) => {
              onProblem(toStepProblem(error));
              onClose();
            },
          },
        )
      }
    >
      <p>{t('rounds.action.verifyText', { checked, total: assessment.measureCount })}</p>
      <Radio.Group
        aria-label={t('rounds.field.verification')}
        value={mode}
        onChange={(event) => setMode(event.target.value as VerificationMode)}
        options={(['full', 'sampled'] as const).map((m) => ({
          value: m,
          label: t(`rounds.verification.${m}`),
        }))}
      />
    </Modal>
  );
}

/** The workflow's steps the caller may take now, as the server lists them. */
export function AssessmentActions({
  assessment,
  onProblem,
}: {
  assessment: Assessment;
  onProblem: (problem: StepProblem | undefined) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const transition = useAssessmentTransition(assessment.id);
  const [open, setOpen] = useState<AssessmentAction>();
  const step = (action: AssessmentAction, label: string) => {
    onProblem(undefined);
    return transition.mutateAsync({ action }).then(
      () => {
        message.success(t('rounds.action.done', { action: label }));
      },
      (error: unknown) => onProblem(toStepProblem(error)),
    );
  };
  return (
    <>
      {assessment.actions.map((a) => {
        const action = a.action as AssessmentAction;
        const label = labelText(a.label, language);
        if (action === 'return' || action === 'send_back' || action === 'verify')
          return (
            <Button
              key={action}
              danger={action !== 'verify'}
              type={action === 'verify' ? 'primary' : 'default'}
              onClick={() => {
                onProblem(undefined);
                setOpen(action);
              }}
            >
              {label}
            </Button>
          );
        return (
          <Popconfirm
            key={action}
            title={t(`rounds.action.confirm.${action}`)}
            okText={label}
            cancelText={t('common.cancel')}
            onConfirm={() => step(action, label)}
          >
            <Button type="primary" loading={transition.isPending && transition.variables?.action === action}>
              {label}
            </Button>
          </Popconfirm>
        );
      })}
      {open === 'return' || open === 'send_back' ? (
        <CommentModal
          assessment={assessment}
          action={open}
          title={labelText(assessment.actions.find((a) => a.action === open)?.label, language)}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
      {open === 'verify' ? (
        <VerifyModal assessment={assessment} onClose={() => setOpen(undefined)} onProblem={onProblem} />
      ) : null}
    </>
  );
}
