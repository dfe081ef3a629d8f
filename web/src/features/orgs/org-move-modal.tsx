import { Alert, App, Form, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Org } from '../../api/types';
import { subtreeIds } from '../../components/org-tree';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useMoveOrg } from './api';

interface OrgMoveModalProps {
  org: Org | undefined;
  orgs: readonly Org[];
  onClose: () => void;
}

/** Moves an org (with its subtree) under a new parent, after a second confirmation. */
export function OrgMoveModal({ org, orgs, onClose }: OrgMoveModalProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ parentId: number }>();
  const move = useMoveOrg();
  // Neither the org itself nor anything under it can become its parent; nor can its current parent.
  const disabledIds = useMemo(() => {
    if (!org) return new Set<number>();
    const ids = subtreeIds(orgs, org.id);
    if (org.parentId !== null) ids.add(org.parentId);
    return ids;
  }, [org, orgs]);

  const onFinish = ({ parentId }: { parentId: number }) => {
    if (!org) return;
    const target = orgs.find((candidate) => candidate.id === parentId);
    modal.confirm({
      title: t('orgs.moveConfirm', { name: org.name, parent: target?.name ?? '' }),
      content: t('orgs.moveConfirmNote'),
      okText: t('orgs.move'),
      cancelText: t('common.cancel'),
      onOk: () =>
        move.mutateAsync({ id: org.id, parentId }).then(
          () => {
            message.success(t('orgs.moved', { name: org.name }));
            onClose();
          },
          (error: unknown) => {
            message.error(errorMessage(error));
          },
        ),
    });
  };

  return (
    <Modal
      open={Boolean(org)}
      title={t('orgs.moveTitle', { name: org?.name ?? '' })}
      okText={t('orgs.move')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      {move.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(move.error)} />
      ) : null}
      <Form form={form} name="orgMove" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="parentId"
          label={t('orgs.newParent')}
          rules={[{ required: true, message: t('orgs.newParentRequired') }]}
        >
          <OrgTreeSelect disabledIds={disabledIds} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
