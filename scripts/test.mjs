// `npm test`: every suite (type check, lint, API tests, browser tests), whatever fails along the way.
// API tests run on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set. Ends with one line,
// "N passed, N failed", over all suites.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies, ensureWebBuild, root } from './ensure.mjs';

ensureDependencies();
const out = path.join(root, '.ci', 'tmp');
fs.mkdirSync(out, { recursive: true });

const results = [];
function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Type check and lint count as one test each.
for (const [name, cmd, args] of [
  ['typecheck (server)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (web)', 'npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']],
  ['typecheck (e2e)', 'npx', ['tsc', '-p', 'e2e/tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['biome', 'check', '.']],
]) {
  const ok = step(name, cmd, args);
  results.push({ suite: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

const db = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const apiOk = step(`API tests (${db})`, 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const v = readJson(vitestJson);
results.push({
  suite: `API tests (${db})`,
  passed: v?.numPassedTests ?? 0,
  failed: v ? v.numFailedTests + (apiOk || v.numFailedTests > 0 ? 0 : 1) : 1,
});

ensureWebBuild();
const e2eJson = path.join(out, 'playwright.json');
fs.rmSync(e2eJson, { force: true });
let e2eOk = false;
if (!fs.existsSync('/usr/bin/chromium')) {
  process.stdout.write('\n=== browser tests ===\n/usr/bin/chromium is missing: apt-get install chromium\n');
} else {
  e2eOk = step(`browser tests (${db})`, 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
  });
}
const p = readJson(e2eJson);
const pPassed = p?.stats?.expected ?? 0;
const pFailed = (p?.stats?.unexpected ?? 0) + (p?.stats?.flaky ?? 0);
results.push({
  suite: `browser tests (${db})`,
  passed: pPassed,
  failed: pFailed + (e2eOk || pFailed > 0 ? 0 : 1),
});

process.stdout.write('\n=== summary ===\n');
for (const r of results) process.stdout.write(`${r.suite}: ${r.passed} passed, ${r.failed} failed\n`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
