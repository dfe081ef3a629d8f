import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { StatusTag, type StatusTone } from '../../components/status-tag';
import { labelText } from '../../components/workflow-label';
import { useLanguage } from '../../i18n/i18n';
import type { CellStatus, MeetingState, MeetingSummary } from './types';

const STATE_TONES: Record<MeetingState, StatusTone> = {
  draft: 'default',
  submitted: 'info',
  returned: 'error',
  approved: 'success',
};

/** A meeting's review state as a tag, in the workflow's own words. */
export function MeetingStateTag({ meeting }: { meeting: Pick<MeetingSummary, 'state' | 'stateLabel'> }) {
  const language = useLanguage();
  return <StatusTag tone={STATE_TONES[meeting.state]}>{labelText(meeting.stateLabel, language)}</StatusTag>;
}

const CELL_ICONS: Record<CellStatus, typeof CheckCircleOutlined> = {
  done: CheckCircleOutlined,
  behind: CloseCircleOutlined,
  in_progress: ClockCircleOutlined,
  not_due: MinusCircleOutlined,
};

/** A matrix status in words with its icon: never colour alone. */
export function CellStatusText({ status }: { status: CellStatus }) {
  const { t } = useTranslation();
  const Icon = CELL_ICONS[status];
  return (
    <span className={`matrix-status matrix-${status}`}>
      <Icon aria-hidden /> {t(`meetings.cell.${status}`)}
    </span>
  );
}
