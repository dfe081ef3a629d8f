import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HospitalStayAcross } from '../../api/types';
import { type ListColumn, ListPage } from '../../components/list-page';
import { PageHeader } from '../../components/page-header';
import { type DateRangeFilters, fetchHospitalStaysAcross, hospitalStaysAcrossQueryKey } from './api';
import { orDash } from './cadre-format';

function toFilters(values: Record<string, unknown>): Partial<DateRangeFilters> {
  const range = values.range as [Dayjs | null, Dayjs | null] | null | undefined;
  return { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
}

/** /cadres/hospital-stays — 住院登记 across every record in scope: who is or was in hospital, and where. */
export function HospitalStaysPage() {
  const { t } = useTranslation();
  const field = (name: string) => t(`cadres.field.${name}`);

  const columns: ListColumn<HospitalStayAcross>[] = [
    {
      key: 'cadreName',
      title: field('name'),
      render: (_, stay) => <Link to={`/cadres/${stay.cadreId}?tab=hospital-stays`}>{stay.cadreName}</Link>,
    },
    { key: 'orgName', title: field('org'), dataIndex: 'orgName' },
    { key: 'hospital', title: field('hospital'), dataIndex: 'hospital' },
    { key: 'department', title: field('department'), dataIndex: 'department', render: orDash },
    { key: 'bed', title: field('bed'), dataIndex: 'bed', render: orDash },
    { key: 'admittedOn', title: field('admittedOn'), dataIndex: 'admittedOn' },
    {
      key: 'dischargedOn',
      title: field('dischargedOn'),
      dataIndex: 'dischargedOn',
      render: (value: string | null) => value ?? t('cadres.hospitalStays.inHospital'),
    },
    {
      key: 'condition',
      title: field('condition'),
      dataIndex: 'condition',
      render: orDash,
      defaultHidden: true,
    },
    { key: 'outcome', title: field('outcome'), dataIndex: 'outcome', render: orDash },
  ];

  return (
    <>
      <PageHeader
        title={t('cadres.hospitalStays.title')}
        description={t('cadres.hospitalStays.description')}
      />
      <ListPage<HospitalStayAcross, DateRangeFilters>
        label={t('cadres.hospitalStays.listLabel')}
        queryKey={hospitalStaysAcrossQueryKey}
        fetchPage={fetchHospitalStaysAcross}
        columns={columns}
        rowKey="id"
        keyword={false}
        toFilters={toFilters}
        stateKey="cadre-hospital-stays"
        filters={
          <Form.Item name="range" label={t('cadres.hospitalStays.admittedBetween')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
        }
      />
    </>
  );
}
