import { Alert, App, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { today } from '../../components/date-value';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useIsMobile } from '../../components/use-is-mobile';
import { useCreateProgramme, useUpdateProgramme } from './api';
import { useScopeOrgId } from './shared';
import type { Programme } from './types';

interface ProgrammeValues {
  orgId?: number;
  name: string;
  code: string;
  year: number;
}

/** 培训项目: a year's training programme (头雁工程 `touyan`…) under an org in scope. */
export function ProgrammeForm({
  open,
  programme,
  onClose,
}: {
  open: boolean;
  programme?: Programme;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const scopeOrgId = useScopeOrgId();
  const [form] = Form.useForm<ProgrammeValues>();
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const [failure, setFailure] = useState<unknown>();

  const onFinish = async (values: ProgrammeValues) => {
    setFailure(undefined);
    const body = { name: values.name.trim(), code: values.code.trim(), year: values.year };
    try {
      if (programme) await update.mutateAsync({ id: programme.id, body });
      else {
        const created = await create.mutateAsync({ ...body, orgId: values.orgId ?? 0 });
        navigate(`/learning/programmes/${created.id}`);
      }
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
      applyFieldErrors(form, error, ['orgId', 'name', 'code', 'year']);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={programme ? t('learning.programmes.editTitle') : t('learning.programmes.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={create.isPending || update.isPending}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<ProgrammeValues>
        form={form}
        name="programme"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={
          programme
            ? { name: programme.name, code: programme.code, year: programme.year }
            : { code: 'touyan', year: today().year(), orgId: scopeOrgId }
        }
        onFinish={onFinish}
      >
        {programme ? null : (
          <Form.Item
            name="orgId"
            label={t('learning.programmes.org')}
            rules={[{ required: true, message: t('learning.programmes.orgRequired') }]}
          >
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('learning.programmes.field.name')}
          rules={[{ required: true, whitespace: true, message: t('learning.programmes.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('learning.programmes.field.code')}
          extra={t('learning.programmes.codeHint')}
          rules={[
            { required: true, message: t('learning.programmes.codeRequired') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('learning.programmes.codeInvalid') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('learning.programmes.field.year')}
          rules={[{ required: true, message: t('learning.programmes.yearRequired') }]}
        >
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
