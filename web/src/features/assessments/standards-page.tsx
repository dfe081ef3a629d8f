import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import { isInteractiveTarget, type ListColumn, ListPage, type ListQuery } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { exportStandards, type StandardFilters, useStandards } from './api';
import { StandardForm } from './standard-form';
import type { Standard, VersionStatus } from './types';
import { VersionStatusTag } from './version-tags';

const STATUSES: readonly VersionStatus[] = ['draft', 'published', 'frozen'];

type Filters = Pick<StandardFilters, 'status'>;

/** The list's filters as the server's export takes them. */
const toExport = (query: ListQuery<Filters>): StandardFilters => ({
  keyword: query.keyword || undefined,
  status: query.status,
});

/** Keyword in the code or name; a state: standards having a version in it. */
export function matchesStandard(standard: Standard, query: ListQuery<Filters>) {
  const keyword = query.keyword?.trim().toLowerCase();
  return (
    (!keyword ||
      standard.code.toLowerCase().includes(keyword) ||
      standard.name.toLowerCase().includes(keyword)) &&
    (!query.status || standard.versions.some((v) => v.status === query.status))
  );
}

/** The version in force: the newest published or frozen one. */
export const inForce = (standard: Standard) =>
  standard.versions.filter((v) => v.status !== 'draft').sort((a, b) => b.version - a.version)[0];

/** 考核标准: the branch standards (六有一提升…) with their versions; authors create standards here. */
export function StandardsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const standards = useStandards();
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState(0);

  const columns: ListColumn<Standard>[] = [
    {
      key: 'name',
      title: t('assessments.field.name'),
      render: (_, s) => (
        <>
          <Link to={`/assessments/standards/${s.id}`}>{s.name}</Link>{' '}
          {s.isDemo ? <StatusTag tone="warning">{t('assessments.demo')}</StatusTag> : null}
        </>
      ),
    },
    { key: 'code', title: t('assessments.field.code'), render: (_, s) => <code>{s.code}</code> },
    {
      key: 'inForce',
      title: t('assessments.field.inForce'),
      render: (_, s) => {
        const v = inForce(s);
        return v ? (
          <Link to={`/assessments/versions/${v.id}`}>
            {t('assessments.versionNo', { version: v.version })} <VersionStatusTag status={v.status} />
          </Link>
        ) : (
          <span className="muted">{t('assessments.noneInForce')}</span>
        );
      },
    },
    {
      key: 'measures',
      title: t('assessments.field.measureCount'),
      render: (_, s) => inForce(s)?.measureCount ?? '—',
    },
    {
      key: 'draft',
      title: t('assessments.field.draft'),
      render: (_, s) => {
        const draft = s.versions.find((v) => v.status === 'draft');
        return draft ? (
          <Link to={`/assessments/versions/${draft.id}`}>
            {t('assessments.versionNo', { version: draft.version })}
          </Link>
        ) : (
          '—'
        );
      },
    },
    {
      key: 'versions',
      title: t('assessments.field.versionCount'),
      render: (_, s) => s.versions.length,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('assessments.title')}
        description={t('assessments.description')}
        extra={
          can('assessments:author') ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                setOpened((n) => n + 1);
                setCreating(true);
              }}
            >
              {t('assessments.createStandard')}
            </Button>
          ) : null
        }
      />
      <ListPage<Standard, Filters>
        label={t('assessments.listLabel')}
        query={standards}
        columns={columns}
        rowKey="id"
        keywordPlaceholder={t('assessments.keywordPlaceholder')}
        matches={matchesStandard}
        filters={
          <Form.Item name="status" label={t('assessments.field.status')}>
            <Select
              className="filter-select"
              allowClear
              placeholder={t('common.all')}
              options={STATUSES.map((status) => ({
                value: status,
                label: t(`assessments.status.${status}`),
              }))}
            />
          </Form.Item>
        }
        onExport={(query) => exportStandards(toExport(query))}
        rowClassName={() => 'row-clickable'}
        onRow={(s) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/assessments/standards/${s.id}`);
          },
        })}
      />
      <StandardForm
        key={`standard-${opened}`}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(s) => navigate(`/assessments/standards/${s.id}`)}
      />
    </>
  );
}
