import { Empty, Spin, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Branch } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { useBranchMobileMembers, useCommittee, useElections, useMembers } from './api';

interface HistoryEvent {
  key: string;
  on: string;
  text: string;
  /** Antd timeline colour: what kind of step it was. */
  color: 'blue' | 'green' | 'red' | 'gray';
}

/**
 * 历程: the branch's story told from its own records, newest first: founding and dissolution, members
 * joining, leaving and transferring out, living elsewhere for a while, committee terms, and elections.
 */
export function HistoryTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const general = branch.kind === 'general';
  const members = useMembers(branch.id, 'all', !general);
  const committee = useCommittee(branch.id);
  const elections = useElections(branch.id);
  const mobile = useBranchMobileMembers(branch.id, !general);
  const queries = general ? [committee, elections] : [members, committee, elections, mobile];
  const failed = queries.find((query) => query.error);
  if (failed?.error) return <ErrorAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (queries.some((query) => !query.data)) return <Spin aria-label={t('common.loading')} />;

  const events: HistoryEvent[] = [];
  if (branch.foundedOn)
    events.push({
      key: 'founded',
      on: branch.foundedOn,
      text: t('branches.history.founded'),
      color: 'green',
    });
  if (branch.dissolvedOn)
    events.push({
      key: 'dissolved',
      on: branch.dissolvedOn,
      text: t('branches.history.dissolved'),
      color: 'gray',
    });
  for (const m of members.data ?? []) {
    const role = t(`branches.members.roleValue.${m.role}`);
    events.push({
      key: `joined-${m.id}`,
      on: m.joinedOn,
      text: t('branches.history.joined', { name: m.cadreName, role }),
      color: 'green',
    });
    if (m.leftOn) {
      events.push({
        key: `left-${m.id}`,
        on: m.leftOn,
        text: t(m.transferredToId !== null ? 'branches.history.transferredOut' : 'branches.history.left', {
          name: m.cadreName,
          reason: m.leaveReason ?? '—',
        }),
        color: 'gray',
      });
    }
  }
  for (const c of committee.data ?? []) {
    const post = t(`branches.committee.postValue.${c.post}`);
    events.push({
      key: `post-${c.id}`,
      on: c.startedOn,
      text: t('branches.history.postStarted', { name: c.cadreName, post }),
      color: 'blue',
    });
    if (c.endedOn)
      events.push({
        key: `post-end-${c.id}`,
        on: c.endedOn,
        text: t('branches.history.postEnded', { name: c.cadreName, post }),
        color: 'gray',
      });
  }
  for (const entry of mobile.data ?? []) {
    events.push({
      key: `away-${entry.id}`,
      on: entry.fromOn,
      text: t('branches.history.away', { name: entry.cadreName, place: entry.livingPlace }),
      color: 'blue',
    });
    if (entry.untilOn && !entry.current)
      events.push({
        key: `back-${entry.id}`,
        on: entry.untilOn,
        text: t('branches.history.back', { name: entry.cadreName, place: entry.livingPlace }),
        color: 'gray',
      });
  }
  for (const e of elections.data ?? []) {
    events.push({
      key: `election-${e.id}`,
      on: e.heldOn,
      text: e.place
        ? t('branches.history.electionAt', { place: e.place, count: e.termYears })
        : t('branches.history.election', { count: e.termYears }),
      color: 'red',
    });
  }
  events.sort((a, b) => b.on.localeCompare(a.on) || a.key.localeCompare(b.key));

  if (events.length === 0) return <Empty description={t('branches.history.empty')} />;
  return (
    <section aria-label={t('branches.tab.history')}>
      <Timeline
        items={events.map((event) => ({
          key: event.key,
          color: event.color,
          content: (
            <p className="history-line">
              <time dateTime={event.on}>{event.on}</time> {event.text}
            </p>
          ),
        }))}
      />
    </section>
  );
}
