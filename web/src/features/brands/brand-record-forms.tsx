import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { fromDay, notInFuture, today } from '../../components/date-value';
import { FormDrawer } from '../../components/form-drawer';
import { applyFieldErrors } from '../../components/form-errors';
import { useIsMobile } from '../../components/use-is-mobile';
import { useAddAward, useAddInspection, useAddReview, useBrandTransition } from './api';
import { yearOptions } from './brand-filters';
import type { AwardKind, Brand } from './types';

interface DrawerProps {
  brand: Brand;
  open: boolean;
  onClose: () => void;
}

interface ReviewValues {
  reviewedOn: Dayjs;
  reviewer: string;
  verdict: 'pass' | 'improve' | 'withdraw';
  deadline?: Dayjs;
  reason?: string;
  comments?: string;
}

/** 品牌复核: records the review due next; a withdrawal (撤销) asks for confirmation, as it ends the brand. */
export function ReviewForm({ brand, open, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<ReviewValues>();
  const add = useAddReview(brand.id);
  const verdict = Form.useWatch('verdict', form);
  const next = brand.schedule.find((y) => y.status === 'open' || y.status === 'improving');

  const save = (values: ReviewValues) =>
    add.mutate(
      {
        reviewedOn: fromDay(values.reviewedOn) ?? '',
        reviewer: values.reviewer.trim(),
        verdict: values.verdict,
        deadline: values.verdict === 'improve' ? fromDay(values.deadline) : null,
        reason: values.verdict === 'withdraw' ? (values.reason?.trim() ?? null) : null,
        comments: values.comments?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) =>
          applyFieldErrors(form, error, [
            'reviewedOn',
            'reviewer',
            'verdict',
            'deadline',
            'reason',
            'comments',
          ]),
      },
    );

  const onFinish = (values: ReviewValues) => {
    if (values.verdict !== 'withdraw') return save(values);
    modal.confirm({
      title: t('brands.review.withdrawConfirmTitle'),
      content: t('brands.review.withdrawConfirm', { name: brand.name }),
      okText: t('brands.verdict.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => save(values),
    });
  };

  return (
    <FormDrawer
      open={open}
      title={t('brands.review.title', { year: next?.year ?? '' })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending}
    >
      {next ? (
        <Alert
          className="form-alert"
          type={next.overdue ? 'warning' : 'info'}
          showIcon
          title={t('brands.review.due', { year: next.year, date: next.dueOn })}
        />
      ) : null}
      {add.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(add.error)} />
      ) : null}
      <Form<ReviewValues>
        form={form}
        name="brandReview"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={{ reviewedOn: today(), verdict: 'pass' }}
        onFinish={onFinish}
      >
        <Form.Item
          name="reviewedOn"
          label={t('brands.review.reviewedOn')}
          rules={[
            { required: true, message: t('brands.rule.dateRequired') },
            notInFuture(t('brands.rule.notFuture')),
          ]}
        >
          <DatePicker className="full-width" disabledDate={(day) => day.isAfter(today(), 'day')} />
        </Form.Item>
        <Form.Item
          name="reviewer"
          label={t('brands.review.reviewer')}
          rules={[{ required: true, whitespace: true, message: t('brands.rule.reviewerRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="verdict" label={t('brands.review.verdict')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['pass', 'improve', 'withdraw'] as const).map((v) => ({
              value: v,
              label: t(`brands.verdict.${v}`),
            }))}
          />
        </Form.Item>
        {verdict === 'improve' ? (
          <Form.Item
            name="deadline"
            label={t('brands.review.deadline')}
            rules={[{ required: true, message: t('brands.rule.deadlineRequired') }]}
          >
            <DatePicker className="full-width" disabledDate={(day) => !day.isAfter(today(), 'day')} />
          </Form.Item>
        ) : null}
        {verdict === 'withdraw' ? (
          <Form.Item
            name="reason"
            label={t('brands.review.reason')}
            rules={[{ required: true, whitespace: true, message: t('brands.rule.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        <Form.Item name="comments" label={t('brands.review.comments')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 调研检查: the day, who inspected and what they found. */
export function InspectionForm({ brand, open, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<{ inspectedOn: Dayjs; inspectors: string; findings: string }>();
  const add = useAddInspection(brand.id);
  return (
    <FormDrawer
      open={open}
      title={t('brands.inspection.title')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending}
    >
      {add.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(add.error)} />
      ) : null}
      <Form
        form={form}
        name="brandInspection"
        layout="vertical"
        size={isMobile ? 'large' : 'middle'}
        initialValues={{ inspectedOn: today() }}
        onFinish={(values) =>
          add.mutate(
            {
              inspectedOn: fromDay(values.inspectedOn) ?? '',
              inspectors: values.inspectors.trim(),
              findings: values.findings.trim(),
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => applyFieldErrors(form, error, ['inspectedOn', 'inspectors', 'findings']),
            },
          )
        }
      >
        <Form.Item
          name="inspectedOn"
          label={t('brands.inspection.inspectedOn')}
          rules={[
            { required: true, message: t('brands.rule.dateRequired') },
            notInFuture(t('brands.rule.notFuture')),
          ]}
        >
          <DatePicker className="full-width" disabledDate={(day) => day.isAfter(today(), 'day')} />
        </Form.Item>
        <Form.Item
          name="inspectors"
          label={t('brands.inspection.inspectors')}
          rules={[{ required: true, whitespace: true, message: t('brands.rule.inspectorsRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('brands.inspection.findings')}
          rules={[{ required: true, whitespace: true, message: t('brands.rule.findingsRequired') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 评选: selects the brand as top ten, excellent or a provincial case of a year. */
export function AwardForm({ brand, open, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; kind: AwardKind; title?: string; note?: string }>();
  const add = useAddAward(brand.id);
  const kind = Form.useWatch('kind', form);
  const first = Number((brand.cycleStart ?? '').slice(0, 4));
  return (
    <FormDrawer
      open={open}
      title={t('brands.awards.addTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      submitting={add.isPending}
    >
      {add.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(add.error)} />
      ) : null}
      <Form
        form={form}
        name="brandAward"
        layout="vertical"
        initialValues={{ year: today().year(), kind: 'top10' }}
        onFinish={(values) =>
          add.mutate(
            {
              year: values.year,
              kind: values.kind,
              title: values.title?.trim() || null,
              note: values.note?.trim() || null,
            },
            {
              onSuccess: () => {
                message.success(t('common.saved'));
                onClose();
              },
              onError: (error) => applyFieldErrors(form, error, ['year', 'kind', 'title', 'note']),
            },
          )
        }
      >
        <Form.Item name="year" label={t('brands.field.year')} rules={[{ required: true }]}>
          <Select
            options={yearOptions()
              .filter((y) => !first || y >= first)
              .map((y) => ({ value: y, label: String(y) }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('brands.field.awardKind')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['top10', 'excellent', 'province_case'] as const).map((k) => ({
              value: k,
              label: t(`brands.award.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'province_case' ? (
          <Form.Item name="title" label={t('brands.field.caseTitle')}>
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('brands.field.note')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** 退回: asks for the comment the server requires. */
export function ReturnModal({ brand, open, onClose }: DrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const transition = useBrandTransition(brand.id);
  return (
    <Modal
      open={open}
      title={t('brands.returnTitle')}
      okText={t('brands.returnConfirm')}
      okButtonProps={{ danger: true, loading: transition.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {transition.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(transition.error)} />
      ) : null}
      <Form
        form={form}
        name="returnBrand"
        layout="vertical"
        onFinish={({ comment }) =>
          transition.mutate(
            { action: 'return', comment: comment.trim() },
            {
              onSuccess: () => {
                message.success(t('brands.returned'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="comment"
          label={t('brands.returnComment')}
          rules={[{ required: true, whitespace: true, message: t('brands.returnCommentRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
