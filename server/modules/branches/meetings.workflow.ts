import { defineWorkflow, registerWorkflow } from '../../platform/workflow/workflow.ts';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * The review of a branch meeting (三会一课审核), declared once: the branch records and submits it, the
 * level above approves it or returns it with its comments, and a returned meeting is corrected and
 * submitted again. Only approved meetings count in the completion matrix.
 */
export const meetingWorkflow = registerWorkflow(
  defineWorkflow({
    name: 'meeting',
    title: L('组织生活审核', 'Meeting review'),
    states: {
      draft: L('草稿', 'Draft'),
      submitted: L('待审核', 'Submitted'),
      returned: L('已退回', 'Returned'),
      approved: L('已通过', 'Approved'),
    },
    initial: 'draft',
    transitions: {
      submit: {
        from: ['draft', 'returned'],
        to: 'submitted',
        permission: 'meetings:write',
        own: true,
        label: L('提交审核', 'Submit'),
      },
      approve: {
        from: ['submitted'],
        to: 'approved',
        permission: 'meetings:review',
        above: true,
        label: L('审核通过', 'Approve'),
      },
      return: {
        from: ['submitted'],
        to: 'returned',
        permission: 'meetings:review',
        above: true,
        commentRequired: true,
        label: L('退回修改', 'Return'),
      },
    },
  }),
);

/** The states in which a meeting may still be changed, and files added or removed. */
export const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];
