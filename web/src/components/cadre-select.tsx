import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';

interface CadreSelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  /** Offer only Party members (中共党员 and probationary members). */
  partyMembers?: boolean;
  /** People who may not be chosen (e.g. already members), shown but disabled. */
  disabledIds?: ReadonlySet<number>;
  placeholder?: string;
  'aria-label'?: string;
}

const SEARCH_DELAY_MS = 300;

/**
 * Picks a living cadre by searching the roster as the user types: name, pinyin or its initials, former
 * names, ID number. Each option names the person's org and birth date, as namesakes are common.
 */
export function CadreSelect({
  id,
  value,
  onChange,
  partyMembers = false,
  disabledIds,
  placeholder,
  'aria-label': ariaLabel,
}: CadreSelectProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  // The chosen person stays labelled by name when a new search no longer lists them.
  const [chosen, setChosen] = useState<{ value: number; label: string; detail: string }>();

  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const found = useQuery({
    queryKey: ['cadres', 'pick', { keyword, partyMembers }],
    queryFn: () =>
      unwrap(
        api.GET('/api/cadres', {
          params: {
            query: {
              page: 1,
              pageSize: 20,
              keyword,
              status: 'active',
              ...(partyMembers ? { partyMember: true } : {}),
            },
          },
        }),
      ),
    enabled: keyword.length > 0,
    staleTime: 60_000,
  });

  const options = (found.data?.items ?? []).map((cadre) => ({
    value: cadre.id,
    label: cadre.name,
    disabled: Boolean(disabledIds?.has(cadre.id)),
    detail: `${cadre.orgName} · ${cadre.birthDate}`,
  }));
  if (chosen && chosen.value === value && !options.some((option) => option.value === value)) {
    options.unshift({ ...chosen, disabled: false });
  }

  return (
    <Select<number>
      id={id}
      aria-label={ariaLabel}
      value={value}
      onChange={(next) => {
        const option = options.find((candidate) => candidate.value === next);
        setChosen(option ? { value: option.value, label: option.label, detail: option.detail } : undefined);
        onChange?.(next ?? undefined);
      }}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      loading={found.isFetching}
      placeholder={placeholder ?? t('cadrePicker.placeholder')}
      notFoundContent={
        keyword
          ? found.isFetching
            ? t('common.loading')
            : t('cadrePicker.none')
          : t('cadrePicker.typeToSearch')
      }
      options={options}
      optionRender={(option) => (
        <span className="cadre-option">
          <span>{option.data.label}</span>
          <span className="cadre-option-detail">
            {option.data.disabled ? t('cadrePicker.alreadyIn') : option.data.detail}
          </span>
        </span>
      )}
    />
  );
}
