import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { isInteractiveTarget, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import {
  type BrandFilters,
  brandListQueryKey,
  exportBrands,
  fetchBrands,
  useBrandSystems,
  useSaveBrandSystem,
} from './api';
import { useBrandColumns } from './brand-columns';
import { BrandFilterFields, DEFAULT_BRAND_FILTERS } from './brand-filters';
import { BrandForm } from './brand-form';
import type { BrandSummary, BrandSystem } from './types';

/** Changes (or creates) the city's umbrella brand. */
function SystemForm({ system, open, onClose }: { system?: BrandSystem; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const save = useSaveBrandSystem();
  return (
    <FormDrawer
      open={open}
      title={system ? t('brands.system.editTitle') : t('brands.system.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={save.isPending}
    >
      {save.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(save.error)} />
      ) : null}
      <Form
        form={form}
        name="brandSystem"
        layout="vertical"
        initialValues={{ name: system?.name, description: system?.description ?? undefined }}
        onFinish={(values) =>
          save.mutate(
            {
              id: system?.id,
              body: { name: values.name.trim(), description: values.description?.trim() || null },
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => applyFieldErrors(form, error, ['name', 'description']),
            },
          )
        }
      >
        <Form.Item
          name="name"
          label={t('brands.system.name')}
          rules={[{ required: true, whitespace: true, message: t('brands.rule.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('brands.system.description')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** The umbrella brand (品牌体系) above the branch brands, kept by the city. */
function SystemCard() {
  const { t } = useTranslation();
  const can = useCan();
  const systems = useBrandSystems();
  const [editing, setEditing] = useState<BrandSystem | 'new' | undefined>();
  const list = systems.data ?? [];
  if (list.length === 0 && !can('brands:approve')) return null;
  return (
    <>
      <Card className="brand-system" size="small">
        {list.length === 0 ? (
          <Space wrap>
            <span className="muted">{t('brands.system.none')}</span>
            <Button onClick={() => setEditing('new')}>{t('brands.system.createTitle')}</Button>
          </Space>
        ) : (
          list.map((s) => (
            <div key={s.id} className="brand-system-row">
              <div>
                <h2 className="section-title">
                  {t('brands.system.label')}：{s.name}
                </h2>
                {s.description ? <p className="brand-text">{s.description}</p> : null}
                <p className="muted">{t('brands.system.count', { count: s.brandCount })}</p>
              </div>
              {can('brands:approve') ? (
                <Button onClick={() => setEditing(s)} aria-label={`${t('common.edit')} ${s.name}`}>
                  {t('common.edit')}
                </Button>
              ) : null}
            </div>
          ))
        )}
      </Card>
      <SystemForm
        key={editing === undefined ? 'closed' : editing === 'new' ? 'new' : editing.id}
        system={editing === 'new' ? undefined : editing}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </>
  );
}

/** 党建品牌: the brands of the branches in scope, their cycle and next review; the export. */
export function BrandsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const columns = useBrandColumns();
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <PageHeader
        title={t('brands.title')}
        description={t('brands.description')}
        extra={
          <Space wrap>
            <Button onClick={() => navigate('/brands/awards')}>{t('brands.awards.title')}</Button>
            {can('brands:apply') ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  setOpened((n) => n + 1);
                  setCreating(true);
                }}
              >
                {t('brands.apply')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <SystemCard />
      <ListPage<BrandSummary, BrandFilters>
        label={t('brands.listLabel')}
        queryKey={brandListQueryKey}
        fetchPage={fetchBrands}
        columns={columns}
        rowKey="id"
        keywordPlaceholder={t('brands.keywordPlaceholder')}
        defaultFilters={DEFAULT_BRAND_FILTERS}
        stateKey="brands"
        filters={<BrandFilterFields />}
        onExport={exportBrands}
        rowClassName={() => 'row-clickable'}
        onRow={(b) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/brands/${b.id}`);
          },
        })}
      />
      <BrandForm
        key={`new-${opened}`}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(b) => navigate(`/brands/${b.id}`)}
      />
    </>
  );
}
