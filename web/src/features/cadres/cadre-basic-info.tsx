import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cadre, CadreReveal } from '../../api/types';
import { formatDateTime } from '../../components/date-time';
import { DictionaryLabel } from '../../components/dictionary';
import { useLanguage } from '../../i18n/i18n';
import { formatAge, formatBirthday, orDash } from './cadre-format';
import { CategoryTag } from './cadre-tags';

type Items = NonNullable<DescriptionsProps['items']>;

function Section({ title, items }: { title: string; items: Items }) {
  return (
    <section className="cadre-section" aria-label={title}>
      <h2 className="section-heading">{title}</h2>
      <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} items={items} />
    </section>
  );
}

/** Text with its region code, when one is recorded: "崇川区濠河路 1 号（320602）". */
function withRegion(address: string | null, region: string | null): ReactNode {
  if (!address && !region) return '—';
  return region ? `${address ?? ''}（${region}）` : address;
}

interface CadreBasicInfoProps {
  cadre: Cadre;
  /** The plain personal numbers, once the user has asked to see them. */
  revealed?: CadreReveal;
}

/** 基本信息: every field of the master record, grouped as the bureau's forms group them, plus what is derived. */
export function CadreBasicInfo({ cadre, revealed }: CadreBasicInfoProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const field = (name: string) => t(`cadres.field.${name}`);
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const contacts = revealed?.emergencyContacts ?? cadre.emergencyContacts;

  const identity: Items = [
    { key: 'name', label: field('name'), children: cadre.name },
    { key: 'formerNames', label: field('formerNames'), children: cadre.formerNames.join('、') || '—' },
    {
      key: 'gender',
      label: field('gender'),
      children: <DictionaryLabel dictionary="gender" code={cadre.gender} />,
    },
    { key: 'birthDate', label: field('birthDate'), children: cadre.birthDate },
    { key: 'age', label: field('age'), children: formatAge(cadre) },
    {
      key: 'idNumber',
      label: field('idNumber'),
      children: <span className="personal-number">{revealed?.idNumber ?? cadre.idNumber}</span>,
    },
    {
      key: 'ethnicity',
      label: field('ethnicity'),
      children: <DictionaryLabel dictionary="ethnicity" code={cadre.ethnicity} />,
    },
    { key: 'nativePlace', label: field('nativePlace'), children: orDash(cadre.nativePlace) },
    {
      key: 'education',
      label: field('education'),
      children: <DictionaryLabel dictionary="education" code={cadre.education} />,
    },
  ];

  const politicsAndWork: Items = [
    {
      key: 'politicalStatus',
      label: field('politicalStatus'),
      children: <DictionaryLabel dictionary="political_status" code={cadre.politicalStatus} />,
    },
    { key: 'partyJoinedOn', label: field('partyJoinedOn'), children: orDash(cadre.partyJoinedOn) },
    { key: 'workStartedOn', label: field('workStartedOn'), children: orDash(cadre.workStartedOn) },
    { key: 'category', label: field('category'), children: <CategoryTag category={cadre.category} /> },
    ...(cadre.category === 'lixiu'
      ? [
          {
            key: 'revolutionaryPeriod',
            label: field('revolutionaryPeriod'),
            children: <DictionaryLabel dictionary="revolutionary_period" code={cadre.revolutionaryPeriod} />,
          },
        ]
      : []),
    { key: 'retiredOn', label: field('retiredOn'), children: orDash(cadre.retiredOn) },
    {
      key: 'yearsRetired',
      label: field('yearsRetired'),
      children: cadre.yearsRetired === null ? '—' : t('cadres.yearsValue', { count: cadre.yearsRetired }),
    },
    { key: 'formerUnit', label: field('formerUnit'), children: orDash(cadre.formerUnit) },
    { key: 'formerPosition', label: field('formerPosition'), children: orDash(cadre.formerPosition) },
    {
      key: 'unitNature',
      label: field('unitNature'),
      children: <DictionaryLabel dictionary="unit_nature" code={cadre.unitNature} />,
    },
    { key: 'militaryTransfer', label: field('militaryTransfer'), children: yesNo(cadre.militaryTransfer) },
  ];

  const treatment: Items = [
    { key: 'rank', label: field('rank'), children: <DictionaryLabel dictionary="rank" code={cadre.rank} /> },
    {
      key: 'treatmentLevel',
      label: field('treatmentLevel'),
      children: <DictionaryLabel dictionary="treatment_level" code={cadre.treatmentLevel} />,
    },
    { key: 'treatmentDocNo', label: field('treatmentDocNo'), children: orDash(cadre.treatmentDocNo) },
  ];

  const livingAndContact: Items = [
    { key: 'org', label: field('org'), children: cadre.orgName },
    {
      key: 'livingSituation',
      label: field('livingSituation'),
      children: <DictionaryLabel dictionary="living_situation" code={cadre.livingSituation} />,
    },
    {
      key: 'relocated',
      label: field('relocated'),
      children: cadre.relocated ? `${t('common.yes')}（${orDash(cadre.relocationPlace)}）` : t('common.no'),
    },
    {
      key: 'mobile',
      label: field('mobile'),
      children: <span className="personal-number">{orDash(revealed ? revealed.mobile : cadre.mobile)}</span>,
    },
    {
      key: 'landline',
      label: field('landline'),
      children: (
        <span className="personal-number">{orDash(revealed ? revealed.landline : cadre.landline)}</span>
      ),
    },
    {
      key: 'homeAddress',
      label: field('homeAddress'),
      children: withRegion(cadre.homeAddress, cadre.homeRegionCode),
    },
    {
      key: 'habitualAddress',
      label: field('habitualAddress'),
      children: withRegion(cadre.habitualAddress, cadre.habitualRegionCode),
    },
    {
      key: 'emergencyContacts',
      label: field('emergencyContacts'),
      span: 'filled',
      children:
        contacts.length === 0 ? (
          '—'
        ) : (
          <ul className="plain-list">
            {contacts.map((contact, index) => (
              // Contacts have no id of their own; their order is what the record keeps.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                {contact.name}（{contact.relation}）<span className="personal-number">{contact.phone}</span>
              </li>
            ))}
          </ul>
        ),
    },
  ];

  const other: Items = [
    { key: 'birthday', label: field('birthday'), children: formatBirthday(cadre.birthday, language) },
    {
      key: 'nextBirthday',
      label: field('nextBirthday'),
      children: t('cadres.nextBirthdayValue', {
        date: cadre.nextBirthday,
        age: Number(cadre.nextBirthday.slice(0, 4)) - Number(cadre.birthDate.slice(0, 4)),
      }),
    },
    { key: 'hobbies', label: field('hobbies'), children: orDash(cadre.hobbies) },
    { key: 'specialities', label: field('specialities'), children: orDash(cadre.specialities) },
    { key: 'remarks', label: field('remarks'), span: 'filled', children: orDash(cadre.remarks) },
    { key: 'createdAt', label: field('createdAt'), children: formatDateTime(cadre.createdAt, language) },
    { key: 'updatedAt', label: field('updatedAt'), children: formatDateTime(cadre.updatedAt, language) },
  ];

  const death = cadre.death;

  return (
    <div className="cadre-basic-info">
      {death ? (
        <Section
          title={t('cadres.section.death')}
          items={[
            { key: 'diedOn', label: field('diedOn'), children: death.diedOn },
            { key: 'cause', label: field('cause'), children: orDash(death.cause) },
            { key: 'farewell', label: field('farewell'), children: orDash(death.farewell) },
            {
              key: 'pensionRecipient',
              label: field('pensionRecipient'),
              children: orDash(death.pensionRecipient),
            },
            { key: 'pensionUntil', label: field('pensionUntil'), children: orDash(death.pensionUntil) },
            { key: 'deathRemarks', label: field('remarks'), children: orDash(death.remarks) },
          ]}
        />
      ) : null}
      <Section title={t('cadres.section.identity')} items={identity} />
      <Section title={t('cadres.section.politicsAndWork')} items={politicsAndWork} />
      <Section title={t('cadres.section.treatment')} items={treatment} />
      <Section title={t('cadres.section.livingAndContact')} items={livingAndContact} />
      <Section title={t('cadres.section.other')} items={other} />
    </div>
  );
}
