import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CadreSelect } from '../../components/cadre-select';
import { type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { exportRecords, fetchRecords, type RecordFilters, recordListQueryKey } from './api';
import { LearningNav } from './learning-nav';
import { recentYears } from './shared';
import type { LearningRecord } from './types';

/** 学习记录: who studied which lesson when, over the lessons in scope; filter by person, title, year. */
export function RecordsPage() {
  const { t } = useTranslation();
  const columns = useMemo<ListColumn<LearningRecord>[]>(
    () => [
      {
        key: 'cadre',
        title: t('learning.records.field.cadre'),
        render: (_, r) => <Link to={`/cadres/${r.cadreId}`}>{r.cadreName}</Link>,
      },
      {
        key: 'lesson',
        title: t('learning.records.field.lesson'),
        render: (_, r) => <Link to={`/learning/lessons/${r.lessonId}`}>{r.lessonTitle}</Link>,
      },
      { key: 'learnedOn', title: t('learning.records.field.learnedOn'), dataIndex: 'learnedOn' },
      { key: 'minutes', title: t('learning.records.field.minutes'), dataIndex: 'minutes', align: 'right' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('learning.records.title')} description={t('learning.records.description')} />
      <LearningNav />
      <ListPage<LearningRecord, RecordFilters>
        label={t('learning.records.listLabel')}
        queryKey={recordListQueryKey}
        fetchPage={fetchRecords}
        columns={columns}
        rowKey="id"
        keyword={t('learning.records.keyword')}
        stateKey="learning-records"
        onExport={exportRecords}
        filters={
          <>
            <Form.Item name="cadreId" label={t('learning.records.field.cadre')}>
              <CadreSelect />
            </Form.Item>
            <Form.Item name="year" label={t('learning.year')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={recentYears().map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
          </>
        }
      />
    </>
  );
}
