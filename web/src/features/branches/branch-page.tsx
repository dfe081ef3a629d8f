import { Alert, Card, Tabs } from 'antd';
import { type ComponentType, createContext, type ReactNode, useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../api/session';
import type { Branch } from '../../api/types';
import { BackLink } from '../../components/back-link';
import { DictionaryLabel } from '../../components/dictionary';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { StatusTag } from '../../components/status-tag';
import { useBranch } from './api';
import { BranchActions } from './branch-actions';
import { BranchForm } from './branch-form';
import { holdsMembers, needsBasis } from './branch-rules';
import { AdviceTag, ElectionDueDate, KindTag } from './branch-tags';
import { ChildBranchesTab } from './child-branches-tab';
import { CommitteeTab } from './committee-tab';
import { ElectionsTab } from './elections-tab';
import { HistoryTab } from './history-tab';
import { MembersTab } from './members-tab';
import { MobileTab } from './mobile-tab';
import { useBranchId } from './use-branch-id';

/** The tabs of a branch page, in order; the meetings (三会一课) tab shows to those who may read them. */
const TABS = [
  'members',
  'branches',
  'committee',
  'meetings',
  'rounds',
  'elections',
  'mobile',
  'history',
] as const;
type Tab = (typeof TABS)[number];

/** The tabs a branch has: a general branch (党总支) has branches under it instead of members. */
function tabsOf(
  branch: Branch,
  can: (permission: string) => boolean,
  given: Partial<BranchTabsFromFeatures>,
): Tab[] {
  return TABS.filter((tab) => {
    if (tab === 'meetings') return can('meetings:read') && given.meetings !== undefined;
    if (tab === 'rounds') return can('assessments:read') && given.rounds !== undefined;
    if (tab === 'members' || tab === 'mobile') return holdsMembers(branch.kind);
    if (tab === 'branches') return !holdsMembers(branch.kind);
    return true;
  });
}

/**
 * The tabs other features give a branch (its meetings, its assessment rounds). The app composes them
 * (web/src/app/branch-record-page.tsx), because a feature never imports another.
 */
export type BranchTabsFromFeatures = Record<'meetings' | 'rounds', ComponentType<{ branch: Branch }>>;

const FeatureTabs = createContext<Partial<BranchTabsFromFeatures>>({});

function BackToList() {
  const { t } = useTranslation();
  return <BackLink to="/branches" label={t('branches.backToList')} />;
}

/** /branches/:id — one branch: its facts and setup advice, and a tab per register. */
export function BranchPage({ featureTabs = {} }: { featureTabs?: Partial<BranchTabsFromFeatures> }) {
  return (
    <FeatureTabs.Provider value={featureTabs}>
      <BranchRecordFrame />
    </FeatureTabs.Provider>
  );
}

function BranchRecordFrame() {
  const { t } = useTranslation();
  const id = useBranchId();
  const branch = useBranch(id);
  useDocumentTitle(branch.data?.name ?? t('branches.record'));

  return (
    <RecordPage id={id} query={branch} notFound={t('branches.notFound')} back={<BackToList />}>
      {(data) => <BranchRecord key={data.id} branch={data} />}
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

function BranchFacts({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const { counts, setup } = branch;
  return (
    <Card className="branch-header">
      <p className="branch-header-tags">
        <KindTag kind={branch.kind} />
        <AdviceTag advice={setup.advice} />
      </p>
      {setup.needsAttention ? (
        <Alert
          className="branch-advice"
          type="warning"
          showIcon
          title={t(`branches.adviceHint.${setup.advice}`, { count: setup.counted })}
        />
      ) : null}
      <dl className="branch-facts">
        <Fact label={t('branches.field.org')}>{branch.orgName}</Fact>
        {branch.parentId !== null ? (
          <Fact label={t('branches.field.parent')}>
            <Link to={`/branches/${branch.parentId}`}>{branch.parentName}</Link>
          </Fact>
        ) : null}
        {needsBasis(branch.kind) ? (
          <Fact label={t('branches.field.basis')}>
            <DictionaryLabel dictionary="branch_basis" code={branch.basis} />
          </Fact>
        ) : null}
        {holdsMembers(branch.kind) ? (
          <>
            <Fact label={t('branches.field.primary')}>
              {t('branches.peopleValue', { count: counts.primary })}
            </Fact>
            <Fact label={t('branches.field.participating')}>
              {t('branches.peopleValue', { count: counts.participating })}
            </Fact>
            <Fact label={t('branches.field.mobile')}>
              {t('branches.peopleValue', { count: counts.mobile })}
            </Fact>
          </>
        ) : (
          <Fact label={t('branches.field.children')}>
            {t('branches.childrenValue', { count: counts.children, members: counts.childMembers })}
          </Fact>
        )}
        <Fact label={t('branches.field.secretary')}>{branch.secretary?.name ?? '—'}</Fact>
        <Fact label={t('branches.field.foundedOn')}>{branch.foundedOn ?? '—'}</Fact>
        <Fact label={t('branches.field.lastElectionOn')}>{branch.lastElectionOn ?? '—'}</Fact>
        <Fact label={t('branches.field.nextElectionDueOn')}>
          {branch.dissolvedOn ? '—' : <ElectionDueDate date={branch.nextElectionDueOn} />}
        </Fact>
        {branch.dissolvedOn ? (
          <Fact label={t('branches.field.dissolvedOn')}>
            <StatusTag>{branch.dissolvedOn}</StatusTag>
          </Fact>
        ) : null}
      </dl>
      {branch.remarks ? <p className="branch-remarks">{branch.remarks}</p> : null}
    </Card>
  );
}

function BranchRecord({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState(0);
  const can = useCan();
  const given = useContext(FeatureTabs);
  const tabs = tabsOf(branch, can, given);
  const first = tabs[0] as Tab;
  const activeTab = tabs.find((tab) => tab === params.get('tab')) ?? first;

  return (
    <>
      <BackToList />
      <PageHeader
        title={branch.name}
        description={
          branch.dissolvedOn ? t('branches.dissolvedOnValue', { date: branch.dissolvedOn }) : undefined
        }
        extra={
          <BranchActions
            branch={branch}
            variant="header"
            onEdit={() => {
              setOpened((count) => count + 1);
              setEditing(true);
            }}
            onDeleted={() => navigate('/branches', { replace: true })}
          />
        }
      />
      <BranchFacts branch={branch} />
      <Tabs
        className="record-tabs"
        activeKey={activeTab}
        onChange={(key) => setParams(key === first ? {} : { tab: key }, { replace: true })}
        items={tabs.map((tab) => ({
          key: tab,
          label: tab === 'rounds' ? t('rounds.tab') : t(`branches.tab.${tab}`),
          children: <TabContent tab={tab} branch={branch} />,
        }))}
        destroyOnHidden
      />
      <BranchForm key={`edit-${opened}`} open={editing} branch={branch} onClose={() => setEditing(false)} />
    </>
  );
}

function TabContent({ tab, branch }: { tab: Tab; branch: Branch }) {
  const { meetings: MeetingsTab, rounds: RoundsTab } = useContext(FeatureTabs);
  switch (tab) {
    case 'members':
      return <MembersTab branch={branch} />;
    case 'branches':
      return <ChildBranchesTab branch={branch} />;
    case 'committee':
      return <CommitteeTab branch={branch} />;
    case 'meetings':
      return MeetingsTab ? <MeetingsTab branch={branch} /> : null;
    case 'rounds':
      return RoundsTab ? <RoundsTab branch={branch} /> : null;
    case 'elections':
      return <ElectionsTab branch={branch} />;
    case 'mobile':
      return <MobileTab branch={branch} />;
    case 'history':
      return <HistoryTab branch={branch} />;
  }
}
