import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Cadre } from '../../api/types';
import { fromDay, notInFuture } from '../../components/date-value';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useRecordDeath, useReverseDeath } from './api';
import { MAX_LENGTH, REVERSE_REASON_MIN } from './cadre-rules';

interface DeathValues {
  diedOn: Dayjs;
  cause?: string;
  farewell?: string;
  pensionRecipient?: string;
  pensionUntil?: Dayjs | null;
  remarks?: string;
}

const DEATH_FIELDS = ['diedOn', 'cause', 'farewell', 'pensionRecipient', 'pensionUntil', 'remarks'];

const text = (value: string | undefined) => value?.trim() || null;

/** 登记离世: records a passing away, which takes the person out of the active lists. */
export function RecordDeathDrawer({
  cadre,
  open,
  onClose,
}: {
  cadre: Cadre;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeathValues>();
  const record = useRecordDeath(cadre.id);

  const onFinish = (values: DeathValues) => {
    record.mutate(
      {
        diedOn: fromDay(values.diedOn) ?? '',
        cause: text(values.cause),
        farewell: text(values.farewell),
        pensionRecipient: text(values.pensionRecipient),
        pensionUntil: fromDay(values.pensionUntil),
        remarks: text(values.remarks),
      },
      {
        onSuccess: () => {
          message.success(t('cadres.death.recorded', { name: cadre.name }));
          onClose();
        },
        onError: (error) => applyFieldErrors(form, error, DEATH_FIELDS),
      },
    );
  };

  return (
    <FormDrawer
      open={open}
      title={t('cadres.death.recordTitle', { name: cadre.name })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={record.isPending}
    >
      <Alert className="form-alert" type="info" showIcon title={t('cadres.death.recordNote')} />
      {record.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(record.error)} />
      ) : null}
      <Form<DeathValues> form={form} name="recordDeath" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="diedOn"
          label={t('cadres.field.diedOn')}
          rules={[
            { required: true, message: t('cadres.death.diedOnRequired') },
            notInFuture(t('cadres.rule.notFuture')),
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                if (value?.isBefore(dayjs(cadre.birthDate), 'day'))
                  throw new Error(t('cadres.rule.afterBirth'));
              },
            },
          ]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="cause" label={t('cadres.field.cause')}>
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.deathCause} />
        </Form.Item>
        <Form.Item name="farewell" label={t('cadres.field.farewell')}>
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.farewell} />
        </Form.Item>
        <Form.Item name="pensionRecipient" label={t('cadres.field.pensionRecipient')}>
          <Input maxLength={MAX_LENGTH.pensionRecipient} />
        </Form.Item>
        <Form.Item name="pensionUntil" label={t('cadres.field.pensionUntil')}>
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="remarks" label={t('cadres.field.remarks')}>
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.deathRemarks} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 撤销离世: undoes a mistaken record of passing away; the reason is kept in the audit log. */
export function ReverseDeathModal({
  cadre,
  open,
  onClose,
}: {
  cadre: Cadre;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reverse = useReverseDeath(cadre.id);

  const onFinish = ({ reason }: { reason: string }) => {
    reverse.mutate(reason.trim(), {
      onSuccess: () => {
        message.success(t('cadres.death.reversed', { name: cadre.name }));
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, ['reason']),
    });
  };

  return (
    <Modal
      open={open}
      title={t('cadres.death.reverseTitle', { name: cadre.name })}
      okText={t('cadres.death.reverseConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reverse.isPending}
      destroyOnHidden
    >
      <Alert className="form-alert" type="warning" showIcon title={t('cadres.death.reverseNote')} />
      {reverse.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(reverse.error)} />
      ) : null}
      <Form form={form} name="reverseDeath" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('cadres.death.reason')}
          required
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if ((value?.trim().length ?? 0) < REVERSE_REASON_MIN)
                  throw new Error(t('cadres.death.reasonRequired'));
              },
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={MAX_LENGTH.reverseReason} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
