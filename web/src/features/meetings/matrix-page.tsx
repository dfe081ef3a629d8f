import { ExportOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, DatePicker, Space, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { today } from '../../components/date-value';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { labelText } from '../../components/workflow-label';
import { useLanguage } from '../../i18n/i18n';
import { exportOrgMatrix, useBranchMatrix, useOrgMatrix } from './api';
import { MEETING_TYPES } from './meeting-rules';
import { CellStatusText } from './meeting-tags';
import type { BranchMatrix, MatrixBranchRow, MatrixGroup, MeetingType } from './types';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function Rate({ rate }: { rate: number | null }) {
  const { t } = useTranslation();
  return <>{rate === null ? t('meetings.matrix.nothingDue') : `${rate}%`}</>;
}

/** One branch's year: a row per type, a column per month, quarter and year cells spanning their months. */
function BranchGrid({ matrix }: { matrix: BranchMatrix }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const periods = new Map(matrix.periods.map((p) => [p.key, p]));
  return (
    <section aria-labelledby="branch-grid-title">
      <h2 id="branch-grid-title" className="section-title matrix-grid-title">
        <Link to={`/branches/${matrix.branch.id}?tab=meetings`}>{matrix.branch.name}</Link>
        <span className="muted">
          {' '}
          · {t('meetings.matrix.rateOf', { done: matrix.done, due: matrix.due })} <Rate rate={matrix.rate} />
        </span>
      </h2>
      {matrix.bound ? null : <p className="muted">{t('meetings.matrix.notBound')}</p>}
      <div className="matrix-scroll">
        <table className="matrix-grid">
          <caption className="sr-only">
            {t('meetings.matrix.gridCaption', { branch: matrix.branch.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.field.type')}</th>
              {MONTHS.map((month) => (
                <th key={month} scope="col">
                  {t('meetings.matrix.month', { month })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.types.map((rule) => (
              <tr key={rule.type}>
                <th scope="row">
                  {labelText(rule.label, language)}
                  <span className="matrix-rule">
                    {t(`meetings.matrix.rule.${rule.unit}`, { count: rule.required })}
                  </span>
                </th>
                {matrix.cells[rule.type as MeetingType].map((cell) => {
                  const period = periods.get(cell.period);
                  const label = period ? labelText(period.label, language) : cell.period;
                  return (
                    <td
                      key={cell.period}
                      colSpan={period?.months.length ?? 1}
                      className={`matrix-cell matrix-${cell.status}`}
                      data-period={cell.period}
                      data-status={cell.status}
                    >
                      <span className="sr-only">{label} </span>
                      <CellStatusText status={cell.status} />
                      <span className="matrix-count">
                        {t('meetings.matrix.heldOf', { held: cell.held, required: cell.required })}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function typeColumns<T extends { types: Record<MeetingType, unknown> }>(
  render: (value: T['types'][MeetingType]) => React.ReactNode,
  title: (type: MeetingType) => string,
): TableColumnsType<T> {
  return MEETING_TYPES.map((type) => ({
    key: type,
    title: title(type),
    render: (_: unknown, row: T) => render(row.types[type] as T['types'][MeetingType]),
  }));
}

/**
 * 三会一课完成情况: completion against the required frequencies, drilled down from the user's own level
 * through counties and units to a branch's month-by-month grid.
 */
export function MatrixPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || today().year();
  const orgId = Number(params.get('orgId')) || undefined;
  const branchId = Number(params.get('branchId')) || undefined;
  const [trail, setTrail] = useState<{ id: number; name: string }[]>([]);
  const [exporting, setExporting] = useState(false);
  const matrix = useOrgMatrix(year, orgId);
  const grid = useBranchMatrix(branchId, year);
  const org = matrix.data?.org;

  const go = (next: { orgId?: number; branchId?: number; year?: number }) => {
    const search: Record<string, string> = { year: String(next.year ?? year) };
    if (next.orgId) search.orgId = String(next.orgId);
    if (next.branchId) search.branchId = String(next.branchId);
    setParams(search);
  };
  const drill = (child: { orgId: number; orgName: string }) => {
    if (org) setTrail((list) => [...list.filter((o) => o.id !== org.id), { id: org.id, name: org.name }]);
    go({ orgId: child.orgId });
  };
  const back = (index: number) => {
    const target = trail[index];
    if (!target) return;
    setTrail(trail.slice(0, index));
    go({ orgId: target.id });
  };

  const groupColumns: TableColumnsType<MatrixGroup> = [
    {
      key: 'orgName',
      title: t('meetings.matrix.org'),
      render: (_, row) => (
        <Button type="link" className="matrix-drill" onClick={() => drill(row)}>
          {row.orgName}
        </Button>
      ),
    },
    { key: 'branches', title: t('meetings.matrix.branches'), dataIndex: 'branches' },
    { key: 'behindBranches', title: t('meetings.matrix.behindBranches'), dataIndex: 'behindBranches' },
    { key: 'rate', title: t('meetings.matrix.rate'), render: (_, row) => <Rate rate={row.rate} /> },
    ...typeColumns<MatrixGroup>(
      (value) => {
        const v = value as { onTrack: number; behind: number };
        return t('meetings.matrix.onTrackBehind', { onTrack: v.onTrack, behind: v.behind });
      },
      (type) => t(`meetings.type.${type}`),
    ),
  ];
  const branchColumns: TableColumnsType<MatrixBranchRow> = [
    {
      key: 'branchName',
      title: t('meetings.field.branch'),
      render: (_, row) => (
        <Button type="link" className="matrix-drill" onClick={() => go({ orgId, branchId: row.branchId })}>
          {row.branchName}
        </Button>
      ),
    },
    { key: 'rate', title: t('meetings.matrix.rate'), render: (_, row) => <Rate rate={row.rate} /> },
    ...typeColumns<MatrixBranchRow>(
      (value) => {
        const v = value as { status: 'on_track' | 'behind' | 'not_due'; done: number; behind: number };
        return (
          <CellStatusText
            status={v.status === 'on_track' ? 'done' : v.status === 'behind' ? 'behind' : 'not_due'}
          />
        );
      },
      (type) => t(`meetings.type.${type}`),
    ),
  ];

  return (
    <>
      <PageHeader
        title={t('meetings.matrix.title')}
        description={t('meetings.matrix.description', { date: matrix.data?.asOf ?? '' })}
        extra={
          <Space wrap>
            <DatePicker
              picker="year"
              allowClear={false}
              aria-label={t('meetings.matrix.year')}
              value={dayjs(`${year}-01-01`)}
              disabledDate={(day) => day.year() > today().year()}
              onChange={(value) => value && go({ orgId, branchId, year: value.year() })}
            />
            <Button
              icon={<ExportOutlined aria-hidden />}
              loading={exporting}
              onClick={() => {
                setExporting(true);
                exportOrgMatrix(year, orgId)
                  .catch((error: unknown) => message.error(errorMessage(error)))
                  .finally(() => setExporting(false));
              }}
            >
              {t('list.export')}
            </Button>
          </Space>
        }
      />
      <Breadcrumb
        className="matrix-breadcrumb"
        items={[
          ...trail.map((o, i) => ({
            key: o.id,
            title: (
              <Button type="link" size="small" onClick={() => back(i)}>
                {o.name}
              </Button>
            ),
          })),
          ...(org
            ? [
                {
                  key: org.id,
                  title: branchId ? (
                    <Button type="link" size="small" onClick={() => go({ orgId })}>
                      {org.name}
                    </Button>
                  ) : (
                    <span aria-current="page">{org.name}</span>
                  ),
                },
              ]
            : []),
          ...(branchId && grid.data
            ? [{ key: 'branch', title: <span aria-current="page">{grid.data.branch.name}</span> }]
            : []),
        ]}
      />
      {branchId ? (
        <>
          {grid.error ? <ErrorAlert error={grid.error} onRetry={() => void grid.refetch()} /> : null}
          {grid.data ? <BranchGrid matrix={grid.data} /> : null}
        </>
      ) : (
        <>
          {matrix.error ? <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
          {matrix.data ? (
            <p className="matrix-total">
              {t('meetings.matrix.total', {
                org: matrix.data.org.name,
                branches: matrix.data.total.branches,
                behind: matrix.data.total.behindBranches,
              })}{' '}
              <Rate rate={matrix.data.total.rate} />
            </p>
          ) : null}
          {matrix.data?.children.length || matrix.isLoading ? (
            <Table<MatrixGroup>
              className="list-table"
              size="middle"
              aria-label={t('meetings.matrix.childrenLabel')}
              rowKey="orgId"
              loading={matrix.isLoading}
              columns={groupColumns}
              dataSource={matrix.data?.children ?? []}
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowClassName={() => 'row-clickable'}
            />
          ) : null}
          {matrix.data?.branches.length ? (
            <section aria-labelledby="matrix-branches">
              <h2 id="matrix-branches" className="section-title">
                {t('meetings.matrix.branchesHere')}
              </h2>
              <Table<MatrixBranchRow>
                className="list-table"
                size="middle"
                rowKey="branchId"
                columns={branchColumns}
                dataSource={matrix.data.branches}
                pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
              />
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
