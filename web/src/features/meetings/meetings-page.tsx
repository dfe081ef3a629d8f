import { Button } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isInteractiveTarget, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { exportMeetings, fetchMeetings, type MeetingFilters, meetingListQueryKey } from './api';
import { useMeetingColumns } from './meeting-columns';
import { DEFAULT_MEETING_FILTERS, MeetingFilterFields, toMeetingFilters } from './meeting-filters';
import type { MeetingSummary } from './types';

/** 组织生活: the meetings of the branches in scope, with their review state; the ledger export. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns = useMeetingColumns(true);
  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        description={t('meetings.description')}
        extra={
          <Button onClick={() => navigate('/branches/meetings/matrix')}>{t('meetings.matrix.title')}</Button>
        }
      />
      <ListPage<MeetingSummary, MeetingFilters>
        label={t('meetings.listLabel')}
        queryKey={meetingListQueryKey}
        fetchPage={fetchMeetings}
        columns={columns}
        rowKey="id"
        keyword={false}
        defaultFilters={DEFAULT_MEETING_FILTERS}
        stateKey="meetings"
        toFilters={toMeetingFilters}
        filters={<MeetingFilterFields withBranch />}
        onExport={exportMeetings}
        rowClassName={() => 'row-clickable'}
        onRow={(m) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/branches/meetings/${m.id}`);
          },
        })}
      />
    </>
  );
}
