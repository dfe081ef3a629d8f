import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { dictionariesQueryKey, dictionaryItemsQueryKey } from '../../api/dictionaries';
import type { CreateDictionaryItemBody, UpdateDictionaryItemBody } from '../../api/types';

function useInvalidateDictionary() {
  const queryClient = useQueryClient();
  return (code: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: dictionaryItemsQueryKey(code) }),
      queryClient.invalidateQueries({ queryKey: dictionariesQueryKey }),
    ]);
}

export function useCreateItem() {
  const invalidate = useInvalidateDictionary();
  return useMutation({
    mutationFn: ({ dictionary, body }: { dictionary: string; body: CreateDictionaryItemBody }) =>
      unwrap(api.POST('/api/dictionaries/{code}/items', { params: { path: { code: dictionary } }, body })),
    onSuccess: (_item, { dictionary }) => invalidate(dictionary),
  });
}

export function useUpdateItem() {
  const invalidate = useInvalidateDictionary();
  return useMutation({
    mutationFn: ({
      dictionary,
      code,
      body,
    }: {
      dictionary: string;
      code: string;
      body: UpdateDictionaryItemBody;
    }) =>
      unwrap(
        api.PATCH('/api/dictionaries/{code}/items/{itemCode}', {
          params: { path: { code: dictionary, itemCode: code } },
          body,
        }),
      ),
    onSuccess: (_item, { dictionary }) => invalidate(dictionary),
  });
}
