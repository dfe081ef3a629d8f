import { CameraOutlined, LinkOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Radio, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../components/date-time';
import { FILE_KINDS, maxSize } from '../../components/file-kinds';
import { useLanguage } from '../../i18n/i18n';
import { useApprovedMeetings, useAttachMeeting, useSaveAnswer, useSaveCheck, useUploadEvidence } from './api';
import { EvidenceList, useEvidenceName } from './evidence-list';
import {
  CHECK_VERDICTS,
  checkNeedsEvidence,
  evidenceTypeAccepted,
  MAX_NOTE,
  takesFiles,
  takesMeetings,
  verdictsOf,
} from './round-rules';
import { CheckVerdictTag, VerdictTag } from './round-tags';
import type { Answer, AnswerVerdict, Assessment, Check, CheckStage, CheckVerdict } from './types';

interface MeasureCardProps {
  assessment: Assessment;
  answer: Answer;
  /** The check the caller records now, if any (review by the county, verify by the city). */
  stage: CheckStage | undefined;
}

/** The measure's rule in words: 必达项 or its points. */
function RuleText({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  return (
    <>
      {answer.rule === 'required'
        ? t('rounds.rule.required')
        : t('rounds.rule.scored', { points: answer.weight })}
    </>
  );
}

/**
 * One measure of a branch's assessment: the branch's answer and evidence (editable while
 * self-assessing), beside the county's and city's checks (recorded here while reviewing or verifying).
 */
export function MeasureCard({ assessment, answer, stage }: MeasureCardProps) {
  const { t } = useTranslation();
  const headingId = `measure-${answer.measureId}`;
  const showChecks = Boolean(stage || answer.review || answer.verify);
  return (
    <Card className="measure-card" size="small">
      <article aria-labelledby={headingId} data-measure={answer.code}>
        <h3 id={headingId}>
          {answer.code} {answer.text}
        </h3>
        <p className="measure-meta">
          <RuleText answer={answer} /> · {t('rounds.evidenceAsked', { evidence: answer.evidenceAsked })}
        </p>
        <div className={showChecks ? 'measure-sides with-checks' : 'measure-sides'}>
          <section className="measure-side" aria-label={t('rounds.side.branch', { code: answer.code })}>
            <h4>{t('rounds.side.branchTitle')}</h4>
            {assessment.editable ? (
              <AnswerEditor assessment={assessment} answer={answer} />
            ) : (
              <>
                <p>
                  <VerdictTag verdict={answer.verdict} />
                  {answer.note ? <span className="measure-note"> {answer.note}</span> : null}
                </p>
                {takesFiles(answer) || takesMeetings(answer) ? (
                  <EvidenceList assessmentId={assessment.id} evidence={answer.evidence} />
                ) : (
                  <p className="muted">{t('rounds.evidence.registersOnly')}</p>
                )}
              </>
            )}
          </section>
          {showChecks ? (
            <section className="measure-side" aria-label={t('rounds.side.checks', { code: answer.code })}>
              <h4>{t('rounds.side.checksTitle')}</h4>
              {answer.review && stage !== 'review' ? (
                <CheckView answer={answer} check={answer.review} />
              ) : null}
              {answer.verify && stage !== 'verify' ? (
                <CheckView answer={answer} check={answer.verify} />
              ) : null}
              {stage ? <CheckEditor assessment={assessment} answer={answer} stage={stage} /> : null}
              {answer.finding && (answer.review || answer.verify) ? (
                <p>
                  {t('rounds.finding')} <VerdictTag verdict={answer.finding} />
                </p>
              ) : null}
            </section>
          ) : null}
        </div>
      </article>
    </Card>
  );
}

function CheckView({ answer, check }: { answer: Answer; check: Check }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = useEvidenceName();
  const named = answer.evidence.filter((e) => check.evidenceIds.includes(e.id)).map(nameOf);
  return (
    <div className="check-block">
      <p>
        <strong>{t(`rounds.stage.${check.stage}`)}</strong> <CheckVerdictTag verdict={check.verdict} />
      </p>
      {named.length ? <p>{t('rounds.checkRestsOn', { evidence: named.join('、') })}</p> : null}
      {check.comment ? <p>{t('rounds.checkComment', { comment: check.comment })}</p> : null}
      <p className="muted">
        {check.checkedBy ?? ''} ·{' '}
        <time dateTime={check.checkedAt}>{formatDateTime(check.checkedAt, language)}</time>
      </p>
    </div>
  );
}

interface AnswerValues {
  verdict?: AnswerVerdict;
  note?: string;
}

/** The branch's verdict and note on a measure, with its evidence: photos, files and meetings. */
function AnswerEditor({ assessment, answer }: { assessment: Assessment; answer: Answer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const save = useSaveAnswer(assessment.id);
  const upload = useUploadEvidence(assessment.id);
  const [problem, setProblem] = useState<string>();
  const [picking, setPicking] = useState(false);

  const onFinish = (values: AnswerValues) => {
    if (!values.verdict) return;
    setProblem(undefined);
    save.mutate(
      { measureId: answer.measureId, body: { verdict: values.verdict, note: values.note?.trim() || null } },
      {
        onSuccess: () => message.success(t('rounds.answerSaved', { code: answer.code })),
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  const beforeUpload = (file: File) => {
    setProblem(undefined);
    if (!evidenceTypeAccepted(file)) {
      setProblem(t('rounds.evidence.typeRefused', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > FILE_KINDS.evidence.maxBytes) {
      setProblem(t('rounds.evidence.tooLarge', { name: file.name, size: maxSize('evidence') }));
      return Upload.LIST_IGNORE;
    }
    upload.mutate(
      { measureId: answer.measureId, file },
      {
        onSuccess: () => message.success(t('rounds.evidence.uploaded', { name: file.name })),
        onError: (error) =>
          setProblem(t('rounds.evidence.uploadFailed', { name: file.name, reason: errorMessage(error) })),
      },
    );
    return Upload.LIST_IGNORE;
  };

  return (
    <>
      <Form<AnswerValues>
        form={form}
        name={`answer-${answer.measureId}`}
        layout="vertical"
        initialValues={{ verdict: answer.verdict ?? undefined, note: answer.note ?? undefined }}
        onFinish={onFinish}
      >
        <Form.Item
          name="verdict"
          label={t('rounds.field.verdict')}
          rules={[{ required: true, message: t('rounds.verdictRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={verdictsOf(answer).map((v) => ({ value: v, label: t(`rounds.verdict.${v}`) }))}
            // A verdict picked is saved at once (with the note as it stands): one tap per measure on a phone.
            onChange={() => form.submit()}
          />
        </Form.Item>
        <Form.Item name="note" label={t('rounds.field.note')}>
          <Input.TextArea rows={2} maxLength={MAX_NOTE} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={save.isPending}>
          {t('rounds.saveAnswer')}
          <span className="sr-only"> {answer.code}</span>
        </Button>
      </Form>
      {problem ? <Alert className="form-alert" type="error" showIcon title={problem} /> : null}
      <p className="measure-evidence-title">{t('rounds.evidence.title')}</p>
      <EvidenceList assessmentId={assessment.id} evidence={answer.evidence} removable />
      <div className="measure-actions">
        {answer.evidenceKinds.includes('photo') ? (
          <Upload accept="image/*" showUploadList={false} beforeUpload={beforeUpload}>
            <Button icon={<CameraOutlined aria-hidden />} loading={upload.isPending}>
              {t('rounds.evidence.addPhoto')}
              <span className="sr-only"> {answer.code}</span>
            </Button>
          </Upload>
        ) : null}
        {takesFiles(answer) ? (
          <Upload accept={FILE_KINDS.evidence.accept} showUploadList={false} beforeUpload={beforeUpload}>
            <Button icon={<PaperClipOutlined aria-hidden />} loading={upload.isPending}>
              {t('rounds.evidence.addFile')}
              <span className="sr-only"> {answer.code}</span>
            </Button>
          </Upload>
        ) : null}
        {takesMeetings(answer) ? (
          <Button icon={<LinkOutlined aria-hidden />} onClick={() => setPicking(true)}>
            {t('rounds.evidence.addMeeting')}
            <span className="sr-only"> {answer.code}</span>
          </Button>
        ) : null}
      </div>
      {!takesFiles(answer) && !takesMeetings(answer) ? (
        <p className="muted">{t('rounds.evidence.registersOnly')}</p>
      ) : null}
      {picking ? (
        <MeetingPicker assessment={assessment} answer={answer} onClose={() => setPicking(false)} />
      ) : null}
    </>
  );
}

/** Cites one of the branch's approved meetings of the round's year. */
function MeetingPicker({
  assessment,
  answer,
  onClose,
}: {
  assessment: Assessment;
  answer: Answer;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const meetings = useApprovedMeetings(assessment.branchId, assessment.year, true);
  const attach = useAttachMeeting(assessment.id);
  const [meetingId, setMeetingId] = useState<number>();
  const cited = new Set(answer.evidence.map((e) => e.meetingId));
  const options = (meetings.data?.items ?? [])
    .filter((m) => !cited.has(m.id))
    .map((m) => ({ value: m.id, label: `${m.heldOn} ${t(`meetings.type.${m.type}`)}` }));
  return (
    <Modal
      open
      title={t('rounds.evidence.pickMeeting', { code: answer.code })}
      okText={t('rounds.evidence.cite')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !meetingId, loading: attach.isPending }}
      onCancel={onClose}
      onOk={() =>
        meetingId &&
        attach.mutate(
          { measureId: answer.measureId, meetingId },
          {
            onSuccess: () => {
              message.success(t('rounds.evidence.cited'));
              onClose();
            },
          },
        )
      }
    >
      {attach.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(attach.error)} />
      ) : null}
      <p className="muted">{t('rounds.evidence.meetingHint', { year: assessment.year })}</p>
      <Select<number>
        className="full-width"
        aria-label={t('rounds.evidence.meeting')}
        loading={meetings.isLoading}
        value={meetingId}
        onChange={setMeetingId}
        options={options}
        placeholder={t('rounds.evidence.meetingPlaceholder')}
        notFoundContent={t('rounds.evidence.noMeetings')}
      />
    </Modal>
  );
}

interface CheckValues {
  verdict?: CheckVerdict;
  evidenceIds?: number[];
  comment?: string;
}

/** The county's review or the city's verification of one answer, naming the evidence it rests on. */
function CheckEditor({
  assessment,
  answer,
  stage,
}: {
  assessment: Assessment;
  answer: Answer;
  stage: CheckStage;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckValues>();
  const save = useSaveCheck(assessment.id);
  const nameOf = useEvidenceName();
  const current = stage === 'review' ? answer.review : answer.verify;
  const verdict = Form.useWatch('verdict', form);
  const needsEvidence = checkNeedsEvidence(answer, verdict);
  const [problem, setProblem] = useState<string>();
  const onFinish = (values: CheckValues) => {
    if (!values.verdict) return;
    setProblem(undefined);
    save.mutate(
      {
        measureId: answer.measureId,
        body: {
          verdict: values.verdict,
          comment: values.comment?.trim() || null,
          evidenceIds: values.verdict === 'no_evidence' ? [] : (values.evidenceIds ?? []),
        },
      },
      {
        onSuccess: () => message.success(t('rounds.checkSaved', { code: answer.code })),
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };
  return (
    <Form<CheckValues>
      form={form}
      name={`check-${stage}-${answer.measureId}`}
      layout="vertical"
      className="check-form"
      initialValues={{
        verdict: current?.verdict,
        evidenceIds: current?.evidenceIds ?? [],
        comment: current?.comment ?? undefined,
      }}
      onFinish={onFinish}
    >
      <p>
        <strong>{t(`rounds.stage.${stage}`)}</strong>
      </p>
      <Form.Item
        name="verdict"
        label={t('rounds.field.checkVerdict')}
        rules={[{ required: true, message: t('rounds.checkVerdictRequired') }]}
      >
        <Radio.Group options={CHECK_VERDICTS.map((v) => ({ value: v, label: t(`rounds.check.${v}`) }))} />
      </Form.Item>
      {verdict !== 'no_evidence' && answer.evidence.length > 0 ? (
        <Form.Item
          name="evidenceIds"
          label={t('rounds.field.checkEvidence')}
          rules={[
            {
              validator: async (_rule, value: number[] | undefined) => {
                if (needsEvidence && !value?.length) throw new Error(t('rounds.checkEvidenceRequired'));
              },
            },
          ]}
        >
          <Checkbox.Group
            role="group"
            aria-label={t('rounds.field.checkEvidence')}
            options={answer.evidence.map((e) => ({ value: e.id, label: nameOf(e) }))}
          />
        </Form.Item>
      ) : null}
      {needsEvidence && answer.evidence.length === 0 ? (
        <p className="muted">{t('rounds.checkNoEvidenceHint')}</p>
      ) : null}
      <Form.Item
        name="comment"
        label={t('rounds.field.checkComment')}
        rules={[
          {
            required: verdict !== undefined && verdict !== 'agree',
            whitespace: true,
            message: t('rounds.checkCommentRequired'),
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={MAX_NOTE} />
      </Form.Item>
      {problem ? <Alert className="form-alert" type="error" showIcon title={problem} /> : null}
      <Button htmlType="submit" type="primary" loading={save.isPending}>
        {t('rounds.saveCheck')}
        <span className="sr-only"> {answer.code}</span>
      </Button>
    </Form>
  );
}
