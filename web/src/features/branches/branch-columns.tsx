import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Branch } from '../../api/types';
import { DictionaryLabel } from '../../components/dictionary';
import type { ListColumn } from '../../components/list-page';
import { StatusTag } from '../../components/status-tag';
import { isPhoneScreen } from '../../components/use-is-mobile';
import { AdviceTag, ElectionDueDate, KindTag } from './branch-tags';

const dash = (value: string | null) => value ?? '—';

/** The branch list's columns; on a phone the secondary ones start hidden (the column settings bring them back). */
export function useBranchColumns(): ListColumn<Branch>[] {
  const { t } = useTranslation();
  const phone = isPhoneScreen();
  return [
    {
      key: 'name',
      title: t('branches.field.name'),
      fixed: phone ? undefined : 'left',
      // On a phone the kind and the setup advice ride under the name, so one column says what matters.
      render: (_, branch) => (
        <span className={phone ? 'branch-name-stack' : 'branch-name-cell'}>
          <Link to={`/branches/${branch.id}`}>{branch.name}</Link>
          {phone ? (
            <span>
              <KindTag kind={branch.kind} />
              <AdviceTag advice={branch.setup.advice} />
            </span>
          ) : branch.dissolvedOn ? (
            <StatusTag>{t('branches.statusValue.dissolved')}</StatusTag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'kind',
      title: t('branches.field.kind'),
      defaultHidden: phone,
      render: (_, branch) => <KindTag kind={branch.kind} />,
    },
    {
      key: 'basis',
      title: t('branches.field.basis'),
      defaultHidden: phone,
      render: (_, branch) => <DictionaryLabel dictionary="branch_basis" code={branch.basis} />,
    },
    { key: 'orgName', title: t('branches.field.org'), dataIndex: 'orgName', defaultHidden: phone },
    {
      key: 'parentName',
      title: t('branches.field.parent'),
      dataIndex: 'parentName',
      // The tree beside the list already shows which general branch each branch sits under.
      defaultHidden: true,
      render: dash,
    },
    {
      key: 'primary',
      title: t('branches.field.primary'),
      align: 'right',
      render: (_, branch) =>
        branch.kind === 'general'
          ? t('branches.childrenValue', {
              count: branch.counts.children,
              members: branch.counts.childMembers,
            })
          : branch.counts.primary,
    },
    {
      key: 'participating',
      title: t('branches.field.participating'),
      align: 'right',
      render: (_, branch) => (branch.kind === 'general' ? '—' : branch.counts.participating),
    },
    {
      key: 'setup',
      title: t('branches.field.setup'),
      defaultHidden: phone,
      render: (_, branch) => <AdviceTag advice={branch.setup.advice} />,
    },
    {
      key: 'secretary',
      title: t('branches.field.secretary'),
      defaultHidden: true,
      render: (_, branch) => branch.secretary?.name ?? '—',
    },
    {
      key: 'nextElectionDueOn',
      title: t('branches.field.nextElectionDueOn'),
      render: (_, branch) => (branch.dissolvedOn ? '—' : <ElectionDueDate date={branch.nextElectionDueOn} />),
    },
    {
      key: 'mobile',
      title: t('branches.field.mobile'),
      align: 'right',
      defaultHidden: true,
      render: (_, branch) => branch.counts.mobile,
    },
    {
      key: 'foundedOn',
      title: t('branches.field.foundedOn'),
      dataIndex: 'foundedOn',
      defaultHidden: true,
      render: dash,
    },
    {
      key: 'dissolvedOn',
      title: t('branches.field.dissolvedOn'),
      dataIndex: 'dissolvedOn',
      defaultHidden: true,
      render: dash,
    },
  ];
}
