import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useLiaisonAreas } from '../../api/orgs';
import type { Org, OrgKind } from '../../api/types';
import { applyFieldErrors } from '../../components/form-errors';
import { useCreateOrg } from './api';
import { defaultChildKind, ORG_KINDS } from './org-kind';
import { ORG_CODE_PATTERN } from './org-rules';

interface CreateOrgValues {
  name: string;
  kind: OrgKind;
  code?: string;
  liaisonAreaId?: number;
}

interface OrgCreateModalProps {
  parent: Org | undefined;
  onClose: () => void;
  onCreated: (org: Org) => void;
}

/** Adds a child under the selected org. */
export function OrgCreateModal({ parent, onClose, onCreated }: OrgCreateModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateOrgValues>();
  const kind = Form.useWatch('kind', form);
  const liaisonAreas = useLiaisonAreas(Boolean(parent));
  const create = useCreateOrg();

  const onFinish = (values: CreateOrgValues) => {
    if (!parent) return;
    create.mutate(
      {
        parentId: parent.id,
        name: values.name.trim(),
        kind: values.kind,
        code: values.code?.trim() || null,
        liaisonAreaId: values.kind === 'unit' ? (values.liaisonAreaId ?? null) : null,
      },
      {
        onSuccess: (org) => {
          message.success(t('orgs.created', { name: org.name }));
          onCreated(org);
        },
        onError: (error) => {
          applyFieldErrors(form, error, ['name', 'kind', 'code', 'liaisonAreaId']);
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(parent)}
      title={t('orgs.createTitle', { parent: parent?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(create.error)} />
      ) : null}
      <Form<CreateOrgValues>
        name="orgCreate"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: parent ? defaultChildKind(parent.kind) : 'unit' }}
      >
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
        >
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('orgs.kind')} rules={[{ required: true }]}>
          <Select options={ORG_KINDS.map((value) => ({ value, label: t(`orgs.kindValue.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('orgs.code')}
          extra={t('orgs.codeHint')}
          rules={[{ pattern: ORG_CODE_PATTERN, message: t('orgs.codePattern') }]}
        >
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        {kind === 'unit' ? (
          <Form.Item name="liaisonAreaId" label={t('orgs.liaisonArea')}>
            <Select
              allowClear
              loading={liaisonAreas.isLoading}
              placeholder={t('orgs.noLiaisonArea')}
              options={(liaisonAreas.data ?? []).map((area) => ({ value: area.id, label: area.name }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
