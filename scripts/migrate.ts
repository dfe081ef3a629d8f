/** `npm run migrate`: brings the configured database's schema up to date and installs shipped data. */
import { migrateToLatest } from '../server/db/database.ts';
import { openForCli } from './cli.ts';

const { db } = await openForCli();
const pending = await migrateToLatest(db);
process.stdout.write(pending.length === 0 ? 'Database is up to date.\n' : `Applied: ${pending.join(', ')}\n`);
await db.destroy();
