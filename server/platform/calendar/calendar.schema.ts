import { type Static, Type } from 'typebox';
import { Instant } from '../http/schemas.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

/** A statutory holiday (法定节假日) or a 调休 working day. */
export const HolidayDaySchema = Type.Object(
  {
    date: DateString,
    /** holiday: a day off; workday: a weekend day worked in lieu (调休上班) */
    kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
    /** the holiday it belongs to, e.g. 春节 */
    name: Type.String({ minLength: 1, maxLength: 20 }),
  },
  { $id: 'HolidayDay' },
);

export const CalendarYearSummarySchema = Type.Object(
  {
    year: Type.Integer(),
    /** where its days came from: the shipped data (`chinese-days@…`) or `admin` */
    source: Type.String(),
    holidays: Type.Integer(),
    workdays: Type.Integer(),
    updatedAt: Instant,
  },
  { $id: 'CalendarYearSummary' },
);
export const CalendarYearListSchema = Type.Object({ items: Type.Array(CalendarYearSummarySchema) });

export const CalendarYearSchema = Type.Object(
  {
    year: Type.Integer(),
    source: Type.String(),
    updatedAt: Instant,
    days: Type.Array(HolidayDaySchema),
    /** (after an edit) how many registered due dates moved */
    moved: Type.Optional(Type.Integer()),
  },
  { $id: 'CalendarYear' },
);

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) });
export type YearParams = Static<typeof YearParams>;

export const PutCalendarYearBody = Type.Object({ days: Type.Array(HolidayDaySchema, { maxItems: 200 }) });
export type PutCalendarYearBody = Static<typeof PutCalendarYearBody>;

/**
 * An extension (延期: `on`, `count` units more) or a pause (中止: `from`–`to`, not counted). One flat
 * object rather than a union: the validator strips unknown properties, which breaks a union's second arm.
 */
export const DeadlineEventSchema = Type.Object({
  kind: Type.Union([Type.Literal('extension'), Type.Literal('pause')]),
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  on: Type.Optional(DateString),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
});
export type DeadlineEventBody = Static<typeof DeadlineEventSchema>;

export const ComputeDeadlineBody = Type.Object({
  /** the day of the event; it is not counted */
  start: DateString,
  unit: Type.Union([Type.Literal('calendar_days'), Type.Literal('working_days'), Type.Literal('years')]),
  count: Type.Integer({ minimum: 0, maximum: 3650 }),
  events: Type.Optional(Type.Array(DeadlineEventSchema, { maxItems: 50 })),
});
export type ComputeDeadlineBody = Static<typeof ComputeDeadlineBody>;

/** A due date with each step of its computation, in both languages. */
export const DeadlineSchema = Type.Object(
  {
    dueOn: DateString,
    explanation: Type.Array(
      Type.Object({
        step: Type.String(),
        date: Type.Optional(Type.String()),
        to: Type.Optional(Type.String()),
        days: Type.Optional(Type.Integer()),
        name: Type.Optional(Type.String()),
        zh: Type.String(),
        en: Type.String(),
      }),
    ),
  },
  { $id: 'Deadline' },
);
