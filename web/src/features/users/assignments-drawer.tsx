import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useRoles } from '../../api/roles';
import type { User } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { FormDrawer } from '../../components/form-drawer';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useSetAssignments } from './api';

interface AssignmentRow {
  roleId?: number;
  orgId?: number;
}

interface AssignmentsDrawerProps {
  user: User | undefined;
  onClose: () => void;
}

/** Edits the (role, org node) pairs a user holds; each pair is one scope the user can switch to. */
export function AssignmentsDrawer({ user, onClose }: AssignmentsDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ assignments: AssignmentRow[] }>();
  const roles = useRoles(Boolean(user));
  const save = useSetAssignments();

  const onFinish = ({ assignments = [] }: { assignments?: AssignmentRow[] }) => {
    if (!user) return;
    const pairs = assignments.flatMap((row) =>
      row.roleId !== undefined && row.orgId !== undefined ? [{ roleId: row.roleId, orgId: row.orgId }] : [],
    );
    save.mutate(
      { id: user.id, assignments: pairs },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
      },
    );
  };

  const roleOptions = (roles.data ?? []).map((role) => ({ value: role.id, label: role.name }));

  return (
    <FormDrawer
      open={Boolean(user)}
      title={t('users.assignmentsTitle', { name: user?.name ?? '' })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={save.isPending}
      width={640}
    >
      <p className="page-description">{t('users.assignmentsHint')}</p>
      {roles.error ? <ErrorAlert error={roles.error} onRetry={() => void roles.refetch()} /> : null}
      {save.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(save.error)} />
      ) : null}
      {user ? (
        <Form
          form={form}
          name="assignments"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ assignments: user.assignments.map(({ roleId, orgId }) => ({ roleId, orgId })) }}
        >
          <Form.List
            name="assignments"
            rules={[
              {
                validator: async (_rule, rows: AssignmentRow[] = []) => {
                  const seen = new Set(rows.map((row) => `${row?.roleId}:${row?.orgId}`));
                  if (seen.size !== rows.length) throw new Error(t('users.assignmentDuplicate'));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('users.noAssignments')} />
                ) : null}
                {fields.map((field, index) => (
                  <fieldset key={field.key} className="assignment-row">
                    <legend>{t('users.assignmentN', { n: index + 1 })}</legend>
                    <Form.Item
                      name={[field.name, 'roleId']}
                      label={t('users.role')}
                      rules={[{ required: true, message: t('users.roleRequired') }]}
                    >
                      <Select
                        options={roleOptions}
                        loading={roles.isLoading}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'orgId']}
                      label={t('users.scopeOrg')}
                      rules={[{ required: true, message: t('users.orgRequired') }]}
                    >
                      <OrgTreeSelect allowClear={false} />
                    </Form.Item>
                    <Button
                      danger
                      type="text"
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={t('users.removeAssignmentN', { n: index + 1 })}
                    >
                      {t('common.remove')}
                    </Button>
                  </fieldset>
                ))}
                <Form.ErrorList errors={errors} />
                <Button type="dashed" block icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('users.addAssignment')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      ) : null}
    </FormDrawer>
  );
}
