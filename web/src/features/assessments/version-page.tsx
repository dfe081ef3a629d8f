import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  ExportOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, type ErrorDetail, errorMessage } from '../../api/client';
import { useCan } from '../../api/session';
import { BackLink } from '../../components/back-link';
import { formatDateTime } from '../../components/date-time';
import { PageHeader, useDocumentTitle } from '../../components/page-header';
import { RecordPage } from '../../components/record-page';
import { StatusTag } from '../../components/status-tag';
import { useIsMobile } from '../../components/use-is-mobile';
import { useLanguage } from '../../i18n/i18n';
import {
  exportVersion,
  useCreateVersion,
  useDeleteDimension,
  useDeleteMeasure,
  useDeleteVersion,
  useReorder,
  useStandards,
  useVersion,
  useVersionAction,
  type VersionAction,
} from './api';
import { FULL_MARKS, isEditable, moveDimension, moveMeasure } from './assessment-rules';
import { DimensionForm } from './dimension-form';
import { MeasureForm } from './measure-form';
import { NotesForm } from './notes-form';
import type { Dimension, Measure, Version } from './types';
import { VersionStatusTag } from './version-tags';
import './assessments.css';

function useVersionId(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** /assessments/versions/:id — a version of a standard: the editor while a draft, read-only after. */
export function VersionPage() {
  const { t } = useTranslation();
  const id = useVersionId();
  const version = useVersion(id);
  useDocumentTitle(t('assessments.version'));
  return (
    <RecordPage
      id={id}
      query={version}
      notFound={t('assessments.versionNotFound')}
      back={<BackLink to="/assessments/standards" label={t('assessments.backToList')} />}
    >
      {(data) => <VersionEditor key={data.id} version={data} />}
    </RecordPage>
  );
}

type Dialog =
  | { kind: 'notes' }
  | { kind: 'dimension'; dimension?: Dimension }
  | { kind: 'measure'; dimension: Dimension; measure?: Measure };

/** The problems the server found when publishing, each in the caller's language. */
function PublishProblems({ problems, onClose }: { problems: ErrorDetail[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="form-alert"
      type="error"
      showIcon
      closable={{ onClose, 'aria-label': t('common.close') }}
      title={t('assessments.publishRefused')}
      description={
        <ul className="assessment-problems">
          {problems.map((p) => (
            <li key={`${p.field}-${p.rule}-${p.message}`}>{p.message}</li>
          ))}
        </ul>
      }
    />
  );
}

/** Why the version cannot be changed, and what to do instead. */
function ReadOnlyNote({ version, author }: { version: Version; author: boolean }) {
  const { t } = useTranslation();
  if (!author)
    return <Alert className="form-alert" type="info" showIcon title={t('assessments.readOnly.reader')} />;
  if (version.status === 'draft') return null;
  return (
    <Alert
      className="form-alert"
      type={version.status === 'frozen' ? 'info' : 'warning'}
      showIcon
      title={t(`assessments.readOnly.${version.status}`)}
    />
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

function VersionEditor({ version }: { version: Version }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useLanguage();
  const navigate = useNavigate();
  const can = useCan();
  const author = can('assessments:author');
  const editable = author && isEditable(version.status);
  const standards = useStandards();
  const draft = standards.data
    ?.find((s) => s.id === version.standardId)
    ?.versions.find((v) => v.status === 'draft');
  const action = useVersionAction(version.id);
  const remove = useDeleteVersion();
  const copy = useCreateVersion();
  const reorder = useReorder(version.id);
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  // Problems found at the last publish are stale once the draft changes.
  const changedAt = version.updatedAt;
  useEffect(() => {
    if (changedAt) setProblems([]);
  }, [changedAt]);
  const [dialog, setDialogState] = useState<Dialog>();
  const [opened, setOpened] = useState(0);
  const [exporting, setExporting] = useState(false);
  const setDialog = (next: Dialog) => {
    setOpened((n) => n + 1);
    setDialogState(next);
  };
  const title = t('assessments.versionTitle', { name: version.standardName, version: version.version });
  const scored = version.dimensions.some((d) => d.measures.some((m) => m.rule === 'scored'));

  const run = (which: VersionAction) =>
    action.mutateAsync(which).then(
      () => {
        setProblems([]);
        message.success(t(`assessments.done.${which}`));
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.details.length > 0) setProblems(error.details);
        else message.error(errorMessage(error));
      },
    );

  const startCopy = () =>
    copy.mutateAsync({ standardId: version.standardId, body: { copyFrom: version.id } }).then(
      (next) => {
        message.success(t('assessments.draftStarted', { version: next.version }));
        navigate(`/assessments/versions/${next.id}`);
      },
      (error: unknown) => message.error(errorMessage(error)),
    );

  const move = (body: Parameters<typeof reorder.mutateAsync>[0]) =>
    reorder.mutateAsync(body).catch((error: unknown) => message.error(errorMessage(error)));

  const confirm = (props: {
    key: string;
    title: string;
    okText: string;
    danger?: boolean;
    onConfirm: () => Promise<unknown>;
    button: ReactNode;
  }) => (
    <Popconfirm
      key={props.key}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger }}
      cancelText={t('common.cancel')}
      onConfirm={props.onConfirm}
    >
      {props.button}
    </Popconfirm>
  );

  const actions: ReactNode[] = [
    <Button
      key="export"
      icon={<ExportOutlined aria-hidden />}
      loading={exporting}
      onClick={() => {
        setExporting(true);
        exportVersion(version.id)
          .catch((error: unknown) => message.error(errorMessage(error)))
          .finally(() => setExporting(false));
      }}
    >
      {t('assessments.export')}
    </Button>,
  ];
  if (author && version.status === 'draft') {
    actions.unshift(
      confirm({
        key: 'publish',
        title: t('assessments.publishConfirm'),
        okText: t('assessments.action.publish'),
        onConfirm: () => run('publish'),
        button: (
          <Button type="primary" loading={action.isPending && action.variables === 'publish'}>
            {t('assessments.action.publish')}
          </Button>
        ),
      }),
    );
    actions.push(
      <Button key="notes" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'notes' })}>
        {t('assessments.editNotes')}
      </Button>,
      confirm({
        key: 'delete',
        title: t('assessments.deleteDraftConfirm', { version: version.version }),
        okText: t('common.delete'),
        danger: true,
        onConfirm: () =>
          remove.mutateAsync(version.id).then(
            () => {
              message.success(t('common.deleted'));
              navigate(`/assessments/standards/${version.standardId}`, { replace: true });
            },
            (error: unknown) => message.error(errorMessage(error)),
          ),
        button: (
          <Button danger icon={<DeleteOutlined aria-hidden />}>
            {t('assessments.deleteDraft')}
          </Button>
        ),
      }),
    );
  }
  if (author && version.status === 'published') {
    actions.unshift(
      confirm({
        key: 'withdraw',
        title: t('assessments.withdrawConfirm'),
        okText: t('assessments.action.withdraw'),
        onConfirm: () => run('withdraw'),
        button: <Button>{t('assessments.action.withdraw')}</Button>,
      }),
      confirm({
        key: 'freeze',
        title: t('assessments.freezeConfirm'),
        okText: t('assessments.action.freeze'),
        danger: true,
        onConfirm: () => run('freeze'),
        button: <Button danger>{t('assessments.action.freeze')}</Button>,
      }),
    );
  }
  if (author && version.status !== 'draft') {
    actions.unshift(
      draft ? (
        <Button key="draft" type="primary" onClick={() => navigate(`/assessments/versions/${draft.id}`)}>
          {t('assessments.openDraft', { version: draft.version })}
        </Button>
      ) : (
        confirm({
          key: 'copy',
          title: t('assessments.copyConfirm', { version: version.version }),
          okText: t('assessments.copy'),
          onConfirm: startCopy,
          button: (
            <Button type="primary" icon={<CopyOutlined aria-hidden />} loading={copy.isPending}>
              {t('assessments.copyIntoDraft')}
            </Button>
          ),
        })
      ),
    );
  }

  return (
    <>
      <BackLink
        to={`/assessments/standards/${version.standardId}`}
        label={t('assessments.backToStandard', { name: version.standardName })}
      />
      <PageHeader
        title={title}
        description={<VersionStatusTag status={version.status} />}
        extra={<Space wrap>{actions}</Space>}
      />
      <ReadOnlyNote version={version} author={author} />
      {problems.length > 0 ? <PublishProblems problems={problems} onClose={() => setProblems([])} /> : null}
      <Card className="assessment-summary">
        <dl className="branch-facts">
          <Fact label={t('assessments.field.code')}>
            <code>{version.standardCode}</code>
          </Fact>
          <Fact label={t('assessments.field.content')}>
            {t('assessments.contentCount', {
              dimensions: version.dimensionCount,
              measures: version.measureCount,
            })}
          </Fact>
          <Fact label={t('assessments.field.totalWeight')}>
            {scored ? (
              <>
                {t('assessments.points', { points: version.totalWeight })}{' '}
                {version.totalWeight === FULL_MARKS ? (
                  <StatusTag tone="success">{t('assessments.fullMarks')}</StatusTag>
                ) : (
                  <StatusTag tone="warning">{t('assessments.notFullMarks', { full: FULL_MARKS })}</StatusTag>
                )}
              </>
            ) : (
              t('assessments.noScored')
            )}
          </Fact>
          <Fact label={t('assessments.field.publishedAt')}>
            {formatDateTime(version.publishedAt, language)}
          </Fact>
          <Fact label={t('assessments.field.frozenAt')}>{formatDateTime(version.frozenAt, language)}</Fact>
        </dl>
        <p className="assessment-notes">
          <span className="muted">{t('assessments.field.notes')}：</span>
          {version.notes ?? '—'}
        </p>
      </Card>
      {version.dimensions.length === 0 ? (
        <p className="muted assessment-empty">{t('assessments.noDimensions')}</p>
      ) : null}
      {version.dimensions.map((dimension, index) => (
        <DimensionCard
          key={dimension.id}
          version={version}
          dimension={dimension}
          index={index}
          editable={editable}
          busy={reorder.isPending}
          onMove={move}
          onEdit={(next) => setDialog(next)}
        />
      ))}
      {editable ? (
        <Button
          className="assessment-add-dimension"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setDialog({ kind: 'dimension' })}
        >
          {t('assessments.addDimension')}
        </Button>
      ) : null}
      <NotesForm
        key={`notes-${opened}`}
        open={dialog?.kind === 'notes'}
        version={version}
        onClose={() => setDialogState(undefined)}
      />
      <DimensionForm
        key={`dimension-${opened}`}
        open={dialog?.kind === 'dimension'}
        version={version}
        dimension={dialog?.kind === 'dimension' ? dialog.dimension : undefined}
        onClose={() => setDialogState(undefined)}
      />
      {dialog?.kind === 'measure' ? (
        <MeasureForm
          key={`measure-${opened}`}
          open
          version={version}
          dimension={dialog.dimension}
          measure={dialog.measure}
          onClose={() => setDialogState(undefined)}
        />
      ) : null}
    </>
  );
}

interface DimensionCardProps {
  version: Version;
  dimension: Dimension;
  index: number;
  editable: boolean;
  busy: boolean;
  onMove: (body: ReturnType<typeof moveDimension>) => Promise<unknown>;
  onEdit: (dialog: Dialog) => void;
}

/** A dimension with its measures, and while a draft the buttons that change and order them. */
function DimensionCard({ version, dimension, index, editable, busy, onMove, onEdit }: DimensionCardProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const removeDimension = useDeleteDimension();
  const removeMeasure = useDeleteMeasure();
  const headingId = `dimension-${dimension.id}`;
  const name = `${dimension.code} ${dimension.title}`;
  const last = version.dimensions.length - 1;

  const measureActions = (measure: Measure, i: number) => (
    <Space size={0} wrap className="row-actions">
      <Button
        type="link"
        size="small"
        icon={<ArrowUpOutlined aria-hidden />}
        disabled={i === 0 || busy}
        aria-label={t('assessments.moveUp', { name: measure.code })}
        onClick={() => void onMove(moveMeasure(version, index, i, -1))}
      />
      <Button
        type="link"
        size="small"
        icon={<ArrowDownOutlined aria-hidden />}
        disabled={i === dimension.measures.length - 1 || busy}
        aria-label={t('assessments.moveDown', { name: measure.code })}
        onClick={() => void onMove(moveMeasure(version, index, i, 1))}
      />
      <Button
        type="link"
        size="small"
        aria-label={t('assessments.editNamed', { name: measure.code })}
        onClick={() => onEdit({ kind: 'measure', dimension, measure })}
      >
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('assessments.deleteMeasureConfirm', { code: measure.code })}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          removeMeasure.mutateAsync(measure.id).then(
            () => message.success(t('common.deleted')),
            (error: unknown) => message.error(errorMessage(error)),
          )
        }
      >
        <Button
          type="link"
          size="small"
          danger
          aria-label={t('assessments.deleteNamed', { name: measure.code })}
        >
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );

  const ruleText = (m: Measure) =>
    m.rule === 'scored' ? t('assessments.points', { points: m.weight }) : t('assessments.mustPass');
  const kinds = (m: Measure) =>
    m.evidenceKinds.map((k) => (
      <StatusTag key={k} tone="default">
        {t(`assessments.evidence.${k}`)}
      </StatusTag>
    ));

  return (
    <Card
      className="assessment-dimension"
      aria-labelledby={headingId}
      title={
        <h2 id={headingId} className="card-heading">
          {name}
          <span className="assessment-dimension-weight">
            {t('assessments.points', { points: dimension.weight })}
          </span>
        </h2>
      }
      extra={
        editable ? (
          <Space size={0} wrap className="row-actions">
            <Button
              type="link"
              size="small"
              icon={<ArrowUpOutlined aria-hidden />}
              disabled={index === 0 || busy}
              aria-label={t('assessments.moveUp', { name })}
              onClick={() => void onMove(moveDimension(version, index, -1))}
            />
            <Button
              type="link"
              size="small"
              icon={<ArrowDownOutlined aria-hidden />}
              disabled={index === last || busy}
              aria-label={t('assessments.moveDown', { name })}
              onClick={() => void onMove(moveDimension(version, index, 1))}
            />
            <Button
              type="link"
              size="small"
              aria-label={t('assessments.editNamed', { name })}
              onClick={() => onEdit({ kind: 'dimension', dimension })}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('assessments.deleteDimensionConfirm', { name, count: dimension.measures.length })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                removeDimension.mutateAsync(dimension.id).then(
                  () => message.success(t('common.deleted')),
                  (error: unknown) => message.error(errorMessage(error)),
                )
              }
            >
              <Button type="link" size="small" danger aria-label={t('assessments.deleteNamed', { name })}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {dimension.measures.length === 0 ? (
        <p className="muted">{t('assessments.noMeasures')}</p>
      ) : isMobile ? (
        <ol className="assessment-measure-list" aria-label={t('assessments.measuresOf', { name })}>
          {dimension.measures.map((m, i) => (
            <li key={m.id}>
              <p className="assessment-measure-text">
                <strong>{m.code}</strong> {m.text}
              </p>
              <p className="assessment-measure-meta">
                <span className="muted">{t('assessments.field.evidence')}：</span>
                {m.evidence}
              </p>
              <p className="assessment-measure-meta">
                {kinds(m)} <strong>{ruleText(m)}</strong>
              </p>
              {m.remarks ? <p className="assessment-measure-meta muted">{m.remarks}</p> : null}
              {editable ? measureActions(m, i) : null}
            </li>
          ))}
        </ol>
      ) : (
        <Table<Measure>
          className="assessment-measures"
          aria-label={t('assessments.measuresOf', { name })}
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={dimension.measures}
          columns={[
            { key: 'code', title: t('assessments.field.measureCode'), dataIndex: 'code', width: 72 },
            { key: 'text', title: t('assessments.field.text'), dataIndex: 'text' },
            {
              key: 'evidence',
              title: t('assessments.field.evidence'),
              render: (_, m) => (
                <>
                  <div>{m.evidence}</div>
                  <div>{kinds(m)}</div>
                </>
              ),
            },
            { key: 'rule', title: t('assessments.field.rule'), width: 100, render: (_, m) => ruleText(m) },
            {
              key: 'remarks',
              title: t('assessments.field.remarks'),
              width: 140,
              render: (_, m) => m.remarks ?? '—',
            },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 170,
                    render: (_: unknown, m: Measure, i: number) => measureActions(m, i),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editable ? (
        <Button
          type="dashed"
          className="assessment-add-measure"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => onEdit({ kind: 'measure', dimension })}
          aria-label={t('assessments.addMeasureTo', { dimension: name })}
        >
          {t('assessments.addMeasure')}
        </Button>
      ) : null}
    </Card>
  );
}
