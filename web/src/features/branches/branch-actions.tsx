import { Alert, App, Button, DatePicker, Form, Modal, Popconfirm } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import type { Branch } from '../../api/types';
import { fromDay, notInFuture, today } from '../../components/date-value';
import { useDeleteBranch, useUpdateBranch } from './api';

/** 撤销: dissolving a branch that has served, on a day; its members must have been transferred out first. */
function DissolveModal({ branch, open, onClose }: { branch: Branch; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dissolvedOn: Dayjs }>();
  const update = useUpdateBranch();
  const onFinish = ({ dissolvedOn }: { dissolvedOn: Dayjs }) =>
    update.mutate(
      { id: branch.id, body: { dissolvedOn: fromDay(dissolvedOn) } },
      {
        onSuccess: () => {
          message.success(t('branches.dissolved', { name: branch.name }));
          onClose();
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('branches.dissolveTitle', { name: branch.name })}
      okText={t('branches.dissolve')}
      okButtonProps={{ danger: true, loading: update.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('branches.dissolveNote')}</p>
      {update.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(update.error)} />
      ) : null}
      <Form
        form={form}
        name={`dissolve${branch.id}`}
        layout="vertical"
        initialValues={{ dissolvedOn: today() }}
        onFinish={onFinish}
      >
        <Form.Item
          name="dissolvedOn"
          label={t('branches.field.dissolvedOn')}
          rules={[
            { required: true, message: t('branches.rule.dissolvedOnRequired') },
            notInFuture(t('branches.rule.notFuture')),
          ]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface BranchActionsProps {
  branch: Branch;
  onEdit: () => void;
  /** After the branch has been deleted (e.g. leave its page). */
  onDeleted?: () => void;
  /** Link buttons in a list row, or ordinary buttons in a page header. */
  variant: 'row' | 'header';
}

/** Change, dissolve (or restore) and delete a branch, each behind a confirmation where it cannot be undone lightly. */
export function BranchActions({ branch, onEdit, onDeleted, variant }: BranchActionsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const update = useUpdateBranch();
  const remove = useDeleteBranch();
  const [dissolving, setDissolving] = useState(false);
  if (!can('branches:write')) return null;
  const size = variant === 'row' ? 'small' : undefined;
  const type = variant === 'row' ? 'link' : 'default';

  const restore = () =>
    update.mutateAsync({ id: branch.id, body: { dissolvedOn: null } }).then(
      () => message.success(t('branches.restored', { name: branch.name })),
      (error: unknown) => message.error(errorMessage(error)),
    );

  const deleteBranch = () =>
    remove.mutateAsync(branch.id).then(
      () => {
        message.success(t('branches.deleted', { name: branch.name }));
        onDeleted?.();
      },
      // The server says why (members past or present, branches under it): shown until acknowledged.
      (error: unknown) => {
        modal.error({
          title: t('branches.deleteRefused', { name: branch.name }),
          content: errorMessage(error),
          okText: t('common.close'),
        });
      },
    );

  return (
    <>
      <Button type={type} size={size} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      {branch.dissolvedOn ? (
        <Popconfirm
          title={t('branches.restoreConfirm', { name: branch.name })}
          okText={t('branches.restore')}
          cancelText={t('common.cancel')}
          onConfirm={restore}
        >
          <Button type={type} size={size}>
            {t('branches.restore')}
          </Button>
        </Popconfirm>
      ) : (
        <Button type={type} size={size} onClick={() => setDissolving(true)}>
          {t('branches.dissolve')}
        </Button>
      )}
      <Popconfirm
        title={t('branches.deleteConfirm', { name: branch.name })}
        description={t('branches.deleteNote')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={deleteBranch}
      >
        <Button type={type} size={size} danger>
          {t('common.delete')}
        </Button>
      </Popconfirm>
      <DissolveModal branch={branch} open={dissolving} onClose={() => setDissolving(false)} />
    </>
  );
}
