import { DownloadOutlined, PaperClipOutlined, ScheduleOutlined } from '@ant-design/icons';
import { App, Button, Image, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { evidenceFileUrl, useRemoveEvidence } from './api';
import type { Evidence } from './types';

/** A piece of evidence in words: the file's name, or the meeting's date and type. */
export function useEvidenceName() {
  const { t } = useTranslation();
  return (e: Evidence) =>
    e.kind === 'file'
      ? (e.fileName ?? t('rounds.evidence.file'))
      : t('rounds.evidence.meetingName', {
          date: e.meetingHeldOn ?? '',
          type: e.meetingType ? t(`meetings.type.${e.meetingType}`, { defaultValue: e.meetingType }) : '',
        });
}

interface EvidenceListProps {
  assessmentId: number;
  evidence: readonly Evidence[];
  /** The branch may take evidence off now (while self-assessing). */
  removable?: boolean;
}

/** The evidence of an answer: photos previewed, other files to download, meetings linked. */
export function EvidenceList({ assessmentId, evidence, removable = false }: EvidenceListProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useRemoveEvidence(assessmentId);
  const nameOf = useEvidenceName();
  if (evidence.length === 0) return <p className="muted">{t('rounds.evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e) => {
        const name = nameOf(e);
        const url = e.kind === 'file' && e.fileId !== null ? evidenceFileUrl(assessmentId, e.fileId) : '';
        return (
          <li key={e.id} className="evidence-item" data-evidence-id={e.id}>
            {e.kind === 'meeting' ? (
              <Link to={`/branches/meetings/${e.meetingId}`}>
                <ScheduleOutlined aria-hidden /> {name}
              </Link>
            ) : e.mime?.startsWith('image/') ? (
              <>
                <Image src={url} alt={name} width={96} height={72} />
                <a href={url} download={e.fileName ?? undefined}>
                  <DownloadOutlined aria-hidden /> {t('rounds.evidence.download')}
                  <span className="sr-only"> {name}</span>
                </a>
              </>
            ) : (
              <>
                <a href={url} download={e.fileName ?? undefined}>
                  <PaperClipOutlined aria-hidden /> {name}
                </a>
                {e.size !== null ? (
                  <span className="muted">
                    {t('rounds.evidence.size', { kb: Math.max(1, Math.round(e.size / 1024)) })}
                  </span>
                ) : null}
              </>
            )}
            {removable ? (
              <Popconfirm
                title={t('rounds.evidence.removeConfirm', { name })}
                okText={t('common.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync(e.id).then(
                    () => message.success(t('rounds.evidence.removed')),
                    (error: unknown) => message.error(errorMessage(error)),
                  )
                }
              >
                <Button type="link" size="small" danger aria-label={t('rounds.evidence.remove', { name })}>
                  {t('common.remove')}
                </Button>
              </Popconfirm>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
