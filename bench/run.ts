/**
 * `npm run bench`: the platform's speed targets, each printed as a row of one table. Targets live
 * here, never in tests. First benchmark: an authenticated, scoped request (session lookup, permission
 * check, scope filter, one record) against a bare Fastify route on the same machine, as a ratio.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../scripts/demo/seed.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

interface Row {
  benchmark: string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  note: string;
}

async function startServer(mode: 'bare' | 'app'): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
    env: { ...process.env, BENCH_MODE: mode },
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

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

const rows: Row[] = [];

const bare = await startServer('bare');
const bareResult = await load(`http://127.0.0.1:${bare.port}/bare`);
bare.child.kill();
rows.push({
  benchmark: 'bare Fastify route',
  'req/s': bareResult.rps,
  'p50 ms': bareResult.p50,
  'p99 ms': bareResult.p99,
  note: 'baseline',
});

const app = await startServer('app');
const base = `http://127.0.0.1:${app.port}`;
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'rugao', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const me = (await login.json()) as { assignments: { orgId: number }[] };
const orgId = me.assignments[0]?.orgId;
const appResult = await load(`${base}/api/orgs/${orgId}`, { cookie });
app.child.kill();
const ratio = bareResult.rps / appResult.rps;
rows.push({
  benchmark: 'authenticated scoped GET /api/orgs/:id',
  'req/s': appResult.rps,
  'p50 ms': appResult.p50,
  'p99 ms': appResult.p99,
  note: `${ratio.toFixed(2)}× the bare route's cost (SQLite, county scope)`,
});

console.table(rows);
