/**
 * `npm run bench`: the platform's speed targets, each printed as a row of one table; targets are ratios
 * measured in the same run, and live here, never in tests.
 * 1. An authenticated, scoped request against a bare Fastify route.
 * 2. The roster at 200,000 and 1,000,000 cadres on SQLite (each built once into bench/.data and reused):
 *    the first page of a unit's and of a county's retirees (退休) sorted by name, through the platform
 *    and through a bare route running the same statements without a session (the ceiling), each beside
 *    the statements run directly; the record view and record create, with their CPU time per request.
 * 3. BENCH_ONLY=import: importing and exporting 100,000 rows on a copy of the 200,000 roster.
 * BENCH_ONLY=auth|roster|import runs one part; BENCH_SIZES=200000,1000000 and BENCH_SECONDS=3 change
 * the roster sizes and the length of each load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../scripts/demo/seed.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { listCadres } from '../server/modules/cadres/cadres.repository.ts';
import { subtreeOrgIds } from '../server/platform/access/scope.ts';
import { makeIdNumberFor } from './ids.ts';
import { ensureRoster, importFile } from './roster-data.ts';

const only = process.env.BENCH_ONLY;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SIZES = (process.env.BENCH_SIZES ?? '200000,1000000').split(',').map(Number);
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  benchmark: string;
  result: string;
  target: string;
  note: string;
}
const rows: Row[] = [];

async function startServer(
  mode: 'bare' | 'app' | 'ceiling',
  env: Record<string, string> = {},
): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: { ...process.env, BENCH_MODE: mode, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = buffer.match(/ready (\d+)/);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  return { port, child };
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const me = (await res.json()) as { csrfToken: string; assignments: { orgId: number }[] };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', me };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

async function timeIt(fn: () => Promise<unknown>, n = 30) {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function authBenchmark() {
  const load = async (url: string, headers: Record<string, string> = {}) => {
    const r = await autocannon({
      url,
      connections: 10,
      duration: SECONDS,
      headers,
    });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    return Math.round(r.requests.average);
  };
  const bare = await startServer('bare');
  const bareRps = await load(`http://127.0.0.1:${bare.port}/bare`);
  bare.child.kill();
  const app = await startServer('app');
  const base = `http://127.0.0.1:${app.port}`;
  const { cookie, me } = await signIn(base, 'rugao');
  const appRps = await load(`${base}/api/orgs/${me.assignments[0]?.orgId}`, { cookie });
  app.child.kill();
  rows.push({
    benchmark: 'bare Fastify route',
    result: `${bareRps} req/s`,
    target: '',
    note: 'baseline, 10 connections',
  });
  rows.push({
    benchmark: 'authenticated scoped GET /api/orgs/:id',
    result: `${appRps} req/s`,
    target: '',
    note: `${(bareRps / appRps).toFixed(1)}× the bare route's cost per request`,
  });
}

/** Server CPU time (user + system) of a process, in milliseconds. */
function cpuMs(pid: number) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0) {
    throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} time-outs`);
  }
  return { rps: Math.round(r.requests.average), p50: r.latency.p50 };
}

/** The list cases: a unit's and a county's first page of retirees, sorted by name. */
async function listCases(db: ReturnType<typeof openDatabase>) {
  const org = async (name: string) =>
    db.selectFrom('orgs').select(['id', 'path']).where('name', '=', name).executeTakeFirstOrThrow();
  const unit = await org('南通市教育局');
  const county = await org('如皋市');
  return [
    { label: 'unit (南通市教育局)', org: unit },
    { label: 'county (如皋市)', org: county },
  ];
}

async function rosterBenchmark(size: number) {
  const { dir, seconds } = await ensureRoster(size, log);
  const label = size.toLocaleString('en');
  rows.push({
    benchmark: `roster of ${label}: seed`,
    result: seconds ? `${seconds.toFixed(0)} s` : 'reused',
    target: '',
    note: seconds
      ? `bulk insert in one transaction, cached in ${path.relative('.', dir)}`
      : path.relative('.', dir),
  });
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  const cases = await listCases(db);

  // The ceiling: the same statements behind a bare route, no session.
  const ceiling = await startServer('ceiling', { BENCH_DATA_DIR: dir });
  const bare = [];
  for (const c of cases) {
    bare.push(
      await load(`http://127.0.0.1:${ceiling.port}/list?orgId=${c.org.id}&category=tuixiu&sort=name`),
    );
  }
  ceiling.child.kill();

  const app = await startServer('app', { BENCH_DATA_DIR: dir });
  const base = `http://127.0.0.1:${app.port}`;
  const pid = app.child.pid as number;
  const { cookie, me } = await signIn(base, 'city');
  for (const [i, c] of cases.entries()) {
    const url = `${base}/api/cadres?orgId=${c.org.id}&category=tuixiu&sort=name`;
    const first = (await (await fetch(url, { headers: { cookie } })).json()) as { total: number };
    const platform = await load(url, { cookie });
    const filter = {
      orgIds: await subtreeOrgIds(db, { orgId: c.org.id, path: c.org.path }),
      status: 'active' as const,
      category: 'tuixiu' as const,
    };
    const direct = await timeIt(() => listCadres(db, filter, 'name', 1, 20));
    const ceilingRps = bare[i]?.rps ?? 0;
    const ratio = platform.rps / ceilingRps;
    rows.push({
      benchmark: `${label}: list, ${c.label}, 退休, by name, page 1`,
      result: `${platform.rps} req/s, p50 ${platform.p50} ms`,
      target: '≥ 60 % of the ceiling',
      note: `${(ratio * 100).toFixed(0)} % ${ratio >= 0.6 ? '(met)' : '(NOT met)'}; ceiling ${ceilingRps} req/s, p50 ${bare[i]?.p50} ms; direct query ${direct.toFixed(1)} ms median; ${first.total} match (exact)`,
    });
  }

  // The record view and record create, one request at a time, with the server's CPU per request.
  const someone = (await (
    await fetch(`${base}/api/cadres?orgId=${cases[0]?.org.id}&pageSize=1`, { headers: { cookie } })
  ).json()) as {
    items: { id: number }[];
  };
  const id = someone.items[0]?.id ?? 1;
  const n = 200;
  let cpu = cpuMs(pid);
  const view = await timeIt(async () => {
    const res = await fetch(`${base}/api/cadres/${id}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`view: ${res.status}`);
    await res.arrayBuffer();
  }, n);
  const viewCpu = (cpuMs(pid) - cpu) / (n + 3);
  rows.push({
    benchmark: `${label}: record view GET /api/cadres/:id`,
    result: `${view.toFixed(1)} ms median`,
    target: '',
    note: `${viewCpu.toFixed(2)} ms server CPU per request`,
  });
  const unitId = cases[0]?.org.id as number;
  let k = 0;
  const run = Date.now() % 100_000;
  cpu = cpuMs(pid);
  const create = await timeIt(async () => {
    const res = await fetch(`${base}/api/cadres`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '王建国',
        idNumber: makeIdNumberFor(run, k++),
        orgId: unitId,
        category: 'tuixiu' as const,
        mobile: '13900001111',
      }),
    });
    if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  }, n);
  const createCpu = (cpuMs(pid) - cpu) / (n + 3);
  rows.push({
    benchmark: `${label}: record create POST /api/cadres`,
    result: `${create.toFixed(1)} ms median`,
    target: '',
    note: `${createCpu.toFixed(2)} ms server CPU per request (${n + 3} records added to the cached roster)`,
  });
  app.child.kill();
  await db.destroy();
}

function rssMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Importing and exporting 100,000 rows, on a copy of the 200,000 roster (the import changes it). */
async function importBenchmark() {
  const { dir: source } = await ensureRoster(200_000, log);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-bench-roster-'));
  // The database with its WAL, the key file and the files/ directory.
  fs.cpSync(source, work, { recursive: true });
  const app = await startServer('app', { BENCH_DATA_DIR: work });
  const pid = app.child.pid as number;
  const base = `http://127.0.0.1:${app.port}`;
  const { cookie, me } = await signIn(base, 'city');
  // Import 100,000 rows into one unit, validated then written.
  const n = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const file = await importFile(n);
  const unit = 2;
  const csrf = me.csrfToken;
  const form = new FormData();
  form.append('file', new Blob([file]), 'bench.xlsx');
  let peak = 0;
  const watch = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 100);
  const t0 = performance.now();
  const started = (await (
    await fetch(`${base}/api/cadres/imports?targetOrgId=${unit}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf },
      body: form,
    })
  ).json()) as { id: number };
  const settle = async () => {
    for (;;) {
      const res = await fetch(`${base}/api/cadres/imports/${started.id}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`import status: ${res.status} ${await res.text()}`);
      const job = (await res.json()) as {
        status: string;
        preview: { errorCount: number; validRows: number };
      };
      if (job.status !== 'validating' && job.status !== 'committing') return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const validated = await settle();
  const t1 = performance.now();
  await fetch(`${base}/api/cadres/imports/${started.id}/commit`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ duplicates: 'skip' }),
  });
  const done = await settle();
  const t2 = performance.now();
  rows.push({
    benchmark: `import ${n} rows (.xlsx)`,
    result: `${((t2 - t0) / 1000).toFixed(1)} s`,
    target: '< 30 s',
    note: `validate ${((t1 - t0) / 1000).toFixed(1)} s (${validated.preview.validRows} valid, ${validated.preview.errorCount} errors), write ${((t2 - t1) / 1000).toFixed(1)} s: ${done.status}; peak RSS ${peak.toFixed(0)} MB`,
  });

  clearInterval(watch);
  const afterImport = rssMb(pid);
  app.child.kill();
  await new Promise((r) => setTimeout(r, 1000));

  // Export them, from a freshly started server (its memory is the export's, not the import's leftovers).
  const fresh = await startServer('app', { BENCH_DATA_DIR: work });
  const freshBase = `http://127.0.0.1:${fresh.port}`;
  const freshPid = fresh.child.pid as number;
  const { cookie: freshCookie } = await signIn(freshBase, 'city');
  peak = 0;
  const before = rssMb(freshPid);
  const watchExport = setInterval(() => {
    peak = Math.max(peak, rssMb(freshPid));
  }, 100);
  const t3 = performance.now();
  const res = await fetch(`${freshBase}/api/cadres/export?orgId=${unit}`, {
    headers: { cookie: freshCookie },
  });
  const bytes = (await res.arrayBuffer()).byteLength;
  const t4 = performance.now();
  clearInterval(watchExport);
  rows.push({
    benchmark: `export ${n} rows (.xlsx)`,
    result: `${((t4 - t3) / 1000).toFixed(1)} s`,
    target: '< 15 s, < 400 MB',
    note: `${(bytes / 1e6).toFixed(1)} MB file; fresh server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB; the importing server ended at ${afterImport.toFixed(0)} MB`,
  });

  fresh.child.kill();
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(work, { recursive: true, force: true });
}

if (!only || only === 'auth') await authBenchmark();
if (!only || only === 'roster') {
  for (const size of SIZES) {
    log(`roster benchmarks at ${size} cadres`);
    await rosterBenchmark(size);
  }
}
if (!only || only === 'indicators') rows.push(...(await (await import('./indicators.ts')).default(log)));
if (only === 'import') await importBenchmark();
console.table(rows);
