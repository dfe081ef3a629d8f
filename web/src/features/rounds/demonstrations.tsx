import { Alert, App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { formatDateTime } from '../../components/date-time';
import { fromDay, notInFuture, today } from '../../components/date-value';
import { useLanguage } from '../../i18n/i18n';
import { useNameDemonstration, useRevokeDemonstration } from './api';
import { MAX_REASON } from './round-rules';
import { DemoLevelTag } from './round-tags';
import type { Assessment, DemoLevel, Demonstration } from './types';

function NameModal({
  assessment,
  level,
  onClose,
}: {
  assessment: Assessment;
  level: DemoLevel;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ namedOn: Dayjs; note?: string }>();
  const name = useNameDemonstration(assessment.id);
  const title = t(`rounds.demo.name.${level}`);
  return (
    <Modal
      open
      title={title}
      okText={t('rounds.demo.nameOk')}
      okButtonProps={{ loading: name.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {name.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(name.error)} />
      ) : null}
      <p>{t(`rounds.demo.nameText.${level}`, { branch: assessment.branchName })}</p>
      <Form
        form={form}
        name={`demo-${level}`}
        layout="vertical"
        initialValues={{ namedOn: today() }}
        onFinish={(values) =>
          name.mutate(
            { level, namedOn: fromDay(values.namedOn) ?? undefined, note: values.note?.trim() || null },
            {
              onSuccess: () => {
                message.success(t('rounds.demo.named'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="namedOn"
          label={t('rounds.demo.namedOn')}
          rules={[
            { required: true, message: t('rounds.demo.namedOnRequired') },
            notInFuture(t('rounds.demo.notFuture')),
          ]}
        >
          <DatePicker className="full-width" disabledDate={(day) => day.isAfter(today(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('rounds.demo.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeModal({
  assessment,
  demonstration,
  onClose,
}: {
  assessment: Assessment;
  demonstration: Demonstration;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const revoke = useRevokeDemonstration(assessment.id);
  return (
    <Modal
      open
      title={t('rounds.demo.revokeTitle', { level: t(`rounds.level.${demonstration.level}`) })}
      okText={t('rounds.demo.revokeOk')}
      okButtonProps={{ danger: true, loading: revoke.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {revoke.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(revoke.error)} />
      ) : null}
      <p>{t('rounds.demo.revokeText')}</p>
      <Form
        form={form}
        name="revokeDemo"
        layout="vertical"
        onFinish={({ reason }) =>
          revoke.mutate(
            { demonstrationId: demonstration.id, reason: reason.trim() },
            {
              onSuccess: () => {
                message.success(t('rounds.demo.revoked'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('rounds.demo.reason')}
          rules={[{ required: true, whitespace: true, message: t('rounds.demo.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={MAX_REASON} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 示范支部: the levels named in this round; the city names, records and revokes them. */
export function Demonstrations({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const [naming, setNaming] = useState<DemoLevel>();
  const [revoking, setRevoking] = useState<Demonstration>();
  const keeper =
    can('assessments:verify') && assessment.roundStatus === 'open' && assessment.state === 'verified';
  const active = (level: DemoLevel) =>
    assessment.demonstrations.some((d) => d.level === level && !d.revokedAt);
  const compliant = assessment.result === 'compliant';
  return (
    <>
      {assessment.demonstrations.length === 0 ? <p className="muted">{t('rounds.demo.none')}</p> : null}
      <ul className="evidence-list">
        {assessment.demonstrations.map((d) => (
          <li key={d.id} className="check-block">
            <p>
              <DemoLevelTag level={d.level} /> {t('rounds.demo.namedOnValue', { date: d.namedOn })}
              {d.revokedAt ? <strong> {t('rounds.demo.revokedMark')}</strong> : null}
            </p>
            {d.note ? <p>{d.note}</p> : null}
            {d.revokedAt ? (
              <p className="muted">
                {t('rounds.demo.revokedInfo', {
                  at: formatDateTime(d.revokedAt, language),
                  reason: d.revokeReason ?? '',
                })}
              </p>
            ) : keeper ? (
              <Button size="small" danger onClick={() => setRevoking(d)}>
                {t('rounds.demo.revoke', { level: t(`rounds.level.${d.level}`) })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {keeper && compliant ? (
        <Space wrap>
          {!active('city') ? (
            <Button type="primary" onClick={() => setNaming('city')}>
              {t('rounds.demo.name.city')}
            </Button>
          ) : null}
          {!active('province') ? (
            <Button onClick={() => setNaming('province')}>{t('rounds.demo.name.province')}</Button>
          ) : null}
        </Space>
      ) : null}
      {naming ? (
        <NameModal assessment={assessment} level={naming} onClose={() => setNaming(undefined)} />
      ) : null}
      {revoking ? (
        <RevokeModal
          assessment={assessment}
          demonstration={revoking}
          onClose={() => setRevoking(undefined)}
        />
      ) : null}
    </>
  );
}
