import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Image, Input, Modal, Popconfirm, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useBranch } from '../../api/branches';
import { errorMessage } from '../../api/client';
import { BackLink } from '../../components/back-link';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { labelText } from '../../components/workflow-label';
import { WorkflowTimeline } from '../../components/workflow-timeline';
import { useLanguage } from '../../i18n/i18n';
import {
  meetingFileUrl,
  useDeleteMeeting,
  useMeeting,
  useMeetingHistory,
  useMeetingTransition,
  useRemoveMeetingFile,
} from './api';
import { MeetingForm } from './meeting-form';
import { MeetingStateTag } from './meeting-tags';
import type { Meeting } from './types';

function useMeetingId(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function BackToList() {
  const { t } = useTranslation();
  return <BackLink to="/branches/meetings" label={t('meetings.backToList')} />;
}

/** /branches/meetings/:id — one meeting: its record, photos and attachments, review actions and timeline. */
export function MeetingPage() {
  const { t } = useTranslation();
  const id = useMeetingId();
  const meeting = useMeeting(id);
  useDocumentTitle(t('meetings.record'));
  return (
    <RecordPage id={id} query={meeting} notFound={t('meetings.notFound')} back={<BackToList />}>
      {(data) => <MeetingRecord meeting={data} />}
    </RecordPage>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** 退回: asks for the comment the server requires, saying what has to change. */
function ReturnModal({ meeting, open, onClose }: { meeting: Meeting; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const transition = useMeetingTransition(meeting.id);
  return (
    <Modal
      open={open}
      title={t('meetings.returnTitle')}
      okText={t('meetings.returnConfirm')}
      okButtonProps={{ danger: true, loading: transition.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {transition.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(transition.error)} />
      ) : null}
      <Form
        form={form}
        name="returnMeeting"
        layout="vertical"
        onFinish={({ comment }) =>
          transition.mutate(
            { action: 'return', comment: comment.trim() },
            {
              onSuccess: () => {
                message.success(t('meetings.returned'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="comment"
          label={t('meetings.returnComment')}
          rules={[{ required: true, whitespace: true, message: t('meetings.returnCommentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const transition = useMeetingTransition(meeting.id);
  const [returning, setReturning] = useState(false);
  return (
    <>
      {meeting.actions.map((action) => {
        const label = labelText(action.label, language);
        if (action.action === 'return')
          return (
            <Button key="return" danger onClick={() => setReturning(true)}>
              {label}
            </Button>
          );
        return (
          <Button
            key={action.action}
            type="primary"
            loading={transition.isPending && transition.variables?.action === action.action}
            onClick={() =>
              transition.mutate(
                { action: action.action as 'submit' | 'approve' },
                {
                  onSuccess: () =>
                    message.success(t(`meetings.done.${action.action}`, { defaultValue: label })),
                  onError: (error) => message.error(errorMessage(error)),
                },
              )
            }
          >
            {label}
          </Button>
        );
      })}
      <ReturnModal meeting={meeting} open={returning} onClose={() => setReturning(false)} />
    </>
  );
}

function Files({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveMeetingFile();
  const photos = meeting.files.filter((f) => f.kind === 'photo');
  const attachments = meeting.files.filter((f) => f.kind === 'attachment');
  const removeButton = (fileId: number, name: string) =>
    meeting.editable ? (
      <Popconfirm
        title={t('common.deleteEntryConfirm', { entry: name })}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          remove.mutateAsync({ id: meeting.id, fileId }).then(
            () => message.success(t('common.deleted')),
            (error: unknown) => message.error(errorMessage(error)),
          )
        }
      >
        <Button type="link" size="small" danger aria-label={t('meetings.removeFile', { name })}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    ) : null;
  return (
    <>
      <section className="meeting-section" aria-labelledby="meeting-photos">
        <h2 id="meeting-photos" className="section-title">
          {t('meetings.field.photos')}
        </h2>
        {photos.length === 0 ? (
          <p className="muted">{t('meetings.noPhotos')}</p>
        ) : (
          <Image.PreviewGroup>
            <ul className="meeting-photos">
              {photos.map((photo) => (
                <li key={photo.fileId}>
                  <Image
                    src={meetingFileUrl(meeting.id, photo.fileId)}
                    alt={photo.caption ?? photo.name}
                    width={120}
                    height={90}
                  />
                  <span className="meeting-photo-actions">
                    <a href={meetingFileUrl(meeting.id, photo.fileId)} download={photo.name}>
                      <DownloadOutlined aria-hidden /> {t('meetings.download')}
                      <span className="sr-only"> {photo.name}</span>
                    </a>
                    {removeButton(photo.fileId, photo.name)}
                  </span>
                </li>
              ))}
            </ul>
          </Image.PreviewGroup>
        )}
      </section>
      <section className="meeting-section" aria-labelledby="meeting-attachments">
        <h2 id="meeting-attachments" className="section-title">
          {t('meetings.field.attachments')}
        </h2>
        {attachments.length === 0 ? (
          <p className="muted">{t('meetings.noAttachments')}</p>
        ) : (
          <ul className="meeting-attachments">
            {attachments.map((file) => (
              <li key={file.fileId}>
                <a href={meetingFileUrl(meeting.id, file.fileId)} download={file.name}>
                  <PaperClipOutlined aria-hidden /> {file.name}
                </a>{' '}
                <span className="muted">
                  {t('meetings.fileSize', { kb: Math.max(1, Math.round(file.size / 1024)) })}
                </span>
                {removeButton(file.fileId, file.name)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function MeetingRecord({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const history = useMeetingHistory(meeting.id);
  const branch = useBranch(meeting.editable ? meeting.branchId : undefined);
  const remove = useDeleteMeeting();
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState(0);
  const title = t('meetings.recordTitle', {
    type: t(`meetings.type.${meeting.type}`),
    date: meeting.heldOn,
  });

  return (
    <>
      <BackToList />
      <PageHeader
        title={title}
        description={
          <>
            <Link to={`/branches/${meeting.branchId}?tab=meetings`}>{meeting.branchName}</Link> ·{' '}
            {meeting.orgName} <MeetingStateTag meeting={meeting} />
          </>
        }
        extra={
          <Space wrap>
            <ReviewActions meeting={meeting} />
            {meeting.editable && branch.data ? (
              <Button
                onClick={() => {
                  setOpened((count) => count + 1);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {meeting.editable ? (
              <Popconfirm
                title={t('meetings.deleteConfirm')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(meeting.id).then(
                    () => {
                      message.success(t('common.deleted'));
                      navigate(`/branches/${meeting.branchId}?tab=meetings`, { replace: true });
                    },
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button danger>{t('common.delete')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
      <div className="meeting-layout">
        <Card className="meeting-record">
          <dl className="branch-facts">
            <Fact label={t('meetings.field.type')}>{t(`meetings.type.${meeting.type}`)}</Fact>
            <Fact label={t('meetings.field.heldOn')}>
              {meeting.heldOn} {meeting.startTime ?? ''}
            </Fact>
            <Fact label={t('meetings.field.period')}>{meeting.period}</Fact>
            <Fact label={t('meetings.field.place')}>{meeting.place ?? '—'}</Fact>
            <Fact label={t('meetings.field.chair')}>{meeting.chair ?? '—'}</Fact>
            <Fact label={t('meetings.field.recorder')}>{meeting.recorder ?? '—'}</Fact>
            <Fact label={t('meetings.field.expected')}>{meeting.expectedCount}</Fact>
            <Fact label={t('meetings.field.present')}>{meeting.presentCount}</Fact>
            <Fact label={t('meetings.field.absent')}>{meeting.absentCount}</Fact>
          </dl>
          <section className="meeting-section" aria-labelledby="meeting-absences">
            <h2 id="meeting-absences" className="section-title">
              {t('meetings.field.absences')}
            </h2>
            {meeting.absences.length === 0 ? (
              <p className="muted">{t('meetings.noAbsences')}</p>
            ) : (
              <ul className="meeting-absence-list">
                {meeting.absences.map((a) => (
                  <li key={`${a.cadreId ?? ''}-${a.name}-${a.reason}`}>
                    {a.cadreId ? <Link to={`/cadres/${a.cadreId}`}>{a.name}</Link> : a.name}
                    {t('meetings.absenceReason', { reason: a.reason })}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {(
            [
              ['outsideAttendees', meeting.outsideAttendees],
              ['topics', meeting.topics],
              ['resolutions', meeting.resolutions],
            ] as const
          ).map(([field, value]) => (
            <section key={field} className="meeting-section" aria-labelledby={`meeting-${field}`}>
              <h2 id={`meeting-${field}`} className="section-title">
                {t(`meetings.field.${field}`)}
              </h2>
              <p className="meeting-text">{value ?? '—'}</p>
            </section>
          ))}
          <Files meeting={meeting} />
        </Card>
        <Card className="meeting-timeline" title={<h2 className="section-title">{t('meetings.review')}</h2>}>
          {history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
          {history.data ? <WorkflowTimeline history={history.data} newestFirst /> : null}
        </Card>
      </div>
      {branch.data ? (
        <MeetingForm
          key={`edit-${opened}`}
          open={editing}
          branch={branch.data}
          meeting={meeting}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}
