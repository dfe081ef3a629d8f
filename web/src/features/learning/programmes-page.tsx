import { PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { type MouseEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { exportProgrammes, useProgrammeStats } from './api';
import { LearningNav } from './learning-nav';
import { ProgrammeForm } from './programme-form';
import { recentYears } from './shared';
import type { ProgrammeStats } from './types';

/**
 * 培训项目: the training programmes in scope (头雁工程…) with their sessions, person-times (人次) and
 * distinct people, by year; the same figures as .xlsx.
 */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [year, setYear] = useState<number | undefined>(recentYears()[0]);
  const stats = useProgrammeStats(year);
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState(0);
  const totals = (stats.data ?? []).reduce(
    (sum, p) => ({ personTimes: sum.personTimes + p.personTimes, sessions: sum.sessions + p.sessions }),
    { personTimes: 0, sessions: 0 },
  );
  const columns = useMemo<ListColumn<ProgrammeStats>[]>(
    () => [
      {
        key: 'name',
        title: t('learning.programmes.field.name'),
        render: (_, p) => <Link to={`/learning/programmes/${p.programmeId}`}>{p.name}</Link>,
      },
      { key: 'year', title: t('learning.programmes.field.year'), dataIndex: 'year' },
      { key: 'code', title: t('learning.programmes.field.code'), dataIndex: 'code', defaultHidden: true },
      {
        key: 'sessions',
        title: t('learning.programmes.field.sessions'),
        dataIndex: 'sessions',
        align: 'right',
      },
      {
        key: 'personTimes',
        title: t('learning.programmes.field.personTimes'),
        dataIndex: 'personTimes',
        align: 'right',
      },
      { key: 'people', title: t('learning.programmes.field.people'), dataIndex: 'people', align: 'right' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('learning.programmes.title')}
        description={t('learning.programmes.description')}
        extra={
          can('learning:write') ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => {
                setOpened(opened + 1);
                setCreating(true);
              }}
            >
              {t('learning.programmes.create')}
            </Button>
          ) : null
        }
      />
      <LearningNav />
      {stats.data ? (
        <p className="page-description" aria-live="polite">
          {t(year ? 'learning.programmes.yearFigures' : 'learning.programmes.allFigures', {
            year,
            programmes: stats.data.length,
            ...totals,
          })}
        </p>
      ) : null}
      <ListPage<ProgrammeStats>
        label={t('learning.programmes.listLabel')}
        query={stats}
        columns={columns}
        rowKey="programmeId"
        keyword={t('learning.programmes.keyword')}
        toolbar={
          <span className="learning-year-pick">
            <span aria-hidden>{t('learning.year')}</span>
            <Select
              aria-label={t('learning.year')}
              className="filter-select"
              allowClear
              placeholder={t('common.all')}
              value={year}
              onChange={(next) => setYear(next ?? undefined)}
              options={recentYears().map((y) => ({ value: y, label: String(y) }))}
            />
          </span>
        }
        onExport={() => exportProgrammes(year)}
        rowClassName={() => 'row-clickable'}
        onRow={(p) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/learning/programmes/${p.programmeId}`);
          },
        })}
      />
      <ProgrammeForm key={opened} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
