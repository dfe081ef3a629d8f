import { defineWorkflow, registerWorkflow } from '../../platform/workflow/workflow.ts';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * A branch's assessment in a round (支部考核), declared once: the branch self-assesses every measure and
 * submits (its own org only); the county reviews it or returns it with its comments; the city verifies a
 * reviewed one (setting the result) or sends it back to the county with its comments.
 */
export const assessmentWorkflow = registerWorkflow(
  defineWorkflow({
    name: 'assessment',
    title: L('支部考核', 'Branch assessment'),
    entity: 'branch_assessment',
    states: {
      self_assessing: L('自评中', 'Self-assessing'),
      submitted: L('待审核', 'Submitted'),
      reviewed: L('待核验', 'Reviewed'),
      verified: L('已核验', 'Verified'),
    },
    initial: 'self_assessing',
    transitions: {
      submit: {
        from: ['self_assessing'],
        to: 'submitted',
        permission: 'assessments:assess',
        own: true,
        label: L('提交自评', 'Submit'),
      },
      return: {
        from: ['submitted'],
        to: 'self_assessing',
        permission: 'assessments:review',
        above: true,
        commentRequired: true,
        label: L('退回修改', 'Return'),
      },
      review: {
        from: ['submitted'],
        to: 'reviewed',
        permission: 'assessments:review',
        above: true,
        label: L('审核通过', 'Review'),
      },
      send_back: {
        from: ['reviewed'],
        to: 'submitted',
        permission: 'assessments:verify',
        above: true,
        actorKinds: ['city'],
        commentRequired: true,
        label: L('退回县区重审', 'Send back to the county'),
      },
      verify: {
        from: ['reviewed'],
        to: 'verified',
        permission: 'assessments:verify',
        above: true,
        actorKinds: ['city'],
        label: L('核验', 'Verify'),
      },
    },
  }),
);

/** The states in which the branch may change its answers and evidence. */
export const EDITABLE_STATES: readonly string[] = ['self_assessing'];
