import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/date-time';
import type { ListColumn } from '../../components/list-page';
import { useLanguage } from '../../i18n/i18n';
import { MeetingStateTag } from './meeting-tags';
import type { MeetingSummary } from './types';

/** The columns of a meeting list; the branch's own tab leaves out the branch. */
export function useMeetingColumns(withBranch: boolean): ListColumn<MeetingSummary>[] {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(() => {
    const columns: (ListColumn<MeetingSummary> | false)[] = [
      {
        key: 'heldOn',
        title: t('meetings.field.heldOn'),
        render: (_, m) => <Link to={`/branches/meetings/${m.id}`}>{m.heldOn}</Link>,
      },
      { key: 'type', title: t('meetings.field.type'), render: (_, m) => t(`meetings.type.${m.type}`) },
      { key: 'state', title: t('meetings.field.state'), render: (_, m) => <MeetingStateTag meeting={m} /> },
      withBranch && {
        key: 'branchName',
        title: t('meetings.field.branch'),
        render: (_, m) => <Link to={`/branches/${m.branchId}?tab=meetings`}>{m.branchName}</Link>,
      },
      withBranch && { key: 'orgName', title: t('meetings.field.org'), dataIndex: 'orgName' },
      { key: 'period', title: t('meetings.field.period'), dataIndex: 'period', defaultHidden: true },
      {
        key: 'attendance',
        title: t('meetings.field.attendance'),
        render: (_, m) =>
          t('meetings.attendanceValue', {
            expected: m.expectedCount,
            present: m.presentCount,
            absent: m.absentCount,
          }),
      },
      {
        key: 'place',
        title: t('meetings.field.place'),
        dataIndex: 'place',
        render: (value: string | null) => value ?? '—',
        defaultHidden: true,
      },
      {
        key: 'files',
        title: t('meetings.field.files'),
        render: (_, m) => t('meetings.filesValue', { photos: m.photoCount, attachments: m.attachmentCount }),
      },
      {
        key: 'updatedAt',
        title: t('meetings.field.updatedAt'),
        dataIndex: 'updatedAt',
        render: (value: string) => formatDateTime(value, language),
        defaultHidden: true,
      },
    ];
    return columns.filter((c): c is ListColumn<MeetingSummary> => Boolean(c));
  }, [t, language, withBranch]);
}
