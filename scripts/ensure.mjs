// Shared by `npm start` and `npm test`: installs npm dependencies and builds the web app when they are
// missing or stale, so a fresh clone needs nothing by hand. Plain Node: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : mtime(full));
  }
  return latest;
}

/** Runs a command in the project root, inheriting the terminal; exits when it fails. */
export function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (mtime(installed) < mtime(path.join(root, 'package-lock.json'))) {
    process.stdout.write('Installing dependencies (npm ci)…\n');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

/** Builds the web app when web/dist is missing or older than its sources. */
export function ensureWebBuild() {
  const built = mtime(path.join(root, 'web', 'dist', 'index.html'));
  const sources = Math.max(
    newest(path.join(root, 'web', 'src')),
    mtime(path.join(root, 'web', 'index.html')),
    mtime(path.join(root, 'web', 'vite.config.ts')),
    newest(path.join(root, 'web', 'public')),
  );
  if (built < sources) {
    process.stdout.write('Building the web app…\n');
    run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  }
}

export { root };
