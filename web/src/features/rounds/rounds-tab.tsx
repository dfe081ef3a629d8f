import { Form, Select } from 'antd';
import { type MouseEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Branch } from '../../api/types';
import { isInteractiveTarget, type ListColumn, ListPage, type ListQuery } from '../../components/list-page';
import { exportBranchRounds, useBranchRounds } from './api';
import { ASSESSMENT_STATES, RESULTS } from './round-rules';
import { AssessmentStateTag, DemoLevelTag, ResultTag } from './round-tags';
import type { AssessmentResult, AssessmentState, AssessmentSummary } from './types';

type HistoryFilters = { state?: AssessmentState; result?: AssessmentResult | 'none' };

function matches(item: AssessmentSummary, query: ListQuery<HistoryFilters>): boolean {
  const keyword = query.keyword?.trim().toLowerCase();
  if (keyword && !item.roundName.toLowerCase().includes(keyword) && !String(item.year).includes(keyword))
    return false;
  if (query.state && item.state !== query.state) return false;
  if (query.result && (item.result ?? 'none') !== query.result) return false;
  return true;
}

/** 考核 on a branch page: every round the branch was in, newest first, linking to its assessment. */
export function RoundsTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const history = useBranchRounds(branch.id);
  const columns = useMemo<ListColumn<AssessmentSummary>[]>(
    () => [
      {
        key: 'roundName',
        title: t('rounds.field.round'),
        render: (_, a) => <Link to={`/rounds/assessments/${a.id}`}>{a.roundName}</Link>,
      },
      { key: 'year', title: t('rounds.field.year'), dataIndex: 'year' },
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
    ],
    [t],
  );
  return (
    <ListPage<AssessmentSummary, HistoryFilters>
      label={t('rounds.branchHistoryLabel')}
      query={history}
      matches={matches}
      columns={columns}
      rowKey="id"
      keyword={t('rounds.field.round')}
      filters={
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
              options={[...RESULTS, 'none' as const].map((r) => ({
                value: r,
                label: t(`rounds.result.${r}`),
              }))}
            />
          </Form.Item>
        </>
      }
      // The export follows the state and result filters (the keyword only narrows the list on screen).
      onExport={(query) => exportBranchRounds(branch.id, { state: query.state, result: query.result })}
      emptyText={t('rounds.branchHistoryEmpty')}
      rowClassName={() => 'row-clickable'}
      onRow={(a) => ({
        onClick: (event: MouseEvent) => {
          if (!isInteractiveTarget(event.target)) navigate(`/rounds/assessments/${a.id}`);
        },
      })}
    />
  );
}
