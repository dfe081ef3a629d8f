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
  type Kysely,
  PostgresAdapter,
  PostgresDialect,
  type SelectQueryBuilder,
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

/** Case-insensitive LIKE. */
export function ilike(db: Kysely<any>) {
  return isPostgres(db) ? ('ilike' as const) : ('like' as const);
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
