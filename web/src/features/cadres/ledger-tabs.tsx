import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type {
  FamilyMember,
  FamilyMemberBody,
  HospitalStay,
  HospitalStayBody,
  Travel,
  TravelBody,
} from '../../api/types';
import { fromDay, notBefore, notInFuture, toDay } from '../../components/date-value';
import { LedgerTable } from '../../components/ledger-table';
import {
  useDeleteFamily,
  useDeleteHospitalStay,
  useDeleteTravel,
  useFamily,
  useHospitalStays,
  useSaveFamily,
  useSaveHospitalStay,
  useSaveTravel,
  useTravels,
} from './api';
import { orDash } from './cadre-format';
import { MAX_LENGTH, PHONE_PATTERN } from './cadre-rules';

interface LedgerTabProps {
  cadreId: number;
  editable: boolean;
}

const text = (value: string | undefined) => value?.trim() || null;
const dash = (value: string | null) => orDash(value);

// ---- 家庭成员 ----

interface FamilyValues {
  name: string;
  relation: string;
  birthDate?: Dayjs;
  phone?: string;
  workUnit?: string;
  remarks?: string;
}

/** 家庭成员: spouse, children and others, with how to reach them. */
export function FamilyTab({ cadreId, editable }: LedgerTabProps) {
  const { t } = useTranslation();
  const field = (name: string) => t(`cadres.field.${name}`);
  return (
    <LedgerTable<FamilyMember, FamilyValues, FamilyMemberBody>
      label={t('cadres.tab.family')}
      entries={useFamily(cadreId)}
      save={useSaveFamily(cadreId)}
      remove={useDeleteFamily(cadreId)}
      editable={editable}
      addText={t('cadres.family.add')}
      drawerTitle={(entry) =>
        entry ? t('cadres.family.editTitle', { name: entry.name }) : t('cadres.family.add')
      }
      describeEntry={(entry) => `${entry.relation} ${entry.name}`}
      columns={[
        { key: 'name', title: field('name'), dataIndex: 'name' },
        { key: 'relation', title: field('relation'), dataIndex: 'relation' },
        { key: 'birthDate', title: field('birthDate'), dataIndex: 'birthDate', render: dash },
        {
          key: 'phone',
          title: field('phone'),
          dataIndex: 'phone',
          render: (phone: string | null) => <span className="personal-number">{orDash(phone)}</span>,
        },
        { key: 'workUnit', title: field('workUnit'), dataIndex: 'workUnit', render: dash },
        { key: 'remarks', title: field('remarks'), dataIndex: 'remarks', render: dash },
      ]}
      fieldNames={['name', 'relation', 'birthDate', 'phone', 'workUnit', 'remarks']}
      toValues={(entry) => ({
        name: entry.name,
        relation: entry.relation,
        birthDate: toDay(entry.birthDate),
        // The list only ever shows a masked phone, so the box starts empty: left empty, it is kept.
        workUnit: entry.workUnit ?? undefined,
        remarks: entry.remarks ?? undefined,
      })}
      toBody={(values) => {
        const phone = values.phone?.trim();
        return {
          name: values.name.trim(),
          relation: values.relation.trim(),
          birthDate: fromDay(values.birthDate),
          ...(phone ? { phone } : {}),
          workUnit: text(values.workUnit),
          remarks: text(values.remarks),
        };
      }}
      fields={() => (
        <>
          <Form.Item
            name="name"
            label={field('name')}
            rules={[{ required: true, whitespace: true, message: t('cadres.rule.nameRequired') }]}
          >
            <Input maxLength={MAX_LENGTH.name} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="relation"
            label={field('relation')}
            rules={[{ required: true, whitespace: true, message: t('cadres.family.relationRequired') }]}
          >
            <Input maxLength={MAX_LENGTH.relation} placeholder={t('cadres.family.relationPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="birthDate"
            label={field('birthDate')}
            rules={[notInFuture(t('cadres.rule.notFuture'))]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={field('phone')}
            rules={[{ pattern: PHONE_PATTERN, message: t('cadres.rule.phonePattern') }]}
            extra={t('cadres.family.phoneKeep')}
          >
            <Input inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item name="workUnit" label={field('workUnit')}>
            <Input maxLength={MAX_LENGTH.workUnit} />
          </Form.Item>
          <Form.Item name="remarks" label={field('remarks')}>
            <Input.TextArea rows={2} maxLength={MAX_LENGTH.ledgerRemarks} />
          </Form.Item>
        </>
      )}
    />
  );
}

// ---- 住院登记 ----

interface HospitalStayValues {
  hospital: string;
  department?: string;
  bed?: string;
  admittedOn: Dayjs;
  dischargedOn?: Dayjs;
  condition?: string;
  outcome?: string;
}

/** 住院登记: hospital stays, from admission to discharge. */
export function HospitalStaysTab({ cadreId, editable }: LedgerTabProps) {
  const { t } = useTranslation();
  const field = (name: string) => t(`cadres.field.${name}`);
  return (
    <LedgerTable<HospitalStay, HospitalStayValues, HospitalStayBody>
      label={t('cadres.tab.hospitalStays')}
      entries={useHospitalStays(cadreId)}
      save={useSaveHospitalStay(cadreId)}
      remove={useDeleteHospitalStay(cadreId)}
      editable={editable}
      addText={t('cadres.hospitalStays.add')}
      drawerTitle={(entry) =>
        entry
          ? t('cadres.hospitalStays.editTitle', { hospital: entry.hospital })
          : t('cadres.hospitalStays.add')
      }
      describeEntry={(entry) => `${entry.admittedOn} ${entry.hospital}`}
      columns={[
        { key: 'hospital', title: field('hospital'), dataIndex: 'hospital' },
        { key: 'department', title: field('department'), dataIndex: 'department', render: dash },
        { key: 'bed', title: field('bed'), dataIndex: 'bed', render: dash },
        { key: 'admittedOn', title: field('admittedOn'), dataIndex: 'admittedOn' },
        {
          key: 'dischargedOn',
          title: field('dischargedOn'),
          dataIndex: 'dischargedOn',
          render: (value: string | null) => value ?? t('cadres.hospitalStays.inHospital'),
        },
        { key: 'condition', title: field('condition'), dataIndex: 'condition', render: dash },
        { key: 'outcome', title: field('outcome'), dataIndex: 'outcome', render: dash },
      ]}
      fieldNames={['hospital', 'department', 'bed', 'admittedOn', 'dischargedOn', 'condition', 'outcome']}
      toValues={(entry) => ({
        hospital: entry.hospital,
        department: entry.department ?? undefined,
        bed: entry.bed ?? undefined,
        admittedOn: toDay(entry.admittedOn) as Dayjs,
        dischargedOn: toDay(entry.dischargedOn),
        condition: entry.condition ?? undefined,
        outcome: entry.outcome ?? undefined,
      })}
      toBody={(values) => ({
        hospital: values.hospital.trim(),
        department: text(values.department),
        bed: text(values.bed),
        admittedOn: fromDay(values.admittedOn) ?? '',
        dischargedOn: fromDay(values.dischargedOn),
        condition: text(values.condition),
        outcome: text(values.outcome),
      })}
      fields={() => (
        <>
          <Form.Item
            name="hospital"
            label={field('hospital')}
            rules={[
              { required: true, whitespace: true, message: t('cadres.hospitalStays.hospitalRequired') },
            ]}
          >
            <Input maxLength={MAX_LENGTH.hospitalName} />
          </Form.Item>
          <Form.Item name="department" label={field('department')}>
            <Input maxLength={MAX_LENGTH.department} />
          </Form.Item>
          <Form.Item name="bed" label={field('bed')}>
            <Input maxLength={MAX_LENGTH.bed} />
          </Form.Item>
          <Form.Item
            name="admittedOn"
            label={field('admittedOn')}
            rules={[{ required: true, message: t('cadres.hospitalStays.admittedOnRequired') }]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item
            name="dischargedOn"
            label={field('dischargedOn')}
            dependencies={['admittedOn']}
            rules={[notBefore('admittedOn', t('cadres.rule.dischargeAfterAdmission'))]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item name="condition" label={field('condition')}>
            <Input.TextArea rows={2} maxLength={MAX_LENGTH.condition} />
          </Form.Item>
          <Form.Item name="outcome" label={field('outcome')}>
            <Input maxLength={MAX_LENGTH.outcome} />
          </Form.Item>
        </>
      )}
    />
  );
}

// ---- 外出与证件 ----

interface TravelValues {
  kind: Travel['kind'];
  destination?: string;
  purpose?: string;
  departsOn?: Dayjs;
  returnsOn?: Dayjs;
  documentType?: string;
  documentNo?: string;
  issuedOn?: Dayjs;
  expiresOn?: Dayjs;
  custody?: string;
  remarks?: string;
}

/** 外出与证件: trips away (外出登记) and travel documents held (passports, permits). */
export function TravelsTab({ cadreId, editable }: LedgerTabProps) {
  const { t } = useTranslation();
  const field = (name: string) => t(`cadres.field.${name}`);
  const period = (from: string | null, to: string | null) =>
    from || to ? `${from ?? '…'} – ${to ?? '…'}` : '—';
  return (
    <LedgerTable<Travel, TravelValues, TravelBody>
      label={t('cadres.tab.travels')}
      entries={useTravels(cadreId)}
      save={useSaveTravel(cadreId)}
      remove={useDeleteTravel(cadreId)}
      editable={editable}
      addText={t('cadres.travels.add')}
      drawerTitle={(entry) => (entry ? t('cadres.travels.editTitle') : t('cadres.travels.add'))}
      describeEntry={(entry) =>
        entry.kind === 'trip'
          ? (entry.destination ?? t('cadres.travels.kind.trip'))
          : (entry.documentType ?? '')
      }
      newValues={{ kind: 'trip' }}
      columns={[
        {
          key: 'kind',
          title: field('kind'),
          dataIndex: 'kind',
          render: (kind: Travel['kind']) => t(`cadres.travels.kind.${kind}`),
        },
        {
          key: 'what',
          title: t('cadres.travels.what'),
          render: (_, entry) =>
            entry.kind === 'trip'
              ? [entry.destination, entry.purpose].filter(Boolean).join(' · ') || '—'
              : [entry.documentType, entry.documentNo].filter(Boolean).join(' ') || '—',
        },
        {
          key: 'period',
          title: t('cadres.travels.period'),
          render: (_, entry) =>
            entry.kind === 'trip'
              ? period(entry.departsOn, entry.returnsOn)
              : period(entry.issuedOn, entry.expiresOn),
        },
        { key: 'custody', title: field('custody'), dataIndex: 'custody', render: dash },
        { key: 'remarks', title: field('remarks'), dataIndex: 'remarks', render: dash },
      ]}
      fieldNames={[
        'kind',
        'destination',
        'purpose',
        'departsOn',
        'returnsOn',
        'documentType',
        'documentNo',
        'issuedOn',
        'expiresOn',
        'custody',
        'remarks',
      ]}
      toValues={(entry) => ({
        kind: entry.kind,
        destination: entry.destination ?? undefined,
        purpose: entry.purpose ?? undefined,
        departsOn: toDay(entry.departsOn),
        returnsOn: toDay(entry.returnsOn),
        documentType: entry.documentType ?? undefined,
        // Shown masked, so the box starts empty: left empty, the number is kept.
        issuedOn: toDay(entry.issuedOn),
        expiresOn: toDay(entry.expiresOn),
        custody: entry.custody ?? undefined,
        remarks: entry.remarks ?? undefined,
      })}
      toBody={(values) => {
        const documentNo = values.documentNo?.trim();
        const trip = values.kind === 'trip';
        return {
          kind: values.kind,
          destination: trip ? text(values.destination) : null,
          purpose: trip ? text(values.purpose) : null,
          departsOn: trip ? fromDay(values.departsOn) : null,
          returnsOn: trip ? fromDay(values.returnsOn) : null,
          documentType: trip ? null : text(values.documentType),
          // An empty box keeps the stored number (it is only ever shown masked); a trip holds none.
          ...(trip ? { documentNo: null } : documentNo ? { documentNo } : {}),
          issuedOn: trip ? null : fromDay(values.issuedOn),
          expiresOn: trip ? null : fromDay(values.expiresOn),
          custody: trip ? null : text(values.custody),
          remarks: text(values.remarks),
        };
      }}
      fields={() => <TravelFields />}
    />
  );
}

/** The travel form's fields: a trip's or a document's, by the kind chosen. */
function TravelFields() {
  const { t } = useTranslation();
  const field = (name: string) => t(`cadres.field.${name}`);
  const form = Form.useFormInstance<TravelValues>();
  const kind = Form.useWatch('kind', form);
  return (
    <>
      <Form.Item name="kind" label={field('kind')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['trip', 'document'] as const).map((value) => ({
            value,
            label: t(`cadres.travels.kind.${value}`),
          }))}
        />
      </Form.Item>
      {kind === 'document' ? (
        <>
          <Form.Item name="documentType" label={field('documentType')}>
            <Input
              maxLength={MAX_LENGTH.documentType}
              placeholder={t('cadres.travels.documentTypePlaceholder')}
            />
          </Form.Item>
          <Form.Item name="documentNo" label={field('documentNo')} extra={t('cadres.travels.documentNoKeep')}>
            <Input maxLength={MAX_LENGTH.documentNo} autoComplete="off" />
          </Form.Item>
          <Form.Item name="issuedOn" label={field('issuedOn')}>
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item
            name="expiresOn"
            label={field('expiresOn')}
            dependencies={['issuedOn']}
            rules={[notBefore('issuedOn', t('cadres.rule.expiryAfterIssue'))]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item name="custody" label={field('custody')}>
            <Input maxLength={MAX_LENGTH.custody} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="destination" label={field('destination')}>
            <Input maxLength={MAX_LENGTH.destination} />
          </Form.Item>
          <Form.Item name="purpose" label={field('purpose')}>
            <Input maxLength={MAX_LENGTH.purpose} />
          </Form.Item>
          <Form.Item name="departsOn" label={field('departsOn')}>
            <DatePicker className="full-width" />
          </Form.Item>
          <Form.Item
            name="returnsOn"
            label={field('returnsOn')}
            dependencies={['departsOn']}
            rules={[notBefore('departsOn', t('cadres.rule.returnAfterDeparture'))]}
          >
            <DatePicker className="full-width" />
          </Form.Item>
        </>
      )}
      <Form.Item name="remarks" label={field('remarks')}>
        <Input.TextArea rows={2} maxLength={MAX_LENGTH.ledgerRemarks} />
      </Form.Item>
    </>
  );
}
