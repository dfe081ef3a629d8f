import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Branch } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useChildBranches } from './api';
import { AdviceTag, ElectionDueDate, KindTag } from './branch-tags';

/** 下属支部: the branches under a general branch (党总支), with their members and setup advice. */
export function ChildBranchesTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const children = useChildBranches(branch.id, true);
  return (
    <section aria-label={t('branches.tab.branches')}>
      {children.error ? <ErrorAlert error={children.error} onRetry={() => void children.refetch()} /> : null}
      <Table<Branch>
        className="list-table"
        size="middle"
        rowKey="id"
        loading={children.isLoading}
        dataSource={children.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('branches.field.name'),
            render: (_, child) => <Link to={`/branches/${child.id}`}>{child.name}</Link>,
          },
          {
            key: 'kind',
            title: t('branches.field.kind'),
            render: (_, child) => <KindTag kind={child.kind} />,
          },
          { key: 'org', title: t('branches.field.org'), dataIndex: 'orgName' },
          {
            key: 'members',
            title: t('branches.field.members'),
            align: 'right',
            render: (_, child) => child.counts.primary + child.counts.participating,
          },
          {
            key: 'setup',
            title: t('branches.field.setup'),
            render: (_, child) => <AdviceTag advice={child.setup.advice} />,
          },
          {
            key: 'secretary',
            title: t('branches.field.secretary'),
            render: (_, child) => child.secretary?.name ?? '—',
          },
          {
            key: 'due',
            title: t('branches.field.nextElectionDueOn'),
            render: (_, child) => <ElectionDueDate date={child.nextElectionDueOn} />,
          },
        ]}
      />
    </section>
  );
}
