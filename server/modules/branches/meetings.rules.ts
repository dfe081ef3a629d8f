import type { Label } from '../../platform/workflow/workflow.ts';
import {
  type CellStatus,
  MEETING_TYPES,
  type MeetingRule,
  type MeetingType,
  type Period,
  type PeriodUnit,
} from './meetings.schema.ts';

const L = (zh: string, en: string): Label => ({ zh, en });

/**
 * The required frequencies (三会一课 and the rest), defined once: each type's period unit and the
 * meetings each period requires. The matrix, the period of every meeting and the export read this.
 */
export const FREQUENCIES: Readonly<
  Record<MeetingType, { unit: PeriodUnit; required: number; label: Label }>
> = {
  assembly: { unit: 'quarter', required: 1, label: L('党员大会', 'Member assembly') },
  committee: { unit: 'month', required: 1, label: L('支委会', 'Committee meeting') },
  group: { unit: 'month', required: 1, label: L('党小组会', 'Party group meeting') },
  lesson: { unit: 'year', required: 2, label: L('党课', 'Party lesson') },
  themed_day: { unit: 'month', required: 1, label: L('主题党日', 'Themed party day') },
  org_life: { unit: 'year', required: 1, label: L('组织生活会', 'Organisational life meeting') },
  appraisal: { unit: 'year', required: 1, label: L('民主评议党员', 'Democratic appraisal of members') },
};

/** The frequency table as the API lists it, in the types' order. */
export function meetingRules(): MeetingRule[] {
  return MEETING_TYPES.map((type) => ({ type, ...FREQUENCIES[type] }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period a meeting of a type held on a day counts for: '2026-03', '2026-Q1' or '2026'. */
export function periodOf(type: MeetingType, heldOn: string): string {
  const year = heldOn.slice(0, 4);
  const month = Number(heldOn.slice(5, 7));
  switch (FREQUENCIES[type].unit) {
    case 'month':
      return `${year}-${pad(month)}`;
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    default:
      return year;
  }
}

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS_ZH = ['第一季度', '第二季度', '第三季度', '第四季度'];

function span(year: number, key: string, unit: PeriodUnit, from: number, to: number, label: Label): Period {
  return {
    key,
    unit,
    label,
    startsOn: `${year}-${pad(from)}-01`,
    endsOn: `${year}-${pad(to)}-${pad(lastDay(year, to))}`,
    months: Array.from({ length: to - from + 1 }, (_, i) => from + i),
  };
}

/** The periods of one unit in a year, in order. */
export function periodsOf(unit: PeriodUnit, year: number): Period[] {
  if (unit === 'month') {
    return MONTHS_EN.map((en, i) =>
      span(year, `${year}-${pad(i + 1)}`, 'month', i + 1, i + 1, L(`${i + 1}月`, en)),
    );
  }
  if (unit === 'quarter') {
    return QUARTERS_ZH.map((zh, i) =>
      span(year, `${year}-Q${i + 1}`, 'quarter', i * 3 + 1, i * 3 + 3, L(zh, `Q${i + 1}`)),
    );
  }
  return [span(year, String(year), 'year', 1, 12, L('全年', 'Year'))];
}

/** Every period of a year: the months, then the quarters, then the year itself. */
export function periodsOfYear(year: number): Period[] {
  return [...periodsOf('month', year), ...periodsOf('quarter', year), ...periodsOf('year', year)];
}

/** A branch's life, as far as the frequencies care. */
export interface BranchLife {
  /** held to the frequencies at all (a working standing branch) */
  bound: boolean;
  foundedOn: string | null;
  dissolvedOn: string | null;
}

/**
 * Whether a branch owes a period's meetings: it is bound, and it stood on the period's last day (a
 * branch founded during the period owes it; one dissolved before the period ends does not).
 */
export function owes(branch: BranchLife, period: Pick<Period, 'endsOn'>): boolean {
  if (!branch.bound) return false;
  if (branch.foundedOn && branch.foundedOn > period.endsOn) return false;
  return !(branch.dissolvedOn && branch.dissolvedOn < period.endsOn);
}

/**
 * How a period stands on a day: not_due before it starts or when nothing is owed; done once enough
 * approved meetings are held; behind once it has ended without them; in progress until then.
 */
export function cellStatus(
  period: Pick<Period, 'startsOn' | 'endsOn'>,
  required: number,
  held: number,
  owed: boolean,
  on: string,
): CellStatus {
  if (!owed || period.startsOn > on) return 'not_due';
  if (held >= required) return 'done';
  return period.endsOn < on ? 'behind' : 'in_progress';
}

/** A completion rate in percent with one decimal, or null when nothing is due. */
export function rateOf(done: number, due: number): number | null {
  return due === 0 ? null : Math.round((done / due) * 1000) / 10;
}

/**
 * The title a meeting carries in the to-do list: the branch (with its org when its name does not say
 * it), the period and the type, e.g. "如皋市某支部 · 2026-03 支委会".
 */
export function meetingTitle(m: { orgName: string; branchName: string; type: MeetingType; period: string }) {
  const who = m.branchName.startsWith(m.orgName) ? m.branchName : `${m.orgName}${m.branchName}`;
  return `${who} · ${m.period} ${FREQUENCIES[m.type].label.zh}`;
}
