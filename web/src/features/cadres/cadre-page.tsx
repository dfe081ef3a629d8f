import { EditOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import type { Cadre, CadreReveal } from '../../api/types';
import { DictionaryLabel } from '../../components/dictionary';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { useCadre, useRevealCadre } from './api';
import { BackLink } from './back-link';
import { CadreBasicInfo } from './cadre-basic-info';
import { formatAge, orDash } from './cadre-format';
import { CadrePhoto } from './cadre-photo';
import { CategoryTag, DeceasedTag } from './cadre-tags';
import { RecordDeathDrawer, ReverseDeathModal } from './death-forms';
import { HealthTab } from './health-tab';
import { HistoryTab } from './history-tab';
import { FamilyTab, HospitalStaysTab, TravelsTab } from './ledger-tabs';
import { useCadreId } from './use-cadre-id';

const TABS = ['basic', 'family', 'health', 'hospital-stays', 'travels', 'history'] as const;
type Tab = (typeof TABS)[number];

/** /cadres/:id — one person's record: the header with photo and actions, and a tab per ledger. */
export function CadrePage() {
  const { t } = useTranslation();
  const id = useCadreId();
  const cadre = useCadre(id);
  useDocumentTitle(cadre.data?.name ?? t('cadres.record'));

  // A record of its own per person, so nothing revealed or opened carries over to the next one.
  return (
    <RecordPage id={id} query={cadre} notFound={t('cadres.notFound')} back={<BackLink />}>
      {(data) => <CadreRecord key={data.id} cadre={data} />}
    </RecordPage>
  );
}

function CadreRecord({ cadre }: { cadre: Cadre }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const reveal = useRevealCadre(cadre.id);
  const [revealed, setRevealed] = useState<CadreReveal>();
  const [dialog, setDialog] = useState<'death' | 'reverse'>();
  const writable = can('cadres:write');

  const requested = params.get('tab');
  const tabs: Tab[] = TABS.filter((tab) => tab !== 'health' || can('cadres:health'));
  const activeTab = tabs.find((tab) => tab === requested) ?? 'basic';

  const showNumbers = () =>
    reveal.mutate(undefined, {
      onSuccess: setRevealed,
      onError: (error) => message.error(errorMessage(error)),
    });

  const deceased = cadre.status === 'deceased';

  return (
    <>
      <BackLink />
      <PageHeader
        title={cadre.name}
        extra={
          <>
            {writable ? (
              <Button
                icon={<EditOutlined aria-hidden />}
                onClick={() => navigate(`/cadres/${cadre.id}/edit`)}
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {can('cadres:reveal') ? (
              revealed ? (
                <Button icon={<EyeInvisibleOutlined aria-hidden />} onClick={() => setRevealed(undefined)}>
                  {t('cadres.reveal.hide')}
                </Button>
              ) : (
                <Button icon={<EyeOutlined aria-hidden />} loading={reveal.isPending} onClick={showNumbers}>
                  {t('cadres.reveal.show')}
                </Button>
              )
            ) : null}
            {writable ? (
              deceased ? (
                <Button danger onClick={() => setDialog('reverse')}>
                  {t('cadres.death.reverse')}
                </Button>
              ) : (
                <Button onClick={() => setDialog('death')}>{t('cadres.death.record')}</Button>
              )
            ) : null}
          </>
        }
      />
      <Card className="cadre-header">
        <CadrePhoto cadre={cadre} editable={writable} />
        <div className="cadre-header-facts">
          <p className="cadre-header-tags">
            <CategoryTag category={cadre.category} />
            <DeceasedTag status={cadre.status} />
          </p>
          <dl className="cadre-facts">
            <div>
              <dt>{t('cadres.field.age')}</dt>
              <dd>{formatAge(cadre)}</dd>
            </div>
            <div>
              <dt>{t('cadres.field.gender')}</dt>
              <dd>
                <DictionaryLabel dictionary="gender" code={cadre.gender} />
              </dd>
            </div>
            <div>
              <dt>{t('cadres.field.org')}</dt>
              <dd>{cadre.orgName}</dd>
            </div>
            <div>
              <dt>{t('cadres.field.rank')}</dt>
              <dd>
                <DictionaryLabel dictionary="rank" code={cadre.rank} />
              </dd>
            </div>
            <div>
              <dt>{t('cadres.field.idNumber')}</dt>
              <dd className="personal-number">{revealed?.idNumber ?? cadre.idNumber}</dd>
            </div>
            <div>
              <dt>{t('cadres.field.mobile')}</dt>
              <dd className="personal-number">{orDash(revealed ? revealed.mobile : cadre.mobile)}</dd>
            </div>
            {cadre.death ? (
              <div>
                <dt>{t('cadres.field.diedOn')}</dt>
                <dd>{cadre.death.diedOn}</dd>
              </div>
            ) : null}
          </dl>
          <div aria-live="polite">
            {revealed ? (
              <Alert className="reveal-note" type="warning" showIcon title={t('cadres.reveal.note')} />
            ) : null}
          </div>
        </div>
      </Card>
      <Tabs
        className="cadre-tabs"
        activeKey={activeTab}
        onChange={(key) => setParams(key === 'basic' ? {} : { tab: key }, { replace: true })}
        items={tabs.map((tab) => ({
          key: tab,
          label: t(`cadres.tab.${tabKey(tab)}`),
          children: <TabContent tab={tab} cadre={cadre} revealed={revealed} />,
        }))}
        destroyOnHidden
      />
      {writable ? (
        <>
          <RecordDeathDrawer cadre={cadre} open={dialog === 'death'} onClose={() => setDialog(undefined)} />
          <ReverseDeathModal cadre={cadre} open={dialog === 'reverse'} onClose={() => setDialog(undefined)} />
        </>
      ) : null}
    </>
  );
}

function tabKey(tab: Tab): string {
  return tab === 'hospital-stays' ? 'hospitalStays' : tab;
}

function TabContent({ tab, cadre, revealed }: { tab: Tab; cadre: Cadre; revealed?: CadreReveal }) {
  const can = useCan();
  const editable = can('cadres:write');
  switch (tab) {
    case 'basic':
      return <CadreBasicInfo cadre={cadre} revealed={revealed} />;
    case 'family':
      return <FamilyTab cadreId={cadre.id} editable={editable} />;
    case 'health':
      return <HealthTab cadreId={cadre.id} editable={can('cadres:health')} />;
    case 'hospital-stays':
      return <HospitalStaysTab cadreId={cadre.id} editable={editable} />;
    case 'travels':
      return <TravelsTab cadreId={cadre.id} editable={editable} />;
    case 'history':
      return <HistoryTab cadreId={cadre.id} />;
  }
}
