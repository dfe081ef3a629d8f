import { App, Breadcrumb, Button, Form, Popconfirm, Select, Spin, Table, type TableColumnsType } from 'antd';
import { type MouseEvent, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { formatDateTime } from '../../components/date-time';
import { ErrorAlert } from '../../components/error-alert';
import { isInteractiveTarget, type ListColumn, ListPage, type ListQuery } from '../../components/list-page';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { useLanguage } from '../../i18n/i18n';
import {
  type BoardFilters,
  exportBoard,
  fetchBoard,
  roundsQueryKey,
  useCloseRound,
  useFigures,
  useRound,
} from './api';
import { ASSESSMENT_STATES, DEMO_LEVELS, RESULTS } from './round-rules';
import { AssessmentStateTag, DemoLevelTag, ResultTag, RoundStatusTag } from './round-tags';
import './rounds.css';
import type { AssessmentSummary, FigureGroup, Round } from './types';

function useIdParam(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function BackToList() {
  const { t } = useTranslation();
  return <BackLink to="/rounds" label={t('rounds.backToList')} />;
}

/** /rounds/:id — a round's board: figures at a node of the org tree, drilled down, and its branches. */
export function RoundPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const round = useRound(id);
  useDocumentTitle(t('rounds.board'));
  return (
    <RecordPage id={id} query={round} notFound={t('rounds.notFound')} back={<BackToList />}>
      {(data) => <RoundBoard round={data} />}
    </RecordPage>
  );
}

export function Rate({ rate }: { rate: number | null }) {
  return <>{rate === null ? '—' : `${rate}%`}</>;
}

/** The figures of one group as a row of labelled numbers. */
function FigureCards({ group }: { group: FigureGroup }) {
  const { t } = useTranslation();
  const items: [string, ReactNode][] = [
    ['branches', group.branches],
    ['selfAssessed', group.selfAssessed],
    ['submitted', group.submitted],
    ['reviewed', group.reviewed],
    ['verified', group.verified],
    ['compliant', group.compliant],
    ['complianceRate', <Rate key="rate" rate={group.complianceRate} />],
    ['cityDemonstrations', group.cityDemonstrations],
    ['provinceDemonstrations', group.provinceDemonstrations],
  ];
  return (
    <dl className="round-figures">
      {items.map(([key, value]) => (
        <div key={key} className="round-figure" data-figure={key}>
          <dt>{t(`rounds.figure.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function useBoardColumns(): ListColumn<AssessmentSummary>[] {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(
    () => [
      {
        key: 'branchName',
        title: t('rounds.field.branch'),
        render: (_, a) => <Link to={`/rounds/assessments/${a.id}`}>{a.branchName}</Link>,
      },
      { key: 'orgName', title: t('rounds.field.org'), dataIndex: 'orgName' },
      {
        key: 'state',
        title: t('rounds.field.state'),
        render: (_, a) => <AssessmentStateTag assessment={a} />,
      },
      {
        key: 'answered',
        title: t('rounds.field.answered'),
        render: (_, a) => t('rounds.answeredOf', { answered: a.answered, total: a.measureCount }),
      },
      { key: 'result', title: t('rounds.field.result'), render: (_, a) => <ResultTag result={a.result} /> },
      { key: 'score', title: t('rounds.field.score'), render: (_, a) => a.score ?? '—' },
      {
        key: 'demoLevel',
        title: t('rounds.field.demoLevel'),
        render: (_, a) => <DemoLevelTag level={a.demoLevel} />,
      },
      {
        key: 'updatedAt',
        title: t('rounds.field.updatedAt'),
        render: (_, a) => formatDateTime(a.updatedAt, language),
        defaultHidden: true,
      },
    ],
    [t, language],
  );
}

const SORTS = ['branchName', 'orgName', 'state', 'result', '-score', '-updatedAt'] as const;

function BoardFilterFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="state" label={t('rounds.field.state')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={ASSESSMENT_STATES.map((s) => ({ value: s, label: t(`rounds.state.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="result" label={t('rounds.field.result')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={[...RESULTS, 'none' as const].map((r) => ({ value: r, label: t(`rounds.result.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="level" label={t('rounds.field.demoLevel')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('common.all')}
          options={[...DEMO_LEVELS, 'any' as const, 'none' as const].map((l) => ({
            value: l,
            label: t(`rounds.levelFilter.${l}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="orgId" label={t('rounds.field.org')}>
        <OrgTreeSelect className="filter-org" />
      </Form.Item>
      <Form.Item name="sort" label={t('rounds.sortLabel')}>
        <Select
          className="filter-select"
          allowClear
          placeholder={t('rounds.sort.default')}
          options={SORTS.map((s) => ({ value: s, label: t(`rounds.sort.${s}`) }))}
        />
      </Form.Item>
    </>
  );
}

function RoundBoard({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('orgId')) || undefined;
  const figures = useFigures(round.id, orgId);
  const close = useCloseRound();
  const [trail, setTrail] = useState<{ id: number; name: string }[]>([]);
  const columns = useBoardColumns();
  const node = figures.data?.org;

  const go = (next: number | undefined) => setParams(next ? { orgId: String(next) } : {});
  const drill = (child: { orgId: number }) => {
    if (node) setTrail((list) => [...list.filter((o) => o.id !== node.id), { id: node.id, name: node.name }]);
    go(child.orgId);
  };
  const back = (index: number) => {
    const target = trail[index];
    if (!target) return;
    setTrail(trail.slice(0, index));
    go(target.id);
  };

  const groupColumns: TableColumnsType<FigureGroup> = [
    {
      key: 'orgName',
      title: t('rounds.field.org'),
      // The node's own branches are listed below; only child orgs drill down.
      render: (_, row) =>
        row.orgId === node?.id ? (
          row.orgName
        ) : (
          <Button type="link" className="matrix-drill" onClick={() => drill(row)}>
            {row.orgName}
          </Button>
        ),
    },
    ...(
      ['branches', 'selfAssessed', 'submitted', 'reviewed', 'verified', 'compliant', 'notCompliant'] as const
    ).map((key) => ({ key, title: t(`rounds.figure.${key}`), dataIndex: key })),
    {
      key: 'complianceRate',
      title: t('rounds.figure.complianceRate'),
      render: (_: unknown, row: FigureGroup) => <Rate rate={row.complianceRate} />,
    },
    { key: 'city', title: t('rounds.figure.cityDemonstrations'), dataIndex: 'cityDemonstrations' },
    {
      key: 'province',
      title: t('rounds.figure.provinceDemonstrations'),
      dataIndex: 'provinceDemonstrations',
    },
  ];

  const fetchPage = (query: ListQuery<BoardFilters>) =>
    fetchBoard(round.id, { ...query, orgId: query.orgId ?? orgId });

  return (
    <>
      <BackToList />
      <PageHeader
        title={round.name}
        description={
          <>
            {t('rounds.roundFacts', {
              version: t('rounds.versionName', {
                standard: round.standardName,
                version: round.versionNumber,
              }),
              year: round.year,
              due: round.dueOn,
              passMark: round.passMark,
            })}{' '}
            <RoundStatusTag status={round.status} />
          </>
        }
        extra={
          can('assessments:open') && round.status === 'open' ? (
            <Popconfirm
              title={t('rounds.closeConfirm')}
              description={t('rounds.closeConfirmText')}
              okText={t('rounds.close')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                close.mutateAsync(round.id).then(
                  () => message.success(t('rounds.closed')),
                  (error: unknown) => message.error(errorMessage(error)),
                )
              }
            >
              <Button danger>{t('rounds.close')}</Button>
            </Popconfirm>
          ) : null
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
          ...(node ? [{ key: node.id, title: <span aria-current="page">{node.name}</span> }] : []),
        ]}
      />
      {figures.error ? <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      {figures.data ? (
        <section aria-labelledby="round-figures-title" className="round-section">
          <h2 id="round-figures-title" className="section-title">
            {t('rounds.figuresOf', { org: figures.data.org.name })}
          </h2>
          <FigureCards group={figures.data.total} />
        </section>
      ) : (
        <Spin aria-label={t('common.loading')} />
      )}
      {figures.data?.children.length ? (
        <section aria-labelledby="round-children-title" className="round-section">
          <h2 id="round-children-title" className="section-title">
            {t('rounds.childrenTitle')}
          </h2>
          <Table<FigureGroup>
            className="list-table"
            size="middle"
            aria-label={t('rounds.childrenTitle')}
            rowKey="orgId"
            columns={groupColumns}
            dataSource={[
              ...figures.data.children,
              ...(figures.data.direct.branches > 0
                ? [
                    {
                      ...figures.data.direct,
                      orgName: t('rounds.directBranches', { org: figures.data.org.name }),
                    },
                  ]
                : []),
            ]}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </section>
      ) : null}
      <section aria-labelledby="round-board-title" className="round-section">
        <h2 id="round-board-title" className="section-title">
          {t('rounds.boardTitle')}
        </h2>
        <ListPage<AssessmentSummary, BoardFilters>
          key={orgId ?? 0}
          label={t('rounds.boardLabel')}
          queryKey={[...roundsQueryKey, 'board', round.id, orgId ?? 0]}
          fetchPage={fetchPage}
          columns={columns}
          rowKey="id"
          keyword={t('rounds.keyword')}
          filters={<BoardFilterFields />}
          onExport={(query) => exportBoard(round.id, { ...query, orgId: query.orgId ?? orgId })}
          rowClassName={() => 'row-clickable'}
          onRow={(a) => ({
            onClick: (event: MouseEvent) => {
              if (!isInteractiveTarget(event.target)) navigate(`/rounds/assessments/${a.id}`);
            },
          })}
        />
      </section>
    </>
  );
}
