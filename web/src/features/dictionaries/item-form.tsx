import { Alert, App, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Dictionary, DictionaryItem } from '../../api/types';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useCreateItem, useUpdateItem } from './api';

interface ItemValues {
  code: string;
  labelZh: string;
  labelEn: string;
  sortOrder: number;
  active: boolean;
}

const FIELDS = ['code', 'labelZh', 'labelEn', 'sortOrder', 'active'] as const;

/** Item codes: 1–40 letters, digits and _ . - (the server's rule; national-standard codes are digits). */
const ITEM_CODE_PATTERN = /^[0-9A-Za-z_.-]{1,40}$/;

interface ItemFormProps {
  open: boolean;
  dictionary: Dictionary;
  /** The item to edit; undefined to add one. */
  item?: DictionaryItem;
  nextSortOrder: number;
  onClose: () => void;
}

/**
 * Adds or edits an item. On a national-standard table only the labels can change: the codes,
 * their order and their validity belong to the standard.
 */
export function ItemForm({ open, dictionary, item, nextSortOrder, onClose }: ItemFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const create = useCreateItem();
  const update = useUpdateItem();
  const mutation = item ? update : create;
  const labelsOnly = dictionary.standard !== null;

  const onFinish = (values: ItemValues) => {
    const labels = { labelZh: values.labelZh.trim(), labelEn: values.labelEn.trim() };
    const handlers = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (error: unknown) => {
        applyFieldErrors(form, error, FIELDS);
      },
    };
    if (item) {
      update.mutate(
        {
          dictionary: dictionary.code,
          code: item.code,
          body: labelsOnly ? labels : { ...labels, sortOrder: values.sortOrder, active: values.active },
        },
        handlers,
      );
    } else {
      create.mutate(
        {
          dictionary: dictionary.code,
          body: { ...labels, code: values.code.trim(), sortOrder: values.sortOrder },
        },
        handlers,
      );
    }
  };

  return (
    <FormDrawer
      open={open}
      title={item ? t('dictionaries.editItemTitle', { code: item.code }) : t('dictionaries.addItemTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={mutation.isPending}
    >
      {labelsOnly ? (
        <Alert className="form-alert" type="info" showIcon title={t('dictionaries.standardNote')} />
      ) : null}
      {mutation.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(mutation.error)} />
      ) : null}
      <Form<ItemValues>
        name="dictionaryItem"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          item
            ? {
                code: item.code,
                labelZh: item.labelZh,
                labelEn: item.labelEn,
                sortOrder: item.sortOrder,
                active: item.active,
              }
            : { sortOrder: nextSortOrder, active: true }
        }
      >
        <Form.Item
          name="code"
          label={t('dictionaries.itemCode')}
          rules={
            item
              ? []
              : [
                  { required: true, message: t('dictionaries.itemCodeRequired') },
                  { pattern: ITEM_CODE_PATTERN, message: t('dictionaries.itemCodePattern') },
                ]
          }
        >
          <Input disabled={Boolean(item)} autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="labelZh"
          label={t('dictionaries.labelZh')}
          rules={[{ required: true, whitespace: true, message: t('dictionaries.labelRequired') }]}
        >
          <Input lang="zh-CN" autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="labelEn"
          label={t('dictionaries.labelEn')}
          rules={[{ required: true, whitespace: true, message: t('dictionaries.labelRequired') }]}
        >
          <Input lang="en" autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('dictionaries.sortOrder')}
          rules={[{ required: true, type: 'integer' }]}
        >
          <InputNumber precision={0} className="full-width" disabled={labelsOnly} />
        </Form.Item>
        {item ? (
          <Form.Item name="active" label={t('dictionaries.itemActive')} valuePropName="checked">
            <Switch disabled={labelsOnly} />
          </Form.Item>
        ) : null}
      </Form>
    </FormDrawer>
  );
}
