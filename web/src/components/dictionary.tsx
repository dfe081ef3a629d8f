import { Select } from 'antd';
import { itemLabel, useDictionaryItems } from '../api/dictionaries';
import { useLanguage } from '../i18n/i18n';

interface DictionaryLabelProps {
  /** The code table, e.g. `gender`. */
  dictionary: string;
  /** The item code stored on the record. */
  code: string | null | undefined;
}

/** Shows a stored dictionary code as its label in the UI language (falls back to the code itself). */
export function DictionaryLabel({ dictionary, code }: DictionaryLabelProps) {
  const language = useLanguage();
  const { data: items } = useDictionaryItems(code ? dictionary : undefined);
  if (!code) return <>—</>;
  const item = items?.find((candidate) => candidate.code === code);
  return <>{item ? itemLabel(item, language) : code}</>;
}

interface DictionarySelectProps {
  dictionary: string;
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** Offer retired items too (normally only active ones can be chosen). */
  includeInactive?: boolean;
  'aria-label'?: string;
  className?: string;
}

/** Chooses one item of a code table; a Form.Item control. */
export function DictionarySelect({
  dictionary,
  id,
  value,
  onChange,
  allowClear = true,
  placeholder,
  disabled,
  includeInactive = false,
  'aria-label': ariaLabel,
  className,
}: DictionarySelectProps) {
  const language = useLanguage();
  const { data: items, isLoading } = useDictionaryItems(dictionary);
  const options = (items ?? [])
    .filter((item) => includeInactive || item.active || item.code === value)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((item) => ({ value: item.code, label: itemLabel(item, language) }));
  return (
    <Select
      id={id}
      className={className}
      aria-label={ariaLabel}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      options={options}
      loading={isLoading}
      allowClear={allowClear}
      placeholder={placeholder}
      disabled={disabled}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}
