import { Alert, Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowEvent, WorkflowHistory } from '../api/types';
import { useLanguage } from '../i18n/i18n';
import { formatDateTime } from './date-time';
import { labelText } from './workflow-label';

/** The action recorded when a record entered its workflow (server/platform/workflow/workflow.ts). */
const START_ACTION = 'start';

/** A step that sends a record back for changes: its comment (意见) is what the submitter must act on. */
export function isReturn(event: WorkflowEvent): boolean {
  return /(^|_)return/.test(event.action) || event.action === 'reject';
}

interface WorkflowTimelineProps {
  /** The record's history as its module's history route answers it (WorkflowHistorySchema), oldest first. */
  history: WorkflowHistory;
  /** Newest step first (e.g. beside a long record); oldest first by default, as the steps happened. */
  newestFirst?: boolean;
  /** Which steps send the record back; by default actions named return… (退回) or reject. */
  returns?: (event: WorkflowEvent) => boolean;
  /** Accessible name of the timeline; "流程记录" by default. */
  label?: string;
}

/**
 * A record's workflow history as a timeline: each step's action, the states it moved between, who took
 * it and when, and its comment. A return's comment stands out, as it says what has to change.
 *
 * Usage, on a record page with a module's history route:
 *   const history = useQuery({ queryKey: ['meetings', id, 'history'], queryFn: … });
 *   {history.data ? <WorkflowTimeline history={history.data} /> : null}
 */
export function WorkflowTimeline({
  history,
  newestFirst = false,
  returns = isReturn,
  label,
}: WorkflowTimelineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (history.length === 0) return <Empty description={t('workflow.empty')} />;
  const events = newestFirst ? [...history].reverse() : history;

  const items = events.map((event) => {
    const returned = returns(event);
    const from = labelText(event.fromStateLabel, language);
    const to = labelText(event.toStateLabel, language);
    return {
      key: event.id,
      color: returned ? 'red' : event.action === START_ACTION ? 'gray' : 'blue',
      content: (
        <div className="workflow-step">
          <p className="workflow-step-head">
            <strong>{labelText(event.actionLabel, language)}</strong>
            <span className="workflow-states">
              {from ? (
                <>
                  {from}
                  <span aria-hidden> → </span>
                  <span className="sr-only">{t('workflow.changedTo')}</span>
                </>
              ) : null}
              {to}
            </span>
          </p>
          <p className="muted">
            {event.actorName ?? t('workflow.system')} ·{' '}
            <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
          </p>
          {event.comment ? (
            returned ? (
              <Alert
                className="workflow-return"
                type="error"
                showIcon
                title={t('workflow.returnComment')}
                description={event.comment}
              />
            ) : (
              <blockquote className="workflow-comment">
                <span className="sr-only">{t('workflow.comment')}</span>
                {event.comment}
              </blockquote>
            )
          ) : null}
        </div>
      ),
    };
  });

  return (
    <section aria-label={label ?? t('workflow.timelineLabel')}>
      <Timeline items={items} />
    </section>
  );
}
