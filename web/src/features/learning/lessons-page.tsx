import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { type MouseEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../api/session';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { MoreFilters } from '../../components/more-filters';
import { PageHeader } from '../../components/page-header';
import { exportLessons, fetchLessons, type LessonFilters, lessonListQueryKey, useLessonStats } from './api';
import { LearningNav } from './learning-nav';
import { LESSON_KINDS, LessonForm } from './lesson-form';
import { recentYears } from './shared';
import type { Lesson, LessonSort } from './types';

const SORTS: LessonSort[] = ['-publishedOn', 'publishedOn', '-views', 'title'];
const DEFAULT_FILTERS = { sort: '-publishedOn' };

function useLessonColumns(): ListColumn<Lesson>[] {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        key: 'title',
        title: t('learning.lessons.field.title'),
        render: (_, l) => <Link to={`/learning/lessons/${l.id}`}>{l.title}</Link>,
      },
      {
        key: 'kind',
        title: t('learning.lessons.field.kind'),
        render: (_, l) => t(`learning.lessons.kind.${l.kind}`),
      },
      { key: 'publishedOn', title: t('learning.lessons.field.publishedOn'), dataIndex: 'publishedOn' },
      { key: 'views', title: t('learning.lessons.field.views'), dataIndex: 'views', align: 'right' },
      { key: 'learners', title: t('learning.lessons.field.learners'), dataIndex: 'learners', align: 'right' },
    ],
    [t],
  );
}

/** This year's lessons in the caller's scope, in four figures. */
function YearFigures() {
  const { t } = useTranslation();
  const year = recentYears()[0] as number;
  const stats = useLessonStats(year);
  if (!stats.data) return null;
  return (
    <p className="page-description" aria-live="polite">
      {t('learning.lessons.yearFigures', stats.data)}
    </p>
  );
}

/** 云端党课: the lessons in scope with their views and learners; publish, filter, export. */
export function LessonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const columns = useLessonColumns();
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <PageHeader
        title={t('learning.lessons.title')}
        description={t('learning.lessons.description')}
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
              {t('learning.lessons.create')}
            </Button>
          ) : null
        }
      />
      <LearningNav />
      <YearFigures />
      <ListPage<Lesson, LessonFilters>
        label={t('learning.lessons.listLabel')}
        queryKey={lessonListQueryKey}
        fetchPage={fetchLessons}
        columns={columns}
        rowKey="id"
        keyword={t('learning.lessons.keyword')}
        defaultFilters={DEFAULT_FILTERS}
        stateKey="learning-lessons"
        onExport={exportLessons}
        filters={
          <>
            <Form.Item name="kind" label={t('learning.lessons.field.kind')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={LESSON_KINDS.map((k) => ({ value: k, label: t(`learning.lessons.kind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="year" label={t('learning.year')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={recentYears().map((y) => ({ value: y, label: String(y) }))}
              />
            </Form.Item>
            <MoreFilters names={['sort']} defaults={DEFAULT_FILTERS}>
              <Form.Item name="sort" label={t('learning.sortLabel')}>
                <Select
                  className="filter-select"
                  options={SORTS.map((s) => ({ value: s, label: t(`learning.lessons.sort.${s}`) }))}
                />
              </Form.Item>
            </MoreFilters>
          </>
        }
        rowClassName={() => 'row-clickable'}
        onRow={(l) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/learning/lessons/${l.id}`);
          },
        })}
      />
      <LessonForm key={opened} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
