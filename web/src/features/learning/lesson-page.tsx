import { LinkOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, Popconfirm, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { CadreSelect } from '../../components/cadre-select';
import { fromDay, notInFuture, today } from '../../components/date-value';
import { ErrorAlert } from '../../components/error-alert';
import { applyFieldErrors } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import {
  lessonFileUrl,
  useAddRecord,
  useDeleteLesson,
  useLesson,
  useLessonRecords,
  useViewLesson,
} from './api';
import { LessonForm } from './lesson-form';
import { Fact, useIdParam } from './shared';
import type { Lesson } from './types';

const back = (t: (key: string) => string) => ({
  to: '/learning/lessons',
  label: t('learning.lessons.backToList'),
});

/** /learning/lessons/:id — a lesson: its video, file or text; who studied it; record a study. */
export function LessonPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const lesson = useLesson(id);
  const view = useViewLesson();
  const counted = useRef<number>(undefined);
  // Opening the page is one view (once per visit, not per re-render).
  useEffect(() => {
    if (id !== undefined && lesson.data && counted.current !== id) {
      counted.current = id;
      view.mutate(id);
    }
  }, [id, lesson.data, view]);
  return (
    <RecordPage
      id={id}
      query={lesson}
      notFound={t('learning.lessons.notFound')}
      back={<BackLink {...back(t)} />}
    >
      {(data) => <LessonRecord lesson={data} />}
    </RecordPage>
  );
}

/** A video link plays in the page when the browser can; any link also opens on its own. */
function LessonContent({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  if (lesson.kind === 'text') return <p className="meeting-text">{lesson.body}</p>;
  // An uploaded file is the lesson when there is one; otherwise its link.
  const url = lesson.file ? lessonFileUrl(lesson.id) : (lesson.url ?? '');
  const playable = lesson.file
    ? lesson.file.mime.startsWith('video/')
    : lesson.kind === 'video' && /\.(mp4|webm|ogg)(\?|$)/i.test(url);
  return (
    <>
      {playable ? (
        // biome-ignore lint/a11y/useMediaCaption: lessons are published as given; captions are the publisher's
        <video className="lesson-video" src={url} controls preload="metadata" aria-label={lesson.title} />
      ) : null}
      <p>
        <a href={url} target="_blank" rel="noopener noreferrer">
          <LinkOutlined aria-hidden />{' '}
          {t(lesson.kind === 'video' ? 'learning.lessons.openVideo' : 'learning.lessons.openFile')}
        </a>
      </p>
    </>
  );
}

interface RecordValues {
  cadreId: number;
  learnedOn: Dayjs;
  minutes: number;
}

/** 登记学习: a cadre in scope studied this lesson on a day, for so many minutes. */
function RecordForm({ lessonId }: { lessonId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const add = useAddRecord(lessonId);
  return (
    <Form<RecordValues>
      form={form}
      name="learningRecord"
      layout="vertical"
      className="learning-inline-form"
      initialValues={{ learnedOn: today(), minutes: 30 }}
      onFinish={(values) =>
        add.mutate(
          { cadreId: values.cadreId, learnedOn: fromDay(values.learnedOn) ?? '', minutes: values.minutes },
          {
            onSuccess: () => {
              message.success(t('learning.records.added'));
              form.resetFields(['cadreId']);
            },
            onError: (error) => applyFieldErrors(form, error, ['cadreId', 'learnedOn', 'minutes']),
          },
        )
      }
    >
      {add.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(add.error)} />
      ) : null}
      <Form.Item
        name="cadreId"
        label={t('learning.records.field.cadre')}
        rules={[{ required: true, message: t('learning.records.cadreRequired') }]}
      >
        <CadreSelect />
      </Form.Item>
      <Form.Item
        name="learnedOn"
        label={t('learning.records.field.learnedOn')}
        rules={[
          { required: true, message: t('learning.records.dateRequired') },
          notInFuture(t('learning.notInFuture')),
        ]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="minutes"
        label={t('learning.records.field.minutes')}
        rules={[{ required: true, message: t('learning.records.minutesRequired') }]}
      >
        <InputNumber min={1} max={1440} precision={0} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t('learning.records.add')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function LessonRecord({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const records = useLessonRecords(lesson.id);
  const remove = useDeleteLesson();
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState(0);
  const writer = can('learning:write');
  return (
    <>
      <BackLink {...back(t)} />
      <PageHeader
        title={lesson.title}
        extra={
          writer ? (
            <Space wrap>
              <Button
                onClick={() => {
                  setOpened(opened + 1);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('learning.lessons.deleteConfirm', { title: lesson.title })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(lesson.id).then(
                    () => {
                      message.success(t('common.deleted'));
                      navigate('/learning/lessons', { replace: true });
                    },
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button danger>{t('common.delete')}</Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      <Card>
        <dl className="branch-facts">
          <Fact label={t('learning.lessons.field.kind')}>{t(`learning.lessons.kind.${lesson.kind}`)}</Fact>
          <Fact label={t('learning.lessons.field.publishedOn')}>{lesson.publishedOn}</Fact>
          <Fact label={t('learning.lessons.field.views')}>{lesson.views}</Fact>
          <Fact label={t('learning.lessons.field.learners')}>{lesson.learners}</Fact>
        </dl>
        <section className="meeting-section" aria-labelledby="lesson-content">
          <h2 id="lesson-content" className="section-title">
            {t('learning.lessons.content')}
          </h2>
          <LessonContent lesson={lesson} />
        </section>
      </Card>
      <Card
        className="learning-card"
        title={<h2 className="section-title">{t('learning.records.ofLesson')}</h2>}
      >
        {writer ? <RecordForm lessonId={lesson.id} /> : null}
        {records.error ? <ErrorAlert error={records.error} onRetry={() => void records.refetch()} /> : null}
        <Table
          size="small"
          rowKey="id"
          loading={records.isLoading}
          dataSource={records.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={(records.data ?? []).length > 0 ? { x: 'max-content' } : undefined}
          columns={[
            {
              key: 'cadre',
              title: t('learning.records.field.cadre'),
              render: (_, r) => <Link to={`/cadres/${r.cadreId}`}>{r.cadreName}</Link>,
            },
            { key: 'learnedOn', title: t('learning.records.field.learnedOn'), dataIndex: 'learnedOn' },
            {
              key: 'minutes',
              title: t('learning.records.field.minutes'),
              dataIndex: 'minutes',
              align: 'right',
            },
          ]}
        />
      </Card>
      <LessonForm key={opened} open={editing} lesson={lesson} onClose={() => setEditing(false)} />
    </>
  );
}
