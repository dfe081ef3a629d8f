/**
 * Everything that differs between SQLite and PostgreSQL lives here, and only here: nowhere else may
 * code ask which database it is on. Each helper takes the Kysely instance (or transaction) and reads
 * the dialect from its adapter.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type ColumnDefinitionBuilder,
  CompiledQuery,
  type CreateTableBuilder,
  type Dialect,
  type Expression,
  type Kysely,
  PostgresAdapter,
  PostgresDialect,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  SqliteDialect,
  sql,
} from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';

/** What the connection needs to know. */
export interface ConnectionOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  poolMax: number;
}

/** The Kysely dialect for the configured database: PostgreSQL when a URL is given, else SQLite in DATA_DIR. */
export function createDialect(options: ConnectionOptions): Dialect {
  if (options.databaseUrl) {
    // Keep BIGINT counts as numbers: our counts never come near 2^53.
    pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax });
    // An idle connection closed by the server (a restart, a dropped test database) must not crash the
    // process: the pool discards it and opens another when next needed.
    pool.on('error', () => {});
    return new PostgresDialect({
      pool,
      // Server-side cursors, so `.stream()` reads large results a chunk at a time, as on SQLite.
      cursor: Cursor,
    });
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = sqliteFile(options.dataDir);
  return new SqliteDialect({
    database: async () => {
      const db = new SQLite(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // Keep the planner's statistics current (ANALYZE where tables changed much): without them a
      // narrow filter can fall back to scanning a million rows in sort order.
      db.pragma('analysis_limit = 1000');
      db.pragma('optimize = 0x10002');
      return withStatementCache(db);
    },
  });
}

/**
 * Kysely prepares every statement anew; preparing costs as much as running a small query. Statements
 * are reusable, and Kysely's SQLite driver runs one query at a time per connection, so a bounded cache
 * of prepared statements by SQL text is safe and halves the cost of a typical request.
 */
function withStatementCache(db: SQLite.Database, max = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
    } else {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, stmt);
    return stmt;
  }) as typeof db.prepare;
  return db;
}

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Settings for a connection that writes in bulk (the import worker's): on SQLite a 256 MB page cache, so
 * index pages touched at random by 100,000 new rows stay in memory until the commit instead of being
 * re-read from disk. PostgreSQL manages its buffers itself.
 */
export async function applyBulkWriteSettings(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`pragma cache_size = -262144`.execute(db);
}

/** Refreshes the planner's statistics after a bulk change (imports, demo data). */
export async function refreshStatistics(db: Kysely<any>): Promise<void> {
  // On SQLite, analysis_limit (set at connect) keeps this to a sample: milliseconds, not seconds.
  await sql`analyze`.execute(db);
}

/** A human name of the database in use, for logs and /api/health. */
export function databaseKind(db: Kysely<any>): 'postgresql' | 'sqlite' {
  return isPostgres(db) ? 'postgresql' : 'sqlite';
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withIdColumn<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Stores a table whose primary key covers every query once, in its key's order: on SQLite without the
 * separate rowid B-tree (half the size, one lookup fewer); PostgreSQL keeps its heap and key index.
 */
export function withoutRowid<T extends string, C extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  return isPostgres(db) ? table : table.modifyEnd(sql`without rowid`);
}

/** A text column compared byte by byte, so that range and prefix scans on it can use its index. */
export function binaryText(db: Kysely<any>) {
  return (c: ColumnDefinitionBuilder) => (isPostgres(db) ? c.modifyEnd(sql`collate "C"`) : c);
}

/** Locks the selected rows until the transaction ends (PostgreSQL); SQLite already serialises writers. */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db as Kysely<any>) ? query.forUpdate() : query;
}

/**
 * Locks the selected rows, passing over rows another transaction holds (PostgreSQL's `FOR UPDATE SKIP
 * LOCKED`), so instances claiming work each take a different row at once; SQLite has one writer at a
 * time, so a claim there is already alone.
 */
export function forUpdateSkipLocked<DB, TB extends keyof DB, O>(
  db: Kysely<DB>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return isPostgres(db as Kysely<any>) ? query.forUpdate().skipLocked() : query;
}

/**
 * `value` LIKE `pattern` ignoring case, with backslash as the escape character. SQLite's LIKE already
 * ignores (ASCII) case; PostgreSQL's does not, so it takes ILIKE. Neither has an escape character
 * unless told (PostgreSQL's default backslash is not SQLite's), hence the explicit ESCAPE.
 */
export function likeIgnoringCase(
  db: Kysely<any>,
  value: Expression<unknown>,
  pattern: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`${value} ${sql.raw(isPostgres(db) ? 'ilike' : 'like')} ${pattern} escape '\\'`;
}

/** True when the error is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Makes a table append-only at the database level: updates are refused, and deletes are refused for
 * rows whose `at` is younger than `minAgeDays`.
 */
export async function makeAppendOnly(db: Kysely<any>, table: string, minAgeDays: number): Promise<void> {
  const t = sql.raw(table);
  if (isPostgres(db)) {
    await sql`create or replace function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then raise exception '${sql.raw(table)} is append-only'; end if;
        if old.at > to_char((now() at time zone 'utc') - interval '${sql.raw(String(minAgeDays))} days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') then
          raise exception '${sql.raw(table)} entries younger than ${sql.raw(String(minAgeDays))} days cannot be deleted';
        end if;
        return old;
      end $$`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${t}
      for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${t}
      begin select raise(abort, '${sql.raw(table)} is append-only'); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_early_delete`)} before delete on ${t}
      when old.at > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-${sql.raw(String(minAgeDays))} days')
      begin select raise(abort, '${sql.raw(table)} entries younger than ${sql.raw(String(minAgeDays))} days cannot be deleted'); end`.execute(
      db,
    );
  }
}

/**
 * Removes the append-only guard again. Only for tests that play an attacker with direct database
 * access, to prove that tampering is detected by the hash chain even when the guard is gone.
 */
export async function dropAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists ${sql.raw(`${table}_append_only`)} on ${sql.raw(table)}`.execute(db);
  } else {
    await sql`drop trigger if exists ${sql.raw(`${table}_no_update`)}`.execute(db);
    await sql`drop trigger if exists ${sql.raw(`${table}_no_early_delete`)}`.execute(db);
  }
}

/**
 * Copies a migrated template database into a fresh one for a test file: a file copy on SQLite, a
 * `create database … template …` on PostgreSQL. Returns the settings that open the copy.
 */
export async function cloneTemplateDatabase(
  template: { databaseUrl?: string | undefined; file?: string | undefined },
  name: string,
  dataDir: string,
): Promise<{ databaseUrl?: string; dataDir: string }> {
  if (template.databaseUrl) {
    const url = new URL(template.databaseUrl);
    const templateName = url.pathname.slice(1);
    const admin = new pg.Client({ connectionString: maintenanceUrl(template.databaseUrl) });
    await admin.connect();
    try {
      await admin.query(`drop database if exists "${name}"`);
      // Two files cloning the same template at once collide ("being accessed by other users"): retry.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`create database "${name}" template "${templateName}"`);
          break;
        } catch (error) {
          if (attempt >= 20 || !String((error as Error).message).includes('accessed by other users'))
            throw error;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    } finally {
      await admin.end();
    }
    url.pathname = `/${name}`;
    return { databaseUrl: url.toString(), dataDir };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(template.file as string, path.join(dataDir, 'xinyao.db'));
  return { dataDir };
}

/** The same server's `postgres` database, from which databases are created and dropped. */
function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

/** Creates (or recreates) an empty PostgreSQL database next to the one in `baseUrl`; returns its URL. */
export async function recreatePostgresDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: maintenanceUrl(baseUrl) });
  await admin.connect();
  try {
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [name],
    );
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The file an SQLite database lives in, under DATA_DIR. */
export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'xinyao.db');
}

/** Drops a PostgreSQL database made by `cloneTemplateDatabase` or `recreatePostgresDatabase`. */
export async function dropPostgresDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: maintenanceUrl(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * Holds an enumerated column to its values in the database. PostgreSQL takes a named CHECK constraint;
 * SQLite can declare a CHECK only when a table is created, so an existing table gets the same rule as two
 * triggers that refuse an insert or update outside the values (decision 0020). NULL passes, as it does a
 * CHECK: whether a column may be null is its NOT NULL's business.
 */
export async function addEnumCheck(
  db: Kysely<any>,
  table: string,
  column: string,
  values: readonly string[],
): Promise<void> {
  const name = sql.raw(enumCheckName(table, column));
  const t = sql.raw(table);
  const c = sql.raw(column);
  const list = sql.join(values.map((v) => sql.lit(v)));
  if (isPostgres(db)) {
    await sql`alter table ${t} add constraint ${name} check (${c} in (${list}))`.execute(db);
    return;
  }
  const refuse = sql.lit(`${table}.${column} is not one of its values`);
  for (const [suffix, event] of [
    ['insert', sql`insert`],
    ['update', sql`update of ${c}`],
  ] as const) {
    await sql`create trigger ${sql.raw(`${enumCheckName(table, column)}_${suffix}`)} before ${event} on ${t}
      when new.${c} is not null and new.${c} not in (${list})
      begin select raise(abort, ${refuse}); end`.execute(db);
  }
}

/** Removes what addEnumCheck added. */
export async function dropEnumCheck(db: Kysely<any>, table: string, column: string): Promise<void> {
  const name = enumCheckName(table, column);
  if (isPostgres(db)) {
    await sql`alter table ${sql.raw(table)} drop constraint if exists ${sql.raw(name)}`.execute(db);
  } else {
    await sql`drop trigger if exists ${sql.raw(`${name}_insert`)}`.execute(db);
    await sql`drop trigger if exists ${sql.raw(`${name}_update`)}`.execute(db);
  }
}

/**
 * The values an enumerated column is held to in the database, read back from the constraint (or the
 * SQLite trigger) that addEnumCheck made; null when there is none. For the schema test.
 */
export async function enumCheckValues(
  db: Kysely<any>,
  table: string,
  column: string,
): Promise<string[] | null> {
  const name = enumCheckName(table, column);
  const { rows } = isPostgres(db)
    ? await sql<{
        def: string;
      }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = ${name}`.execute(db)
    : await sql<{
        def: string;
      }>`select sql as def from sqlite_master where type = 'trigger' and name = ${`${name}_insert`}`.execute(
        db,
      );
  const def = rows[0]?.def;
  if (!def) return null;
  // the list of values: after "in (" on SQLite; PostgreSQL rewrites IN as "= ANY (ARRAY[…])"
  const from = def.search(/\bnot in \(|ARRAY\[/i);
  const list = def.slice(from, def.slice(from).search(/[)\]]/) + from);
  return [...list.matchAll(/'((?:[^']|'')*)'/g)].map((m) => (m[1] ?? '').replaceAll("''", "'"));
}

function enumCheckName(table: string, column: string) {
  return `${table}_${column}_check`;
}

/**
 * A maintained count (platform/indicators): rows of `table` that satisfy `where` are counted in
 * `indicator_counts` under `name`, by the row's org and up to four keys. Every expression is SQL over
 * the row, written with `{r}.` before each column (`{r}.category`), valid on both databases.
 */
export interface CountedSource {
  name: string;
  table: string;
  /** the column naming the row's org */
  org: string;
  /** up to four key expressions; fewer leave the remaining keys '' */
  keys: string[];
  /** which rows count */
  where: string;
  /** the columns the keys, the org and the condition read: an update of any other column is ignored */
  columns: string[];
}

/**
 * Keeps a maintained count by triggers, so every write path (the services, imports in a worker, the
 * demo seed, a script) changes the count in the same transaction as the row, and nothing has to
 * remember to. One upsert per inserted row, one update per deleted row, both for a relevant update.
 */
export async function createCountTriggers(db: Kysely<any>, source: CountedSource): Promise<void> {
  const keysOf = (r: 'new' | 'old') =>
    [0, 1, 2, 3].map((i) => (source.keys[i] ? source.keys[i].replaceAll('{r}', r) : `''`));
  const where = (r: 'new' | 'old') => source.where.replaceAll('{r}', r);
  const org = (r: 'new' | 'old') => `${r}.${source.org}`;
  const name = `${source.name.replace(/\W/g, '_')}_count`;
  const minus = `update indicator_counts set n = n - 1
    where indicator = '${source.name}' and org_id = ${org('old')}
      and ${keysOf('old')
        .map((k, i) => `k${i + 1} = ${k}`)
        .join(' and ')}`;
  const plus = (conflictN: string) => `insert into indicator_counts (indicator, org_id, k1, k2, k3, k4, n)
    select '${source.name}', ${org('new')}, ${keysOf('new').join(', ')}, 1 where ${where('new')}
    on conflict (indicator, org_id, k1, k2, k3, k4) do update set n = ${conflictN} + 1`;
  const columns = source.columns.join(', ');
  if (isPostgres(db)) {
    await sql
      .raw(`create or replace function ${name}() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and (${where('old')}) then ${minus}; end if;
        if tg_op in ('UPDATE', 'INSERT') then ${plus('indicator_counts.n')}; end if;
        return null;
      end $$`)
      .execute(db);
    await sql
      .raw(`create trigger ${name} after insert or delete or update of ${columns} on ${source.table}
      for each row execute function ${name}()`)
      .execute(db);
    return;
  }
  await sql
    .raw(`create trigger ${name}_insert after insert on ${source.table} for each row
      begin ${plus('n')}; end`)
    .execute(db);
  await sql
    .raw(`create trigger ${name}_delete after delete on ${source.table} for each row when ${where('old')}
      begin ${minus}; end`)
    .execute(db);
  await sql
    .raw(`create trigger ${name}_update after update of ${columns} on ${source.table} for each row
      begin
        ${minus} and (${where('old')});
        ${plus('n')};
      end`)
    .execute(db);
}

/** Drops what `createCountTriggers` made. */
export async function dropCountTriggers(db: Kysely<any>, source: Pick<CountedSource, 'name' | 'table'>) {
  const name = `${source.name.replace(/\W/g, '_')}_count`;
  if (isPostgres(db)) {
    await sql.raw(`drop trigger if exists ${name} on ${source.table}`).execute(db);
    await sql.raw(`drop function if exists ${name}()`).execute(db);
    return;
  }
  for (const t of ['insert', 'delete', 'update'])
    await sql.raw(`drop trigger if exists ${name}_${t}`).execute(db);
}

/**
 * The tables and indexes a query reads whole, by the alias it gives them, from the database's own plan
 * (EXPLAIN QUERY PLAN on SQLite; EXPLAIN in JSON on PostgreSQL, with whole-table plans disabled so the
 * plan shows whether an index can serve the query at all, as it must at scale, not whether a scan is
 * cheaper on a small test table). For tests that hold queries to their indexes.
 */
export async function fullScans(db: Kysely<any>, query: CompiledQuery): Promise<string[]> {
  if (isPostgres(db)) {
    const plan = await db.transaction().execute(async (trx) => {
      // A small table is cheaper read whole, or hashed, merged or materialised whole into a join: rule those out.
      for (const setting of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin', 'enable_material']) {
        await sql`select set_config(${setting}, 'off', true)`.execute(trx);
      }
      const r = await trx.executeQuery<{ 'QUERY PLAN': unknown }>(
        CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
      );
      return r.rows[0]?.['QUERY PLAN'];
    });
    const found: string[] = [];
    // An index walked in order under a LIMIT stops at the page: read in part, not whole.
    const walk = (node: Record<string, unknown>, limited: boolean) => {
      const type = node['Node Type'];
      const bounded = node['Index Cond'] !== undefined || limited;
      if (type === 'Seq Scan' || ((type === 'Index Scan' || type === 'Index Only Scan') && !bounded)) {
        found.push(String(node.Alias ?? node['Relation Name']));
      }
      const below = type === 'Limit' || (limited && type !== 'Sort' && type !== 'Aggregate');
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child, below);
    };
    walk((plan as { Plan: Record<string, unknown> }[])[0]?.Plan ?? {}, false);
    return found;
  }
  const r = await db.executeQuery<{ detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  return r.rows.flatMap((row) => {
    const m = /^SCAN (\S+)/.exec(row.detail);
    return m && m[1] !== 'CONSTANT' ? [m[1] as string] : [];
  });
}
