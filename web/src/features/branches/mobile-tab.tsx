import { ExportOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import type { Branch, CreateMobileMemberBody, MobileMember } from '../../api/types';
import { fromDay, notBefore, toDay } from '../../components/date-value';
import { LedgerTable } from '../../components/ledger-table';
import { StatusTag } from '../../components/status-tag';
import {
  exportMobileMembers,
  useBranchMobileMembers,
  useDeleteMobileMember,
  useMembers,
  useSaveMobileMember,
} from './api';
import { CONTACT_PHONE_PATTERN, MAX_LENGTH } from './branch-rules';

interface MobileValues {
  cadreId: number;
  livingPlace: string;
  fromOn: Dayjs;
  untilOn?: Dayjs;
  contactPerson?: string;
  contactPhone?: string;
  remarks?: string;
}

function ExportButton({ branchId }: { branchId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<ExportOutlined aria-hidden />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        exportMobileMembers({ branchId, status: 'all' })
          .catch((error: unknown) => message.error(errorMessage(error)))
          .finally(() => setBusy(false));
      }}
    >
      {t('list.export')}
    </Button>
  );
}

/** 流动党员: members living elsewhere for a while — where, from, until, and whom to contact (phone masked). */
export function MobileTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const can = useCan();
  const members = useMembers(branch.id, 'active');
  const candidates = (members.data ?? []).map((m) => ({ value: m.cadreId, label: m.cadreName }));
  const editable = can('branches:write') && !branch.dissolvedOn;
  const dash = (value: string | null) => value ?? '—';

  return (
    <LedgerTable<MobileMember, MobileValues, CreateMobileMemberBody>
      label={t('branches.tab.mobile')}
      entries={useBranchMobileMembers(branch.id)}
      save={useSaveMobileMember(branch.id)}
      remove={useDeleteMobileMember()}
      editable={editable}
      canAdd={candidates.length > 0}
      toolbar={<ExportButton branchId={branch.id} />}
      addText={t('branches.mobile.add')}
      drawerTitle={(entry) =>
        entry ? t('branches.mobile.editTitle', { name: entry.cadreName }) : t('branches.mobile.add')
      }
      describeEntry={(entry) => `${entry.cadreName} ${entry.livingPlace}`}
      columns={[
        { key: 'cadreName', title: t('branches.mobile.cadre'), dataIndex: 'cadreName' },
        { key: 'livingPlace', title: t('branches.mobile.livingPlace'), dataIndex: 'livingPlace' },
        { key: 'fromOn', title: t('branches.mobile.fromOn'), dataIndex: 'fromOn' },
        { key: 'untilOn', title: t('branches.mobile.untilOn'), dataIndex: 'untilOn', render: dash },
        {
          key: 'contactPerson',
          title: t('branches.mobile.contactPerson'),
          dataIndex: 'contactPerson',
          render: dash,
        },
        {
          key: 'contactPhone',
          title: t('branches.mobile.contactPhone'),
          dataIndex: 'contactPhone',
          render: (value: string | null) => <span className="personal-number">{dash(value)}</span>,
        },
        {
          key: 'current',
          title: t('branches.field.status'),
          render: (_, entry) =>
            entry.current ? (
              <StatusTag tone="info">{t('branches.mobile.state.current')}</StatusTag>
            ) : (
              <StatusTag>{t('branches.mobile.state.ended')}</StatusTag>
            ),
        },
        { key: 'remarks', title: t('branches.field.remarks'), dataIndex: 'remarks', render: dash },
      ]}
      fieldNames={['cadreId', 'livingPlace', 'fromOn', 'untilOn', 'contactPerson', 'contactPhone', 'remarks']}
      toValues={(entry) => ({
        cadreId: entry.cadreId,
        livingPlace: entry.livingPlace,
        fromOn: toDay(entry.fromOn) as Dayjs,
        untilOn: toDay(entry.untilOn),
        contactPerson: entry.contactPerson ?? undefined,
        // The list only ever shows a masked phone, so the box starts empty: left empty, it is kept.
        remarks: entry.remarks ?? undefined,
      })}
      toBody={(values) => {
        const phone = values.contactPhone?.trim();
        return {
          cadreId: values.cadreId,
          livingPlace: values.livingPlace.trim(),
          fromOn: fromDay(values.fromOn) ?? '',
          untilOn: fromDay(values.untilOn),
          contactPerson: values.contactPerson?.trim() || null,
          ...(phone ? { contactPhone: phone } : {}),
          remarks: values.remarks?.trim() || null,
        };
      }}
      fields={(_form, entry) => (
        <>
          <Form.Item
            name="cadreId"
            label={t('branches.mobile.cadre')}
            rules={[{ required: true, message: t('branches.mobile.cadreRequired') }]}
          >
            <Select
              disabled={entry !== undefined}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('branches.committee.cadrePlaceholder')}
              options={
                entry && !candidates.some((c) => c.value === entry.cadreId)
                  ? [...candidates, { value: entry.cadreId, label: entry.cadreName }]
                  : candidates
              }
            />
          </Form.Item>
          <Form.Item
            name="livingPlace"
            label={t('branches.mobile.livingPlace')}
            rules={[{ required: true, whitespace: true, message: t('branches.mobile.livingPlaceRequired') }]}
          >
            <Input
              maxLength={MAX_LENGTH.livingPlace}
              placeholder={t('branches.mobile.livingPlacePlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="fromOn"
            label={t('branches.mobile.fromOn')}
            rules={[{ required: true, message: t('branches.mobile.fromOnRequired') }]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item
            name="untilOn"
            label={t('branches.mobile.untilOn')}
            dependencies={['fromOn']}
            rules={[notBefore('fromOn', t('branches.mobile.untilBeforeFrom'))]}
            extra={t('branches.mobile.untilHint')}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item name="contactPerson" label={t('branches.mobile.contactPerson')}>
            <Input maxLength={MAX_LENGTH.contactPerson} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('branches.mobile.contactPhone')}
            rules={[{ pattern: CONTACT_PHONE_PATTERN, message: t('branches.mobile.phonePattern') }]}
            extra={entry ? t('branches.mobile.phoneKeep') : undefined}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item name="remarks" label={t('branches.field.remarks')}>
            <Input.TextArea rows={2} maxLength={MAX_LENGTH.mobileRemarks} />
          </Form.Item>
        </>
      )}
    />
  );
}
