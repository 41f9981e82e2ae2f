// Load test of the web UI: starts the server in its own process on 127.0.0.1 (port chosen by the OS),
// drives it with autocannon for a bounded time per endpoint, prints a table and writes bench/http-results.json.
// Traffic goes to 127.0.0.1 only.
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

/** Starts `corridors serve --port 0` and resolves with its base URL once it listens. */
function startServer(): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/corridors.js', 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start within 20 s')), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => child.kill('SIGTERM') });
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
 * "light pages" target: at least 10 %). The two servers are measured in turn, round after round, so that
 * a change in the machine's load hits both; the ratio is that of the two medians.
 */
async function helloWorldRatio(compareUrl: string): Promise<HelloWorldRatio> {
  const rounds = Number(process.env.BENCH_HTTP_RATIO_ROUNDS ?? 3);
  const seconds = Number(process.env.BENCH_HTTP_RATIO_SECONDS ?? 5);
  const hello = await startHelloWorld();
  const out: HelloWorldRatio['rounds'] = [];
  try {
    const next = varied('/compare', OBJECTIVES);
    const requests = [{ setupRequest: (req: { path: string }) => ({ ...req, path: next() }) }];
    await autocannon({ url: hello.url, connections: 2, duration: 1 } as autocannon.Options);
    await autocannon({ url: `${compareUrl}/compare`, connections: 2, duration: 1, requests } as autocannon.Options);
    for (let i = 0; i < rounds; i++) {
      const h = await autocannon({ url: hello.url, connections: CONNECTIONS, duration: seconds } as autocannon.Options);
      const c = await autocannon({ url: `${compareUrl}/compare`, connections: CONNECTIONS, duration: seconds, requests } as autocannon.Options);
      if (c.non2xx || c.errors) throw new Error(`distinct /compare: ${c.non2xx} non-2xx answers, ${c.errors} errors`);
      out.push({ helloWorld: Math.round(h.requests.average), compareDistinct: Math.round(c.requests.average) });
    }
  } finally {
    hello.stop();
  }
  const helloWorldMedian = median(out.map((r) => r.helloWorld));
  const compareDistinctMedian = median(out.map((r) => r.compareDistinct));
  return { rounds: out, helloWorldMedian, compareDistinctMedian, ratio: Math.round((compareDistinctMedian / helloWorldMedian) * 1000) / 1000 };
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
  const server = await startServer();
  const rows: Row[] = [];
  let ratio: HelloWorldRatio | null = null;
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
    ratio = await helloWorldRatio(server.url);
  } finally {
    server.stop();
  }
  const header = `${'case'.padEnd(30)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'requests'.padStart(10)}${'errors'.padStart(8)}${'non-2xx'.padStart(9)}${'MB/s'.padStart(7)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const r of rows) {
    console.log(`${r.case.padEnd(30)}${String(r.requestsPerSecond).padStart(8)}${String(r.latencyP50Ms).padStart(9)}${String(r.latencyP99Ms).padStart(9)}${String(r.requests).padStart(10)}${String(r.errors).padStart(8)}${String(r.non2xx).padStart(9)}${String(r.throughputMBps).padStart(7)}`);
  }
  const cpus = os.cpus();
  const machine = { cpu: cpus[0]?.model ?? 'unknown', cpus: cpus.length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  const method = `One server process (corridors serve) and autocannon in this process, both on this machine (2 cores shared); ${CONNECTIONS} connections for ${DURATION_S} s per case after a 1 s warm-up; traffic to 127.0.0.1 only. The first three cases repeat one URL (answered from the response cache after the first request); the distinct cases cycle through 400 pair-and-objective or 500 pair-and-edit combinations, more than the cache holds, so every request is computed.`;
  if (ratio) {
    console.log('');
    console.log('Distinct /compare pages against an Express hello-world (same machine, same run, measured in turn):');
    ratio.rounds.forEach((r, i) => console.log(`  round ${i + 1}: hello-world ${r.helloWorld} req/s, distinct /compare ${r.compareDistinct} req/s (${((r.compareDistinct / r.helloWorld) * 100).toFixed(1)} %)`));
    console.log(`  ratio of the medians: ${(ratio.ratio * 100).toFixed(1)} % (${ratio.compareDistinctMedian} / ${ratio.helloWorldMedian} req/s)`);
  }
  console.log(`Machine: ${machine.cpu}, ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node}`);
  console.log(`Method: ${method}`);
  writeFileSync(new URL('./http-results.json', import.meta.url), `${JSON.stringify({ date: new Date().toISOString(), machine, method, results: rows, helloWorldRatio: ratio }, null, 2)}\n`);
  console.log('Wrote bench/http-results.json');
}

await main();
