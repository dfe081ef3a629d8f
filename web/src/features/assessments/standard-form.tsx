import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useCreateStandard } from './api';
import { MAX_LENGTH, STANDARD_CODE_PATTERN } from './assessment-rules';
import type { Standard } from './types';

interface Values {
  code: string;
  name: string;
  description?: string;
}

const FIELDS = ['code', 'name', 'description'] as const;

/** 新建考核标准: a code, a name and a description; its versions are authored afterwards. */
export function StandardForm({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (standard: Standard) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateStandard();
  const [failure, setFailure] = useState<unknown>();
  return (
    <FormDrawer
      open={open}
      title={t('assessments.createStandard')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form
        form={form}
        name="standard"
        layout="vertical"
        onFinish={(values) => {
          setFailure(undefined);
          create.mutate(
            {
              code: values.code.trim(),
              name: values.name.trim(),
              description: values.description?.trim() || null,
            },
            {
              onSuccess: (standard) => {
                message.success(t('common.saved'));
                onClose();
                onSaved(standard);
              },
              onError: (error) => {
                if (!applyFieldErrors(form, error, FIELDS)) setFailure(error);
              },
            },
          );
        }}
      >
        <Form.Item
          name="code"
          label={t('assessments.field.code')}
          extra={t('assessments.codeHint')}
          rules={[
            { required: true, message: t('assessments.codeRequired') },
            { pattern: STANDARD_CODE_PATTERN, message: t('assessments.codePattern') },
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('assessments.field.name')}
          rules={[{ required: true, whitespace: true, message: t('assessments.nameRequired') }]}
        >
          <Input maxLength={MAX_LENGTH.standardName} />
        </Form.Item>
        <Form.Item name="description" label={t('assessments.field.description')}>
          <Input.TextArea rows={4} maxLength={MAX_LENGTH.description} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
