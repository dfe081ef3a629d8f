import { defineWorkflow, registerWorkflow } from '../../platform/workflow/workflow.ts';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * A party-building brand's application (党建品牌申报), declared once: the branch (its secretary or its
 * unit's staff) drafts and submits it; the city bureau approves it, which starts a three-year cycle, or
 * returns it with its comments. An approved brand is withdrawn (撤销) only through a yearly review whose
 * verdict says so; once its cycle has ended it may re-apply for a new one. See ADR 0011.
 */
export const brandWorkflow = registerWorkflow(
  defineWorkflow({
    name: 'brand',
    title: L('党建品牌申报', 'Brand application'),
    states: {
      draft: L('草稿', 'Draft'),
      submitted: L('待审批', 'Submitted'),
      returned: L('已退回', 'Returned'),
      approved: L('已命名', 'Approved'),
      withdrawn: L('已撤销', 'Withdrawn'),
    },
    initial: 'draft',
    transitions: {
      submit: {
        from: ['draft', 'returned'],
        to: 'submitted',
        permission: 'brands:apply',
        own: true,
        label: L('提交申报', 'Submit'),
      },
      approve: {
        from: ['submitted'],
        to: 'approved',
        permission: 'brands:approve',
        above: true,
        label: L('审批通过', 'Approve'),
      },
      return: {
        from: ['submitted'],
        to: 'returned',
        permission: 'brands:approve',
        above: true,
        commentRequired: true,
        label: L('退回修改', 'Return'),
      },
      reapply: {
        from: ['approved'],
        to: 'submitted',
        permission: 'brands:apply',
        own: true,
        label: L('期满重新申报', 'Re-apply'),
      },
      withdraw: {
        from: ['approved'],
        to: 'withdrawn',
        permission: 'brands:approve',
        above: true,
        commentRequired: true,
        label: L('撤销品牌', 'Withdraw'),
      },
    },
  }),
);

/** The states in which an application may still be changed, and files added or removed. */
export const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];
