import { PlusOutlined } from '@ant-design/icons';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  type FormInstance,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { ErrorAlert } from './error-alert';
import { FormDrawer } from './form-drawer';
import { applyFieldErrors } from './form-errors';

interface LedgerTableProps<T extends { id: number }, V extends object, B> {
  /** The ledger's name, e.g. 住院登记: the table's accessible name. */
  label: string;
  entries: UseQueryResult<T[], Error>;
  columns: TableColumnsType<T>;
  /** Whether the user may add, change and remove entries. */
  editable: boolean;
  addText: string;
  /** Title of the drawer: adding, or changing the given entry. */
  drawerTitle: (entry: T | undefined) => string;
  /** A short description of an entry for the delete confirmation. */
  describeEntry: (entry: T) => string;
  /** The form's fields (Form.Item elements); gets the form to read other fields, and the entry being changed. */
  fields: (form: FormInstance<V>, entry: T | undefined) => ReactNode;
  /** Field names, to show the server's validation problems on them. */
  fieldNames: readonly string[];
  toValues: (entry: T) => V;
  toBody: (values: V) => B;
  save: UseMutationResult<unknown, Error, { entryId?: number; body: B }>;
  remove: UseMutationResult<unknown, Error, number>;
  /** Values a new entry starts with. */
  newValues?: Partial<V>;
  /** More actions on a row, before change and remove (e.g. ending a term). */
  rowActions?: (entry: T) => ReactNode;
  /** More buttons beside the add button (e.g. export). */
  toolbar?: ReactNode;
  /** Hides the add button while adding makes no sense (e.g. nobody to add from). */
  canAdd?: boolean;
}

/**
 * A ledger on a record (a cadre's family and hospital stays, a branch's elections…): a table with add,
 * change and remove, the form in a drawer.
 */
export function LedgerTable<T extends { id: number }, V extends object, B>({
  label,
  entries,
  columns,
  editable,
  addText,
  drawerTitle,
  describeEntry,
  fields,
  fieldNames,
  toValues,
  toBody,
  save,
  remove,
  newValues,
  rowActions,
  toolbar,
  canAdd = true,
}: LedgerTableProps<T, V, B>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  // undefined: closed; null: adding; an entry: changing it.
  const [editing, setEditing] = useState<T | null>();
  const [opened, setOpened] = useState(0);

  const open = (entry: T | null) => {
    save.reset();
    setOpened((count) => count + 1);
    setEditing(entry);
  };
  const close = () => setEditing(undefined);

  const onFinish = (values: V) => {
    save.mutate(
      { entryId: editing?.id, body: toBody(values) },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          close();
        },
        onError: (error) => applyFieldErrors(form, error, fieldNames),
      },
    );
  };

  const actions: TableColumnsType<T> = editable
    ? [
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, entry) => (
            <Space size={0} wrap className="row-actions">
              {rowActions?.(entry)}
              <Button type="link" size="small" onClick={() => open(entry)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('common.deleteEntryConfirm', { entry: describeEntry(entry) })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(entry.id).then(
                    () => message.success(t('common.deleted')),
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button type="link" size="small" danger>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          ),
        },
      ]
    : [];

  return (
    <section className="ledger" aria-label={label}>
      {(editable && canAdd) || toolbar ? (
        <div className="drawer-toolbar">
          <Space wrap>
            {toolbar}
            {editable && canAdd ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open(null)}>
                {addText}
              </Button>
            ) : null}
          </Space>
        </div>
      ) : null}
      {entries.error ? <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} /> : null}
      <Table<T>
        className="list-table"
        size="middle"
        rowKey="id"
        columns={[...columns, ...actions]}
        dataSource={entries.data ?? []}
        loading={entries.isLoading}
        pagination={false}
        // Sideways scrolling needs something focusable in the rows for keyboard users (the edit
        // buttons); a read-only table wraps its text instead.
        scroll={editable ? { x: 'max-content' } : undefined}
      />
      <FormDrawer
        open={editing !== undefined}
        title={drawerTitle(editing ?? undefined)}
        onClose={close}
        onSubmit={() => form.submit()}
        submitting={save.isPending}
      >
        {save.error ? (
          <Alert className="form-alert" type="error" showIcon title={errorMessage(save.error)} />
        ) : null}
        <Form<V>
          key={opened}
          form={form}
          name={`ledger${opened}`}
          layout="vertical"
          onFinish={onFinish}
          initialValues={editing ? toValues(editing) : newValues}
        >
          {fields(form, editing ?? undefined)}
        </Form>
      </FormDrawer>
    </section>
  );
}
