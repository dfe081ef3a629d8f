import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CadreListItem } from '../../api/types';
import { DictionaryLabel } from '../../components/dictionary';
import type { ListColumn } from '../../components/list-page';
import { orDash } from './cadre-format';
import { CategoryTag, DeceasedTag } from './cadre-tags';

/** The roster list's columns; the less used ones start hidden and can be picked in the column settings. */
export function useCadreColumns(): ListColumn<CadreListItem>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'name',
      title: t('cadres.field.name'),
      fixed: 'left',
      render: (_, cadre) => (
        <span className="cadre-name-cell">
          <Link to={`/cadres/${cadre.id}`}>{cadre.name}</Link>
          <DeceasedTag status={cadre.status} />
        </span>
      ),
    },
    {
      key: 'gender',
      title: t('cadres.field.gender'),
      render: (_, cadre) => <DictionaryLabel dictionary="gender" code={cadre.gender} />,
    },
    {
      key: 'age',
      title: t('cadres.field.age'),
      render: (_, cadre) => t('cadres.ageValue', { age: cadre.age }),
    },
    { key: 'birthDate', title: t('cadres.field.birthDate'), dataIndex: 'birthDate', defaultHidden: true },
    {
      key: 'category',
      title: t('cadres.field.category'),
      render: (_, cadre) => <CategoryTag category={cadre.category} />,
    },
    { key: 'orgName', title: t('cadres.field.org'), dataIndex: 'orgName' },
    {
      key: 'rank',
      title: t('cadres.field.rank'),
      render: (_, cadre) => <DictionaryLabel dictionary="rank" code={cadre.rank} />,
    },
    {
      key: 'treatmentLevel',
      title: t('cadres.field.treatmentLevel'),
      defaultHidden: true,
      render: (_, cadre) => <DictionaryLabel dictionary="treatment_level" code={cadre.treatmentLevel} />,
    },
    {
      key: 'politicalStatus',
      title: t('cadres.field.politicalStatus'),
      defaultHidden: true,
      render: (_, cadre) => <DictionaryLabel dictionary="political_status" code={cadre.politicalStatus} />,
    },
    {
      key: 'retiredOn',
      title: t('cadres.field.retiredOn'),
      dataIndex: 'retiredOn',
      render: (value: string | null) => orDash(value),
    },
    {
      key: 'idNumber',
      title: t('cadres.field.idNumber'),
      render: (_, cadre) => <span className="personal-number">{cadre.idNumber}</span>,
    },
    {
      key: 'mobile',
      title: t('cadres.field.mobile'),
      render: (_, cadre) => <span className="personal-number">{orDash(cadre.mobile)}</span>,
    },
    {
      key: 'livingSituation',
      title: t('cadres.field.livingSituation'),
      defaultHidden: true,
      render: (_, cadre) => <DictionaryLabel dictionary="living_situation" code={cadre.livingSituation} />,
    },
    {
      key: 'relocated',
      title: t('cadres.field.relocated'),
      defaultHidden: true,
      render: (_, cadre) => (cadre.relocated ? t('common.yes') : t('common.no')),
    },
  ];
}
