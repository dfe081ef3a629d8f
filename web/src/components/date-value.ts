import type { FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/**
 * The bureau's today as a date (midnight, no time): the day turns over at midnight in China (UTC+8)
 * whatever the browser's time zone, as on the server (server/platform/calendar/days.ts), so the
 * console offers and accepts the dates the server does.
 */
export function today(): Dayjs {
  return dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
}

/** A YYYY-MM-DD date from the API as the value a DatePicker takes. */
export function toDay(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

/** A DatePicker's value as the API's YYYY-MM-DD date (null when empty, to clear it). */
export function fromDay(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/**
 * A form rule: this date may not come before the date in another field (discharge after admission,
 * return after departure, expiry after issue), as the server checks. Re-check it when the other changes
 * (`dependencies`).
 */
export function notBefore(otherField: string, message: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value: Dayjs | null | undefined) => {
      const other = getFieldValue(otherField) as Dayjs | null | undefined;
      if (value && other && value.isBefore(other, 'day')) throw new Error(message);
    },
  });
}

/** A form rule: the date may not be after today. */
export function notInFuture(message: string): FormRule {
  return {
    validator: async (_rule, value: Dayjs | null | undefined) => {
      if (value?.isAfter(today(), 'day')) throw new Error(message);
    },
  };
}
