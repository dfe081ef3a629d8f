/**
 * The roster's figures from indicators: a grouped count of cadres by org × category for the whole city
 * (GET /api/cadres/figures?rows=org&cols=category at the root), p50 over repeated calls of the service
 * the route calls, beside the same figures counted directly from the roster (the per-request scan the
 * maintained counts replace). Target: p50 under 10 ms. Runs on the benchmark roster (bench/.data, the
 * size BENCH_ROSTER_SIZE says), or on the DATA_DIR given. `npx tsx bench/indicators.ts` runs it alone.
 */
import os from 'node:os';
import { sql } from 'kysely';
import { prepareDatabase } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { cadreFigures } from '../server/modules/cadres/figures.service.ts';
import { findRoot } from '../server/modules/orgs/orgs.service.ts';
import type { Auth } from '../server/platform/http/types.ts';
import { ensureRoster } from './roster-data.ts';

interface Row {
  benchmark: string;
  result: string;
  target: string;
  note: string;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] as number;
};

async function timed(fn: () => Promise<unknown>, n: number) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  // CPU time per call: on a shared machine the wall clock also counts the time waiting for a core.
  const used = process.cpuUsage(cpu);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    cpu: (used.user + used.system) / 1000 / n,
  };
}

/** The benchmark's rows, for the runner's table. */
export async function indicatorsBenchmark(
  log: (line: string) => void,
  dataDir?: string,
  runs = Number(process.env.BENCH_RUNS ?? 200),
): Promise<Row[]> {
  const dir = dataDir ?? (await ensureRoster(200_000, log)).dir;
  const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'development' });
  const db = openDatabase(config);
  try {
    await prepareDatabase(db);
    const root = await findRoot(db);
    if (!root) throw new Error(`no org tree in ${dir}`);
    const auth = {
      userId: 0,
      scope: { orgId: root.id, path: root.path, kind: 'city' },
      permissions: new Set(['cadres:read']),
    } as unknown as Auth;
    const query = { rows: 'org', cols: 'category' } as const;
    const figures = await cadreFigures(db, auth, query);
    const fromIndicators = await timed(() => cadreFigures(db, auth, query), runs);
    // The scan the maintained counts replace: every living cadre, grouped by the city's child holding it.
    const scan = () =>
      sql`select o.path, c.category, count(*) as n from cadres c join orgs o on o.id = c.org_id
        where c.status = 'active' group by o.path, c.category`.execute(db);
    const direct = await timed(scan, Math.max(5, Math.floor(runs / 20)));
    const size = Number(
      (await sql<{ n: number }>`select count(*) as n from cadres where status = 'active'`.execute(db)).rows[0]
        ?.n,
    );
    if (figures.total !== size) throw new Error(`figures count ${figures.total}, the roster ${size}`);
    return [
      {
        benchmark: 'roster figures: org × category, whole city',
        result: `${fromIndicators.p50.toFixed(2)} ms p50`,
        target: '< 10 ms',
        note: `${size} living cadres, ${figures.cells.length} cells; p95 ${fromIndicators.p95.toFixed(2)} ms, CPU ${fromIndicators.cpu.toFixed(2)} ms per call; counting the roster directly ${direct.p50.toFixed(0)} ms p50 (CPU ${direct.cpu.toFixed(0)} ms); load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
      },
    ];
  } finally {
    await db.destroy();
  }
}

/** For bench/run.ts: its one line imports and calls this. */
export default indicatorsBenchmark;

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  console.table(await indicatorsBenchmark(log, process.argv[2]));
}
