// Load test of the web UI: starts the server in its own process on 127.0.0.1 (port chosen by the OS),
// drives it with autocannon for a bounded time per endpoint, then measures a cached page's latency while 20 heavy
// requests run, with heavy work on the main thread (HEAVY_THREADS=0, as before the pool) and in the worker-thread
// pool, in the same run. Prints tables and writes bench/http-results.json. Traffic goes to 127.0.0.1 only.
// BENCH_HTTP_ONLY=contention skips the autocannon cases; BENCH_HTTP_ONLY=ratio runs only the hello-world ratio.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 20);

/** Origins and destinations for the uncached cases: every pair is a different URL. */
const ORIGINS = ['xian', 'chongqing', 'almaty', 'urumqi', 'shanghai', 'tehran', 'baku', 'tashkent', 'ashgabat', 'astana'];
const DESTINATIONS = ['duisburg', 'budapest', 'istanbul', 'warsaw', 'constanta', 'rotterdam', 'vienna', 'ankara', 'kars', 'tbilisi'];
const EDITS = ['', '&close=lake-van-ferry', '&scenario=northern-closed', '&set=sarakhs-razi.capacityMtpa=15', '&open=marand-cheshmeh-soraya'];
const OBJECTIVES = ['&objective=days', '&objective=cost', '&objective=km', '&objective=co2'];

/** A path generator cycling through more distinct queries than the response cache holds (256), so each is computed. */
function varied(prefix: string, extras: string[]): () => string {
  const paths = ORIGINS.flatMap((o) => DESTINATIONS.flatMap((d) => extras.map((e) => `${prefix}?from=${o}&to=${d}${e}`)));
  let i = 0;
  return () => paths[i++ % paths.length] as string;
}

const CASES: { name: string; path: string; next?: () => string }[] = [
  { name: '/compare (HTML page)', path: '/compare?from=xian&to=duisburg' },
  { name: '/api/compare (JSON)', path: '/api/compare?from=xian&to=duisburg' },
  { name: '/api/compare with what-if', path: '/api/compare?from=xian&to=duisburg&scenario=southern-2030&close=lake-van-ferry' },
  { name: '/compare, 400 distinct', path: '/compare', next: varied('/compare', OBJECTIVES) },
  { name: '/api/compare, 400 distinct', path: '/api/compare', next: varied('/api/compare', OBJECTIVES) },
  { name: '/api/compare, 500 what-ifs', path: '/api/compare', next: varied('/api/compare', EDITS) },
];

/** Starts `corridors serve --port 0` (one process, no access log, plus `env`) and resolves with its base URL once it listens. */
function startServer(env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/corridors.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, WORKERS: '1', ACCESS_LOG: '0', ...env },
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20_000);
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    // An interrupted bench takes its server with it.
    const kill = () => child.kill('SIGTERM');
    process.once('exit', kill);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/** Starts an Express hello-world (one route, one string) in its own process, the baseline of the ratio below. */
function startHelloWorld(): Promise<{ url: string; stop: () => void }> {
  const code = `import express from 'express';
const app = express();
app.get('/', (_req, res) => { res.send('Hello World!'); });
const server = app.listen(0, '127.0.0.1', () => console.log('at http://127.0.0.1:' + server.address().port + '/'));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('hello-world did not start within 20 s')), 20_000);
    process.once('exit', () => child.kill('SIGTERM'));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`hello-world exited with ${code}`)));
  });
}

/** What the ratio section measured: each server's requests/s per round and the ratio of their medians. */
interface HelloWorldRatio {
  rounds: { helloWorld: number; compareDistinct: number }[];
  helloWorldMedian: number;
  compareDistinctMedian: number;
  /** Distinct /compare pages per second as a share of the hello-world's, from the medians. */
  ratio: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * Distinct /compare pages against an Express hello-world on the same machine in the same run (issue 14's
 * "light pages" target: at least 10 %). Both are one process (the server with WORKERS=1). The two are measured
 * in turn, round after round, so that a change in the machine's load hits both; the ratio is that of the medians.
 */
async function helloWorldRatio(): Promise<HelloWorldRatio> {
  const rounds = Number(process.env.BENCH_HTTP_RATIO_ROUNDS ?? 3);
  const seconds = Number(process.env.BENCH_HTTP_RATIO_SECONDS ?? 5);
  const server = await startServer();
  const hello = await startHelloWorld();
  const out: HelloWorldRatio['rounds'] = [];
  try {
    const next = varied('/compare', OBJECTIVES);
    const requests = [{ setupRequest: (req: { path: string }) => ({ ...req, path: next() }) }];
    await autocannon({ url: hello.url, connections: 2, duration: 1 } as autocannon.Options);
    await autocannon({ url: `${server.url}/compare`, connections: 2, duration: 1, requests } as autocannon.Options);
    for (let i = 0; i < rounds; i++) {
      const h = await autocannon({ url: hello.url, connections: CONNECTIONS, duration: seconds } as autocannon.Options);
      const c = await autocannon({ url: `${server.url}/compare`, connections: CONNECTIONS, duration: seconds, requests } as autocannon.Options);
      if (c.non2xx || c.errors) throw new Error(`distinct /compare: ${c.non2xx} non-2xx answers, ${c.errors} errors`);
      out.push({ helloWorld: Math.round(h.requests.average), compareDistinct: Math.round(c.requests.average) });
    }
  } finally {
    hello.stop();
    await server.stop();
  }
  const helloWorldMedian = median(out.map((r) => r.helloWorld));
  const compareDistinctMedian = median(out.map((r) => r.compareDistinct));
  return { rounds: out, helloWorldMedian, compareDistinctMedian, ratio: Math.round((compareDistinctMedian / helloWorldMedian) * 1000) / 1000 };
}

/** Heavy requests sent at once, and the cached page timed meanwhile. */
const HEAVY_REQUESTS = 20;
const HEAVY_PATH = '/compare?from=xian&to=duisburg&samples=20000&alternatives=10';
const CACHED_PATH = '/compare?from=xian&to=duisburg';
const CACHED_EVERY_MS = 50;
const REQUEST_TIMEOUT_MS = 120_000;

interface Contention {
  mode: string;
  cachedRequests: number;
  /** Cached-page requests that failed or timed out (timed all the same). */
  cachedFailed: number;
  cachedP50Ms: number;
  cachedP99Ms: number;
  cachedMaxMs: number;
  heavyStatuses: Record<string, number>;
  heavyWallS: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const ms = (x: number) => Math.round(x * 10) / 10;

/**
 * The cached page's latency while HEAVY_REQUESTS heavy requests (each with its own seed, so none is cached or
 * shared) run: the page is requested every CACHED_EVERY_MS on a new connection until every heavy one has answered.
 */
async function contention(mode: string, env: Record<string, string>): Promise<Contention> {
  const server = await startServer(env);
  try {
    // Each request is timed to its last byte; one that fails or takes over REQUEST_TIMEOUT_MS counts as status 0.
    const time = async (path: string) => {
      const start = process.hrtime.bigint();
      try {
        const res = await fetch(server.url + path, { headers: { Connection: 'close' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer();
        return { status: res.status, ms: Number(process.hrtime.bigint() - start) / 1e6 };
      } catch {
        return { status: 0, ms: Number(process.hrtime.bigint() - start) / 1e6 };
      }
    };
    // Warm-up: the cached page, and one heavy request (route indexes, JIT; in each pool thread it lands on).
    await time(CACHED_PATH);
    await Promise.all([time(`${HEAVY_PATH}&seed=100000`), time(`${HEAVY_PATH}&seed=100001`)]);
    const start = process.hrtime.bigint();
    let pending = HEAVY_REQUESTS;
    const statuses: Record<string, number> = {};
    const heavy = Array.from({ length: HEAVY_REQUESTS }, (_, i) =>
      time(`${HEAVY_PATH}&seed=${i + 1}`).then((r) => {
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        pending--;
      }),
    );
    // Open loop: a new request for the cached page every CACHED_EVERY_MS, as users arriving at random times would
    // send, each timed from sending to its last byte.
    const cached: Promise<{ status: number; ms: number }>[] = [];
    const deadline = Date.now() + 180_000;
    while (pending > 0 && Date.now() < deadline) {
      cached.push(time(CACHED_PATH));
      await new Promise((resolve) => setTimeout(resolve, CACHED_EVERY_MS));
    }
    await Promise.all(heavy);
    const answers = await Promise.all(cached);
    const latencies = answers.map((r) => r.ms);
    const cachedFailed = answers.filter((r) => r.status !== 200).length;
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      mode,
      cachedRequests: latencies.length,
      cachedFailed,
      cachedP50Ms: ms(percentile(sorted, 50)),
      cachedP99Ms: ms(percentile(sorted, 99)),
      cachedMaxMs: ms(sorted[sorted.length - 1] ?? Number.NaN),
      heavyStatuses: statuses,
      heavyWallS: Math.round(wall * 100) / 100,
    };
  } finally {
    await server.stop();
  }
}

interface Row {
  case: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  throughputMBps: number;
}

async function main(): Promise<void> {
  const only = process.env.BENCH_HTTP_ONLY ?? '';
  const rows: Row[] = [];
  if (only === '') {
    const server = await startServer();
    try {
      for (const c of CASES) {
        const url = server.url + c.path;
        const next = c.next;
        const requests = next ? [{ setupRequest: (req: { path: string }) => ({ ...req, path: next() }) }] : undefined;
        // Warm-up: fills the routing-index and map caches (for the distinct cases, only the first pairs).
        await autocannon({ url, connections: 2, duration: 1, ...(requests ? { requests } : {}) } as autocannon.Options);
        const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...(requests ? { requests } : {}) } as autocannon.Options);
        rows.push({
          case: c.name,
          requestsPerSecond: Math.round(r.requests.average),
          latencyP50Ms: r.latency.p50,
          latencyP99Ms: r.latency.p99,
          requests: r.requests.total,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
          throughputMBps: Math.round((r.throughput.average / 2 ** 20) * 10) / 10,
        });
      }
    } finally {
      await server.stop();
    }
    const header = `${'case'.padEnd(30)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}${'MB/s'.padStart(7)}`;
    console.log(header);
    console.log('-'.repeat(header.length));
    for (const r of rows) {
      console.log(`${r.case.padEnd(30)}${String(r.requestsPerSecond).padStart(8)}${String(r.latencyP50Ms).padStart(9)}${String(r.latencyP99Ms).padStart(9)}${String(r.requests).padStart(10)}${String(r.errors).padStart(8)}${String(r.non2xx).padStart(9)}${String(r.throughputMBps).padStart(7)}`);
    }
    console.log('');
  }

  // Before and after, in the same run: heavy work on the main thread, then in the worker-thread pool.
  let before: Contention | null = null;
  let after: Contention | null = null;
  let ratio: { p50: number; p99: number } | null = null;
  if (only === '' || only === 'contention') {
    before = await contention('heavy work on the main thread (HEAVY_THREADS=0)', { HEAVY_THREADS: '0' });
    after = await contention('heavy work in the worker-thread pool (default)', {});
    ratio = { p50: Math.round((before.cachedP50Ms / after.cachedP50Ms) * 10) / 10, p99: Math.round((before.cachedP99Ms / after.cachedP99Ms) * 10) / 10 };
    console.log(`Cached page (${CACHED_PATH}) while ${HEAVY_REQUESTS} heavy requests (${HEAVY_PATH}&seed=1..${HEAVY_REQUESTS}) run:`);
    const head = `${'mode'.padEnd(50)}${'cached n'.padStart(9)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}${'heavy s'.padStart(9)}  heavy statuses`;
    console.log(head);
    console.log('-'.repeat(head.length));
    for (const c of [before, after]) {
      console.log(`${c.mode.padEnd(50)}${String(c.cachedRequests).padStart(9)}${String(c.cachedP50Ms).padStart(10)}${String(c.cachedP99Ms).padStart(10)}${String(c.cachedMaxMs).padStart(10)}${String(c.heavyWallS).padStart(9)}  ${JSON.stringify(c.heavyStatuses)}${c.cachedFailed ? `, ${c.cachedFailed} cached failed` : ''}`);
    }
    console.log(`Ratio before/after: p50 ${ratio.p50}×, p99 ${ratio.p99}×`);
  }

  // Distinct pages against a hello-world, its own section with its own server.
  let helloRatio: HelloWorldRatio | null = null;
  if (only === '' || only === 'ratio') {
    helloRatio = await helloWorldRatio();
    console.log('');
    console.log('Distinct /compare pages against an Express hello-world (same machine, same run, measured in turn):');
    helloRatio.rounds.forEach((r, i) => console.log(`  round ${i + 1}: hello-world ${r.helloWorld} req/s, distinct /compare ${r.compareDistinct} req/s (${((r.compareDistinct / r.helloWorld) * 100).toFixed(1)} %)`));
    console.log(`  ratio of the medians: ${(helloRatio.ratio * 100).toFixed(1)} % (${helloRatio.compareDistinctMedian} / ${helloRatio.helloWorldMedian} req/s)`);
  }

  const cpus = os.cpus();
  const machine = { cpu: cpus[0]?.model ?? 'unknown', cpus: cpus.length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const method = `One server process (corridors serve, WORKERS=1) and the load in this process, both on this machine (${cpus.length} cores shared); traffic to 127.0.0.1 only. Throughput cases: autocannon, ${CONNECTIONS} connections for ${DURATION_S} s per case after a 1 s warm-up; the first three cases repeat one URL (answered from the response cache after the first request); the distinct cases cycle through 400 pair-and-objective or 500 pair-and-edit combinations, more than the cache holds, so every request is computed. Contention: after a warm-up, ${HEAVY_REQUESTS} heavy requests with distinct seeds are sent at once and the cached page is requested every ${CACHED_EVERY_MS} ms (open loop, a new connection each) until all have answered, each timed to its last byte; first with HEAVY_THREADS=0 (heavy work on the main thread, as before the pool), then with the default pool (one thread per core).`;
  console.log(`Machine: ${machine.cpu}, ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node}`);
  console.log(`Method: ${method}`);
  // A partial run prints its figures only, so that the results file always holds one whole run.
  if (only !== '') return;
  writeFileSync(new URL('./http-results.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, method, results: rows, contention: { heavyPath: HEAVY_PATH, cachedPath: CACHED_PATH, heavyRequests: HEAVY_REQUESTS, before, after, ratio }, helloWorldRatio: helloRatio }, null, 2)}\n`);
  console.log('Wrote bench/http-results.json');
}

await main();
