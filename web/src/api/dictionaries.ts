import { useQuery } from '@tanstack/react-query';
import type { Language } from '../i18n/i18n';
import { api, unwrap } from './client';
import type { Dictionary, DictionaryItem } from './types';

export const dictionariesQueryKey = ['dictionaries'] as const;

export function dictionaryItemsQueryKey(code: string) {
  return ['dictionary-items', code] as const;
}

export function useDictionaries() {
  return useQuery({
    queryKey: dictionariesQueryKey,
    queryFn: () => unwrap(api.GET('/api/dictionaries')),
    staleTime: 5 * 60_000,
  });
}

/** The items of one code table, e.g. `gender`; cached for a while since they rarely change. */
export function useDictionaryItems(code: string | undefined) {
  return useQuery({
    queryKey: dictionaryItemsQueryKey(code ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/dictionaries/{code}/items', { params: { path: { code: code ?? '' } } })),
    staleTime: 5 * 60_000,
    enabled: Boolean(code),
  });
}

/** The label of a dictionary item in the UI language. */
export function itemLabel(item: Pick<DictionaryItem, 'labelZh' | 'labelEn'>, language: Language): string {
  return language === 'en-US' ? item.labelEn || item.labelZh : item.labelZh;
}

/** The name of a dictionary in the UI language. */
export function dictionaryName(
  dictionary: Pick<Dictionary, 'nameZh' | 'nameEn'>,
  language: Language,
): string {
  return language === 'en-US' ? dictionary.nameEn || dictionary.nameZh : dictionary.nameZh;
}
