import fs from 'node:fs';
import path from 'node:path';
import type { TSchema } from 'typebox';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { enumCheckValues } from '../db/dialect.ts';
import { ENUM_COLUMNS } from '../db/migrations/2026-12-02-021-enum-checks.ts';
import { MeasureRule, VersionStatus } from '../modules/assessments/assessments.schema.ts';
import {
  AnswerVerdict,
  AssessmentResult,
  CheckStage,
  CheckVerdict,
  DemoLevel,
  RoundStatus,
  VerificationMode,
} from '../modules/assessments/rounds.schema.ts';
import { BranchKind, CommitteePost, MembershipRole } from '../modules/branches/branches.schema.ts';
import { MeetingType } from '../modules/branches/meetings.schema.ts';
import { AwardKind, ReviewVerdict } from '../modules/brands/brands.schema.ts';
import {
  BirthdayCalendar,
  CadreStatus,
  Category,
  Mobility,
  TravelKind,
} from '../modules/cadres/cadres.schema.ts';
import { UserStatus } from '../modules/identity/identity.schema.ts';
import { LessonKind } from '../modules/learning/learning.schema.ts';
import { PostFormat, PostState } from '../modules/learning/posts.schema.ts';
import { OrgKind } from '../modules/orgs/orgs.schema.ts';
import { makeOrg } from './factories.ts';
import { createTestApp } from './test-app.ts';

const ctx = await createTestApp();

/** Text primary keys declared without NOT NULL by the first migration. */
const TEXT_KEYS = new Set(['dictionaries.code', 'login_failures.key']);

/** A column as server/db/schema.ts declares it. */
interface DeclaredColumn {
  type: string;
  nullable: boolean;
  generated: boolean;
}

/** The tables and columns server/db/schema.ts declares, read from its source with the TypeScript parser. */
function declaredSchema(): Map<string, Map<string, DeclaredColumn>> {
  const file = path.join(import.meta.dirname, '../db/schema.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const members = (name: string): { name: string; type: string }[] => {
    const node = interfaces.get(name);
    if (!node) throw new Error(`schema.ts has no interface ${name}`);
    const own = node.members.filter(ts.isPropertySignature).map((m) => ({
      name: m.name.getText(source),
      type: m.type?.getText(source) ?? '',
    }));
    // `interface A extends B`: B's columns are A's too
    const inherited = (node.heritageClauses ?? []).flatMap((h) =>
      h.types.flatMap((t) => members(t.expression.getText(source))),
    );
    return [...inherited, ...own];
  };
  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const table of members('Database')) {
    const columns = new Map<string, DeclaredColumn>();
    for (const c of members(table.type)) {
      const generated = /^Generated</.test(c.type);
      const inner = generated ? c.type.slice('Generated<'.length, -1) : c.type;
      columns.set(c.name, {
        type: inner,
        nullable: inner.split('|').some((part) => part.trim() === 'null'),
        generated,
      });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

describe('server/db/schema.ts', () => {
  it('declares exactly the tables and columns the migrations make, with the same nullability', async () => {
    const declared = declaredSchema();
    const actual = (await ctx.db.introspection.getTables()).filter((t) => !t.isView);
    const problems: string[] = [];
    const actualNames = new Set(actual.map((t) => t.name));
    for (const name of declared.keys())
      if (!actualNames.has(name)) problems.push(`${name}: declared, not migrated`);
    for (const table of actual) {
      const columns = declared.get(table.name);
      if (!columns) {
        problems.push(`${table.name}: migrated, not declared`);
        continue;
      }
      const actualColumns = new Set(table.columns.map((c) => c.name));
      for (const name of columns.keys())
        if (!actualColumns.has(name)) problems.push(`${table.name}.${name}: declared, not migrated`);
      for (const column of table.columns) {
        const d = columns.get(column.name);
        if (!d) {
          problems.push(`${table.name}.${column.name}: migrated, not declared`);
          continue;
        }
        // an auto-incrementing key is reported nullable by SQLite, and is never written as null; so is a
        // text primary key made without NOT NULL (SQLite's historical quirk), which the code never nulls
        const keyQuirk =
          column.isAutoIncrementing || (column.isNullable && TEXT_KEYS.has(`${table.name}.${column.name}`));
        if (!keyQuirk && d.nullable !== column.isNullable)
          problems.push(`${table.name}.${column.name}: declared ${d.nullable ? '' : 'not '}nullable`);
        if (d.generated && !column.hasDefaultValue && !column.isAutoIncrementing)
          problems.push(`${table.name}.${column.name}: declared Generated, has no default`);
      }
    }
    expect(problems).toEqual([]);
  });

  /** Each enumerated column, with the API's union that it holds. */
  const UNIONS: Record<string, [name: string, schema: TSchema]> = {
    'orgs.kind': ['OrgKind', OrgKind],
    'users.status': ['UserStatus', UserStatus],
    'cadres.category': ['Category', Category],
    'cadres.birthday_calendar': ['BirthdayCalendar', BirthdayCalendar],
    'cadres.status': ['CadreStatus', CadreStatus],
    'cadre_health.mobility': ['Mobility', Mobility],
    'cadre_travels.kind': ['TravelKind', TravelKind],
    'branches.kind': ['BranchKind', BranchKind],
    'branch_memberships.role': ['MembershipRole', MembershipRole],
    'branch_committee_members.post': ['CommitteePost', CommitteePost],
    'branch_meetings.type': ['MeetingType', MeetingType],
    'assessment_standard_versions.status': ['VersionStatus', VersionStatus],
    'assessment_measures.rule': ['MeasureRule', MeasureRule],
    'assessment_rounds.status': ['RoundStatus', RoundStatus],
    'branch_assessments.result': ['AssessmentResult', AssessmentResult],
    'branch_assessments.verification': ['VerificationMode', VerificationMode],
    'branch_assessments.demo_level': ['DemoLevel', DemoLevel],
    'assessment_answers.verdict': ['AnswerVerdict', AnswerVerdict],
    'assessment_checks.stage': ['CheckStage', CheckStage],
    'assessment_checks.verdict': ['CheckVerdict', CheckVerdict],
    'assessment_demonstrations.level': ['DemoLevel', DemoLevel],
    'learning_lessons.kind': ['LessonKind', LessonKind],
    'learning_posts.format': ['PostFormat', PostFormat],
    'learning_posts.state': ['PostState', PostState],
    'brand_reviews.verdict': ['ReviewVerdict', ReviewVerdict],
    'brand_awards.kind': ['AwardKind', AwardKind],
  };
  const literals = (schema: TSchema) =>
    ((schema as { anyOf?: { const?: unknown }[] }).anyOf ?? []).map((s) => String(s.const)).sort();

  it('types each enumerated column with the API union and holds it to the same values in the database', async () => {
    const declared = declaredSchema();
    expect(ENUM_COLUMNS.map(([t, c]) => `${t}.${c}`).sort()).toEqual(Object.keys(UNIONS).sort());
    for (const [table, column] of ENUM_COLUMNS) {
      const [name, schema] = UNIONS[`${table}.${column}`] ?? ['', Object.create(null)];
      const values = literals(schema);
      expect(values.length, `${table}.${column}`).toBeGreaterThan(1);
      expect(
        declared
          .get(table)
          ?.get(column)
          ?.type.replace(/\s*\|\s*null/, ''),
        `${table}.${column}`,
      ).toBe(name);
      expect((await enumCheckValues(ctx.db, table, column))?.sort(), `${table}.${column}`).toEqual(values);
    }
  });

  it('refuses a value outside the union, on insert and on update, and takes every value inside it', async () => {
    const org = await makeOrg(ctx.db, { kind: 'unit' });
    const setKind = (kind: string) =>
      ctx.db
        .updateTable('orgs')
        // a value the types forbid, as a script or a faulty import might write it
        .set({ kind: kind as never })
        .where('id', '=', org.id)
        .execute();
    await expect(setKind('village')).rejects.toThrow();
    for (const kind of literals(OrgKind)) await setKind(kind);
    const row = await ctx.db
      .selectFrom('orgs')
      .select('kind')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row.kind).toBe(literals(OrgKind).at(-1));
    await expect(
      ctx.db
        .insertInto('cadre_travels')
        .values({ cadre_id: 1, kind: 'holiday' as never, created_at: '', updated_at: '' } as never)
        .execute(),
    ).rejects.toThrow(/cadre_travels\.kind|check/i);
  });
});
