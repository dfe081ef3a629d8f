import type { Kysely } from 'kysely';
import { addEnumCheck, dropEnumCheck } from '../dialect.ts';

/**
 * Every enumerated column held to its values by the database itself, not only by the API's schemas:
 * a script, an import or a later module writing straight to a table cannot store a kind or state the
 * code does not know. The values are frozen here as they are today; a later change of a union adds a
 * migration that drops and re-adds its check (the schema test compares the two).
 */
export const ENUM_COLUMNS: readonly [table: string, column: string, values: readonly string[]][] = [
  ['orgs', 'kind', ['city', 'county', 'town', 'unit']],
  ['users', 'status', ['active', 'disabled']],
  ['cadres', 'category', ['lixiu', 'tuixiu']],
  ['cadres', 'birthday_calendar', ['solar', 'lunar']],
  ['cadres', 'status', ['active', 'deceased']],
  ['cadre_health', 'mobility', ['self_care', 'partial', 'dependent']],
  ['cadre_travels', 'kind', ['trip', 'document']],
  ['branches', 'kind', ['standing', 'functional', 'joint', 'thematic', 'general']],
  ['branch_memberships', 'role', ['primary', 'participating']],
  [
    'branch_committee_members',
    'post',
    ['secretary', 'deputy_secretary', 'organisation', 'propaganda', 'discipline'],
  ],
  [
    'branch_meetings',
    'type',
    ['assembly', 'committee', 'group', 'lesson', 'themed_day', 'org_life', 'appraisal'],
  ],
  ['assessment_standard_versions', 'status', ['draft', 'published', 'frozen']],
  ['assessment_measures', 'rule', ['scored', 'required']],
  ['assessment_rounds', 'status', ['open', 'closed']],
  ['branch_assessments', 'result', ['compliant', 'not_compliant']],
  ['branch_assessments', 'verification', ['full', 'sampled']],
  ['branch_assessments', 'demo_level', ['city', 'province']],
  ['assessment_answers', 'verdict', ['met', 'not_met', 'not_applicable']],
  ['assessment_checks', 'stage', ['review', 'verify']],
  ['assessment_checks', 'verdict', ['agree', 'disagree', 'no_evidence']],
  ['assessment_demonstrations', 'level', ['city', 'province']],
  ['learning_lessons', 'kind', ['video', 'text', 'file']],
  ['learning_posts', 'format', ['text', 'markdown']],
  ['learning_posts', 'state', ['published', 'withdrawn']],
  ['brand_reviews', 'verdict', ['pass', 'improve', 'withdraw']],
  ['brand_awards', 'kind', ['top10', 'excellent', 'province_case']],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, column, values] of ENUM_COLUMNS) await addEnumCheck(db, table, column, values);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of ENUM_COLUMNS) await dropEnumCheck(db, table, column);
}
