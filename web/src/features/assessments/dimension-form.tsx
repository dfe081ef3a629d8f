import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useAddDimension, useUpdateDimension } from './api';
import { MAX_LENGTH } from './assessment-rules';
import type { Dimension, Version } from './types';

interface Values {
  code: string;
  title: string;
}

const FIELDS = ['code', 'title'] as const;

/** 考核维度: adds one at the end of a draft, or changes one. */
export function DimensionForm({
  open,
  version,
  dimension,
  onClose,
}: {
  open: boolean;
  version: Version;
  /** The dimension being changed; a new one when undefined. */
  dimension?: Dimension;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddDimension(version.id);
  const update = useUpdateDimension();
  const [failure, setFailure] = useState<unknown>();
  const onError = (error: unknown) => {
    if (!applyFieldErrors(form, error, FIELDS)) setFailure(error);
  };
  const onSuccess = () => {
    message.success(t('common.saved'));
    onClose();
  };
  return (
    <FormDrawer
      open={open}
      title={dimension ? t('assessments.editDimension') : t('assessments.addDimension')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending || update.isPending}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form
        form={form}
        name="dimension"
        layout="vertical"
        initialValues={
          dimension
            ? { code: dimension.code, title: dimension.title }
            : { code: String(version.dimensions.length + 1) }
        }
        onFinish={(values) => {
          setFailure(undefined);
          const body = { code: values.code.trim(), title: values.title.trim() };
          if (dimension) update.mutate({ id: dimension.id, body }, { onSuccess, onError });
          else add.mutate(body, { onSuccess, onError });
        }}
      >
        <Form.Item
          name="code"
          label={t('assessments.field.dimensionCode')}
          rules={[{ required: true, whitespace: true, message: t('assessments.codeRequired') }]}
        >
          <Input maxLength={MAX_LENGTH.code} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('assessments.field.dimensionTitle')}
          rules={[{ required: true, whitespace: true, message: t('assessments.titleRequired') }]}
        >
          <Input maxLength={MAX_LENGTH.dimensionTitle} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
