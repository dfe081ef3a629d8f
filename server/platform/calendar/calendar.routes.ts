import { AppError } from '../../errors.ts';
import { errorResponses } from '../http/schemas.ts';
import { type App, actorOf, authOf } from '../http/types.ts';
import {
  CalendarYearListSchema,
  CalendarYearSchema,
  ComputeDeadlineBody,
  type DeadlineEventBody,
  DeadlineSchema,
  PutCalendarYearBody,
  YearParams,
} from './calendar.schema.ts';
import { computeDeadline, type DeadlineEvent } from './deadlines.ts';
import { getYear, listYears, loadCalendar, putYear } from './holidays.ts';

/** An event as the engine takes it: an extension needs its day and count, a pause its first and last day. */
function toEvent(e: DeadlineEventBody): DeadlineEvent {
  if (e.kind === 'extension' && e.on && e.count) {
    return { kind: 'extension', on: e.on, count: e.count, reason: e.reason };
  }
  if (e.kind === 'pause' && e.from && e.to && e.from <= e.to) {
    return { kind: 'pause', from: e.from, to: e.to, reason: e.reason };
  }
  throw new AppError('calendar.bad_event');
}

/** The holiday calendar (kept by the system administrator) and the deadline engine's explanation. */
export default async function calendarRoutes(app: App) {
  const tags = ['calendar'];

  app.get('/api/calendar/years', {
    schema: {
      tags,
      summary: 'The years whose holidays and 调休 working days are kept',
      response: { 200: CalendarYearListSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async () => ({ items: await listYears(app.db) }),
  });

  app.get('/api/calendar/years/:year', {
    schema: {
      tags,
      summary: "A year's statutory holidays and 调休 working days",
      params: YearParams,
      response: { 200: CalendarYearSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) => getYear(app.db, req.params.year),
  });

  app.put('/api/calendar/years/:year', {
    schema: {
      tags,
      summary: "Add or replace a year's holidays and 调休 working days; registered due dates are recomputed",
      params: YearParams,
      body: PutCalendarYearBody,
      response: { 200: CalendarYearSchema, ...errorResponses },
    },
    config: { access: 'calendar:write' },
    handler: async (req) => putYear(app.db, authOf(req), actorOf(req), req.params.year, req.body.days),
  });

  app.post('/api/calendar/deadlines/compute', {
    schema: {
      tags,
      summary: 'When a time limit falls due, and how that was computed',
      body: ComputeDeadlineBody,
      response: { 200: DeadlineSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) =>
      computeDeadline(
        await loadCalendar(app.db),
        req.body.start,
        { unit: req.body.unit, count: req.body.count },
        (req.body.events ?? []).map(toEvent),
      ),
  });
}
