import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ElectionDue } from '../../api/types';
import { type ListColumn, ListPage } from '../../components/list-page';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { StatusTag, type StatusTone } from '../../components/status-tag';
import { type ElectionsDueFilters, electionsDueQueryKey, exportElectionsDue, fetchElectionsDue } from './api';
import { BRANCH_KINDS } from './branch-rules';
import { KindTag } from './branch-tags';

const WITHIN_DAYS = [30, 90, 180, 365] as const;

const STATUS_TONES: Record<ElectionDue['status'], StatusTone> = {
  overdue: 'error',
  due: 'warning',
  none: 'default',
};

function DueStatus({ row }: { row: ElectionDue }) {
  const { t } = useTranslation();
  const text =
    row.status === 'none'
      ? t('branches.due.status.none')
      : row.status === 'overdue'
        ? t('branches.due.overdueDays', { count: -(row.daysLeft ?? 0) })
        : row.daysLeft === 0
          ? t('branches.due.today')
          : t('branches.due.inDays', { count: row.daysLeft ?? 0 });
  return <StatusTag tone={STATUS_TONES[row.status]}>{text}</StatusTag>;
}

/** 换届提醒: branches whose committee election is due within a window, overdue, or never recorded. */
export function ElectionsDuePage() {
  const { t } = useTranslation();
  const columns: ListColumn<ElectionDue>[] = [
    {
      key: 'branchName',
      title: t('branches.field.name'),
      render: (_, row) => <Link to={`/branches/${row.branchId}?tab=elections`}>{row.branchName}</Link>,
    },
    { key: 'status', title: t('branches.due.state'), render: (_, row) => <DueStatus row={row} /> },
    {
      key: 'nextDueOn',
      title: t('branches.elections.nextDueOn'),
      dataIndex: 'nextDueOn',
      render: (value: string | null) => value ?? '—',
    },
    {
      key: 'lastElectionOn',
      title: t('branches.field.lastElectionOn'),
      dataIndex: 'lastElectionOn',
      render: (value: string | null) => value ?? '—',
    },
    {
      key: 'termYears',
      title: t('branches.elections.termYears'),
      render: (_, row) => (row.termYears ? t('branches.elections.termValue', { count: row.termYears }) : '—'),
    },
    { key: 'kind', title: t('branches.field.kind'), render: (_, row) => <KindTag kind={row.kind} /> },
    { key: 'orgName', title: t('branches.field.org'), dataIndex: 'orgName' },
  ];

  return (
    <>
      <PageHeader title={t('branches.due.title')} description={t('branches.due.description')} />
      <ListPage<ElectionDue, ElectionsDueFilters>
        label={t('branches.due.listLabel')}
        queryKey={electionsDueQueryKey}
        fetchPage={fetchElectionsDue}
        columns={columns}
        rowKey="branchId"
        keyword={false}
        defaultFilters={{ withinDays: 90 }}
        stateKey="elections-due"
        onExport={exportElectionsDue}
        filters={
          <>
            <Form.Item name="withinDays" label={t('branches.due.withinDays')}>
              <Select
                className="filter-select"
                options={WITHIN_DAYS.map((days) => ({
                  value: days,
                  label: t('branches.due.withinValue', { count: days }),
                }))}
              />
            </Form.Item>
            <Form.Item name="orgId" label={t('branches.orgFilter')}>
              <OrgTreeSelect className="filter-org" />
            </Form.Item>
            <Form.Item name="kind" label={t('branches.field.kind')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={BRANCH_KINDS.map((kind) => ({ value: kind, label: t(`branches.kind.${kind}`) }))}
              />
            </Form.Item>
          </>
        }
      />
    </>
  );
}
