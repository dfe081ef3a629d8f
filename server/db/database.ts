import { Kysely, Migrator } from 'kysely';
import type { Config } from '../config.ts';
import { createDialect } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

/** Opens the configured database. */
export function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'dataDir' | 'DATABASE_POOL_MAX'>): Db {
  return new Kysely<Database>({
    dialect: createDialect({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.dataDir,
      poolMax: config.DATABASE_POOL_MAX,
    }),
  });
}

/**
 * Brings the schema up to date. Kysely's migrator takes a lock (a row lock on PostgreSQL, the write
 * lock on SQLite), so several instances starting at once run each migration exactly once.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
