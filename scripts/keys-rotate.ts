/**
 * `npm run keys:rotate`: adds a new personal-data key, makes it the active one, re-encrypts every
 * sealed value under it in batches, then drops the keys no longer used. `-- --init` only creates the
 * key file (for production, before the first start). Stop the servers or run it in a quiet hour:
 * values written by a server still holding the old key file stay readable (the old key is kept until
 * nothing uses it) and are caught by the next rotation.
 */
import fs from 'node:fs';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { reencryptBranches } from '../server/modules/branches/branches.keys.ts';
import { reencryptCadres } from '../server/modules/cadres/cadres.keys.ts';
import {
  addKey,
  generateKeyFile,
  type KeyFile,
  Keyring,
  retainKeys,
  writeKeyFile,
} from '../server/platform/crypto/personal-data.ts';
import { parseFlags } from './cli.ts';

const flags = parseFlags(process.argv.slice(2));
const config = loadConfig();

if (flags.init) {
  if (fs.existsSync(config.keysFile)) {
    process.stderr.write(`${config.keysFile} already exists; not overwriting it.\n`);
    process.exit(1);
  }
  writeKeyFile(config.keysFile, generateKeyFile());
  process.stdout.write(
    `Created ${config.keysFile} (readable by its owner only). Keep a copy in a safe place.\n`,
  );
  process.exit(0);
}

if (!fs.existsSync(config.keysFile)) {
  process.stderr.write(`No key file at ${config.keysFile}: nothing to rotate (use --init to create one).\n`);
  process.exit(1);
}
const current = JSON.parse(fs.readFileSync(config.keysFile, 'utf8')) as KeyFile;
const next = addKey(current);
// Write the new key first, so a crash half-way leaves every value readable.
writeKeyFile(`${config.keysFile}`, next);
const keyring = new Keyring(next);
const db = openDatabase(config);
const started = Date.now();
const count = await reencryptCadres(db, keyring, (n) => process.stdout.write(`\r${n} records re-encrypted`));
const phones = await reencryptBranches(db, keyring);
await db.destroy();
writeKeyFile(config.keysFile, retainKeys(next, [next.active]));
process.stdout.write(
  `\nRotated to key ${next.active}: ${count} records and ${phones} mobile-member phones re-encrypted in ${((Date.now() - started) / 1000).toFixed(1)} s; old keys removed.\n`,
);
