import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select } from 'antd';
import { type MouseEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { exportRounds, fetchRounds, type RoundFilters, roundListQueryKey } from './api';
import { OpenRoundForm } from './open-round-form';
import { RoundStatusTag } from './round-tags';
import type { Round } from './types';

function useRoundColumns(): ListColumn<Round>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        key: 'name',
        title: t('rounds.field.name'),
        render: (_, r) => <Link to={`/rounds/${r.id}`}>{r.name}</Link>,
      },
      { key: 'year', title: t('rounds.field.year'), dataIndex: 'year' },
      {
        key: 'standard',
        title: t('rounds.field.version'),
        render: (_, r) => t('rounds.versionName', { standard: r.standardName, version: r.versionNumber }),
      },
      { key: 'dueOn', title: t('rounds.field.dueOn'), dataIndex: 'dueOn' },
      {
        key: 'status',
        title: t('rounds.field.status'),
        render: (_, r) => <RoundStatusTag status={r.status} />,
      },
      { key: 'branchCount', title: t('rounds.field.branchCount'), dataIndex: 'branchCount' },
      { key: 'passMark', title: t('rounds.field.passMark'), dataIndex: 'passMark', defaultHidden: true },
    ],
    [t],
  );
}

/** 考核轮次: the rounds of the branch standard, newest first; city staff open new ones here. */
export function RoundsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const columns = useRoundColumns();
  const [opening, setOpening] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <PageHeader
        title={t('rounds.title')}
        description={t('rounds.description')}
        extra={
          can('assessments:open') ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                setOpened((count) => count + 1);
                setOpening(true);
              }}
            >
              {t('rounds.open')}
            </Button>
          ) : null
        }
      />
      <ListPage<Round, RoundFilters>
        label={t('rounds.listLabel')}
        queryKey={roundListQueryKey}
        fetchPage={fetchRounds}
        columns={columns}
        rowKey="id"
        keyword={false}
        stateKey="rounds"
        filters={
          <>
            <Form.Item name="year" label={t('rounds.field.year')}>
              <InputNumber className="filter-select" min={2000} max={2100} precision={0} />
            </Form.Item>
            <Form.Item name="status" label={t('rounds.field.status')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={(['open', 'closed'] as const).map((s) => ({
                  value: s,
                  label: t(`rounds.status.${s}`),
                }))}
              />
            </Form.Item>
          </>
        }
        onExport={exportRounds}
        rowClassName={() => 'row-clickable'}
        onRow={(r) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/rounds/${r.id}`);
          },
        })}
      />
      <OpenRoundForm
        key={`open-${opened}`}
        open={opening}
        onClose={() => setOpening(false)}
        onOpened={(round) => navigate(`/rounds/${round.id}`)}
      />
    </>
  );
}
