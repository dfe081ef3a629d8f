import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Select, Space } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import type { Branch, BranchSort } from '../../api/types';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { MoreFilters } from '../../components/more-filters';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { type BranchFilters, branchListQueryKey, exportBranches, fetchBranches, useBranchTree } from './api';
import { BranchActions } from './branch-actions';
import { useBranchColumns } from './branch-columns';
import { BranchForm } from './branch-form';
import { BRANCH_KINDS } from './branch-rules';
import { BranchTree } from './branch-tree';

const SORTS: BranchSort[] = [
  'name',
  '-members',
  'members',
  'nextElectionDueOn',
  '-nextElectionDueOn',
  '-foundedOn',
  'foundedOn',
];
const DEFAULT_FILTERS = { status: 'active', sort: 'name' };

function toFilters(values: Record<string, unknown>): Partial<BranchFilters> {
  const { needsAttention, ...rest } = values;
  // Unticked means "all", not "only those that are fine".
  return { ...(rest as Partial<BranchFilters>), needsAttention: needsAttention ? true : undefined };
}

function GeneralBranchSelect({
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
  return (
    <Select<number>
      id={id}
      className="filter-select"
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear
      placeholder={t('common.all')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(tree.data ?? [])
        .filter((node) => node.kind === 'general')
        .map((node) => ({ value: node.id, label: node.name }))}
    />
  );
}

/** Filters behind the "more filters" button; the button counts those in use. */
const MORE_FILTERS = ['orgId', 'parentId', 'sort'] as const;

function BranchFilterFields() {
  const { t } = useTranslation();

  return (
    <>
      <Form.Item name="kind" label={t('branches.field.kind')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={BRANCH_KINDS.map((kind) => ({ value: kind, label: t(`branches.kind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t('branches.field.status')}>
        <Select
          className="filter-select"
          options={(['active', 'dissolved', 'all'] as const).map((status) => ({
            value: status,
            label: t(`branches.statusValue.${status}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="needsAttention" valuePropName="checked">
        <Checkbox>{t('branches.needsAttentionOnly')}</Checkbox>
      </Form.Item>
      <MoreFilters names={MORE_FILTERS} defaults={DEFAULT_FILTERS}>
        <Form.Item name="orgId" label={t('branches.orgFilter')}>
          <OrgTreeSelect className="filter-org" />
        </Form.Item>
        <Form.Item name="parentId" label={t('branches.field.parent')}>
          <GeneralBranchSelect />
        </Form.Item>
        <Form.Item name="sort" label={t('branches.sortLabel')}>
          <Select
            className="filter-select"
            options={SORTS.map((sort) => ({ value: sort, label: t(`branches.sort.${sort}`) }))}
          />
        </Form.Item>
      </MoreFilters>
    </>
  );
}

/** 党支部: the branch tree beside the list of branches, with setting up, changing, dissolving and deleting. */
export function BranchesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const baseColumns = useBranchColumns();
  const [editing, setEditing] = useState<Branch | null>();
  const [opened, setOpened] = useState(0);
  const open = (branch: Branch | null) => {
    setOpened((count) => count + 1);
    setEditing(branch);
  };

  const columns: ListColumn<Branch>[] = can('branches:write')
    ? [
        ...baseColumns,
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, branch) => (
            <Space size={0} wrap className="row-actions">
              <BranchActions branch={branch} variant="row" onEdit={() => open(branch)} />
            </Space>
          ),
        },
      ]
    : baseColumns;

  return (
    <>
      <PageHeader
        title={t('branches.title')}
        description={t('branches.description')}
        extra={
          can('branches:write') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open(null)}>
              {t('branches.create')}
            </Button>
          ) : null
        }
      />
      <div className="branches-layout">
        <BranchTree />
        <ListPage<Branch, BranchFilters>
          label={t('branches.listLabel')}
          queryKey={branchListQueryKey}
          fetchPage={fetchBranches}
          columns={columns}
          rowKey="id"
          keywordPlaceholder={t('branches.keywordPlaceholder')}
          defaultFilters={DEFAULT_FILTERS}
          stateKey="branches"
          toFilters={toFilters}
          filters={<BranchFilterFields />}
          onExport={exportBranches}
          rowClassName={(branch) => (branch.dissolvedOn ? 'row-clickable row-muted' : 'row-clickable')}
          onRow={(branch) => ({
            onClick: (event: MouseEvent) => {
              if (!isInteractiveTarget(event.target)) navigate(`/branches/${branch.id}`);
            },
          })}
        />
      </div>
      <BranchForm
        key={`branch-form-${opened}`}
        open={editing !== undefined}
        branch={editing ?? undefined}
        onClose={() => setEditing(undefined)}
        onCreated={(branch) => navigate(`/branches/${branch.id}`)}
      />
    </>
  );
}
