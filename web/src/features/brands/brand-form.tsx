import { Alert, App, Form, Input, Select, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { LIMITS } from '../../api/limits.generated';
import { BranchSelect } from '../../components/branch-select';
import { maxSize } from '../../components/file-kinds';
import { FilePicker } from '../../components/file-picker';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useIsMobile } from '../../components/use-is-mobile';
import { useBrandSystems, useCreateBrand, useUpdateBrand, useUploadBrandFile } from './api';
import type { Brand } from './types';

/** The server's limits (brands.schema.ts), checked here first. */
/** The server's text limits (from the API's schemas, web/src/api/limits.generated.ts). */
export const MAX_LENGTH = LIMITS['POST /api/brands'];

interface BrandValues {
  branchId: number;
  systemId?: number | null;
  name: string;
  idea: string;
  practices: string;
  results: string;
}

const FIELDS = ['branchId', 'systemId', 'name', 'idea', 'practices', 'results'] as const;

interface BrandFormProps {
  open: boolean;
  /** the application to change; a new one when absent */
  brand?: Brand;
  onClose: () => void;
  onSaved?: (brand: Brand) => void;
}

/** 品牌申报: the application's texts and attachments, in a drawer that is full-screen on phones. */
export function BrandForm({ open, brand, onClose, onSaved }: BrandFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<BrandValues>();
  const systems = useBrandSystems();
  const create = useCreateBrand();
  const update = useUpdateBrand();
  const upload = useUploadBrandFile();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: BrandValues) => {
    setFailure(undefined);
    setSaving(true);
    try {
      const texts = {
        systemId: values.systemId ?? null,
        name: values.name.trim(),
        idea: values.idea.trim(),
        practices: values.practices.trim(),
        results: values.results.trim(),
      };
      const saved = brand
        ? await update.mutateAsync({ id: brand.id, body: texts })
        : await create.mutateAsync({ ...texts, branchId: values.branchId });
      for (const file of files) {
        if (file.originFileObj) await upload.mutateAsync({ id: saved.id, file: file.originFileObj });
      }
      message.success(t('common.saved'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setFailure(error);
      applyFieldErrors(form, error, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const only = systems.data?.length === 1 ? systems.data[0] : undefined;
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <FormDrawer
      open={open}
      title={brand ? t('brands.editTitle') : t('brands.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={saving}
      width={640}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<BrandValues>
        form={form}
        name="brand"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={
          brand
            ? {
                branchId: brand.branchId,
                systemId: brand.systemId,
                name: brand.name,
                idea: brand.idea,
                practices: brand.practices,
                results: brand.results,
              }
            : { systemId: only?.id }
        }
        onFinish={(values) => void onFinish(values)}
      >
        {brand ? null : (
          <Form.Item
            name="branchId"
            label={t('brands.field.branch')}
            rules={[{ required: true, message: t('brands.rule.branchRequired') }]}
          >
            <BranchSelect />
          </Form.Item>
        )}
        <Form.Item name="systemId" label={t('brands.field.system')}>
          <Select
            allowClear
            placeholder={t('brands.noSystem')}
            options={(systems.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('brands.field.name')} rules={required(t('brands.rule.nameRequired'))}>
          <Input maxLength={MAX_LENGTH.name} />
        </Form.Item>
        <Form.Item name="idea" label={t('brands.field.idea')} rules={required(t('brands.rule.ideaRequired'))}>
          <Input.TextArea rows={3} maxLength={MAX_LENGTH.idea} />
        </Form.Item>
        <Form.Item
          name="practices"
          label={t('brands.field.practices')}
          rules={required(t('brands.rule.practicesRequired'))}
        >
          <Input.TextArea rows={5} maxLength={MAX_LENGTH.practices} />
        </Form.Item>
        <Form.Item
          name="results"
          label={t('brands.field.results')}
          rules={required(t('brands.rule.resultsRequired'))}
        >
          <Input.TextArea rows={5} maxLength={MAX_LENGTH.results} />
        </Form.Item>
        <Form.Item
          label={t('brands.field.files')}
          extra={t('brands.fileHint', { size: maxSize('attachment') })}
        >
          <FilePicker
            kind="attachment"
            files={files}
            onChange={setFiles}
            label={t('brands.addFile')}
            tooLarge={t('brands.fileTooLarge', { size: maxSize('attachment') })}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
