import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Select, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { fromDay, toDay, today } from '../../components/date-value';
import { FILE_KINDS } from '../../components/file-kinds';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useIsMobile } from '../../components/use-is-mobile';
import { useCreateLesson, useUpdateLesson, useUploadLessonFile } from './api';
import { useScopeOrgId } from './shared';
import type { Lesson, LessonFile, LessonKind } from './types';

export const LESSON_KINDS: LessonKind[] = ['video', 'text', 'file'];

interface LessonValues {
  orgId?: number;
  title: string;
  kind: LessonKind;
  url?: string;
  body?: string;
  publishedOn: Dayjs;
}

const FIELDS = ['orgId', 'title', 'kind', 'url', 'body', 'publishedOn'] as const;

/**
 * 发布党课: a lesson is a video or a file, given as a link or uploaded here, or a text; the form asks
 * for the one the kind needs, as the server does. An upload is sent at once and the lesson names it.
 */
export function LessonForm({
  open,
  lesson,
  onClose,
}: {
  open: boolean;
  lesson?: Lesson;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const scopeOrgId = useScopeOrgId();
  const [form] = Form.useForm<LessonValues>();
  const create = useCreateLesson();
  const update = useUpdateLesson();
  const upload = useUploadLessonFile();
  const [failure, setFailure] = useState<unknown>();
  const [file, setFile] = useState<LessonFile | null>(lesson?.file ?? null);
  const kind = Form.useWatch('kind', form) ?? lesson?.kind ?? 'video';
  const saving = create.isPending || update.isPending || upload.isPending;

  const onFinish = async (values: LessonValues) => {
    setFailure(undefined);
    const body = {
      title: values.title.trim(),
      kind: values.kind,
      url: values.kind === 'text' ? null : values.url?.trim() || null,
      body: values.kind === 'text' ? (values.body ?? null) : null,
      fileId: values.kind === 'text' ? null : (file?.id ?? null),
      publishedOn: fromDay(values.publishedOn) ?? '',
    };
    try {
      if (lesson) await update.mutateAsync({ id: lesson.id, body });
      else await create.mutateAsync({ ...body, orgId: values.orgId ?? 0 });
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
      applyFieldErrors(form, error, FIELDS);
    }
  };

  return (
    <FormDrawer
      open={open}
      title={lesson ? t('learning.lessons.editTitle') : t('learning.lessons.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={saving}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<LessonValues>
        form={form}
        name="lesson"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={
          lesson
            ? {
                title: lesson.title,
                kind: lesson.kind,
                url: lesson.url ?? undefined,
                body: lesson.body ?? undefined,
                publishedOn: toDay(lesson.publishedOn),
              }
            : { kind: 'video', publishedOn: today(), orgId: scopeOrgId }
        }
        onFinish={onFinish}
      >
        {lesson ? null : (
          <Form.Item
            name="orgId"
            label={t('learning.lessons.org')}
            rules={[{ required: true, message: t('learning.lessons.orgRequired') }]}
          >
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('learning.lessons.field.title')}
          rules={[{ required: true, whitespace: true, message: t('learning.lessons.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('learning.lessons.field.kind')} rules={[{ required: true }]}>
          <Select options={LESSON_KINDS.map((k) => ({ value: k, label: t(`learning.lessons.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'text' ? (
          <Form.Item
            name="body"
            label={t('learning.lessons.field.body')}
            rules={[{ required: true, whitespace: true, message: t('learning.lessons.contentRequired') }]}
          >
            <Input.TextArea rows={10} maxLength={100000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="url"
              label={t(
                kind === 'video' ? 'learning.lessons.field.videoUrl' : 'learning.lessons.field.fileUrl',
              )}
              extra={t('learning.lessons.linkOrUpload')}
              rules={[
                { required: file === null, whitespace: true, message: t('learning.lessons.contentRequired') },
                { type: 'url', message: t('learning.lessons.urlInvalid') },
              ]}
            >
              <Input maxLength={1000} inputMode="url" />
            </Form.Item>
            <Form.Item label={t('learning.lessons.field.upload')} extra={t('learning.lessons.uploadHint')}>
              <Upload
                accept={FILE_KINDS.lesson.accept}
                maxCount={1}
                fileList={file ? [{ uid: String(file.id), name: file.name, status: 'done' }] : []}
                customRequest={async ({ file: chosen, onSuccess, onError }) => {
                  try {
                    const saved = await upload.mutateAsync(chosen as File);
                    setFile(saved);
                    onSuccess?.(saved);
                  } catch (error) {
                    message.error(errorMessage(error));
                    onError?.(error as Error);
                  }
                }}
                onRemove={() => setFile(null)}
              >
                <Button block icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
                  {t('learning.lessons.uploadFile')}
                </Button>
              </Upload>
            </Form.Item>
          </>
        )}
        <Form.Item
          name="publishedOn"
          label={t('learning.lessons.field.publishedOn')}
          rules={[{ required: true, message: t('learning.lessons.publishedOnRequired') }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
