/**
 * Every list that can be exported, by name, loaded only inside the export worker (like the tasks in
 * tasks.ts). Their rows are read there; see platform/lists/export.ts.
 */
import type { ListExport } from './platform/lists/export.ts';

export const EXPORTS = {
  'branches.branches': async () => (await import('./modules/branches/branches.export.ts')).branchesExport,
  'branches.members': async () => (await import('./modules/branches/branches.export.ts')).membersExport,
  'branches.mobile-members': async () =>
    (await import('./modules/branches/branches.export.ts')).mobileMembersExport,
  'branches.elections-due': async () =>
    (await import('./modules/branches/branches.export.ts')).electionsDueExport,
  'meetings.meetings': async () => (await import('./modules/branches/meetings.export.ts')).meetingsExport,
  'meetings.matrix': async () => (await import('./modules/branches/meetings.export.ts')).matrixExport,
  'brands.brands': async () => (await import('./modules/brands/brands.export.ts')).brandsExport,
  'brands.awards': async () => (await import('./modules/brands/brands.export.ts')).awardsExport,
  'learning.lessons': async () => (await import('./modules/learning/learning.export.ts')).lessonsExport,
  'learning.records': async () => (await import('./modules/learning/learning.export.ts')).recordsExport,
  'learning.programmes': async () => (await import('./modules/learning/learning.export.ts')).programmesExport,
  'learning.attendance': async () => (await import('./modules/learning/learning.export.ts')).attendanceExport,
  'learning.posts': async () => (await import('./modules/learning/learning.export.ts')).postsExport,
  'assessments.version': async () =>
    (await import('./modules/assessments/assessments.export.ts')).versionExport,
  'assessments.standards': async () =>
    (await import('./modules/assessments/assessments.export.ts')).standardsExport,
  'rounds.board': async () => (await import('./modules/assessments/rounds.export.ts')).boardExport,
  'rounds.rounds': async () => (await import('./modules/assessments/rounds.export.ts')).roundsExport,
  'rounds.history': async () => (await import('./modules/assessments/rounds.export.ts')).historyExport,
  'cadres.roster': async () => (await import('./modules/cadres/cadres.export.ts')).rosterExport,
} satisfies Record<string, () => Promise<ListExport<never>>>;

export type ExportName = keyof typeof EXPORTS;

/** The input an export takes. */
export type ExportInput<N extends ExportName> =
  Awaited<ReturnType<(typeof EXPORTS)[N]>> extends ListExport<infer I> ? I : never;
