// Where "now" comes from: one clock for the app (the system's), which a test replaces with a fixed one.
// Requests read it through their context (platform/http/context.ts); the scheduler is given the app's.

/** Where "now" comes from. */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (ISO 8601), for tests that mean a date. */
export function fixedClock(instant: string): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not an instant: ${instant}`);
  return { now: () => new Date(at) };
}
