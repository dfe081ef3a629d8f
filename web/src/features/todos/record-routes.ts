/**
 * Where the console opens a record of each workflow, by the workflow's name: the one place a to-do item
 * (or anything else holding a workflow name and a record id) finds its page.
 *
 * A module adds its entry when its record pages land. A workflow without an entry is listed without a
 * link.
 */
const RECORD_ROUTES: Readonly<Record<string, (recordId: number) => string>> = {
  meeting: (id) => `/branches/meetings/${id}`,
  assessment: (id) => `/rounds/assessments/${id}`,
  brand: (id) => `/brands/${id}`,
};

/** The console path of a workflow's record, or undefined when its pages do not exist yet. */
export function recordPath(workflow: string, recordId: number): string | undefined {
  return Object.hasOwn(RECORD_ROUTES, workflow) ? RECORD_ROUTES[workflow]?.(recordId) : undefined;
}
