import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  TimePicker,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommittee, useMembers } from '../../api/branches';
import { errorMessage } from '../../api/client';
import type { Branch } from '../../api/types';
import { CadreSelect } from '../../components/cadre-select';
import { fromDay, notInFuture, toDay, today } from '../../components/date-value';
import { maxSize } from '../../components/file-kinds';
import { FilePicker } from '../../components/file-picker';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useIsMobile } from '../../components/use-is-mobile';
import { useCreateMeeting, useUpdateMeeting, useUploadMeetingFile } from './api';
import {
  attendanceAddsUp,
  MAX_COUNT,
  MAX_LENGTH,
  MEETING_TYPES,
  presentWithinExpected,
} from './meeting-rules';
import type { Meeting, MeetingType } from './types';

interface AbsenceValue {
  cadreId?: number;
  name?: string;
  reason?: string;
}

interface MeetingValues {
  type: MeetingType;
  heldOn: Dayjs;
  startTime?: Dayjs;
  place?: string;
  chair?: string;
  recorder?: string;
  expectedCount: number;
  presentCount: number;
  absences?: AbsenceValue[];
  outsideAttendees?: string;
  topics?: string;
  resolutions?: string;
}

const FIELDS = [
  'type',
  'heldOn',
  'startTime',
  'place',
  'chair',
  'recorder',
  'expectedCount',
  'presentCount',
  'absences',
  'outsideAttendees',
  'topics',
  'resolutions',
] as const;

const text = (value: string | undefined) => value?.trim() || null;

/** The API's HH:MM as a TimePicker's value (today at that time). */
function timeOfDay(value: string | null): Dayjs | undefined {
  const match = value ? /^(\d{2}):(\d{2})/.exec(value) : null;
  return match ? today().hour(Number(match[1])).minute(Number(match[2])).second(0) : undefined;
}

function toValues(meeting: Meeting): MeetingValues {
  return {
    type: meeting.type,
    heldOn: toDay(meeting.heldOn) as Dayjs,
    startTime: timeOfDay(meeting.startTime),
    place: meeting.place ?? undefined,
    chair: meeting.chair ?? undefined,
    recorder: meeting.recorder ?? undefined,
    expectedCount: meeting.expectedCount,
    presentCount: meeting.presentCount,
    absences: meeting.absences.map((a) => ({
      cadreId: a.cadreId ?? undefined,
      name: a.cadreId ? undefined : a.name,
      reason: a.reason,
    })),
    outsideAttendees: meeting.outsideAttendees ?? undefined,
    topics: meeting.topics ?? undefined,
    resolutions: meeting.resolutions ?? undefined,
  };
}

function toBody(values: MeetingValues) {
  return {
    type: values.type,
    heldOn: fromDay(values.heldOn) ?? '',
    startTime: values.startTime ? values.startTime.format('HH:mm') : null,
    place: text(values.place),
    chair: text(values.chair),
    recorder: text(values.recorder),
    expectedCount: values.expectedCount,
    presentCount: values.presentCount,
    absences: (values.absences ?? []).map((a) => ({
      cadreId: a.cadreId ?? null,
      name: a.cadreId ? null : text(a.name),
      reason: a.reason?.trim() ?? '',
    })),
    outsideAttendees: text(values.outsideAttendees),
    topics: text(values.topics),
    resolutions: text(values.resolutions),
  };
}

/**
 * 应到 as the server counts it when not told: the committee's current members for a committee meeting
 * (支委会), otherwise the branch's current members.
 */
function useDefaultExpected(branch: Branch, type: MeetingType | undefined) {
  const general = branch.kind === 'general';
  const members = useMembers(branch.id, 'active', !general);
  const committee = useCommittee(branch.id);
  const onCommittee = (committee.data ?? []).filter((entry) => !entry.endedOn).length;
  if (type === 'committee' && onCommittee > 0) return onCommittee;
  if (general) return branch.counts.childMembers;
  return members.data?.length;
}

/** Who can be named absent: the branch's current members (a general branch: anyone found on the roster). */
function AbsentMemberField({ branch, name }: { branch: Branch; name: number }) {
  const { t } = useTranslation();
  const general = branch.kind === 'general';
  const members = useMembers(branch.id, 'active', !general);
  if (general)
    return (
      <Form.Item
        name={[name, 'cadreId']}
        label={t('meetings.absence.member')}
        rules={[{ required: true, message: t('meetings.absence.memberRequired') }]}
      >
        <CadreSelect partyMembers />
      </Form.Item>
    );
  return (
    <Form.Item
      name={[name, 'cadreId']}
      label={t('meetings.absence.member')}
      rules={[{ required: true, message: t('meetings.absence.memberRequired') }]}
    >
      <Select<number>
        showSearch={{ optionFilterProp: 'label' }}
        loading={members.isLoading}
        placeholder={t('meetings.absence.memberPlaceholder')}
        options={(members.data ?? []).map((m) => ({ value: m.cadreId, label: m.cadreName }))}
      />
    </Form.Item>
  );
}

interface MeetingFormProps {
  open: boolean;
  branch: Branch;
  /** The meeting being changed; a new one when undefined. */
  meeting?: Meeting;
  onClose: () => void;
  /** After saving (and uploading the photos and attachments picked). */
  onSaved?: (meeting: Meeting) => void;
}

/**
 * 会议记录: records a meeting, or changes a draft or returned one. Built for a phone: a full-screen
 * drawer, one column, large controls; photos can be taken with the camera. Attendance is checked as
 * the server checks it (实到 ≤ 应到, 实到 + 缺席 = 应到), and the server's refusals are shown.
 */
export function MeetingForm({ open, branch, meeting, onClose, onSaved }: MeetingFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<MeetingValues>();
  const create = useCreateMeeting(branch.id);
  const update = useUpdateMeeting();
  const upload = useUploadMeetingFile();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [attachments, setAttachments] = useState<UploadFile[]>([]);
  const [expectedTouched, setExpectedTouched] = useState(meeting !== undefined);
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const type = Form.useWatch('type', form);
  const defaultExpected = useDefaultExpected(branch, type);
  const size = isMobile ? 'large' : 'middle';

  // A new meeting expects, until the user says otherwise, whom the server would count.
  useEffect(() => {
    if (!meeting && !expectedTouched && defaultExpected !== undefined)
      form.setFieldsValue({ expectedCount: defaultExpected });
  }, [meeting, expectedTouched, defaultExpected, form]);

  const onFinish = async (values: MeetingValues) => {
    setFailure(undefined);
    setSaving(true);
    try {
      const body = toBody(values);
      const saved = meeting
        ? await update.mutateAsync({ id: meeting.id, body })
        : await create.mutateAsync(body);
      for (const [kind, files] of [
        ['photo', photos],
        ['attachment', attachments],
      ] as const) {
        for (const file of files) {
          if (file.originFileObj) await upload.mutateAsync({ id: saved.id, file: file.originFileObj, kind });
        }
      }
      message.success(t('common.saved'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setFailure(error);
      applyFieldErrors(form, error, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const expectedHint =
    !meeting && defaultExpected !== undefined
      ? t(type === 'committee' ? 'meetings.expectedHintCommittee' : 'meetings.expectedHint', {
          count: defaultExpected,
        })
      : undefined;

  return (
    <FormDrawer
      open={open}
      title={meeting ? t('meetings.editTitle') : t('meetings.createTitle', { branch: branch.name })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={saving}
      width={640}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<MeetingValues>
        form={form}
        name="meeting"
        layout="vertical"
        size={size}
        className="meeting-form"
        initialValues={
          meeting ? toValues(meeting) : { type: 'committee', heldOn: today(), presentCount: undefined }
        }
        onValuesChange={(changed) => {
          if ('expectedCount' in changed) setExpectedTouched(true);
        }}
        onFinish={(values) => void onFinish(values)}
      >
        <Form.Item
          name="type"
          label={t('meetings.field.type')}
          rules={[{ required: true, message: t('meetings.typeRequired') }]}
        >
          <Select options={MEETING_TYPES.map((value) => ({ value, label: t(`meetings.type.${value}`) }))} />
        </Form.Item>
        <div className="meeting-form-row">
          <Form.Item
            name="heldOn"
            label={t('meetings.field.heldOn')}
            rules={[
              { required: true, message: t('meetings.heldOnRequired') },
              notInFuture(t('meetings.rule.notFuture')),
            ]}
          >
            <DatePicker className="full-width" disabledDate={(day) => day.isAfter(today(), 'day')} />
          </Form.Item>
          <Form.Item name="startTime" label={t('meetings.field.startTime')}>
            <TimePicker className="full-width" format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
        </div>
        <Form.Item name="place" label={t('meetings.field.place')}>
          <Input maxLength={MAX_LENGTH.place} />
        </Form.Item>
        <div className="meeting-form-row">
          <Form.Item name="chair" label={t('meetings.field.chair')}>
            <Input maxLength={MAX_LENGTH.chair} />
          </Form.Item>
          <Form.Item name="recorder" label={t('meetings.field.recorder')}>
            <Input maxLength={MAX_LENGTH.recorder} />
          </Form.Item>
        </div>
        <fieldset className="meeting-attendance">
          <legend>{t('meetings.field.attendance')}</legend>
          <div className="meeting-form-row">
            <Form.Item
              name="expectedCount"
              label={t('meetings.field.expected')}
              extra={expectedHint}
              rules={[{ required: true, message: t('meetings.expectedRequired') }]}
            >
              <InputNumber className="full-width" min={0} max={MAX_COUNT} precision={0} inputMode="numeric" />
            </Form.Item>
            <Form.Item
              name="presentCount"
              label={t('meetings.field.present')}
              dependencies={['expectedCount', 'absences']}
              rules={[
                { required: true, message: t('meetings.presentRequired') },
                presentWithinExpected(t('meetings.rule.presentWithinExpected')),
                attendanceAddsUp((counts) => t('meetings.rule.attendanceAddsUp', counts)),
              ]}
            >
              <InputNumber className="full-width" min={0} max={MAX_COUNT} precision={0} inputMode="numeric" />
            </Form.Item>
          </div>
          <Form.List name="absences">
            {(rows, { add, remove }) => (
              <div className="meeting-absences">
                <p className="meeting-absences-title">{t('meetings.field.absences')}</p>
                {rows.map((row, index) => (
                  <div key={row.key} className="meeting-absence">
                    <AbsentMemberField branch={branch} name={row.name} />
                    <Form.Item
                      name={[row.name, 'reason']}
                      label={t('meetings.absence.reason')}
                      rules={[
                        { required: true, whitespace: true, message: t('meetings.absence.reasonRequired') },
                      ]}
                    >
                      <Input maxLength={MAX_LENGTH.reason} />
                    </Form.Item>
                    <Button
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(row.name)}
                      aria-label={t('meetings.absence.removeNth', { n: index + 1 })}
                    >
                      {t('common.remove')}
                    </Button>
                  </div>
                ))}
                <Button block icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('meetings.absence.add')}
                </Button>
              </div>
            )}
          </Form.List>
        </fieldset>
        <Form.Item name="outsideAttendees" label={t('meetings.field.outsideAttendees')}>
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.outsideAttendees} />
        </Form.Item>
        <Form.Item name="topics" label={t('meetings.field.topics')}>
          <Input.TextArea rows={4} maxLength={MAX_LENGTH.topics} />
        </Form.Item>
        <Form.Item name="resolutions" label={t('meetings.field.resolutions')}>
          <Input.TextArea rows={3} maxLength={MAX_LENGTH.resolutions} />
        </Form.Item>
        <Form.Item
          label={t('meetings.field.photos')}
          extra={t('meetings.photoHint', { size: maxSize('photo') })}
        >
          <FilePicker
            kind="photo"
            files={photos}
            onChange={setPhotos}
            label={t('meetings.addPhoto')}
            tooLarge={t('meetings.photoTooLarge', { size: maxSize('photo') })}
          />
        </Form.Item>
        <Form.Item
          label={t('meetings.field.attachments')}
          extra={t('meetings.attachmentHint', { size: maxSize('attachment') })}
        >
          <FilePicker
            kind="attachment"
            files={attachments}
            onChange={setAttachments}
            label={t('meetings.addAttachment')}
            tooLarge={t('meetings.attachmentTooLarge', { size: maxSize('attachment') })}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
