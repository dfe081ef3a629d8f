import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MobileMember } from '../../api/types';
import { type ListColumn, ListPage } from '../../components/list-page';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { isPhoneScreen } from '../../components/use-is-mobile';
import {
  exportMobileMembers,
  fetchMobileMembers,
  type MobileMemberFilters,
  mobileMembersQueryKey,
} from './api';

const dash = (value: string | null) => value ?? '—';

/** 流动党员: every mobile member in the caller's scope — where they live meanwhile, since and until when. */
export function MobileMembersPage() {
  const { t } = useTranslation();
  const phone = isPhoneScreen();
  const columns: ListColumn<MobileMember>[] = [
    {
      key: 'cadreName',
      title: t('branches.mobile.cadre'),
      render: (_, row) => <Link to={`/cadres/${row.cadreId}`}>{row.cadreName}</Link>,
    },
    { key: 'livingPlace', title: t('branches.mobile.livingPlace'), dataIndex: 'livingPlace' },
    {
      key: 'branchName',
      title: t('branches.mobile.branch'),
      render: (_, row) => <Link to={`/branches/${row.branchId}?tab=mobile`}>{row.branchName}</Link>,
    },
    { key: 'orgName', title: t('branches.field.org'), dataIndex: 'orgName', defaultHidden: phone },
    { key: 'fromOn', title: t('branches.mobile.fromOn'), dataIndex: 'fromOn' },
    { key: 'untilOn', title: t('branches.mobile.untilOn'), dataIndex: 'untilOn', render: dash },
    {
      key: 'contactPerson',
      title: t('branches.mobile.contactPerson'),
      dataIndex: 'contactPerson',
      defaultHidden: phone,
      render: dash,
    },
    {
      key: 'contactPhone',
      title: t('branches.mobile.contactPhone'),
      dataIndex: 'contactPhone',
      defaultHidden: phone,
      render: (value: string | null) => <span className="personal-number">{dash(value)}</span>,
    },
    {
      key: 'current',
      title: t('branches.field.status'),
      render: (_, row) =>
        row.current ? (
          <StatusTag tone="info">{t('branches.mobile.state.current')}</StatusTag>
        ) : (
          <StatusTag>{t('branches.mobile.state.ended')}</StatusTag>
        ),
    },
    {
      key: 'remarks',
      title: t('branches.field.remarks'),
      dataIndex: 'remarks',
      defaultHidden: true,
      render: dash,
    },
  ];

  return (
    <>
      <PageHeader title={t('branches.mobile.title')} description={t('branches.mobile.description')} />
      <ListPage<MobileMember, MobileMemberFilters>
        label={t('branches.mobile.listLabel')}
        queryKey={mobileMembersQueryKey}
        fetchPage={fetchMobileMembers}
        columns={columns}
        rowKey="id"
        keyword={false}
        defaultFilters={{ status: 'current' }}
        stateKey="mobile-members"
        onExport={exportMobileMembers}
        filters={
          <>
            <Form.Item name="status" label={t('branches.field.status')}>
              <Select
                className="filter-select"
                options={(['current', 'ended', 'all'] as const).map((status) => ({
                  value: status,
                  label: t(`branches.mobile.status.${status}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="orgId" label={t('branches.orgFilter')}>
              <OrgTreeSelect className="filter-org" />
            </Form.Item>
          </>
        }
      />
    </>
  );
}
