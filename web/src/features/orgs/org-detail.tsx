import { DragOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useLiaisonAreas } from '../../api/orgs';
import { useCan } from '../../api/session';
import type { Org } from '../../api/types';
import { applyFieldErrors } from '../../components/form-errors';
import { StatusTag } from '../../components/status-tag';
import { useSetOrgActive, useUpdateOrg } from './api';
import { OrgKindIcon } from './org-kind';
import { ORG_CODE_PATTERN } from './org-rules';

interface OrgEditValues {
  name: string;
  code?: string;
  liaisonAreaId?: number | null;
  sortOrder: number;
}

interface OrgDetailProps {
  org: Org;
  parent: Org | undefined;
  onAddChild: () => void;
  onMove: () => void;
}

/** The selected org: its facts, and for orgs:write holders rename / code / liaison area / order and actions. */
export function OrgDetail({ org, parent, onAddChild, onMove }: OrgDetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canWrite = can('orgs:write');
  const liaisonAreas = useLiaisonAreas();
  const update = useUpdateOrg();
  const setActive = useSetOrgActive();
  const [form] = Form.useForm<OrgEditValues>();
  const areaName = liaisonAreas.data?.find((area) => area.id === org.liaisonAreaId)?.name;

  const onFinish = (values: OrgEditValues) => {
    update.mutate(
      {
        id: org.id,
        body: {
          name: values.name.trim(),
          code: values.code?.trim() || null,
          sortOrder: values.sortOrder,
          ...(org.kind === 'unit' ? { liaisonAreaId: values.liaisonAreaId ?? null } : {}),
        },
      },
      {
        onSuccess: () => message.success(t('common.saved')),
        onError: (error) => {
          applyFieldErrors(form, error, ['name', 'code', 'liaisonAreaId', 'sortOrder']);
        },
      },
    );
  };

  const toggleActive = () =>
    setActive.mutateAsync({ id: org.id, active: !org.active }).then(
      () =>
        message.success(
          org.active ? t('orgs.deactivated', { name: org.name }) : t('orgs.activated', { name: org.name }),
        ),
      (error: unknown) => message.error(errorMessage(error)),
    );

  return (
    <Card
      className="org-detail"
      title={
        <h2 className="card-heading">
          <OrgKindIcon kind={org.kind} /> {org.name}
        </h2>
      }
      extra={!org.active ? <StatusTag>{t('orgs.inactive')}</StatusTag> : null}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'kind', label: t('orgs.kind'), children: t(`orgs.kindValue.${org.kind}`) },
          { key: 'code', label: t('orgs.code'), children: org.code ?? '—' },
          { key: 'parent', label: t('orgs.parent'), children: parent?.name ?? '—' },
          {
            key: 'status',
            label: t('orgs.status'),
            children: org.active ? t('orgs.active') : t('orgs.inactive'),
          },
          ...(org.kind === 'unit'
            ? [{ key: 'liaisonArea', label: t('orgs.liaisonArea'), children: areaName ?? '—' }]
            : []),
          { key: 'sortOrder', label: t('orgs.sortOrder'), children: org.sortOrder },
        ]}
      />
      {canWrite ? (
        <>
          <Space wrap className="org-actions">
            <Button icon={<PlusOutlined aria-hidden />} onClick={onAddChild} disabled={!org.active}>
              {t('orgs.addChild')}
            </Button>
            <Button icon={<DragOutlined aria-hidden />} onClick={onMove} disabled={org.parentId === null}>
              {t('orgs.move')}
            </Button>
            <Popconfirm
              title={
                org.active
                  ? t('orgs.deactivateConfirm', { name: org.name })
                  : t('orgs.activateConfirm', { name: org.name })
              }
              description={org.active ? t('orgs.deactivateConfirmNote') : undefined}
              okText={org.active ? t('orgs.deactivate') : t('orgs.activate')}
              okButtonProps={{ danger: org.active }}
              cancelText={t('common.cancel')}
              onConfirm={toggleActive}
            >
              <Button danger={org.active} loading={setActive.isPending}>
                {org.active ? t('orgs.deactivate') : t('orgs.activate')}
              </Button>
            </Popconfirm>
          </Space>
          <h3 className="section-heading">{t('orgs.editTitle')}</h3>
          {update.error ? (
            <Alert className="form-alert" type="error" showIcon title={errorMessage(update.error)} />
          ) : null}
          <Form<OrgEditValues>
            name="orgEdit"
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{
              name: org.name,
              code: org.code ?? '',
              liaisonAreaId: org.liaisonAreaId,
              sortOrder: org.sortOrder,
            }}
          >
            <Form.Item
              name="name"
              label={t('orgs.name')}
              rules={[{ required: true, whitespace: true, message: t('orgs.nameRequired') }]}
            >
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('orgs.code')}
              rules={[{ pattern: ORG_CODE_PATTERN, message: t('orgs.codePattern') }]}
            >
              <Input autoComplete="off" maxLength={32} />
            </Form.Item>
            {org.kind === 'unit' ? (
              <Form.Item name="liaisonAreaId" label={t('orgs.liaisonArea')}>
                <Select
                  allowClear
                  loading={liaisonAreas.isLoading}
                  placeholder={t('orgs.noLiaisonArea')}
                  options={(liaisonAreas.data ?? []).map((area) => ({
                    value: area.id,
                    label: t('orgs.liaisonAreaOption', { name: area.name, count: area.unitCount }),
                  }))}
                />
              </Form.Item>
            ) : null}
            <Form.Item
              name="sortOrder"
              label={t('orgs.sortOrder')}
              rules={[{ required: true, type: 'integer', message: t('orgs.sortOrderRequired') }]}
            >
              <InputNumber precision={0} className="full-width" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </>
      ) : null}
    </Card>
  );
}
