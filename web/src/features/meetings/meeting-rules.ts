import type { FormRule } from 'antd';
import { LIMITS } from '../../api/limits.generated';
import type { MeetingState, MeetingType } from './types';

/*
 * The rules the server enforces on meetings (server/modules/branches/meetings.schema.ts,
 * meetings.rules.ts and meetings.service.ts), so that the form refuses what the server would.
 */

/** Every meeting type, in the order the server lists them. */
export const MEETING_TYPES: readonly MeetingType[] = [
  'assembly',
  'committee',
  'group',
  'lesson',
  'themed_day',
  'org_life',
  'appraisal',
];

export const MEETING_STATES: readonly MeetingState[] = ['draft', 'submitted', 'returned', 'approved'];

const MEETING = LIMITS['POST /api/branches/{id}/meetings'];

/** The server's text limits (from the API's schemas, web/src/api/limits.generated.ts). */
export const MAX_LENGTH = {
  place: MEETING.place,
  chair: MEETING.chair,
  recorder: MEETING.recorder,
  absentName: MEETING['absences.*.name'],
  reason: MEETING['absences.*.reason'],
  outsideAttendees: MEETING.outsideAttendees,
  topics: MEETING.topics,
  resolutions: MEETING.resolutions,
};

export const MAX_COUNT = 10000;

/** 实到 ≤ 应到. */
export function presentWithinExpected(message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: number | null | undefined) => {
      const expected = getFieldValue('expectedCount') as number | null | undefined;
      if (value != null && expected != null && value > expected) throw new Error(message);
    },
  });
}

/** 实到 + 缺席 = 应到: the absences listed make up the difference. */
export function attendanceAddsUp(
  message: (counts: { expected: number; present: number; needed: number; given: number }) => string,
): FormRule {
  return ({ getFieldValue }) => ({
    validator: async () => {
      const expected = getFieldValue('expectedCount') as number | null | undefined;
      const present = getFieldValue('presentCount') as number | null | undefined;
      const absences = (getFieldValue('absences') as unknown[] | undefined) ?? [];
      if (expected == null || present == null || present > expected) return;
      if (present + absences.length !== expected)
        throw new Error(message({ expected, present, needed: expected - present, given: absences.length }));
    },
  });
}
