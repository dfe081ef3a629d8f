import type { Migration } from 'kysely';
import * as platformCore from './2026-11-29-001-platform-core.ts';
import * as filesJobs from './2026-11-29-002-files-jobs.ts';
import * as cadres from './2026-11-29-003-cadres.ts';
import * as cadreListIndexes from './2026-11-29-004-cadre-list-indexes.ts';
import * as cadreSearchTermsList from './2026-11-29-005-cadre-search-terms-list.ts';
import * as workflow from './2026-11-29-006-workflow.ts';
import * as branches from './2026-11-29-007-branches.ts';
import * as meetings from './2026-11-29-008-meetings.ts';
import * as assessmentStandards from './2026-11-29-009-assessment-standards.ts';
import * as learning from './2026-11-29-010-learning.ts';
import * as assessmentRounds from './2026-11-29-011-assessment-rounds.ts';
import * as brands from './2026-11-29-012-brands.ts';
import * as learningPosts from './2026-11-29-013-learning-posts.ts';
import * as lessonFiles from './2026-11-29-014-lesson-files.ts';
import * as recordFiles from './2026-12-02-015-record-files.ts';
import * as indicators from './2026-12-02-016-indicators.ts';
import * as scheduler from './2026-12-02-017-scheduler.ts';
import * as holidays from './2026-12-02-018-holidays.ts';
import * as rosterSpeed from './2026-12-02-019-roster-speed.ts';
import * as listSearch from './2026-12-02-020-list-search.ts';
import * as enumChecks from './2026-12-02-021-enum-checks.ts';

/** Every migration, frozen in time, in the order they run. Add new ones at the end. */
export const migrations: Record<string, Migration> = {
  '2026-11-29-001-platform-core': platformCore,
  '2026-11-29-002-files-jobs': filesJobs,
  '2026-11-29-003-cadres': cadres,
  '2026-11-29-004-cadre-list-indexes': cadreListIndexes,
  '2026-11-29-005-cadre-search-terms-list': cadreSearchTermsList,
  '2026-11-29-006-workflow': workflow,
  '2026-11-29-007-branches': branches,
  '2026-11-29-008-meetings': meetings,
  '2026-11-29-009-assessment-standards': assessmentStandards,
  '2026-11-29-010-learning': learning,
  '2026-11-29-011-assessment-rounds': assessmentRounds,
  '2026-11-29-012-brands': brands,
  '2026-11-29-013-learning-posts': learningPosts,
  '2026-11-29-014-lesson-files': lessonFiles,
  '2026-12-02-015-record-files': recordFiles,
  '2026-12-02-016-indicators': indicators,
  '2026-12-02-017-scheduler': scheduler,
  '2026-12-02-018-holidays': holidays,
  '2026-12-02-019-roster-speed': rosterSpeed,
  '2026-12-02-020-list-search': listSearch,
  '2026-12-02-021-enum-checks': enumChecks,
};
