import type {
  Answer,
  AnswerVerdict,
  Assessment,
  AssessmentResult,
  AssessmentState,
  BranchKind,
  CheckStage,
  CheckVerdict,
  DemoLevel,
} from './types';

/*
 * The rules the server enforces on rounds (server/modules/assessments/rounds.*, ADR 0010), so that the
 * pages offer only what the server would take.
 */

export const ASSESSMENT_STATES: readonly AssessmentState[] = [
  'self_assessing',
  'submitted',
  'reviewed',
  'verified',
];
export const RESULTS: readonly AssessmentResult[] = ['compliant', 'not_compliant'];
export const DEMO_LEVELS: readonly DemoLevel[] = ['city', 'province'];
export const BRANCH_KINDS: readonly BranchKind[] = ['standing', 'functional', 'joint', 'thematic', 'general'];
export const CHECK_VERDICTS: readonly CheckVerdict[] = ['agree', 'disagree', 'no_evidence'];

/** Evidence files the server takes (JPEG, PNG, WebP, PDF, Word, Excel), by name before the server checks the content. */
const EVIDENCE_EXTENSIONS = /\.(jpe?g|png|webp|pdf|docx?|xlsx)$/i;

/** Whether a picked file is of a type the server takes (it checks the content again). */
export function evidenceTypeAccepted(file: { name: string; type: string }): boolean {
  return EVIDENCE_EXTENSIONS.test(file.name);
}

export const MAX_NOTE = 2000;
export const MAX_REASON = 500;

/** Verdicts a measure may take: not applicable only for a scored measure (a must-pass one always applies). */
export function verdictsOf(answer: Pick<Answer, 'rule'>): AnswerVerdict[] {
  return answer.rule === 'scored' ? ['met', 'not_met', 'not_applicable'] : ['met', 'not_met'];
}

/** A measure takes uploaded files when its evidence kinds include documents or photos. */
export const takesFiles = (answer: Pick<Answer, 'evidenceKinds'>) =>
  answer.evidenceKinds.includes('document') || answer.evidenceKinds.includes('photo');

/** A measure takes the branch's approved meetings when its evidence kinds include meetings. */
export const takesMeetings = (answer: Pick<Answer, 'evidenceKinds'>) =>
  answer.evidenceKinds.includes('meetings');

/**
 * Whether a check must name evidence: disagreeing, or agreeing that a measure is met (or not
 * applicable); a measure resting only on the platform's registers takes no evidence and names none.
 */
export function checkNeedsEvidence(answer: Answer, verdict: CheckVerdict | undefined): boolean {
  if (!takesFiles(answer) && !takesMeetings(answer)) return false;
  return verdict === 'disagree' || (verdict === 'agree' && answer.verdict !== 'not_met');
}

/** The check the caller may record now: the county's review of a submitted one, the city's verification. */
export function checkStageFor(assessment: Assessment): CheckStage | undefined {
  if (assessment.roundStatus !== 'open') return undefined;
  const can = (action: string) => assessment.actions.some((a) => a.action === action);
  if (assessment.state === 'submitted' && can('review')) return 'review';
  if (assessment.state === 'reviewed' && can('verify')) return 'verify';
  return undefined;
}

/** The answers grouped under their dimensions, in the version's order. */
export function byDimension(answers: readonly Answer[]) {
  const groups: { code: string; title: string; answers: Answer[] }[] = [];
  for (const answer of answers) {
    let group = groups.at(-1);
    if (!group || group.code !== answer.dimensionCode) {
      group = { code: answer.dimensionCode, title: answer.dimensionTitle, answers: [] };
      groups.push(group);
    }
    group.answers.push(answer);
  }
  return groups;
}
