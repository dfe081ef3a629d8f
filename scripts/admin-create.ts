/**
 * `npm run admin:create -- --username NAME --password PASS [--name 姓名] [--roles sysadmin,secadmin,auditadmin]
 * [--city 南通市]`: creates an administrator at the root of the org tree. Without flags it asks.
 * On an empty installation it first creates the root (the city) named by --city.
 */
import { createInterface } from 'node:readline/promises';
import { AppError, errorMessage } from '../server/errors.ts';
import { provisionAccount } from '../server/modules/identity/identity.service.ts';
import * as orgs from '../server/modules/orgs/orgs.service.ts';
import { openForCli, parseFlags } from './cli.ts';

const flags = parseFlags(process.argv.slice(2));
const rl = createInterface({ input: process.stdin, output: process.stdout });
const ask = async (question: string, fallback?: string) => {
  const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
  return answer || fallback || '';
};
const flag = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);

const interactive = !flag('username') || !flag('password');
const username = flag('username') ?? (await ask('Username'));
const password =
  flag('password') ??
  (await ask('Password (at least 8 characters from 3 of: lower, upper, digits, symbols)'));
const name = flag('name') ?? (interactive ? await ask('Full name', '系统管理员') : '系统管理员');
const roles = (flag('roles') ?? 'sysadmin,secadmin,auditadmin').split(',').map((r) => r.trim());
rl.close();

const { db, config } = await openForCli();
try {
  let root = await orgs.findRoot(db);
  if (!root) {
    const city = flag('city');
    if (!city) throw new Error('The org tree is empty: name the city with --city, e.g. --city 南通市');
    await orgs.ensureRoot(db, { userId: null, name: 'cli', ip: null, requestId: null }, city, null);
    root = await orgs.findRoot(db);
  }
  const id = await provisionAccount(db, config, {
    username,
    name,
    password,
    orgId: root?.id as number,
    roles,
  });
  process.stdout.write(
    `Created administrator "${username}" (id ${id}) with roles ${roles.join(', ')} at ${root?.name}.\n`,
  );
  if (roles.length > 1) {
    process.stdout.write(
      'For 等保 level 3, give the system, security and audit roles to three different people.\n',
    );
  }
} catch (error) {
  const e = error as AppError | Error;
  const details =
    e instanceof AppError && e.details
      ? `: ${e.details.map((d) => `${d.field} ${d.messages.en}`).join('; ')}`
      : '';
  const message = e instanceof AppError ? errorMessage(e.code, 'en-US') : e.message;
  process.stderr.write(`Could not create the administrator: ${message}${details}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
