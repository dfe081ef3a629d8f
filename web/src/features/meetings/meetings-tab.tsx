import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../api/session';
import type { Branch } from '../../api/types';
import { isInteractiveTarget, ListPage, type ListQuery } from '../../components/list-page';
import { exportMeetings, type MeetingFilters, meetingsQueryKey } from './api';
import { useMeetingColumns } from './meeting-columns';
import { DEFAULT_MEETING_FILTERS, MeetingFilterFields, toMeetingFilters } from './meeting-filters';
import { MeetingForm } from './meeting-form';
import type { MeetingSummary } from './types';

/** 组织生活 on a branch page: the branch's meetings, recording a new one, and its completion grid. */
export function MeetingsTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const columns = useMeetingColumns(false);
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState(0);
  const fetchPage = (query: ListQuery<MeetingFilters>) => {
    const { keyword: _keyword, branchId: _branchId, orgId: _orgId, ...rest } = query;
    return unwrap(
      api.GET('/api/branches/{id}/meetings', { params: { path: { id: branch.id }, query: rest } }),
    );
  };
  return (
    <>
      <ListPage<MeetingSummary, MeetingFilters>
        label={t('meetings.branchListLabel')}
        queryKey={[...meetingsQueryKey, 'branch', branch.id]}
        fetchPage={fetchPage}
        columns={columns}
        rowKey="id"
        keyword={false}
        defaultFilters={DEFAULT_MEETING_FILTERS}
        toFilters={toMeetingFilters}
        filters={<MeetingFilterFields withBranch={false} />}
        onExport={(query) => exportMeetings({ ...query, branchId: branch.id })}
        toolbar={
          <>
            <Button onClick={() => navigate(`/branches/meetings/matrix?branchId=${branch.id}`)}>
              {t('meetings.matrix.branchGrid')}
            </Button>
            {can('meetings:write') && !branch.dissolvedOn ? (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => {
                  setOpened((count) => count + 1);
                  setCreating(true);
                }}
              >
                {t('meetings.create')}
              </Button>
            ) : null}
          </>
        }
        rowClassName={() => 'row-clickable'}
        onRow={(m) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/branches/meetings/${m.id}`);
          },
        })}
      />
      <MeetingForm
        key={`create-${opened}`}
        open={creating}
        branch={branch}
        onClose={() => setCreating(false)}
        onSaved={(meeting) => navigate(`/branches/meetings/${meeting.id}`)}
      />
    </>
  );
}
