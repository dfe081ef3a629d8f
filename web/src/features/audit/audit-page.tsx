import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { AuditEntry } from '../../api/types';
import { formatDateTime } from '../../components/date-time';
import { type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { useLanguage } from '../../i18n/i18n';
import { type AuditFilters, auditQueryKey, fetchAudit, useVerifyAudit } from './api';
import { AuditDiff } from './audit-diff';

/** A day picked in the range picker (a dayjs value); the API takes `from`/`to` as YYYY-MM-DD dates. */
interface PickedDay {
  format(template: 'YYYY-MM-DD'): string;
}

function toFilters(values: Record<string, unknown>): Partial<AuditFilters> {
  const { range, action, entity } = values as {
    range?: [PickedDay | null, PickedDay | null] | null;
    action?: string;
    entity?: string;
  };
  return {
    action: action?.trim() || undefined,
    entity: entity?.trim() || undefined,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
}

/** The append-only, hash-chained audit log: who did what, when, from where, with before/after. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const verify = useVerifyAudit();

  const columns: ListColumn<AuditEntry>[] = [
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      render: (at: string) => formatDateTime(at, language),
    },
    { key: 'actor', title: t('audit.actor'), render: (_, entry) => entry.actorName ?? t('audit.system') },
    {
      key: 'sourceIp',
      title: t('audit.sourceIp'),
      dataIndex: 'sourceIp',
      render: (ip: string | null) => ip ?? '—',
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (action: string) => <code>{action}</code>,
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, entry) => (
        <span>
          {entry.entity ?? '—'}
          {entry.entityId !== null ? ` #${entry.entityId}` : ''}
        </span>
      ),
    },
    {
      key: 'summary',
      title: t('audit.summary'),
      dataIndex: 'summary',
      render: (summary: string | null) => summary ?? '—',
    },
  ];

  const result = verify.data;

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined aria-hidden />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('audit.verify')}
          </Button>
        }
      />
      <div aria-live="polite">
        {verify.error ? (
          <Alert className="form-alert" type="error" showIcon title={errorMessage(verify.error)} />
        ) : result ? (
          result.ok ? (
            <Alert
              className="form-alert"
              type="success"
              showIcon
              closable
              title={t('audit.verifyOk', { count: result.checked })}
            />
          ) : (
            <Alert
              className="form-alert"
              type="error"
              showIcon
              closable
              title={t('audit.verifyBroken', { id: result.firstBrokenId ?? '?', count: result.checked })}
              description={
                <>
                  {result.reason ? (
                    <p className="field-note">{t('audit.verifyReason', { reason: result.reason })}</p>
                  ) : null}
                  {t('audit.verifyBrokenNote')}
                </>
              }
            />
          )
        ) : null}
      </div>
      <ListPage<AuditEntry, AuditFilters>
        label={t('audit.listLabel')}
        queryKey={auditQueryKey}
        fetchPage={fetchAudit}
        columns={columns}
        rowKey="id"
        toFilters={toFilters}
        filters={
          <>
            <Form.Item name="range" label={t('audit.range')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} />
            </Form.Item>
            <Form.Item name="action" label={t('audit.action')}>
              <Input allowClear placeholder={t('audit.actionPlaceholder')} className="filter-input" />
            </Form.Item>
            <Form.Item name="entity" label={t('audit.entity')}>
              <Input allowClear placeholder={t('audit.entityPlaceholder')} className="filter-input" />
            </Form.Item>
          </>
        }
        expandable={{
          columnTitle: <span className="sr-only">{t('audit.details')}</span>,
          expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
        }}
      />
    </>
  );
}
