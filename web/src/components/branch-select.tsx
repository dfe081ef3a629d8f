import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBranch } from '../api/branches';
import { api, unwrap } from '../api/client';

/**
 * Picks a branch in scope by typing part of its name: the first ones in scope show before anything is
 * typed (a secretary sees their own branch at once), and a branch chosen elsewhere keeps its name.
 */
export function BranchSelect({
  id,
  value,
  onChange,
  className,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  // The secretary's own branch (and any in a small scope) shows before anything is typed.
  const found = useQuery({
    queryKey: ['branches', 'pick', keyword],
    queryFn: () =>
      unwrap(api.GET('/api/branches', { params: { query: { page: 1, pageSize: 30, keyword } } })),
  });
  // A branch chosen elsewhere (a link to its feed) keeps its name when the search does not list it.
  const chosen = useBranch(value);
  const options = (found.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: chosen.data.name });
  return (
    <Select<number>
      id={id}
      className={className}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('branchSelect.placeholder')}
      notFoundContent={t('branchSelect.none')}
      loading={found.isLoading}
      options={options}
    />
  );
}
