import type { AnswerVerdict, AssessmentResult, CheckVerdict } from './rounds.schema.ts';

/** The pass mark of a round whose opener gives none: 60 of 100 points (及格). */
export const DEFAULT_PASS_MARK = 60;

/**
 * The verdict that counts for a measure: the branch's own, unless the last check (the city's when it
 * verified the measure, the county's otherwise) did not agree, in which case the measure is not met.
 */
export function findingOf(
  answer: AnswerVerdict | null,
  review: CheckVerdict | null,
  verify: CheckVerdict | null,
): AnswerVerdict | null {
  if (!answer) return null;
  const last = verify ?? review;
  return !last || last === 'agree' ? answer : 'not_met';
}

/** A measure as the outcome sees it. */
export interface OutcomeMeasure {
  rule: 'scored' | 'required';
  weight: number;
  finding: AnswerVerdict | null;
}

/**
 * The result of an assessment: compliant (达标) when every must-pass measure (必达项) is met and, when
 * the version has scored measures, the points met reach the pass mark. Scored measures found not
 * applicable leave the scale: the score is the points met per hundred points applicable.
 */
export function outcomeOf(
  measures: readonly OutcomeMeasure[],
  passMark: number,
): { result: AssessmentResult; score: number | null } {
  const requiredMet = measures.filter((m) => m.rule === 'required').every((m) => m.finding === 'met');
  const scored = measures.filter((m) => m.rule === 'scored');
  let score: number | null = null;
  if (scored.length > 0) {
    const applicable = scored.filter((m) => m.finding !== 'not_applicable');
    const total = applicable.reduce((sum, m) => sum + m.weight, 0);
    const met = applicable.filter((m) => m.finding === 'met').reduce((sum, m) => sum + m.weight, 0);
    score = total === 0 ? 100 : Math.round((met * 100) / total);
  }
  const compliant = requiredMet && (score === null || score >= passMark);
  return { result: compliant ? 'compliant' : 'not_compliant', score };
}

/** Compliant branches per hundred, one decimal; null when there is none to count. */
export function rateOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}
