import { describe, expect, it } from 'vitest';
import { signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { findDeadline, onDeadlineMoved, registerDeadline } from './holidays.ts';

const ctx = await createTestApp();
const admin = await signedInUser(ctx, { roles: ['sysadmin'] });
const staff = await signedInUser(ctx, { roles: ['city_staff'] });

const put = (year: number, days: unknown[], client = admin.client) =>
  ctx.app.inject({
    method: 'PUT',
    url: `/api/calendar/years/${year}`,
    headers: client.headers,
    payload: { days },
  });

describe('the holiday calendar', () => {
  it('is seeded with the years the State Council published, from the shipped data', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/calendar/years',
      headers: staff.client.read,
    });
    expect(res.statusCode).toBe(200);
    const y2026 = res.json().items.find((y: { year: number }) => y.year === 2026);
    expect(y2026).toMatchObject({
      source: expect.stringMatching(/^chinese-days@/),
      holidays: 33,
      workdays: 6,
    });
    const year = (
      await ctx.app.inject({ method: 'GET', url: '/api/calendar/years/2026', headers: staff.client.read })
    ).json();
    expect(year.days).toContainEqual({ date: '2026-02-17', kind: 'holiday', name: '春节' });
    expect(year.days).toContainEqual({ date: '2026-02-28', kind: 'workday', name: '春节' });
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/api/calendar/years/2099',
      headers: staff.client.read,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('is kept by the system administrator only, one year at a time', async () => {
    expect((await put(2031, [], staff.client)).statusCode).toBe(403);
    const wrongYear = await put(2031, [{ date: '2030-10-01', kind: 'holiday', name: '国庆节' }]);
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.code).toBe('calendar.year_mismatch');
    const twice = await put(2031, [
      { date: '2031-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2031-10-01', kind: 'workday', name: '国庆节' },
    ]);
    expect(twice.json().error.code).toBe('calendar.duplicate_date');
  });

  it('recomputes a registered due date when the calendar of its year changes, and explains the new one', async () => {
    const moves: [number, string][] = [];
    onDeadlineMoved('test_petition', async (_db, id, dueOn) => {
      moves.push([id, dueOn]);
    });
    // 2032 is not kept: 5 working days from Thursday 2032-09-30 skip only the weekend.
    const first = await registerDeadline(ctx.db, {
      subject: 'test_petition',
      subjectId: 7,
      start: '2032-09-30',
      rule: { unit: 'working_days', count: 5 },
    });
    expect(first.dueOn).toBe('2032-10-07');
    expect(first.explanation.map((s) => s.step)).toContain('unknown_year');
    // Another deadline, over before 2032, is not touched.
    await registerDeadline(ctx.db, {
      subject: 'test_petition',
      subjectId: 8,
      start: '2031-01-05',
      rule: { unit: 'calendar_days', count: 10 },
    });

    // The administrator enters 2032's National Day: Oct 1–7 off, Saturday Oct 9 worked in lieu.
    const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
      date: `2032-10-0${d}`,
      kind: 'holiday',
      name: '国庆节',
    }));
    const res = await put(2032, [...days, { date: '2032-10-09', kind: 'workday', name: '国庆节' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2032, source: 'admin', moved: 1 });

    // Oct 8 (Fri) 1, Sat Oct 9 调休 2, Oct 11–13 3–5.
    const after = await findDeadline(ctx.db, 'test_petition', 7);
    expect(after?.dueOn).toBe('2032-10-13');
    expect(after?.explanation.filter((s) => s.step === 'holiday').map((s) => s.date)).toEqual(
      days.map((d) => d.date),
    );
    expect(after?.explanation).toContainEqual(
      expect.objectContaining({ step: 'workday', date: '2032-10-09', name: '国庆节' }),
    );
    expect(after?.explanation.map((s) => s.step)).not.toContain('unknown_year');
    expect(moves).toEqual([[7, '2032-10-13']]);
    expect((await findDeadline(ctx.db, 'test_petition', 8))?.dueOn).toBe('2031-01-15');

    // Taking the holidays out again moves it back.
    const undo = await put(2032, []);
    expect(undo.json().moved).toBe(1);
    expect((await findDeadline(ctx.db, 'test_petition', 7))?.dueOn).toBe('2032-10-07');
  });

  it('computes a due date on request, with its explanation', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/calendar/deadlines/compute',
      headers: staff.client.headers,
      payload: {
        start: '2026-09-30',
        unit: 'working_days',
        count: 3,
        events: [{ kind: 'pause', from: '2026-10-08', to: '2026-10-08', reason: '听证' }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    // Oct 1–7 holidays, Oct 8 paused, Oct 9 (1), Sat Oct 10 调休 (2), Mon Oct 12 (3).
    expect(res.json().dueOn).toBe('2026-10-12');
    expect(res.json().explanation.map((s: { step: string }) => s.step)).toEqual([
      'start',
      'rule',
      'pause',
      ...Array(7).fill('holiday'),
      'workday',
      'weekend',
      'due',
    ]);
  });
});

describe('a bad event', () => {
  it('is refused: a pause that ends before it starts, an extension without its count', async () => {
    for (const event of [
      { kind: 'pause', from: '2026-10-09', to: '2026-10-08', reason: '听证' },
      { kind: 'extension', on: '2026-10-09', reason: '延期' },
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/calendar/deadlines/compute',
        headers: staff.client.headers,
        payload: { start: '2026-09-30', unit: 'calendar_days', count: 3, events: [event] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('calendar.bad_event');
    }
  });
});
