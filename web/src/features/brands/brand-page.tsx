import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { StatusTag } from '../../components/status-tag';
import { labelText } from '../../components/workflow-label';
import { WorkflowTimeline } from '../../components/workflow-timeline';
import { useLanguage } from '../../i18n/i18n';
import {
  brandFileUrl,
  useBrand,
  useBrandHistory,
  useBrandTransition,
  useDeleteBrand,
  useRemoveBrandFile,
} from './api';
import { BrandForm } from './brand-form';
import { AwardForm, InspectionForm, ReturnModal, ReviewForm } from './brand-record-forms';
import { BrandStatusTag, ReviewDue } from './brand-tags';
import type { Brand, BrandInspection, BrandReview, ScheduleYear } from './types';

function useBrandId(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

function BackToList() {
  const { t } = useTranslation();
  return <BackLink to="/brands" label={t('brands.backToList')} />;
}

/** /brands/:id — one brand: application, cycle and review schedule, reviews, inspections, selections. */
export function BrandPage() {
  const { t } = useTranslation();
  const id = useBrandId();
  const brand = useBrand(id);
  useDocumentTitle(brand.data?.name ?? t('brands.record'));
  return (
    <RecordPage id={id} query={brand} notFound={t('brands.notFound')} back={<BackToList />}>
      {(data) => <BrandRecord brand={data} />}
    </RecordPage>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="meeting-section" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

function WorkflowActions({ brand, onReturn }: { brand: Brand; onReturn: () => void }) {
  const { message } = App.useApp();
  const language = useLanguage();
  const transition = useBrandTransition(brand.id);
  return (
    <>
      {brand.actions.map((action) => {
        const label = labelText(action.label, language);
        if (action.action === 'return')
          return (
            <Button key="return" danger onClick={onReturn}>
              {label}
            </Button>
          );
        return (
          <Button
            key={action.action}
            type="primary"
            loading={transition.isPending && transition.variables?.action === action.action}
            onClick={() =>
              transition.mutate(
                { action: action.action as 'submit' | 'approve' | 'reapply' },
                {
                  onSuccess: () => message.success(label),
                  onError: (error) => message.error(errorMessage(error)),
                },
              )
            }
          >
            {label}
          </Button>
        );
      })}
    </>
  );
}

function ScheduleTable({ schedule }: { schedule: ScheduleYear[] }) {
  const { t } = useTranslation();
  return (
    <Table<ScheduleYear>
      size="small"
      pagination={false}
      rowKey="year"
      dataSource={schedule}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'year',
          title: t('brands.schedule.year'),
          render: (_, y) => t('brands.schedule.yearN', { n: y.year }),
        },
        { key: 'anniversary', title: t('brands.schedule.anniversary'), dataIndex: 'anniversary' },
        { key: 'dueOn', title: t('brands.schedule.dueOn'), dataIndex: 'dueOn' },
        {
          key: 'status',
          title: t('brands.schedule.status'),
          render: (_, y) => (
            <Space size={4} wrap>
              <StatusTag
                tone={y.status === 'passed' ? 'success' : y.status === 'withdrawn' ? 'error' : 'default'}
              >
                {t(`brands.schedule.${y.status}`)}
              </StatusTag>
              {y.overdue ? <StatusTag tone="error">{t('brands.overdue')}</StatusTag> : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function ReviewsTable({ reviews }: { reviews: BrandReview[] }) {
  const { t } = useTranslation();
  if (reviews.length === 0) return <p className="muted">{t('brands.review.none')}</p>;
  return (
    <Table<BrandReview>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={[...reviews].reverse()}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'reviewedOn', title: t('brands.review.reviewedOn'), dataIndex: 'reviewedOn' },
        {
          key: 'year',
          title: t('brands.schedule.year'),
          render: (_, r) => t('brands.review.cycleYear', { cycle: r.cycleNo, year: r.cycleYear }),
        },
        { key: 'reviewer', title: t('brands.review.reviewer'), dataIndex: 'reviewer' },
        {
          key: 'verdict',
          title: t('brands.review.verdict'),
          render: (_, r) => t(`brands.verdict.${r.verdict}`),
        },
        {
          key: 'detail',
          title: t('brands.review.detail'),
          render: (_, r) =>
            [
              r.deadline && t('brands.review.deadlineValue', { date: r.deadline }),
              r.reason && t('brands.review.reasonValue', { reason: r.reason }),
              r.comments,
            ]
              .filter(Boolean)
              .join('；') || '—',
        },
      ]}
    />
  );
}

function InspectionsTable({ inspections }: { inspections: BrandInspection[] }) {
  const { t } = useTranslation();
  if (inspections.length === 0) return <p className="muted">{t('brands.inspection.none')}</p>;
  return (
    <Table<BrandInspection>
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={inspections}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'inspectedOn', title: t('brands.inspection.inspectedOn'), dataIndex: 'inspectedOn' },
        { key: 'inspectors', title: t('brands.inspection.inspectors'), dataIndex: 'inspectors' },
        { key: 'findings', title: t('brands.inspection.findings'), dataIndex: 'findings' },
      ]}
    />
  );
}

function Files({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveBrandFile();
  if (brand.files.length === 0) return <p className="muted">{t('brands.noFiles')}</p>;
  return (
    <ul className="meeting-attachments">
      {brand.files.map((file) => (
        <li key={file.fileId}>
          <a href={brandFileUrl(brand.id, file.fileId)} download={file.name}>
            <PaperClipOutlined aria-hidden /> {file.caption ?? file.name}
          </a>{' '}
          {brand.editable ? (
            <Popconfirm
              title={t('common.deleteEntryConfirm', { entry: file.name })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutateAsync({ id: brand.id, fileId: file.fileId }).then(
                  () => message.success(t('common.deleted')),
                  (error: unknown) => message.error(errorMessage(error)),
                )
              }
            >
              <Button
                type="link"
                size="small"
                danger
                aria-label={t('brands.removeFile', { name: file.name })}
              >
                {t('common.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type Drawer = 'edit' | 'review' | 'inspection' | 'award' | 'return';

function BrandRecord({ brand }: { brand: Brand }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const history = useBrandHistory(brand.id);
  const remove = useDeleteBrand();
  const [open, setOpen] = useState<Drawer | undefined>();
  const [opened, setOpened] = useState(0);
  const show = (drawer: Drawer) => {
    setOpened((n) => n + 1);
    setOpen(drawer);
  };
  const close = () => setOpen(undefined);
  const reviewable =
    brand.canReview && brand.schedule.some((y) => y.status === 'open' || y.status === 'improving');

  return (
    <>
      <BackToList />
      <PageHeader
        title={brand.name}
        description={
          <>
            <Link to={`/branches/${brand.branchId}`}>{brand.branchName}</Link> · {brand.orgName}{' '}
            <BrandStatusTag brand={brand} />
          </>
        }
        extra={
          <Space wrap>
            <WorkflowActions brand={brand} onReturn={() => show('return')} />
            {reviewable ? <Button onClick={() => show('review')}>{t('brands.review.add')}</Button> : null}
            {brand.canReview ? (
              <Button onClick={() => show('inspection')}>{t('brands.inspection.add')}</Button>
            ) : null}
            {brand.canAward ? <Button onClick={() => show('award')}>{t('brands.awards.add')}</Button> : null}
            {brand.editable && can('brands:apply') ? (
              <Button onClick={() => show('edit')}>{t('common.edit')}</Button>
            ) : null}
            {brand.editable && brand.cycleNo === 0 && can('brands:apply') ? (
              <Popconfirm
                title={t('brands.deleteConfirm')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(brand.id).then(
                    () => {
                      message.success(t('common.deleted'));
                      navigate('/brands', { replace: true });
                    },
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button danger>{t('common.delete')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
      <div className="meeting-layout brand-layout">
        <div className="brand-main">
          <Card>
            <dl className="branch-facts">
              <Fact label={t('brands.field.system')}>{brand.systemName ?? '—'}</Fact>
              <Fact label={t('brands.field.cycle')}>
                {brand.cycleStart ? `${brand.cycleStart} ~ ${brand.cycleEnd}` : '—'}
              </Fact>
              <Fact label={t('brands.field.cycleNo')}>{brand.cycleNo || '—'}</Fact>
              <Fact label={t('brands.field.nextReviewDue')}>
                <ReviewDue brand={brand} />
              </Fact>
              {brand.withdrawnOn ? (
                <Fact label={t('brands.field.withdrawn')}>
                  {brand.withdrawnOn}：{brand.withdrawnReason}
                </Fact>
              ) : null}
            </dl>
            {(['idea', 'practices', 'results'] as const).map((field) => (
              <Section key={field} id={`brand-${field}`} title={t(`brands.field.${field}`)}>
                <p className="brand-text">{brand[field]}</p>
              </Section>
            ))}
            <Section id="brand-files" title={t('brands.field.files')}>
              <Files brand={brand} />
            </Section>
          </Card>
          {brand.schedule.length > 0 ? (
            <Card
              title={<h2 className="section-title">{t('brands.schedule.title', { n: brand.cycleNo })}</h2>}
            >
              <ScheduleTable schedule={brand.schedule} />
            </Card>
          ) : null}
          <Card title={<h2 className="section-title">{t('brands.review.list')}</h2>}>
            <ReviewsTable reviews={brand.reviews} />
          </Card>
          <Card title={<h2 className="section-title">{t('brands.inspection.list')}</h2>}>
            <InspectionsTable inspections={brand.inspections} />
          </Card>
          <Card title={<h2 className="section-title">{t('brands.awards.ofBrand')}</h2>}>
            {brand.awards.length === 0 ? (
              <p className="muted">{t('brands.awards.none')}</p>
            ) : (
              <ul className="brand-awards">
                {brand.awards.map((a) => (
                  <li key={a.id}>
                    {t('brands.awards.item', { year: a.year, kind: t(`brands.award.${a.kind}`) })}
                    {a.title ? `：${a.title}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <Card className="meeting-timeline" title={<h2 className="section-title">{t('brands.timeline')}</h2>}>
          {history.error ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
          {history.data ? <WorkflowTimeline history={history.data} newestFirst /> : null}
        </Card>
      </div>
      <BrandForm key={`edit-${opened}`} open={open === 'edit'} brand={brand} onClose={close} />
      <ReviewForm key={`review-${opened}`} open={open === 'review'} brand={brand} onClose={close} />
      <InspectionForm
        key={`inspection-${opened}`}
        open={open === 'inspection'}
        brand={brand}
        onClose={close}
      />
      <AwardForm key={`award-${opened}`} open={open === 'award'} brand={brand} onClose={close} />
      <ReturnModal key={`return-${opened}`} open={open === 'return'} brand={brand} onClose={close} />
    </>
  );
}
