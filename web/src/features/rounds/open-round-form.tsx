import { useQuery } from '@tanstack/react-query';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, unwrap } from '../../api/client';
import { fromDay, today } from '../../components/date-value';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { useIsMobile } from '../../components/use-is-mobile';
import { useOpenRound, useStandards } from './api';
import { BRANCH_KINDS } from './round-rules';
import type { BranchKind, OpenRoundBody, Round } from './types';

interface OpenRoundValues {
  name: string;
  year: number;
  versionId: number;
  dueOn: Dayjs;
  passMark: number;
  selection: 'subtree' | 'list';
  orgId?: number;
  kinds?: BranchKind[];
  branchIds?: number[];
}

const FIELDS = ['name', 'year', 'versionId', 'dueOn', 'passMark', 'orgId', 'kinds', 'branchIds'] as const;

/** Picks working branches by typing part of their names; several may be picked. */
function BranchesSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [keyword, setKeyword] = useState('');
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    queryKey: ['branches', 'pick', 'active', keyword],
    queryFn: () =>
      unwrap(
        api.GET('/api/branches', { params: { query: { page: 1, pageSize: 30, keyword, status: 'active' } } }),
      ),
    enabled: keyword.length > 0,
  });
  useEffect(() => {
    const items = found.data?.items;
    if (items?.length)
      setKnown((map) => {
        const next = new Map(map);
        for (const b of items) next.set(b.id, `${b.name}（${b.orgName}）`);
        return next;
      });
  }, [found.data]);
  const options = [
    ...(value ?? [])
      .filter((v) => !(found.data?.items ?? []).some((b) => b.id === v))
      .map((v) => ({
        value: v,
        label: known.get(v) ?? String(v),
      })),
    ...(found.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.orgName}）` })),
  ];
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={(next) => onChange?.(next)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('rounds.form.branchesPlaceholder')}
      notFoundContent={keyword ? t('rounds.form.noBranch') : t('rounds.form.typeToSearch')}
      options={options}
    />
  );
}

interface OpenRoundFormProps {
  open: boolean;
  onClose: () => void;
  onOpened: (round: Round) => void;
}

/**
 * 开启考核轮次: name, year, the standard's version (published; opening freezes it), the self-assessment
 * due date, the pass mark, and the branches: the working ones of some kinds in an org subtree, or a
 * list. Opening asks for confirmation, as the version can no longer change.
 */
export function OpenRoundForm({ open, onClose, onOpened }: OpenRoundFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<OpenRoundValues>();
  const standards = useStandards(open);
  const openRound = useOpenRound();
  const [failure, setFailure] = useState<unknown>();
  const selection = Form.useWatch('selection', form);
  const year = Form.useWatch('year', form);
  const versions = (standards.data ?? []).flatMap((s) =>
    s.versions
      .filter((v) => v.status !== 'draft')
      .map((v) => ({
        value: v.id,
        label: t('rounds.form.versionOption', {
          standard: s.name,
          version: v.version,
          status: t(`rounds.versionStatus.${v.status}`),
          measures: v.measureCount,
        }),
      })),
  );

  const submit = (values: OpenRoundValues) => {
    const body: OpenRoundBody = {
      name: values.name.trim(),
      year: values.year,
      versionId: values.versionId,
      dueOn: fromDay(values.dueOn) ?? '',
      passMark: values.passMark,
      ...(values.selection === 'list'
        ? { branchIds: values.branchIds ?? [] }
        : { ...(values.orgId ? { orgId: values.orgId } : {}), kinds: values.kinds ?? ['standing'] }),
    };
    const version = versions.find((v) => v.value === values.versionId)?.label ?? '';
    modal.confirm({
      title: t('rounds.form.confirmTitle'),
      content: t('rounds.form.confirmText', { version }),
      okText: t('rounds.form.confirmOk'),
      cancelText: t('common.cancel'),
      onOk: () =>
        openRound.mutateAsync(body).then(
          (round) => {
            message.success(t('rounds.form.opened', { branches: round.branchCount }));
            onClose();
            onOpened(round);
          },
          (error: unknown) => {
            setFailure(error);
            applyFieldErrors(form, error, FIELDS);
          },
        ),
    });
  };

  return (
    <FormDrawer
      open={open}
      title={t('rounds.form.title')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={openRound.isPending}
      submitText={t('rounds.form.submit')}
      width={600}
    >
      {failure ? <Alert className="form-alert" type="error" showIcon title={errorMessage(failure)} /> : null}
      <Form<OpenRoundValues>
        form={form}
        name="openRound"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={{ year: today().year(), passMark: 60, selection: 'subtree', kinds: ['standing'] }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('rounds.field.name')}
          extra={t('rounds.form.nameHint')}
          rules={[{ required: true, whitespace: true, message: t('rounds.form.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('rounds.field.year')}
          rules={[{ required: true, message: t('rounds.form.yearRequired') }]}
        >
          <InputNumber className="full-width" min={2000} max={2100} precision={0} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="versionId"
          label={t('rounds.field.version')}
          extra={t('rounds.form.versionHint')}
          rules={[{ required: true, message: t('rounds.form.versionRequired') }]}
        >
          <Select
            loading={standards.isLoading}
            options={versions}
            placeholder={t('rounds.form.versionPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('rounds.field.dueOn')}
          dependencies={['year']}
          rules={[
            { required: true, message: t('rounds.form.dueRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | undefined) => {
                const y = getFieldValue('year') as number | undefined;
                if (value && y && value.year() !== y) throw new Error(t('rounds.form.dueInYear'));
              },
            }),
          ]}
        >
          <DatePicker className="full-width" disabledDate={(day) => (year ? day.year() !== year : false)} />
        </Form.Item>
        <Form.Item
          name="passMark"
          label={t('rounds.field.passMark')}
          extra={t('rounds.form.passMarkHint')}
          rules={[{ required: true, message: t('rounds.form.passMarkRequired') }]}
        >
          <InputNumber className="full-width" min={1} max={100} precision={0} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="selection" label={t('rounds.form.selection')}>
          <Radio.Group
            options={[
              { value: 'subtree', label: t('rounds.form.bySubtree') },
              { value: 'list', label: t('rounds.form.byList') },
            ]}
          />
        </Form.Item>
        {selection === 'list' ? (
          <Form.Item
            name="branchIds"
            label={t('rounds.form.branches')}
            rules={[{ required: true, type: 'array', min: 1, message: t('rounds.form.branchesRequired') }]}
          >
            <BranchesSelect />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="orgId" label={t('rounds.form.org')} extra={t('rounds.form.orgHint')}>
              <OrgTreeSelect />
            </Form.Item>
            <Form.Item
              name="kinds"
              label={t('rounds.form.kinds')}
              // A validator rather than `required`: a checkbox group may not carry aria-required.
              rules={[
                {
                  validator: async (_rule, value: BranchKind[] | undefined) => {
                    if (!value?.length) throw new Error(t('rounds.form.kindsRequired'));
                  },
                },
              ]}
            >
              <Checkbox.Group
                role="group"
                aria-label={t('rounds.form.kinds')}
                options={BRANCH_KINDS.map((kind) => ({ value: kind, label: t(`branches.kind.${kind}`) }))}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
