import { type CompiledQuery, Kysely } from 'kysely';
import { afterAll } from 'vitest';
import type { Db } from '../db/database.ts';
import { createDialect } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';
import type { TestContext } from './test-app.ts';

/**
 * A second connection to a test file's database that records every statement it runs, to count the
 * statements a use-case costs or to look at their plans. Closed after the file's tests.
 */
export function queryLog(ctx: TestContext): { db: Db; queries: CompiledQuery[] } {
  const queries: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: createDialect({
      databaseUrl: ctx.config.DATABASE_URL,
      dataDir: ctx.config.dataDir,
      poolMax: 2,
    }),
    log: (event) => {
      if (event.level === 'query') queries.push(event.query);
    },
  });
  afterAll(() => db.destroy());
  return { db, queries };
}
