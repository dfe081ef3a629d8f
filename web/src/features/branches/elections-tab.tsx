import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import type { Branch, CreateElectionBody, Election } from '../../api/types';
import { fromDay, notInFuture, toDay } from '../../components/date-value';
import { LedgerTable } from '../../components/ledger-table';
import { useDeleteElection, useElections, useSaveElection } from './api';
import { MAX_LENGTH, TERM_YEARS } from './branch-rules';
import { daysUntil, ElectionDueDate } from './branch-tags';

interface ElectionValues {
  heldOn: Dayjs;
  place?: string;
  termYears: 3 | 5;
  remarks?: string;
}

/** When the next election falls due, in a sentence: overdue, soon, or not yet recorded. */
function NextElection({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  if (branch.dissolvedOn) return null;
  const due = branch.nextElectionDueOn;
  if (!due)
    return <Alert className="tab-alert" type="warning" showIcon title={t('branches.elections.noneYet')} />;
  const days = daysUntil(due);
  return (
    <Alert
      className="tab-alert"
      type={days < 0 ? 'error' : days <= 90 ? 'warning' : 'info'}
      showIcon
      title={
        days < 0
          ? t('branches.elections.overdue', { date: due, count: -days })
          : t('branches.elections.nextDue', { date: due, count: days })
      }
    />
  );
}

/** 换届: the committee's elections, latest first; the next one falls due a term after the latest. */
export function ElectionsTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const can = useCan();
  const elections = useElections(branch.id);
  const latest = elections.data?.[0];
  return (
    <>
      <NextElection branch={branch} />
      <LedgerTable<Election, ElectionValues, CreateElectionBody>
        label={t('branches.tab.elections')}
        entries={elections}
        save={useSaveElection(branch.id)}
        remove={useDeleteElection()}
        editable={can('branches:write') && !branch.dissolvedOn}
        addText={t('branches.elections.add')}
        drawerTitle={(entry) =>
          entry ? t('branches.elections.editTitle', { date: entry.heldOn }) : t('branches.elections.add')
        }
        describeEntry={(entry) => t('branches.elections.describe', { date: entry.heldOn })}
        columns={[
          { key: 'heldOn', title: t('branches.elections.heldOn'), dataIndex: 'heldOn' },
          {
            key: 'place',
            title: t('branches.elections.place'),
            dataIndex: 'place',
            render: (value: string | null) => value ?? '—',
          },
          {
            key: 'termYears',
            title: t('branches.elections.termYears'),
            render: (_, entry) => t('branches.elections.termValue', { count: entry.termYears }),
          },
          {
            key: 'nextDueOn',
            title: t('branches.elections.nextDueOn'),
            render: (_, entry) =>
              entry.id === latest?.id && !branch.dissolvedOn ? (
                <ElectionDueDate date={entry.nextDueOn} />
              ) : (
                entry.nextDueOn
              ),
          },
          {
            key: 'remarks',
            title: t('branches.field.remarks'),
            dataIndex: 'remarks',
            render: (value: string | null) => value ?? '—',
          },
        ]}
        fieldNames={['heldOn', 'place', 'termYears', 'remarks']}
        newValues={latest ? { termYears: latest.termYears === 5 ? 5 : 3 } : undefined}
        toValues={(entry) => ({
          heldOn: toDay(entry.heldOn) as Dayjs,
          place: entry.place ?? undefined,
          termYears: entry.termYears === 5 ? 5 : 3,
          remarks: entry.remarks ?? undefined,
        })}
        toBody={(values) => ({
          heldOn: fromDay(values.heldOn) ?? '',
          place: values.place?.trim() || null,
          termYears: values.termYears,
          remarks: values.remarks?.trim() || null,
        })}
        fields={() => (
          <>
            <Form.Item
              name="heldOn"
              label={t('branches.elections.heldOn')}
              rules={[
                { required: true, message: t('branches.elections.heldOnRequired') },
                notInFuture(t('branches.rule.notFuture')),
              ]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
            <Form.Item name="place" label={t('branches.elections.place')}>
              <Input maxLength={MAX_LENGTH.place} />
            </Form.Item>
            <Form.Item
              name="termYears"
              label={t('branches.elections.termYears')}
              rules={[{ required: true, message: t('branches.elections.termRequired') }]}
              extra={t('branches.elections.termHint')}
            >
              <Radio.Group
                options={TERM_YEARS.map((years) => ({
                  value: years,
                  label: t('branches.elections.termValue', { count: years }),
                }))}
              />
            </Form.Item>
            <Form.Item name="remarks" label={t('branches.field.remarks')}>
              <Input.TextArea rows={2} maxLength={MAX_LENGTH.electionRemarks} />
            </Form.Item>
          </>
        )}
      />
    </>
  );
}
