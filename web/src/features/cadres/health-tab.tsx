import { Alert, App, Button, Form, Input, Radio, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { CadreHealth, Mobility } from '../../api/types';
import { formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { applyFieldErrors } from '../../components/form-errors';
import { useLanguage } from '../../i18n/i18n';
import { useCadreHealth, useSaveHealth } from './api';
import { MAX_LENGTH } from './cadre-rules';

const MOBILITIES: Mobility[] = ['self_care', 'partial', 'dependent'];
const FIELDS = ['illnesses', 'mobility', 'disability', 'caregiver', 'designatedHospital', 'nearestHospital'];

type HealthValues = Partial<
  Record<Exclude<keyof CadreHealth, 'cadreId' | 'updatedAt' | 'mobility'>, string>
> & {
  mobility?: Mobility | null;
};

const text = (value: string | undefined) => value?.trim() || null;

/** 健康状况: sensitive data under its own permission; opening this tab is recorded in the audit log. */
export function HealthTab({ cadreId, editable }: { cadreId: number; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const health = useCadreHealth(cadreId, true);
  const save = useSaveHealth(cadreId);
  const [form] = Form.useForm<HealthValues>();

  if (health.error) return <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />;
  if (!health.data) return <Spin aria-label={t('common.loading')} />;
  const data = health.data;

  const onFinish = (values: HealthValues) => {
    save.mutate(
      {
        illnesses: text(values.illnesses),
        mobility: values.mobility ?? null,
        disability: text(values.disability),
        caregiver: text(values.caregiver),
        designatedHospital: text(values.designatedHospital),
        nearestHospital: text(values.nearestHospital),
      },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (error) => applyFieldErrors(form, error, FIELDS),
      },
    );
  };

  return (
    <div className="narrow-form">
      <Alert className="form-alert" type="info" showIcon title={t('cadres.health.auditNote')} />
      {save.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(save.error)} />
      ) : null}
      <Form<HealthValues>
        form={form}
        name="health"
        layout="vertical"
        disabled={!editable}
        onFinish={onFinish}
        initialValues={{
          illnesses: data.illnesses ?? undefined,
          mobility: data.mobility,
          disability: data.disability ?? undefined,
          caregiver: data.caregiver ?? undefined,
          designatedHospital: data.designatedHospital ?? undefined,
          nearestHospital: data.nearestHospital ?? undefined,
        }}
      >
        <Form.Item name="mobility" label={t('cadres.field.mobility')}>
          <Radio.Group
            options={MOBILITIES.map((mobility) => ({
              value: mobility,
              label: t(`cadres.mobility.${mobility}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="illnesses" label={t('cadres.field.illnesses')}>
          <Input.TextArea rows={3} maxLength={MAX_LENGTH.illnesses} showCount />
        </Form.Item>
        <Form.Item name="disability" label={t('cadres.field.disability')}>
          <Input maxLength={MAX_LENGTH.disability} />
        </Form.Item>
        <Form.Item name="caregiver" label={t('cadres.field.caregiver')}>
          <Input maxLength={MAX_LENGTH.caregiver} />
        </Form.Item>
        <Form.Item name="designatedHospital" label={t('cadres.field.designatedHospital')}>
          <Input maxLength={MAX_LENGTH.hospitalName} />
        </Form.Item>
        <Form.Item name="nearestHospital" label={t('cadres.field.nearestHospital')}>
          <Input maxLength={MAX_LENGTH.hospitalName} />
        </Form.Item>
        {data.updatedAt ? (
          <p className="muted">
            {t('cadres.health.updatedAt', { at: formatDateTime(data.updatedAt, language) })}
          </p>
        ) : null}
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </div>
  );
}
