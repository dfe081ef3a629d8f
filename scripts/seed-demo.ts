/** `npm run seed:demo`: loads the synthetic demo city into an empty database. */
import { openForCli } from './cli.ts';
import { seedDemo } from './demo/seed.ts';

const { db, config } = await openForCli();
const started = Date.now();
const loaded = await seedDemo(db, config, (line) => process.stdout.write(`${line}\n`));
await db.destroy();
process.stdout.write(
  loaded
    ? `Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`
    : 'Database already has data; demo not loaded.\n',
);
