import { prepareDatabase } from '../server/app.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { type Db, openDatabase } from '../server/db/database.ts';

/** Opens the configured database, migrated, for a command-line script; exits readably on bad config. */
export async function openForCli(): Promise<{ config: Config; db: Db }> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const db = openDatabase(config);
  await prepareDatabase(db);
  return { config, db };
}

/** Parses `--name value` and `--flag` arguments. */
export function parseFlags(argv: string[]): Record<string, string | true> {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const nextArg = argv[i + 1];
    if (inline !== undefined) flags[key] = inline;
    else if (nextArg !== undefined && !nextArg.startsWith('--')) {
      flags[key] = nextArg;
      i++;
    } else flags[key] = true;
  }
  return flags;
}
