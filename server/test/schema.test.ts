import fs from 'node:fs';
import path from 'node:path';
import { type TSchema, Type } from 'typebox';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { enumCheckValues } from '../db/dialect.ts';
import { ENUM_COLUMNS } from '../db/migrations/2026-12-02-021-enum-checks.ts';
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

  /**
   * The unions schema.ts types its columns with, by name: the TypeBox schema of the same name exported by
   * the module schema that schema.ts imports the type from.
   */
  async function declaredUnions(): Promise<Map<string, TSchema>> {
    const file = path.join(import.meta.dirname, '../db/schema.ts');
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const unions = new Map<string, TSchema>();
    for (const node of source.statements) {
      if (!ts.isImportDeclaration(node) || !ts.isStringLiteral(node.moduleSpecifier)) continue;
      const from = node.moduleSpecifier.text;
      const names = node.importClause?.namedBindings;
      if (!from.startsWith('../modules/') || !names || !ts.isNamedImports(names)) continue;
      const mod: Record<string, TSchema> = await import(path.join(path.dirname(file), from));
      for (const n of names.elements)
        if (mod[n.name.text]) unions.set(n.name.text, mod[n.name.text] as TSchema);
    }
    return unions;
  }
  const literals = (schema: TSchema) =>
    ((schema as { anyOf?: { const?: unknown }[] }).anyOf ?? []).map((s) => String(s.const)).sort();

  it('types each enumerated column with the API union and holds it to the same values in the database', async () => {
    const declared = declaredSchema();
    const unions = await declaredUnions();
    // every column typed with a module's union is held by a check, and every check's column is so typed
    const typed = [...declared].flatMap(([table, columns]) =>
      [...columns]
        .filter(([, c]) => unions.has(c.type.replace(/\s*\|\s*null/, '')))
        .map(([column]) => `${table}.${column}`),
    );
    expect(ENUM_COLUMNS.map(([t, c]) => `${t}.${c}`).sort()).toEqual(typed.sort());
    for (const [table, column] of ENUM_COLUMNS) {
      const name =
        declared
          .get(table)
          ?.get(column)
          ?.type.replace(/\s*\|\s*null/, '') ?? '';
      const values = literals(unions.get(name) ?? Type.Never());
      expect(values.length, `${table}.${column}`).toBeGreaterThan(1);
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
