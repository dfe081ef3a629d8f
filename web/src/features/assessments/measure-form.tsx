import { Alert, App, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useIsMobile } from '../../components/use-is-mobile';
import { useAddMeasure, useReorder, useUpdateMeasure } from './api';
import { EVIDENCE_KINDS, MAX_LENGTH, MEASURE_RULES, moveMeasureTo, weightRange } from './assessment-rules';
import type { Dimension, EvidenceKind, Measure, MeasureRule, Version } from './types';

interface Values {
  dimensionId: number;
  code: string;
  text: string;
  evidence: string;
  evidenceKinds: EvidenceKind[];
  rule: MeasureRule;
  weight: number;
  remarks?: string;
}

const FIELDS = ['code', 'text', 'evidence', 'evidenceKinds', 'rule', 'weight', 'remarks'] as const;

/**
 * 考核细则: the measure's wording, the evidence it asks for (佐证材料) and how it counts: scored with its
 * points, or must-pass (否决项, no points). Changing its dimension moves it to the end of that one.
 */
export function MeasureForm({
  open,
  version,
  dimension,
  measure,
  onClose,
}: {
  open: boolean;
  version: Version;
  /** The dimension it is in (or is added to). */
  dimension: Dimension;
  /** The measure being changed; a new one when undefined. */
  measure?: Measure;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const add = useAddMeasure();
  const update = useUpdateMeasure();
  const reorder = useReorder(version.id);
  const [failure, setFailure] = useState<unknown>();
  const rule = Form.useWatch('rule', form);
  const range = weightRange(rule);
  const size = isMobile ? 'large' : 'middle';

  const onError = (error: unknown) => {
    if (!applyFieldErrors(form, error, FIELDS)) setFailure(error);
  };
  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = async (values: Values) => {
    setFailure(undefined);
    const body = {
      code: values.code.trim(),
      text: values.text.trim(),
      evidence: values.evidence.trim(),
      evidenceKinds: values.evidenceKinds,
      rule: values.rule,
      weight: values.rule === 'required' ? 0 : values.weight,
      remarks: values.remarks?.trim() || null,
    };
    try {
      if (!measure) {
        await add.mutateAsync({ dimensionId: dimension.id, body });
      } else {
        const saved = await update.mutateAsync({ id: measure.id, body });
        if (values.dimensionId !== dimension.id) {
          await reorder.mutateAsync(moveMeasureTo(saved, measure.id, values.dimensionId));
        }
      }
      done();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={
        measure ? t('assessments.editMeasure') : t('assessments.addMeasureTo', { dimension: dimension.title })
      }
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending || update.isPending || reorder.isPending}
      width={640}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<Values>
        form={form}
        name="measure"
        layout="vertical"
        size={size}
        initialValues={
          measure
            ? { ...measure, dimensionId: dimension.id, remarks: measure.remarks ?? undefined }
            : {
                dimensionId: dimension.id,
                code: `${dimension.code}.${dimension.measures.length + 1}`,
                evidenceKinds: ['document'],
                rule: 'scored',
                weight: 5,
              }
        }
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.rule === 'required') form.setFieldValue('weight', 0);
          if (changed.rule === 'scored' && !form.getFieldValue('weight')) form.setFieldValue('weight', 1);
        }}
        onFinish={(values) => void submit(values)}
      >
        {measure && version.dimensions.length > 1 ? (
          <Form.Item
            name="dimensionId"
            label={t('assessments.field.dimension')}
            extra={t('assessments.moveHint')}
          >
            <Select
              options={version.dimensions.map((d) => ({ value: d.id, label: `${d.code} ${d.title}` }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="code"
          label={t('assessments.field.measureCode')}
          rules={[{ required: true, whitespace: true, message: t('assessments.codeRequired') }]}
        >
          <Input maxLength={MAX_LENGTH.code} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('assessments.field.text')}
          extra={t('assessments.textHint')}
          rules={[{ required: true, whitespace: true, message: t('assessments.textRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={MAX_LENGTH.measureText} showCount />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('assessments.field.evidence')}
          rules={[{ required: true, whitespace: true, message: t('assessments.evidenceRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.measureText} />
        </Form.Item>
        <Form.Item
          name="evidenceKinds"
          label={t('assessments.field.evidenceKinds')}
          rules={[{ required: true, type: 'array', min: 1, message: t('assessments.evidenceKindsRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={false}
            options={EVIDENCE_KINDS.map((kind) => ({
              value: kind,
              label: t(`assessments.evidence.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="rule" label={t('assessments.field.rule')} rules={[{ required: true }]}>
          <Radio.Group
            options={MEASURE_RULES.map((r) => ({ value: r, label: t(`assessments.rule.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('assessments.field.weight')}
          extra={rule === 'required' ? t('assessments.requiredNoPoints') : t('assessments.weightHint')}
          rules={[
            { required: true, message: t('assessments.weightRequired') },
            {
              type: 'integer',
              min: range.min,
              max: range.max,
              message: rule === 'required' ? t('assessments.requiredNoPoints') : t('assessments.weightRange'),
            },
          ]}
        >
          <InputNumber min={range.min} max={range.max} precision={0} disabled={rule === 'required'} />
        </Form.Item>
        <Form.Item name="remarks" label={t('assessments.field.remarks')}>
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.measureText} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
