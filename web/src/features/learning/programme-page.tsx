import { DownloadOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { CadreSelect } from '../../components/cadre-select';
import { fromDay, toDay, today } from '../../components/date-value';
import { ErrorAlert } from '../../components/error-alert';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { PageHeader } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { useIsMobile } from '../../components/use-is-mobile';
import {
  exportAttendance,
  useAddAttendee,
  useAddSession,
  useAttendance,
  useDeleteProgramme,
  useDeleteSession,
  useProgramme,
  useProgrammeStats,
  useRemoveAttendee,
  useUpdateSession,
} from './api';
import { ProgrammeForm } from './programme-form';
import { Fact, useIdParam } from './shared';
import type { Programme, Session } from './types';

const back = (t: (key: string) => string) => ({
  to: '/learning/programmes',
  label: t('learning.programmes.backToList'),
});

/** /learning/programmes/:id — a programme: its sessions, attendance and the year's person-times. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const programme = useProgramme(id);
  return (
    <RecordPage
      id={id}
      query={programme}
      notFound={t('learning.programmes.notFound')}
      back={<BackLink {...back(t)} />}
    >
      {(data) => <ProgrammeRecord programme={data} />}
    </RecordPage>
  );
}

interface SessionValues {
  heldOn: Dayjs;
  title: string;
  place?: string;
  hours: number;
}

/** 培训班次: adds a session to the programme, or changes one. */
function SessionForm({
  open,
  programmeId,
  session,
  onClose,
}: {
  open: boolean;
  programmeId: number;
  session?: Session;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<SessionValues>();
  const add = useAddSession(programmeId);
  const update = useUpdateSession();
  const [failure, setFailure] = useState<unknown>();
  const onFinish = async (values: SessionValues) => {
    setFailure(undefined);
    const body = {
      heldOn: fromDay(values.heldOn) ?? '',
      title: values.title.trim(),
      place: values.place?.trim() || null,
      hours: values.hours,
    };
    try {
      if (session) await update.mutateAsync({ id: session.id, body });
      else await add.mutateAsync(body);
      message.success(t('common.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
      applyFieldErrors(form, error, ['heldOn', 'title', 'place', 'hours']);
    }
  };
  return (
    <FormDrawer
      open={open}
      title={session ? t('learning.sessions.editTitle') : t('learning.sessions.createTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending || update.isPending}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<SessionValues>
        form={form}
        name="session"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={
          session
            ? {
                heldOn: toDay(session.heldOn),
                title: session.title,
                place: session.place ?? undefined,
                hours: session.hours,
              }
            : { heldOn: today(), hours: 3 }
        }
        onFinish={onFinish}
      >
        <Form.Item
          name="title"
          label={t('learning.sessions.field.title')}
          rules={[{ required: true, whitespace: true, message: t('learning.sessions.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('learning.sessions.field.heldOn')}
          rules={[{ required: true, message: t('learning.sessions.heldOnRequired') }]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="place" label={t('learning.sessions.field.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('learning.sessions.field.hours')}
          rules={[{ required: true, message: t('learning.sessions.hoursRequired') }]}
        >
          <InputNumber min={0.5} max={200} step={0.5} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 参训登记: who attended a session; branch secretaries and cadres are marked present one by one. */
function AttendanceDrawer({
  session,
  onClose,
  writer,
}: {
  session: Session;
  onClose: () => void;
  writer: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attendance = useAttendance(session.id);
  const add = useAddAttendee(session.id);
  const remove = useRemoveAttendee(session.id);
  const [cadreId, setCadreId] = useState<number>();
  const present = new Set((attendance.data ?? []).map((a) => a.cadreId));
  return (
    <FormDrawer
      open
      title={t('learning.sessions.attendanceTitle', { title: session.title })}
      onClose={onClose}
    >
      <p className="muted">
        {session.heldOn} · {t('learning.sessions.attendanceCount', { count: attendance.data?.length ?? 0 })}
      </p>
      {writer ? (
        <Space.Compact className="full-width learning-attendee-add">
          <CadreSelect
            value={cadreId}
            onChange={setCadreId}
            disabledIds={present}
            aria-label={t('learning.sessions.attendee')}
            placeholder={t('learning.sessions.attendeePlaceholder')}
          />
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            disabled={cadreId === undefined}
            loading={add.isPending}
            onClick={() =>
              cadreId !== undefined &&
              add.mutate(cadreId, {
                onSuccess: () => {
                  message.success(t('learning.sessions.marked'));
                  setCadreId(undefined);
                },
                onError: (error) => message.error(errorMessage(error)),
              })
            }
          >
            {t('learning.sessions.mark')}
          </Button>
        </Space.Compact>
      ) : null}
      {attendance.error ? (
        <ErrorAlert error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : null}
      <Table
        size="small"
        rowKey="cadreId"
        loading={attendance.isLoading}
        dataSource={attendance.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            key: 'name',
            title: t('learning.sessions.attendee'),
            render: (_, a) => <Link to={`/cadres/${a.cadreId}`}>{a.cadreName}</Link>,
          },
          ...(writer
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, a: { cadreId: number; cadreName: string }) => (
                    <Popconfirm
                      title={t('learning.sessions.unmarkConfirm', { name: a.cadreName })}
                      okText={t('common.remove')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        remove
                          .mutateAsync(a.cadreId)
                          .catch((error: unknown) => message.error(errorMessage(error)))
                      }
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        aria-label={t('learning.sessions.unmark', { name: a.cadreName })}
                      >
                        {t('common.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </FormDrawer>
  );
}

function ProgrammeRecord({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const writer = can('learning:write');
  const stats = useProgrammeStats(programme.year);
  const figures = stats.data?.find((s) => s.programmeId === programme.id);
  const removeProgramme = useDeleteProgramme();
  const removeSession = useDeleteSession();
  const [editing, setEditing] = useState(false);
  const [sessionForm, setSessionForm] = useState<{ session?: Session; key: number }>();
  const [attending, setAttending] = useState<Session>();
  const [opened, setOpened] = useState(0);
  const [exporting, setExporting] = useState(false);
  return (
    <>
      <BackLink {...back(t)} />
      <PageHeader
        title={`${programme.year} ${programme.name}`}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={exporting}
              onClick={() => {
                setExporting(true);
                exportAttendance(programme.id)
                  .catch((error: unknown) => message.error(errorMessage(error)))
                  .finally(() => setExporting(false));
              }}
            >
              {t('learning.programmes.exportAttendance')}
            </Button>
            {writer ? (
              <>
                <Button
                  onClick={() => {
                    setOpened(opened + 1);
                    setEditing(true);
                  }}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('learning.programmes.deleteConfirm', { name: programme.name })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    removeProgramme.mutateAsync(programme.id).then(
                      () => {
                        message.success(t('common.deleted'));
                        navigate('/learning/programmes', { replace: true });
                      },
                      (error: unknown) => message.error(errorMessage(error)),
                    )
                  }
                >
                  <Button danger>{t('common.delete')}</Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        }
      />
      <Card>
        <dl className="branch-facts">
          <Fact label={t('learning.programmes.field.code')}>{programme.code}</Fact>
          <Fact label={t('learning.programmes.field.year')}>{programme.year}</Fact>
          <Fact label={t('learning.programmes.field.sessions')}>{programme.sessions.length}</Fact>
          <Fact label={t('learning.programmes.field.personTimes')}>{figures?.personTimes ?? '—'}</Fact>
          <Fact label={t('learning.programmes.field.people')}>{figures?.people ?? '—'}</Fact>
        </dl>
      </Card>
      <Card
        className="learning-card"
        title={<h2 className="section-title">{t('learning.sessions.title')}</h2>}
        extra={
          writer ? (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setSessionForm({ key: Date.now() })}>
              {t('learning.sessions.create')}
            </Button>
          ) : null
        }
      >
        <Table<Session>
          size="middle"
          rowKey="id"
          dataSource={programme.sessions}
          pagination={false}
          scroll={programme.sessions.length > 0 ? { x: 'max-content' } : undefined}
          locale={{ emptyText: t('learning.sessions.none') }}
          columns={[
            { key: 'heldOn', title: t('learning.sessions.field.heldOn'), dataIndex: 'heldOn' },
            { key: 'title', title: t('learning.sessions.field.title'), dataIndex: 'title' },
            {
              key: 'place',
              title: t('learning.sessions.field.place'),
              dataIndex: 'place',
              render: (v: string | null) => v ?? '—',
            },
            { key: 'hours', title: t('learning.sessions.field.hours'), dataIndex: 'hours', align: 'right' },
            {
              key: 'attendance',
              title: t('learning.sessions.field.attendance'),
              dataIndex: 'attendance',
              align: 'right',
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, s) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    icon={<TeamOutlined aria-hidden />}
                    onClick={() => setAttending(s)}
                    aria-label={t('learning.sessions.attendanceOf', { title: s.title })}
                  >
                    {t('learning.sessions.attendance')}
                  </Button>
                  {writer ? (
                    <>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setSessionForm({ session: s, key: Date.now() })}
                        aria-label={t('learning.sessions.editOf', { title: s.title })}
                      >
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('learning.sessions.deleteConfirm', { title: s.title, count: s.attendance })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          removeSession
                            .mutateAsync(s.id)
                            .catch((error: unknown) => message.error(errorMessage(error)))
                        }
                      >
                        <Button
                          type="link"
                          size="small"
                          danger
                          aria-label={t('learning.sessions.deleteOf', { title: s.title })}
                        >
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ProgrammeForm key={opened} open={editing} programme={programme} onClose={() => setEditing(false)} />
      {sessionForm ? (
        <SessionForm
          key={sessionForm.key}
          open
          programmeId={programme.id}
          session={sessionForm.session}
          onClose={() => setSessionForm(undefined)}
        />
      ) : null}
      {attending ? (
        <AttendanceDrawer
          session={programme.sessions.find((s) => s.id === attending.id) ?? attending}
          writer={writer}
          onClose={() => setAttending(undefined)}
        />
      ) : null}
    </>
  );
}
