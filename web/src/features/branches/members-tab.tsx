import { UserAddOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/session';
import type { Branch, Membership } from '../../api/types';
import { DictionaryLabel } from '../../components/dictionary';
import { type ListColumn, ListPage, type ListQuery } from '../../components/list-page';
import { StatusTag } from '../../components/status-tag';
import { isPhoneScreen } from '../../components/use-is-mobile';
import { exportMembers, type MemberStatus, useMembers } from './api';
import { AddMemberDrawer, LeaveDrawer, TransferDrawer } from './member-forms';

interface MemberFilters {
  status: MemberStatus;
}

type Dialog = { kind: 'add' } | { kind: 'leave' | 'transfer'; membership: Membership };

function matches(member: Membership, query: ListQuery<MemberFilters>): boolean {
  const status = query.status ?? 'active';
  if (status === 'active' && !member.active) return false;
  if (status === 'left' && member.active) return false;
  const keyword = query.keyword?.trim().toLowerCase();
  if (!keyword) return true;
  return [member.cadreName, member.cadreOrgName, member.leaveReason ?? '', member.remarks ?? ''].some(
    (text) => text.toLowerCase().includes(keyword),
  );
}

/** What became of a membership: current, left, or transferred to another branch. */
function MembershipState({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  if (membership.active) return <StatusTag tone="success">{t('branches.members.state.active')}</StatusTag>;
  if (membership.transferredToId !== null)
    return <StatusTag tone="info">{t('branches.members.state.transferred')}</StatusTag>;
  return <StatusTag>{t('branches.members.state.left')}</StatusTag>;
}

/** 党员: the branch's members, current and past; adding, leaving and transfers; the export. */
export function MembersTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const can = useCan();
  const members = useMembers(branch.id, 'all');
  const [dialog, setDialog] = useState<Dialog>();
  const [opened, setOpened] = useState(0);
  const open = (next: Dialog) => {
    setOpened((count) => count + 1);
    setDialog(next);
  };
  const close = () => setDialog(undefined);
  const writable = can('branches:write') && !branch.dissolvedOn;
  const phone = isPhoneScreen();

  const memberIds = useMemo(
    () => new Set((members.data ?? []).filter((m) => m.active).map((m) => m.cadreId)),
    [members.data],
  );

  const columns: ListColumn<Membership>[] = [
    {
      key: 'cadreName',
      title: t('branches.members.cadre'),
      render: (_, m) => (
        <span className="branch-name-cell">
          <Link to={`/cadres/${m.cadreId}`}>{m.cadreName}</Link>
          {m.cadreStatus === 'deceased' ? <StatusTag>{t('branches.members.deceased')}</StatusTag> : null}
        </span>
      ),
    },
    {
      key: 'cadreOrgName',
      title: t('branches.members.cadreOrg'),
      dataIndex: 'cadreOrgName',
      defaultHidden: phone,
    },
    {
      key: 'role',
      title: t('branches.members.role'),
      render: (_, m) => t(`branches.members.roleValue.${m.role}`),
    },
    {
      key: 'politicalStatus',
      title: t('branches.members.politicalStatus'),
      defaultHidden: true,
      render: (_, m) => <DictionaryLabel dictionary="political_status" code={m.politicalStatus} />,
    },
    { key: 'joinedOn', title: t('branches.members.joinedOn'), dataIndex: 'joinedOn' },
    { key: 'state', title: t('branches.field.status'), render: (_, m) => <MembershipState membership={m} /> },
    {
      key: 'leftOn',
      title: t('branches.members.leftOn'),
      dataIndex: 'leftOn',
      render: (value: string | null) => value ?? '—',
    },
    {
      key: 'leaveReason',
      title: t('branches.members.reason'),
      dataIndex: 'leaveReason',
      defaultHidden: phone,
      render: (value: string | null) => value ?? '—',
    },
    {
      key: 'remarks',
      title: t('branches.field.remarks'),
      dataIndex: 'remarks',
      defaultHidden: true,
      render: (value: string | null) => value ?? '—',
    },
  ];
  if (writable) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, m) =>
        m.active ? (
          <Space size={0} wrap className="row-actions">
            {m.role === 'primary' ? (
              <Button type="link" size="small" onClick={() => open({ kind: 'transfer', membership: m })}>
                {t('branches.members.transfer')}
              </Button>
            ) : null}
            <Button type="link" size="small" onClick={() => open({ kind: 'leave', membership: m })}>
              {t('branches.members.leave')}
            </Button>
          </Space>
        ) : null,
    });
  }

  return (
    <>
      <ListPage<Membership, MemberFilters>
        label={t('branches.members.listLabel', { branch: branch.name })}
        query={members}
        matches={matches}
        columns={columns}
        rowKey="id"
        keywordPlaceholder={t('branches.members.keywordPlaceholder')}
        defaultFilters={{ status: 'active' }}
        stateKey={`branch-members-${branch.id}`}
        rowClassName={(m) => (m.active ? '' : 'row-muted')}
        filters={
          <Form.Item name="status" label={t('branches.field.status')}>
            <Select
              className="filter-select"
              options={(['active', 'left', 'all'] as const).map((status) => ({
                value: status,
                label: t(`branches.members.status.${status}`),
              }))}
            />
          </Form.Item>
        }
        toolbar={
          writable ? (
            <Button
              type="primary"
              icon={<UserAddOutlined aria-hidden />}
              onClick={() => open({ kind: 'add' })}
            >
              {t('branches.members.add')}
            </Button>
          ) : null
        }
        onExport={(query) => exportMembers(branch.id, query.status ?? 'active')}
      />
      <AddMemberDrawer
        key={`add-${opened}`}
        branch={branch}
        memberIds={memberIds}
        open={dialog?.kind === 'add'}
        onClose={close}
      />
      <LeaveDrawer
        key={`leave-${opened}`}
        membership={dialog?.kind === 'leave' ? dialog.membership : undefined}
        onClose={close}
      />
      <TransferDrawer
        key={`transfer-${opened}`}
        membership={dialog?.kind === 'transfer' ? dialog.membership : undefined}
        onClose={close}
      />
    </>
  );
}
