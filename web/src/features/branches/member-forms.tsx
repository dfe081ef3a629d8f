import { Alert, App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import type { Branch, Membership } from '../../api/types';
import { CadreSelect } from '../../components/cadre-select';
import { fromDay, notInFuture, today } from '../../components/date-value';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useAddMember, useLeaveBranch, useStandingBranches, useTransferMembership } from './api';
import { MAX_LENGTH } from './branch-rules';

/** A date rule: not before the day the membership began (the server's date order). */
function notBeforeJoined(joinedOn: string, message: string) {
  return {
    validator: async (_rule: unknown, value: Dayjs | null | undefined) => {
      if (value?.isBefore(dayjs(joinedOn), 'day')) throw new Error(message);
    },
  };
}

interface AddValues {
  cadreId: number;
  joinedOn: Dayjs;
  remarks?: string;
}

/** 编入党员: finds a Party member on the roster (name, pinyin, initials) and adds them to the branch. */
export function AddMemberDrawer({
  branch,
  memberIds,
  open,
  onClose,
}: {
  branch: Branch;
  /** Current members, who cannot be added again. */
  memberIds: ReadonlySet<number>;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const add = useAddMember(branch.id);
  const onFinish = (values: AddValues) =>
    add.mutate(
      {
        cadreId: values.cadreId,
        joinedOn: fromDay(values.joinedOn) ?? undefined,
        remarks: values.remarks?.trim() || null,
      },
      {
        onSuccess: (membership) => {
          message.success(t('branches.members.added', { name: membership.cadreName }));
          onClose();
        },
        onError: (error) => applyFieldErrors(form, error, ['cadreId', 'joinedOn', 'remarks']),
      },
    );
  return (
    <FormDrawer
      open={open}
      title={t('branches.members.addTitle', { branch: branch.name })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending}
    >
      <Alert
        className="form-alert"
        type="info"
        showIcon
        title={t(
          branch.kind === 'standing' ? 'branches.members.primaryNote' : 'branches.members.participatingNote',
        )}
      />
      {add.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(add.error)} />
      ) : null}
      <Form<AddValues>
        form={form}
        name="addMember"
        layout="vertical"
        initialValues={{ joinedOn: today() }}
        onFinish={onFinish}
      >
        <Form.Item
          name="cadreId"
          label={t('branches.members.cadre')}
          rules={[{ required: true, message: t('branches.members.cadreRequired') }]}
          extra={t('branches.members.cadreHint')}
        >
          <CadreSelect partyMembers disabledIds={memberIds} />
        </Form.Item>
        <Form.Item
          name="joinedOn"
          label={t('branches.members.joinedOn')}
          rules={[
            { required: true, message: t('branches.members.joinedOnRequired') },
            notInFuture(t('branches.rule.notFuture')),
          ]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
        <Form.Item name="remarks" label={t('branches.field.remarks')}>
          <Input.TextArea rows={2} maxLength={MAX_LENGTH.memberRemarks} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

interface LeaveValues {
  leftOn: Dayjs;
  reason: string;
}

/** 退出: closes a membership on a day with its reason; the record stays as history. */
export function LeaveDrawer({ membership, onClose }: { membership?: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeaveValues>();
  const leave = useLeaveBranch();
  const onFinish = (values: LeaveValues) => {
    if (!membership) return;
    leave.mutate(
      {
        membershipId: membership.id,
        body: { leftOn: fromDay(values.leftOn) ?? '', reason: values.reason.trim() },
      },
      {
        onSuccess: () => {
          message.success(t('branches.members.leftDone', { name: membership.cadreName }));
          onClose();
        },
        onError: (error) => applyFieldErrors(form, error, ['leftOn', 'reason']),
      },
    );
  };
  return (
    <FormDrawer
      open={membership !== undefined}
      title={t('branches.members.leaveTitle', { name: membership?.cadreName ?? '' })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={leave.isPending}
    >
      {leave.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(leave.error)} />
      ) : null}
      <Form<LeaveValues>
        form={form}
        name="leaveBranch"
        layout="vertical"
        initialValues={{ leftOn: today() }}
        onFinish={onFinish}
      >
        <ClosingFields
          membership={membership}
          dateName="leftOn"
          dateLabel={t('branches.members.leftOn')}
          dateRequired={t('branches.members.leftOnRequired')}
          reasonPlaceholder={t('branches.members.leaveReasonPlaceholder')}
        />
      </Form>
    </FormDrawer>
  );
}

interface TransferValues {
  toBranchId: number;
  on: Dayjs;
  reason: string;
}

/** A working standing branch other than the member's own, found by name. */
/** How a membership ends (leaving or a transfer): on which day, not before joining nor in the future, and why. */
function ClosingFields({
  membership,
  dateName,
  dateLabel,
  dateRequired,
  reasonPlaceholder,
}: {
  membership: Membership | undefined;
  dateName: string;
  dateLabel: string;
  dateRequired: string;
  reasonPlaceholder: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={dateName}
        label={dateLabel}
        rules={[
          { required: true, message: dateRequired },
          notInFuture(t('branches.rule.notFuture')),
          notBeforeJoined(membership?.joinedOn ?? '1900-01-01', t('branches.members.beforeJoined')),
        ]}
      >
        <DatePicker className="full-width" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('branches.members.reason')}
        rules={[{ required: true, whitespace: true, message: t('branches.members.reasonRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={MAX_LENGTH.reason} placeholder={reasonPlaceholder} />
      </Form.Item>
    </>
  );
}

function StandingBranchSelect({
  id,
  value,
  onChange,
  exceptId,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  exceptId: number;
}) {
  const { t } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const found = useStandingBranches(keyword.trim());
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      loading={found.isFetching}
      placeholder={t('branches.members.toBranchPlaceholder')}
      notFoundContent={t('branches.members.noStandingBranches')}
      options={(found.data?.items ?? [])
        .filter((branch) => branch.id !== exceptId)
        .map((branch) => ({ value: branch.id, label: `${branch.name}（${branch.orgName}）` }))}
    />
  );
}

/** 组织关系转接: moves a primary membership to another standing branch in one step, with its reason. */
export function TransferDrawer({ membership, onClose }: { membership?: Membership; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const transfer = useTransferMembership();
  const onFinish = (values: TransferValues) => {
    if (!membership) return;
    transfer.mutate(
      {
        membershipId: membership.id,
        body: { toBranchId: values.toBranchId, on: fromDay(values.on) ?? '', reason: values.reason.trim() },
      },
      {
        onSuccess: () => {
          message.success(t('branches.members.transferred', { name: membership.cadreName }));
          onClose();
        },
        onError: (error) => applyFieldErrors(form, error, ['toBranchId', 'on', 'reason']),
      },
    );
  };
  return (
    <FormDrawer
      open={membership !== undefined}
      title={t('branches.members.transferTitle', { name: membership?.cadreName ?? '' })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={transfer.isPending}
      submitText={t('branches.members.transfer')}
    >
      <p>{t('branches.members.transferNote')}</p>
      {transfer.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(transfer.error)} />
      ) : null}
      <Form<TransferValues>
        form={form}
        name="transferMembership"
        layout="vertical"
        initialValues={{ on: today() }}
        onFinish={onFinish}
      >
        <Form.Item
          name="toBranchId"
          label={t('branches.members.toBranch')}
          rules={[{ required: true, message: t('branches.members.toBranchRequired') }]}
        >
          <StandingBranchSelect exceptId={membership?.branchId ?? 0} />
        </Form.Item>
        <ClosingFields
          membership={membership}
          dateName="on"
          dateLabel={t('branches.members.transferOn')}
          dateRequired={t('branches.members.transferOnRequired')}
          reasonPlaceholder={t('branches.members.transferReasonPlaceholder')}
        />
      </Form>
    </FormDrawer>
  );
}
