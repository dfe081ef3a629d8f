import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { dictionaryName, itemLabel, useDictionaries, useDictionaryItems } from '../../api/dictionaries';
import { useCan } from '../../api/session';
import type { Dictionary, DictionaryItem } from '../../api/types';
import { type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { useLanguage } from '../../i18n/i18n';
import { ItemForm } from './item-form';

type Dialog = { kind: 'add' } | { kind: 'edit'; item: DictionaryItem };

/** The code tables and the items of the one chosen. */
export function DictionariesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const dictionaries = useDictionaries();
  const selectedCode = params.get('code') ?? undefined;
  const selected = dictionaries.data?.find((dictionary) => dictionary.code === selectedCode);
  const items = useDictionaryItems(selected?.code);
  const [dialog, setDialogState] = useState<Dialog>();
  const [opened, setOpened] = useState(0);
  const setDialog = (next: Dialog) => {
    setOpened((count) => count + 1);
    setDialogState(next);
  };

  const canEdit = Boolean(selected?.editable) && can('dictionaries:write');
  // National-standard tables are closed lists: their items cannot be added, only relabelled.
  const canAdd = canEdit && selected?.standard === null;

  const dictionaryColumns: ListColumn<Dictionary>[] = [
    {
      key: 'name',
      title: t('dictionaries.name'),
      render: (_, dictionary) => (
        <Button
          type="link"
          size="small"
          className="link-cell"
          aria-current={dictionary.code === selectedCode ? 'true' : undefined}
          onClick={() => setParams({ code: dictionary.code })}
        >
          {dictionaryName(dictionary, language)}
        </Button>
      ),
    },
    {
      key: 'code',
      title: t('dictionaries.code'),
      dataIndex: 'code',
      render: (code: string) => <code>{code}</code>,
    },
    {
      key: 'standard',
      title: t('dictionaries.standard'),
      dataIndex: 'standard',
      render: (standard: string | null) =>
        standard ? <StatusTag tone="info">{standard}</StatusTag> : t('dictionaries.local'),
    },
    {
      key: 'editable',
      title: t('dictionaries.editable'),
      render: (_, dictionary) => (dictionary.editable ? t('common.yes') : t('common.no')),
    },
    { key: 'itemCount', title: t('dictionaries.itemCount'), dataIndex: 'itemCount' },
  ];

  const itemColumns: ListColumn<DictionaryItem>[] = [
    {
      key: 'code',
      title: t('dictionaries.itemCode'),
      dataIndex: 'code',
      render: (code: string) => <code>{code}</code>,
    },
    { key: 'label', title: t('dictionaries.label'), render: (_, item) => itemLabel(item, language) },
    { key: 'labelZh', title: t('dictionaries.labelZh'), dataIndex: 'labelZh' },
    { key: 'labelEn', title: t('dictionaries.labelEn'), dataIndex: 'labelEn' },
    { key: 'sortOrder', title: t('dictionaries.sortOrder'), dataIndex: 'sortOrder' },
    {
      key: 'active',
      title: t('dictionaries.itemActive'),
      render: (_, item) =>
        item.active ? (
          <StatusTag tone="success">{t('dictionaries.inUse')}</StatusTag>
        ) : (
          <StatusTag>{t('dictionaries.retired')}</StatusTag>
        ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, item: DictionaryItem) => (
              <Button
                type="link"
                size="small"
                onClick={() => setDialog({ kind: 'edit', item })}
                aria-label={t('dictionaries.editItem', { label: itemLabel(item, language) })}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const nextSortOrder = Math.max(0, ...(items.data ?? []).map((item) => item.sortOrder)) + 10;

  return (
    <>
      <PageHeader title={t('dictionaries.title')} description={t('dictionaries.description')} />
      <ListPage<Dictionary>
        label={t('dictionaries.listLabel')}
        query={dictionaries}
        columns={dictionaryColumns}
        rowKey="code"
        rowClassName={(dictionary) => (dictionary.code === selectedCode ? 'row-selected' : '')}
        matches={(dictionary, query) => {
          const keyword = query.keyword?.toLowerCase();
          return (
            !keyword ||
            [dictionary.code, dictionary.nameZh, dictionary.nameEn].some((text) =>
              text.toLowerCase().includes(keyword),
            )
          );
        }}
        defaultPageSize={10}
      />
      {selected ? (
        <Card
          className="dictionary-items"
          title={
            <h2 className="card-heading">
              {t('dictionaries.itemsOf', { name: dictionaryName(selected, language) })}
            </h2>
          }
        >
          {!selected.editable ? (
            <Alert className="form-alert" type="info" showIcon title={t('dictionaries.readOnlyNote')} />
          ) : null}
          <ListPage<DictionaryItem>
            label={t('dictionaries.itemsOf', { name: dictionaryName(selected, language) })}
            query={items}
            columns={itemColumns}
            rowKey="code"
            rowClassName={(item) => (item.active ? '' : 'row-muted')}
            toolbar={
              canAdd ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setDialog({ kind: 'add' })}
                >
                  {t('dictionaries.addItem')}
                </Button>
              ) : null
            }
          />
          <ItemForm
            key={`item-form-${opened}`}
            open={dialog !== undefined}
            dictionary={selected}
            item={dialog?.kind === 'edit' ? dialog.item : undefined}
            nextSortOrder={nextSortOrder}
            onClose={() => setDialogState(undefined)}
          />
        </Card>
      ) : (
        <p className="muted">{t('dictionaries.pickHint')}</p>
      )}
    </>
  );
}
