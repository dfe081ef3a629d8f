import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './use-is-mobile';

interface FormDrawerProps {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Submits the form inside (usually `form.submit`); omit for a read-only drawer. */
  onSubmit?: () => void;
  submitting?: boolean;
  submitText?: string;
  width?: number;
  children: ReactNode;
}

/** The side panel every create/edit form opens in; full-screen on phones. */
export function FormDrawer({
  open,
  title,
  onClose,
  onSubmit,
  submitting,
  submitText,
  width = 520,
  children,
}: FormDrawerProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={isMobile ? '100%' : width}
      destroyOnHidden
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{onSubmit ? t('common.cancel') : t('common.close')}</Button>
          {onSubmit ? (
            <Button type="primary" onClick={onSubmit} loading={submitting}>
              {submitText ?? t('common.save')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
