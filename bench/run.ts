/**
 * `npm run bench`: the platform's speed targets, each printed as a row of one table. Targets live
 * here, never in tests.
 * 1. An authenticated, scoped request against a bare Fastify route, as a ratio.
 * 2. The roster at 1,000,000 cadres on SQLite (built once into bench/.data): first pages of searches
 *    and filtered lists and the record view through HTTP (median), each against the same query run
 *    directly on the database; importing 100,000 rows; exporting them with the server's memory watched.
 * BENCH_ONLY=auth|roster runs one part; BENCH_ROSTER_SIZE changes the roster's size.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../scripts/demo/seed.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { listCadres } from '../server/modules/cadres/cadres.service.ts';
import { loadKeyring } from '../server/platform/crypto/personal-data.ts';
import type { Auth } from '../server/platform/http/types.ts';
import { ensureRoster, importFile, ROSTER_SIZE } from './roster-data.ts';

const only = process.env.BENCH_ONLY;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  benchmark: string;
  result: string;
  target: string;
  note: string;
}
const rows: Row[] = [];

async function startServer(
  mode: 'bare' | 'app',
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
      duration: Number(process.env.BENCH_SECONDS ?? 8),
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

function rssMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function rosterBenchmark() {
  const source = await ensureRoster(log);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-bench-roster-'));
  // The database with its WAL, the key file and the files/ directory: a copy, so the import leaves the cache as it was.
  fs.cpSync(source, work, { recursive: true });
  const app = await startServer('app', { BENCH_DATA_DIR: work });
  const pid = app.child.pid as number;
  const base = `http://127.0.0.1:${app.port}`;
  const { cookie, me } = await signIn(base, 'city');
  const get = async (url: string) => {
    const res = await fetch(`${base}${url}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json() as Promise<{ items: { id: number }[]; total: number; totalCapped?: boolean }>;
  };

  const config = loadConfig({ DATA_DIR: work, LOG_LEVEL: 'silent' });
  const db = openDatabase(config);
  const keyring = loadKeyring(config.keysFile, false);
  const auth = {
    userId: me.assignments.length,
    scope: { orgId: me.assignments[0]?.orgId ?? 1, path: '/1/' },
    permissions: new Set(['cadres:read', 'cadres:health']),
  } as unknown as Auth;
  const queries: [string, Record<string, string>][] = [
    ['keyword search (姓 王)', { keyword: '王' }],
    ['pinyin initials (zjg)', { keyword: 'zjg' }],
    ['pinyin full (zhangjianguo)', { keyword: 'zhangjianguo' }],
    ['filtered list (lixiu, 90+, party)', { category: 'lixiu', ageBand: '90+', partyMember: 'true' }],
    ['filtered list (county, sorted by age)', { orgId: '4', sort: 'birthDate', livingSituation: 'alone' }],
  ];
  for (const [label, params] of queries) {
    const qs = new URLSearchParams(params).toString();
    const http = await timeIt(() => get(`/api/cadres?${qs}`));
    const query = {
      page: 1,
      pageSize: 20,
      ...params,
      ...(params.orgId && { orgId: Number(params.orgId) }),
    } as never;
    const direct = await timeIt(() => listCadres(db, keyring, auth, query));
    const { total: found, totalCapped } = await get(`/api/cadres?${qs}`);
    rows.push({
      benchmark: `${label}, first page`,
      result: `${http.toFixed(1)} ms median`,
      target: '< 100 ms',
      note: `${totalCapped ? `over ${found}` : found} of ${ROSTER_SIZE} match; direct ${direct.toFixed(1)} ms, HTTP/direct ${(http / direct).toFixed(2)}`,
    });
  }
  const someone = (await get('/api/cadres?keyword=zjg&pageSize=1')).items[0]?.id ?? 1;
  const view = await timeIt(() =>
    fetch(`${base}/api/cadres/${someone}`, { headers: { cookie } }).then((r) => r.json()),
  );
  rows.push({
    benchmark: 'record view GET /api/cadres/:id',
    result: `${view.toFixed(1)} ms median`,
    target: '< 100 ms',
    note: '',
  });

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
  await db.destroy();
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
  log(`roster benchmarks at ${ROSTER_SIZE} cadres`);
  await rosterBenchmark();
}
console.table(rows);
