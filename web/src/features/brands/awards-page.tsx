import { TrophyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Popconfirm, Select, Spin, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { today } from '../../components/date-value';
import { ErrorAlert } from '../../components/error-alert';
import { type ListColumn, ListPage } from '../../components/list-page';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import {
  type AwardFilters,
  awardListQueryKey,
  exportAwards,
  fetchAwards,
  useDeleteAward,
  useYearAwards,
} from './api';
import { useAwardColumns } from './brand-columns';
import { yearOptions } from './brand-filters';
import type { BrandAward } from './types';

/** 巡展: the winners of a year as cards, top ten first. */
function Exhibition() {
  const { t } = useTranslation();
  const [year, setYear] = useState(today().year());
  const awards = useYearAwards(year);
  const groups = (['top10', 'excellent'] as const).map((kind) => ({
    kind,
    items: (awards.data?.items ?? []).filter((a) => a.kind === kind),
  }));
  return (
    <>
      <Form layout="inline" className="brand-year-form">
        <Form.Item label={t('brands.field.year')} htmlFor="exhibition-year">
          <Select
            id="exhibition-year"
            className="filter-select"
            value={year}
            onChange={setYear}
            options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
      </Form>
      {awards.error ? <ErrorAlert error={awards.error} onRetry={() => void awards.refetch()} /> : null}
      {awards.isLoading ? <Spin aria-label={t('common.loading')} /> : null}
      {groups.map(({ kind, items }) => (
        <section key={kind} className="meeting-section" aria-labelledby={`exhibition-${kind}`}>
          <h2 id={`exhibition-${kind}`} className="section-title">
            {t('brands.awards.groupTitle', { year, kind: t(`brands.award.${kind}`), count: items.length })}
          </h2>
          {items.length === 0 ? (
            <Empty description={t('brands.awards.noneOfYear')} />
          ) : (
            <ul className="brand-cards">
              {items.map((a) => (
                <li key={a.id}>
                  <Card size="small" className={`brand-card brand-card-${kind}`}>
                    <h3 className="brand-card-title">
                      {kind === 'top10' ? <TrophyOutlined aria-hidden /> : null}{' '}
                      <Link to={`/brands/${a.brandId}`}>{a.brandName}</Link>
                    </h3>
                    <p className="muted">
                      {a.branchName} · {a.orgName}
                    </p>
                    <p className="brand-text brand-card-idea">{a.idea}</p>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function AwardFilterFields({ withKind }: { withKind: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="year" label={t('brands.field.year')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
        />
      </Form.Item>
      {withKind ? (
        <Form.Item name="kind" label={t('brands.field.awardKind')}>
          <Select
            className="filter-select"
            allowClear
            placeholder={t('common.all')}
            options={(['top10', 'excellent'] as const).map((k) => ({
              value: k,
              label: t(`brands.award.${k}`),
            }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="orgId" label={t('brands.orgFilter')}>
        <OrgTreeSelect className="filter-org" />
      </Form.Item>
    </>
  );
}

/** The delete column for those who keep the selections; a selection taken back asks first. */
function useDeleteColumn(): ListColumn<BrandAward> | undefined {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const remove = useDeleteAward();
  const allowed = can('brands:approve');
  return useMemo(
    () =>
      allowed
        ? {
            key: 'actions',
            title: t('common.actions'),
            render: (_, a) => (
              <Popconfirm
                title={t('brands.awards.deleteConfirm', { name: a.brandName, year: a.year })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(a.id).then(
                    () => message.success(t('common.deleted')),
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  aria-label={t('brands.awards.delete', { name: a.brandName })}
                >
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          }
        : undefined,
    [allowed, t, message, remove],
  );
}

/** /brands/awards — the yearly selections (十佳, 优秀) with their exhibition, and provincial cases. */
export function AwardsPage() {
  const { t } = useTranslation();
  const columns = useAwardColumns(useDeleteColumn());
  const caseColumns = columns.filter((c) => c.key !== 'kind');
  return (
    <>
      <BackLink to="/brands" label={t('brands.backToList')} />
      <PageHeader title={t('brands.awards.title')} description={t('brands.awards.description')} />
      <Tabs
        items={[
          { key: 'exhibition', label: t('brands.awards.exhibition'), children: <Exhibition /> },
          {
            key: 'selections',
            label: t('brands.awards.selections'),
            children: (
              <ListPage<BrandAward, AwardFilters>
                label={t('brands.awards.selections')}
                queryKey={[...awardListQueryKey, 'selections']}
                fetchPage={fetchAwards}
                columns={columns.filter((c) => c.key !== 'title')}
                rowKey="id"
                keyword={false}
                stateKey="brand-selections"
                filters={<AwardFilterFields withKind />}
                onExport={exportAwards}
              />
            ),
          },
          {
            key: 'cases',
            label: t('brands.awards.cases'),
            children: (
              <ListPage<BrandAward, AwardFilters>
                label={t('brands.awards.cases')}
                queryKey={[...awardListQueryKey, 'cases']}
                fetchPage={(q) => fetchAwards({ ...q, kind: 'province_case' })}
                columns={caseColumns}
                rowKey="id"
                keyword={false}
                stateKey="brand-cases"
                filters={<AwardFilterFields withKind={false} />}
                onExport={(q) => exportAwards({ ...q, kind: 'province_case' })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
