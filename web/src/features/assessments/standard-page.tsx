import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Popconfirm, Result, Select, Space, Spin } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { useLanguage } from '../../i18n/i18n';
import { exportStandards, useCreateVersion, useStandards, useStandardVersions } from './api';
import type { Standard, VersionStatus, VersionSummary } from './types';
import { VersionStatusTag } from './version-tags';
import './assessments.css';

const STATUSES: readonly VersionStatus[] = ['draft', 'published', 'frozen'];

function useStandardId(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function BackToList() {
  const { t } = useTranslation();
  return <BackLink to="/assessments/standards" label={t('assessments.backToList')} />;
}

/** /assessments/standards/:id — one standard and its versions: open, start a draft, copy a version. */
export function StandardPage() {
  const { t } = useTranslation();
  const id = useStandardId();
  const standards = useStandards();
  useDocumentTitle(t('assessments.standard'));
  if (standards.error) return <ErrorAlert error={standards.error} onRetry={() => void standards.refetch()} />;
  if (!standards.data) {
    return (
      <div className="page-loading">
        <Spin aria-label={t('common.loading')} />
      </div>
    );
  }
  const standard = standards.data.find((s) => s.id === id);
  if (!standard) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('assessments.standardNotFound')}</h1>}
        extra={<BackToList />}
      />
    );
  }
  return <StandardRecord standard={standard} />;
}

/** Starts the next version: a copy of the one chosen (the usual way), or empty. */
function useStartDraft(standard: Standard) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateVersion();
  const start = (copyFrom?: number) =>
    create.mutateAsync({ standardId: standard.id, body: copyFrom ? { copyFrom } : {} }).then(
      (version) => {
        message.success(t('assessments.draftStarted', { version: version.version }));
        navigate(`/assessments/versions/${version.id}`);
      },
      (error: unknown) => message.error(errorMessage(error)),
    );
  return { start, pending: create.isPending };
}

function StandardRecord({ standard }: { standard: Standard }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const can = useCan();
  const author = can('assessments:author');
  const { start, pending } = useStartDraft(standard);
  const versions = useStandardVersions(standard.id);
  const draft = standard.versions.find((v) => v.status === 'draft');
  const byId = new Map(standard.versions.map((v) => [v.id, v]));
  const latest = [...standard.versions].sort((a, b) => b.version - a.version)[0];

  const columns: ListColumn<VersionSummary>[] = [
    {
      key: 'version',
      title: t('assessments.field.version'),
      render: (_, v) => (
        <Link to={`/assessments/versions/${v.id}`}>{t('assessments.versionNo', { version: v.version })}</Link>
      ),
    },
    {
      key: 'status',
      title: t('assessments.field.status'),
      render: (_, v) => <VersionStatusTag status={v.status} />,
    },
    {
      key: 'content',
      title: t('assessments.field.content'),
      render: (_, v) =>
        t('assessments.contentCount', { dimensions: v.dimensionCount, measures: v.measureCount }),
    },
    {
      key: 'publishedAt',
      title: t('assessments.field.publishedAt'),
      render: (_, v) => formatDateTime(v.publishedAt, language),
    },
    {
      key: 'frozenAt',
      title: t('assessments.field.frozenAt'),
      render: (_, v) => formatDateTime(v.frozenAt, language),
    },
    {
      key: 'copiedFrom',
      title: t('assessments.field.copiedFrom'),
      defaultHidden: true,
      render: (_, v) => {
        const source = v.copiedFromId ? byId.get(v.copiedFromId) : undefined;
        return source ? t('assessments.versionNo', { version: source.version }) : '—';
      },
    },
    { key: 'notes', title: t('assessments.field.notes'), render: (_, v) => v.notes ?? '—' },
    ...(author
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, v: VersionSummary) =>
              v.status === 'draft' ? null : (
                <Popconfirm
                  title={t('assessments.copyConfirm', { version: v.version })}
                  okText={t('assessments.copy')}
                  cancelText={t('common.cancel')}
                  disabled={draft !== undefined}
                  onConfirm={() => start(v.id)}
                >
                  <Button
                    type="link"
                    size="small"
                    icon={<CopyOutlined aria-hidden />}
                    disabled={draft !== undefined}
                    title={draft ? t('assessments.draftExists') : undefined}
                    aria-label={t('assessments.copyVersion', { version: v.version })}
                  >
                    {t('assessments.copy')}
                  </Button>
                </Popconfirm>
              ),
          } satisfies ListColumn<VersionSummary>,
        ]
      : []),
  ];

  return (
    <>
      <BackToList />
      <PageHeader
        title={standard.name}
        description={
          <>
            <code>{standard.code}</code>{' '}
            {standard.isDemo ? <StatusTag tone="warning">{t('assessments.demo')}</StatusTag> : null}
            {standard.description ? (
              <span className="assessment-description">{standard.description}</span>
            ) : null}
          </>
        }
        extra={
          author ? (
            <Space wrap>
              {draft ? (
                <Button type="primary" onClick={() => navigate(`/assessments/versions/${draft.id}`)}>
                  {t('assessments.openDraft', { version: draft.version })}
                </Button>
              ) : latest ? (
                <Popconfirm
                  title={t('assessments.copyConfirm', { version: latest.version })}
                  okText={t('assessments.copy')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => start(latest.id)}
                >
                  <Button type="primary" icon={<CopyOutlined aria-hidden />} loading={pending}>
                    {t('assessments.copyLatest', { version: latest.version })}
                  </Button>
                </Popconfirm>
              ) : null}
              {draft ? null : (
                <Button icon={<PlusOutlined aria-hidden />} loading={pending} onClick={() => start()}>
                  {t('assessments.startEmpty')}
                </Button>
              )}
            </Space>
          ) : null
        }
      />
      {draft && author ? <p className="muted">{t('assessments.draftExists')}</p> : null}
      <ListPage<VersionSummary, { status?: VersionStatus }>
        label={t('assessments.versionsLabel', { name: standard.name })}
        query={versions}
        columns={columns}
        rowKey="id"
        keyword={false}
        matches={(v, query) => !query.status || v.status === query.status}
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
        onExport={(query) => exportStandards({ standardId: standard.id, status: query.status })}
        rowClassName={() => 'row-clickable'}
        onRow={(v) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/assessments/versions/${v.id}`);
          },
        })}
      />
    </>
  );
}
