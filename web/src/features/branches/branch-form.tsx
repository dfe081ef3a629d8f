import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Branch, BranchKind } from '../../api/types';
import { fromDay, notInFuture, toDay } from '../../components/date-value';
import { DictionarySelect } from '../../components/dictionary';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useBranchTree, useCreateBranch, useUpdateBranch } from './api';
import { BRANCH_KINDS, MAX_LENGTH, needsBasis } from './branch-rules';

interface BranchFormValues {
  name: string;
  kind: BranchKind;
  basis?: string;
  parentId?: number;
  orgId: number;
  foundedOn?: Dayjs;
  remarks?: string;
}

const FIELDS = ['name', 'kind', 'basis', 'parentId', 'orgId', 'foundedOn', 'remarks'] as const;

interface BranchFormProps {
  /** The branch being changed; undefined to set one up. */
  branch?: Branch;
  open: boolean;
  onClose: () => void;
  /** Called with the branch just set up. */
  onCreated?: (branch: Branch) => void;
}

/** The general branches (党总支) a branch can sit under: working ones, named with their org. */
function ParentSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const tree = useBranchTree();
  const options = (tree.data ?? [])
    .filter((node) => node.kind === 'general')
    .map((node) => ({ value: node.id, label: `${node.name}（${node.orgName}）` }));
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear
      loading={tree.isLoading}
      placeholder={t('branches.parentNone')}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={t('branches.noGeneralBranches')}
    />
  );
}

/** Sets up a branch or a general branch (党总支), or changes one. */
export function BranchForm({ branch, open, onClose, onCreated }: BranchFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BranchFormValues>();
  const create = useCreateBranch();
  const update = useUpdateBranch();
  const mutation = branch ? update : create;
  const kind = Form.useWatch('kind', form);
  // The kind decides what its members' memberships are, so it is fixed once it has members.
  const kindLocked =
    branch !== undefined &&
    (branch.counts.primary + branch.counts.participating > 0 ||
      (branch.kind === 'general' && branch.counts.children > 0));

  const onFinish = (values: BranchFormValues) => {
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      orgId: values.orgId,
      basis: needsBasis(values.kind) ? (values.basis ?? null) : null,
      parentId: values.kind === 'general' ? null : (values.parentId ?? null),
      foundedOn: fromDay(values.foundedOn),
      remarks: values.remarks?.trim() || null,
    };
    const onError = (error: unknown) => applyFieldErrors(form, error, FIELDS);
    if (branch) {
      update.mutate(
        { id: branch.id, body },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          message.success(t('branches.created', { name: created.name }));
          onClose();
          onCreated?.(created);
        },
        onError,
      });
    }
  };

  return (
    <FormDrawer
      open={open}
      title={branch ? t('branches.editTitle', { name: branch.name }) : t('branches.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
    >
      {mutation.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(mutation.error)} />
      ) : null}
      <Form<BranchFormValues>
        name="branch"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          branch
            ? {
                name: branch.name,
                kind: branch.kind,
                basis: branch.basis ?? undefined,
                parentId: branch.parentId ?? undefined,
                orgId: branch.orgId,
                foundedOn: toDay(branch.foundedOn),
                remarks: branch.remarks ?? undefined,
              }
            : { kind: 'standing' }
        }
      >
        <Form.Item
          name="name"
          label={t('branches.field.name')}
          rules={[{ required: true, whitespace: true, message: t('branches.rule.nameRequired') }]}
        >
          <Input maxLength={MAX_LENGTH.name} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('branches.field.kind')}
          rules={[{ required: true, message: t('branches.rule.kindRequired') }]}
          extra={kindLocked ? t('branches.kindLocked') : kind ? t(`branches.kindHint.${kind}`) : undefined}
        >
          <Select
            disabled={kindLocked}
            options={BRANCH_KINDS.map((value) => ({ value, label: t(`branches.kind.${value}`) }))}
          />
        </Form.Item>
        {needsBasis(kind) ? (
          <Form.Item
            name="basis"
            label={t('branches.field.basis')}
            rules={[{ required: true, message: t('branches.rule.basisRequired') }]}
          >
            <DictionarySelect dictionary="branch_basis" placeholder={t('branches.basisPlaceholder')} />
          </Form.Item>
        ) : null}
        {kind === 'general' ? null : (
          <Form.Item name="parentId" label={t('branches.field.parent')} extra={t('branches.parentHint')}>
            <ParentSelect />
          </Form.Item>
        )}
        <Form.Item
          name="orgId"
          label={t('branches.field.org')}
          rules={[{ required: true, message: t('branches.rule.orgRequired') }]}
        >
          <OrgTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item
          name="foundedOn"
          label={t('branches.field.foundedOn')}
          rules={[notInFuture(t('branches.rule.notFuture'))]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="remarks" label={t('branches.field.remarks')}>
          <Input.TextArea rows={3} maxLength={MAX_LENGTH.remarks} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
