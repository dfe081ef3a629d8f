import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { FormDrawer } from '../../components/form-drawer';
import { useUpdateVersionNotes } from './api';
import { MAX_LENGTH } from './assessment-rules';
import type { Version } from './types';

/** 版本说明: what changed in this version and why (a draft's only field of its own). */
export function NotesForm({
  open,
  version,
  onClose,
}: {
  open: boolean;
  version: Version;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ notes?: string }>();
  const update = useUpdateVersionNotes(version.id);
  return (
    <FormDrawer
      open={open}
      title={t('assessments.editNotes')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={update.isPending}
    >
      {update.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(update.error)} />
      ) : null}
      <Form
        form={form}
        name="versionNotes"
        layout="vertical"
        initialValues={{ notes: version.notes ?? undefined }}
        onFinish={({ notes }) =>
          update.mutate(notes?.trim() || null, {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="notes" label={t('assessments.field.notes')}>
          <Input.TextArea rows={5} maxLength={MAX_LENGTH.notes} showCount />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
