import { useQueries } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { useCan } from '../../api/session';
import type { Branch, CommitteeMember, CommitteePost, CreateCommitteeMemberBody } from '../../api/types';
import { fromDay, notBefore, toDay, today } from '../../components/date-value';
import { LedgerTable } from '../../components/ledger-table';
import { StatusTag } from '../../components/status-tag';
import {
  branchesQueryKey,
  useChildBranches,
  useCommittee,
  useDeleteCommitteeMember,
  useMembers,
  useSaveCommitteeMember,
} from './api';
import { COMMITTEE_POSTS } from './branch-rules';

interface CommitteeValues {
  cadreId: number;
  post: CommitteePost;
  startedOn: Dayjs;
  endedOn?: Dayjs;
}

/**
 * Who can sit on the committee: the branch's current members; for a general branch (党总支), the
 * current members of the branches under it.
 */
function useCandidates(branch: Branch) {
  const general = branch.kind === 'general';
  const own = useMembers(branch.id, 'active', !general);
  const children = useChildBranches(branch.id, general);
  const childMembers = useQueries({
    queries: (children.data?.items ?? []).map((child) => ({
      queryKey: [...branchesQueryKey, 'members', child.id, 'active'],
      queryFn: () =>
        unwrap(
          api.GET('/api/branches/{id}/members', {
            params: { path: { id: child.id }, query: { status: 'active' } },
          }),
        ),
    })),
  });
  const list = general ? childMembers.flatMap((query) => query.data ?? []) : (own.data ?? []);
  const seen = new Set<number>();
  return list
    .filter((m) => !seen.has(m.cadreId) && seen.add(m.cadreId))
    .map((m) => ({ value: m.cadreId, label: general ? `${m.cadreName}（${m.branchName}）` : m.cadreName }));
}

/** 离任: ends a committee term on a day. */
function EndTermModal({
  entry,
  branchId,
  onClose,
}: {
  entry?: CommitteeMember;
  branchId: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ endedOn: Dayjs }>();
  const save = useSaveCommitteeMember(branchId);
  const onFinish = ({ endedOn }: { endedOn: Dayjs }) => {
    if (!entry) return;
    save.mutate(
      {
        entryId: entry.id,
        body: {
          cadreId: entry.cadreId,
          post: entry.post,
          startedOn: entry.startedOn,
          endedOn: fromDay(endedOn),
        },
      },
      {
        onSuccess: () => {
          message.success(t('branches.committee.endedDone', { name: entry.cadreName }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      open={entry !== undefined}
      title={t('branches.committee.endTitle', {
        name: entry?.cadreName ?? '',
        post: entry ? t(`branches.committee.postValue.${entry.post}`) : '',
      })}
      okText={t('branches.committee.end')}
      okButtonProps={{ loading: save.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {save.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(save.error)} />
      ) : null}
      <Form
        form={form}
        name="endTerm"
        layout="vertical"
        initialValues={{ endedOn: today() }}
        onFinish={onFinish}
      >
        <Form.Item
          name="endedOn"
          label={t('branches.committee.endedOn')}
          rules={[
            { required: true, message: t('branches.committee.endedOnRequired') },
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                if (entry && value?.isBefore(dayjs(entry.startedOn), 'day'))
                  throw new Error(t('branches.committee.endBeforeStart'));
              },
            },
          ]}
        >
          <DatePicker className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 支委会: who holds which post, from when to when; single-holder posts are checked by the server. */
export function CommitteeTab({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('branches:write') && !branch.dissolvedOn;
  const candidates = useCandidates(branch);
  const [ending, setEnding] = useState<CommitteeMember>();
  const [endCount, setEndCount] = useState(0);
  const postLabel = (post: CommitteePost) => t(`branches.committee.postValue.${post}`);

  return (
    <>
      <LedgerTable<CommitteeMember, CommitteeValues, CreateCommitteeMemberBody>
        label={t('branches.tab.committee')}
        entries={useCommittee(branch.id)}
        save={useSaveCommitteeMember(branch.id)}
        remove={useDeleteCommitteeMember()}
        editable={editable}
        canAdd={candidates.length > 0}
        toolbar={
          editable && candidates.length === 0 ? (
            <span className="muted">{t('branches.committee.noCandidates')}</span>
          ) : null
        }
        addText={t('branches.committee.add')}
        drawerTitle={(entry) =>
          entry
            ? t('branches.committee.editTitle', { name: entry.cadreName, post: postLabel(entry.post) })
            : t('branches.committee.add')
        }
        describeEntry={(entry) => `${postLabel(entry.post)} ${entry.cadreName}`}
        rowActions={(entry) =>
          entry.current && !entry.endedOn ? (
            <Button
              type="link"
              size="small"
              onClick={() => {
                setEndCount((count) => count + 1);
                setEnding(entry);
              }}
            >
              {t('branches.committee.end')}
            </Button>
          ) : null
        }
        columns={[
          { key: 'post', title: t('branches.committee.post'), render: (_, entry) => postLabel(entry.post) },
          { key: 'cadreName', title: t('branches.committee.cadre'), dataIndex: 'cadreName' },
          { key: 'startedOn', title: t('branches.committee.startedOn'), dataIndex: 'startedOn' },
          {
            key: 'endedOn',
            title: t('branches.committee.endedOn'),
            dataIndex: 'endedOn',
            render: (value: string | null) => value ?? '—',
          },
          {
            key: 'current',
            title: t('branches.field.status'),
            render: (_, entry) =>
              entry.current ? (
                <StatusTag tone="success">{t('branches.committee.current')}</StatusTag>
              ) : (
                <StatusTag>{t('branches.committee.notCurrent')}</StatusTag>
              ),
          },
        ]}
        fieldNames={['cadreId', 'post', 'startedOn', 'endedOn']}
        newValues={{ startedOn: today() }}
        toValues={(entry) => ({
          cadreId: entry.cadreId,
          post: entry.post,
          startedOn: toDay(entry.startedOn) as Dayjs,
          endedOn: toDay(entry.endedOn),
        })}
        toBody={(values) => ({
          cadreId: values.cadreId,
          post: values.post,
          startedOn: fromDay(values.startedOn) ?? '',
          endedOn: fromDay(values.endedOn),
        })}
        fields={(_form, entry) => (
          <>
            <Form.Item
              name="cadreId"
              label={t('branches.committee.cadre')}
              rules={[{ required: true, message: t('branches.committee.cadreRequired') }]}
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
              name="post"
              label={t('branches.committee.post')}
              rules={[{ required: true, message: t('branches.committee.postRequired') }]}
            >
              <Select options={COMMITTEE_POSTS.map((post) => ({ value: post, label: postLabel(post) }))} />
            </Form.Item>
            <Form.Item
              name="startedOn"
              label={t('branches.committee.startedOn')}
              rules={[{ required: true, message: t('branches.committee.startedOnRequired') }]}
            >
              <DatePicker className="full-width" />
            </Form.Item>
            <Form.Item
              name="endedOn"
              label={t('branches.committee.endedOn')}
              dependencies={['startedOn']}
              rules={[notBefore('startedOn', t('branches.committee.endBeforeStart'))]}
              extra={t('branches.committee.endedOnHint')}
            >
              <DatePicker className="full-width" />
            </Form.Item>
          </>
        )}
      />
      <EndTermModal
        key={`end-${endCount}`}
        entry={ending}
        branchId={branch.id}
        onClose={() => setEnding(undefined)}
      />
    </>
  );
}
