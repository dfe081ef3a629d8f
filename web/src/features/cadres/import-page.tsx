import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Progress,
  Radio,
  Result,
  Spin,
  Statistic,
  Steps,
  Table,
  Upload,
} from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useOrgs } from '../../api/orgs';
import type { ImportJob, ImportPreview } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import {
  downloadImportTemplate,
  IMPORT_BUSY,
  useCommitImport,
  useImportJob,
  useInvalidateRoster,
  useStartImport,
} from './api';
import { BackLink } from './back-link';

const ACCEPTED = '.xlsx,.csv';

/** Which step of the wizard a job is at: ① org and template ② upload ③ check ④ write. */
function stepOf(job: ImportJob | undefined, targetOrgId: number | undefined): number {
  if (!job) return targetOrgId ? 1 : 0;
  if (job.status === 'validating' || job.status === 'ready') return 2;
  if (job.status === 'failed') return job.preview ? 3 : 2;
  return 3;
}

/** A failed job, or a check that found errors, marks its step red; a written import finishes the last one. */
function stepStatus(job: ImportJob | undefined): 'error' | 'finish' | undefined {
  if (job?.status === 'failed' || (job?.status === 'ready' && (job.preview?.errorCount ?? 0) > 0))
    return 'error';
  return job?.status === 'done' ? 'finish' : undefined;
}

function positive(value: string | null): number | undefined {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * /cadres/import — the import wizard: pick the org the people go to and get the template; upload the
 * filled-in file; read the check (every bad cell by row, column and reason; people already on the
 * roster); then write it all or nothing. The job and org live in the address, so a reload resumes.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const targetOrgId = positive(params.get('org'));
  const jobId = positive(params.get('job'));
  const job = useImportJob(jobId);
  const step = stepOf(job.data, targetOrgId);

  const setTarget = (org: number | undefined) =>
    setParams(org ? { org: String(org) } : {}, { replace: true });
  const startOver = () => setParams(targetOrgId ? { org: String(targetOrgId) } : {});

  return (
    <>
      <BackLink />
      <PageHeader title={t('cadres.import.title')} description={t('cadres.import.description')} />
      <Steps
        className="import-steps"
        current={step}
        status={stepStatus(job.data)}
        items={[
          { title: t('cadres.import.step.org') },
          { title: t('cadres.import.step.upload') },
          { title: t('cadres.import.step.check') },
          { title: t('cadres.import.step.commit') },
        ]}
        responsive
      />
      {jobId === undefined ? (
        <ChooseAndUpload
          targetOrgId={targetOrgId}
          onTarget={setTarget}
          onStarted={(id) =>
            setParams({ ...(targetOrgId ? { org: String(targetOrgId) } : {}), job: String(id) })
          }
        />
      ) : job.error ? (
        <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />
      ) : !job.data ? (
        <Spin aria-label={t('common.loading')} />
      ) : (
        <JobView job={job.data} targetOrgId={targetOrgId} onStartOver={startOver} />
      )}
    </>
  );
}

interface ChooseAndUploadProps {
  targetOrgId: number | undefined;
  onTarget: (orgId: number | undefined) => void;
  onStarted: (jobId: number) => void;
}

/** ① and ②: the org the people are imported to, the template, and the file. */
function ChooseAndUpload({ targetOrgId, onTarget, onStarted }: ChooseAndUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartImport();
  const [downloading, setDownloading] = useState(false);

  const getTemplate = async () => {
    setDownloading(true);
    try {
      await downloadImportTemplate();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card className="import-card">
      <Form layout="vertical" name="importTarget" className="narrow-form">
        <Form.Item
          label={t('cadres.import.targetOrg')}
          required
          htmlFor="import-target-org"
          extra={t('cadres.import.targetOrgHint')}
        >
          <OrgTreeSelect id="import-target-org" value={targetOrgId} onChange={onTarget} allowClear={false} />
        </Form.Item>
      </Form>
      <div className="import-template">
        <Button icon={<DownloadOutlined aria-hidden />} loading={downloading} onClick={getTemplate}>
          {t('cadres.import.downloadTemplate')}
        </Button>
        <span className="muted">{t('cadres.import.templateHint')}</span>
      </div>
      <h2 className="section-heading">{t('cadres.import.step.upload')}</h2>
      {start.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(start.error)} />
      ) : null}
      {targetOrgId ? null : (
        <Alert className="form-alert" type="info" showIcon title={t('cadres.import.pickOrgFirst')} />
      )}
      <Upload.Dragger
        accept={ACCEPTED}
        multiple={false}
        showUploadList={false}
        disabled={!targetOrgId || start.isPending}
        aria-label={t('cadres.import.uploadFile')}
        customRequest={({ file, onSuccess, onError }) => {
          if (!(file instanceof File) || !targetOrgId) return;
          start.mutate(
            { file, targetOrgId },
            {
              onSuccess: (job) => {
                onSuccess?.(job);
                onStarted(job.id);
              },
              onError: (error) => onError?.(error),
            },
          );
        }}
      >
        {start.isPending ? (
          <Spin aria-label={t('cadres.import.uploading')} />
        ) : (
          <>
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('cadres.import.dropHere')}</p>
            <p className="ant-upload-hint">{t('cadres.import.fileHint')}</p>
          </>
        )}
      </Upload.Dragger>
    </Card>
  );
}

interface JobViewProps {
  job: ImportJob;
  targetOrgId: number | undefined;
  onStartOver: () => void;
}

function JobView({ job, targetOrgId, onStartOver }: JobViewProps) {
  const { t } = useTranslation();
  const invalidate = useInvalidateRoster();
  const wasBusy = useRef(IMPORT_BUSY.has(job.status));

  // Once written, every roster list and record may be out of date.
  useEffect(() => {
    if (job.status === 'done' && wasBusy.current) void invalidate();
    wasBusy.current = IMPORT_BUSY.has(job.status);
  }, [job.status, invalidate]);

  const startOverButton = (
    <Button icon={<ReloadOutlined aria-hidden />} onClick={onStartOver}>
      {t('cadres.import.startOver')}
    </Button>
  );

  if (IMPORT_BUSY.has(job.status)) {
    const { done, total } = job.progress ?? { done: 0, total: 0 };
    return (
      <Card className="import-card" aria-busy>
        <div className="import-busy" role="status">
          <p>
            {job.status === 'validating'
              ? t('cadres.import.validating', { file: job.fileName })
              : t('cadres.import.committing', { file: job.fileName })}
          </p>
          {total > 0 ? (
            <>
              <Progress percent={Math.floor((done / total) * 100)} aria-hidden />
              <p>{t('cadres.import.progress', { done, total })}</p>
            </>
          ) : (
            <Spin aria-hidden />
          )}
        </div>
      </Card>
    );
  }

  if (job.status === 'failed') {
    return (
      <Result
        status="error"
        title={<h2 className="result-title">{t('cadres.import.failed')}</h2>}
        subTitle={job.error?.message ?? t('error.unexpected')}
        extra={startOverButton}
      />
    );
  }

  if (job.status === 'done') {
    const preview = job.preview;
    return (
      <Result
        status="success"
        title={<h2 className="result-title">{t('cadres.import.done')}</h2>}
        subTitle={t('cadres.import.doneSummary', {
          inserted: preview?.inserted ?? 0,
          updated: preview?.updated ?? 0,
          skipped: preview?.skipped ?? 0,
        })}
        extra={
          <>
            <DoneLink targetOrgId={targetOrgId} />
            <Button icon={<ReloadOutlined aria-hidden />} onClick={onStartOver}>
              {t('cadres.import.another')}
            </Button>
          </>
        }
      />
    );
  }

  if (!job.preview) return <Spin aria-label={t('common.loading')} />;
  return <PreviewView job={job} preview={job.preview} startOverButton={startOverButton} />;
}

/** A link to the roster filtered to the org the people were imported to. */
function DoneLink({ targetOrgId }: { targetOrgId: number | undefined }) {
  const { t } = useTranslation();
  const { data: orgs } = useOrgs();
  const org = orgs?.find((candidate) => candidate.id === targetOrgId);
  return (
    <Link to={targetOrgId ? `/cadres?orgId=${targetOrgId}` : '/cadres'} className="result-link">
      {org ? t('cadres.import.viewOrg', { org: org.name }) : t('cadres.import.viewList')}
    </Link>
  );
}

interface PreviewViewProps {
  job: ImportJob;
  preview: ImportPreview;
  startOverButton: ReactNode;
}

/** ③: the check's totals, every problem by row and column, and what to do with people already on the roster. */
function PreviewView({ job, preview, startOverButton }: PreviewViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const commit = useCommitImport();
  const [duplicates, setDuplicates] = useState<'update' | 'skip'>('skip');
  const hasErrors = preview.errorCount > 0;

  const totals = [
    { key: 'totalRows', value: preview.totalRows },
    { key: 'validRows', value: preview.validRows },
    { key: 'newRows', value: preview.newRows },
    { key: 'errorCount', value: preview.errorCount },
    { key: 'duplicateCount', value: preview.duplicateCount },
  ];

  return (
    <Card className="import-card">
      <p className="muted">{t('cadres.import.fileName', { file: job.fileName })}</p>
      <section aria-label={t('cadres.import.totals')} className="import-totals">
        {totals.map((total) => (
          <Statistic key={total.key} title={t(`cadres.import.total.${total.key}`)} value={total.value} />
        ))}
      </section>

      {hasErrors ? (
        <>
          <Alert
            className="form-alert"
            type="error"
            showIcon
            title={t('cadres.import.hasErrors', { count: preview.errorCount })}
            description={t('cadres.import.fixAndUpload')}
            action={startOverButton}
          />
          <h2 className="section-heading">{t('cadres.import.errorsTitle')}</h2>
          <Table
            className="list-table"
            size="small"
            rowKey={(error) => `${error.row}:${error.column}:${error.reason}`}
            dataSource={preview.errors}
            columns={[
              { key: 'row', title: t('cadres.import.row'), dataIndex: 'row', width: 80 },
              { key: 'column', title: t('cadres.import.column'), dataIndex: 'column' },
              { key: 'reason', title: t('cadres.import.reason'), dataIndex: 'reason' },
            ]}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          />
          {preview.errors.length < preview.errorCount ? (
            <p className="muted">
              {t('cadres.import.errorsShown', { shown: preview.errors.length, total: preview.errorCount })}
            </p>
          ) : null}
        </>
      ) : (
        <Alert className="form-alert" type="success" showIcon title={t('cadres.import.noErrors')} />
      )}

      {preview.duplicateCount > 0 ? (
        <>
          <h2 className="section-heading">{t('cadres.import.duplicatesTitle')}</h2>
          <p>{t('cadres.import.duplicatesHint', { count: preview.duplicateCount })}</p>
          <Table
            className="list-table"
            size="small"
            rowKey={(duplicate) => `${duplicate.row}:${duplicate.existingId}`}
            dataSource={preview.duplicates}
            columns={[
              { key: 'row', title: t('cadres.import.row'), dataIndex: 'row', width: 80 },
              { key: 'name', title: t('cadres.import.nameInFile'), dataIndex: 'name' },
              {
                key: 'existing',
                title: t('cadres.import.existing'),
                render: (_, duplicate) => (
                  <Link to={`/cadres/${duplicate.existingId}`} target="_blank" rel="noopener">
                    {duplicate.existingName}
                    <span className="sr-only">{t('cadres.import.opensInNewTab')}</span>
                  </Link>
                ),
              },
            ]}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          />
          <fieldset className="inline-fieldset" disabled={hasErrors}>
            <legend>{t('cadres.import.duplicatesChoice')}</legend>
            <Radio.Group
              value={duplicates}
              onChange={(event) => setDuplicates(event.target.value as 'update' | 'skip')}
              options={[
                { value: 'update', label: t('cadres.import.duplicates.update') },
                { value: 'skip', label: t('cadres.import.duplicates.skip') },
              ]}
            />
            {duplicates === 'update' ? (
              <p className="field-note muted">{t('cadres.import.duplicates.updateNote')}</p>
            ) : null}
          </fieldset>
        </>
      ) : null}

      {commit.error ? (
        <Alert className="form-alert" type="error" showIcon title={errorMessage(commit.error)} />
      ) : null}
      <div className="import-actions">
        {hasErrors ? null : startOverButton}
        <Button
          type="primary"
          disabled={hasErrors || preview.validRows === 0}
          loading={commit.isPending}
          onClick={() =>
            commit.mutate(
              { id: job.id, duplicates },
              { onError: (error) => message.error(errorMessage(error)) },
            )
          }
        >
          {t('cadres.import.commit')}
        </Button>
      </div>
    </Card>
  );
}
