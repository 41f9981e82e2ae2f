// Hostile-input fuzz of the web UI: starts `corridors serve` on 127.0.0.1 (port chosen by the OS) and sends a
// bounded number of seeded random requests (extreme and malformed numbers, deep and broken JSON edits, long and
// odd strings, repeated and nested parameters, bad percent-encoding, other methods), then prints the status counts
// and every 5xx. Exit 1 when any request got a 500 or no answer. Traffic goes to 127.0.0.1 only.
// FUZZ_REQUESTS (default 3000), FUZZ_SEED (default 1), FUZZ_CONCURRENCY (default 8).
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/core/analysis/random.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);

const rand = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;

const PATHS = ['/', '/compare', '/compare.csv', '/api/compare', '/api/compare.geojson', '/api/route', '/pareto', '/api/pareto', '/capacity', '/api/capacity', '/timeline', '/api/timeline', '/network', '/nodes/xian', '/edges/lake-van-ferry', '/sources', '/scenarios', '/method', '/api/network', '/api/openapi.json', '/healthz', '/readyz'];
const ODD_PATHS = ['/nodes/%00', '/edges/..%2f..%2fetc%2fpasswd', '/static/../package.json', '//compare', '/compare/', '/api/', '/api/compare%00', '/nodes/' + 'x'.repeat(3000), '/%E0%A4%A', '/%', '/static/corridors.css', '/static/%2e%2e/%2e%2e/README.md', '/COMPARE', '/api/route.json'];
const PARAMS = ['from', 'to', 'objective', 'year', 'cargoMtpa', 'scenario', 'avoid', 'close', 'open', 'set', 'tonnesPerFeu', 'corridor', 'alternatives', 'samples', 'seed', 'within', 'criteria', 'years', 'mode', 'status', 'basis'];
const IDS = ['xian', 'duisburg', 'brest', 'xian-baoji', 'lake-van-ferry', 'baku', 'northern', 'middle', 'sarakhs-razi', 'tripp', 'chongqing', 'istanbul', "Xi'an", ' xian ', 'XIAN', 'dusiburg', 'nowhere'];
const FIELDS = ['dwellDays', 'transitDays', 'distanceKm', 'capacityMtpa', 'costUsdPerFeu', 'dwellCostUsdPerFeu', 'traction', 'speed', '__proto__'];
const NUMBERS = ['0', '-0', '-1', '1', '1.5', '365', '366', '25001', '1e6', '1e15', '1e308', '1e309', '-1e309', '1e-400', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000', '9'.repeat(400), '0.' + '0'.repeat(400) + '1', ' 5 ', '5e', '.', '-', '+1'];
const STRINGS = ['', ' ', '%00', '\u202e', '\ud83d\ude80', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{constructor}}', '__proto__', 'constructor', 'x'.repeat(199), 'x'.repeat(201), 'x'.repeat(5000), '../../etc/passwd', 'null', 'true', '[]', '{}', 'a,b,,c', 'RU,BY', 'ru', 'days,cost,co2', 'days', 'speed', '2025-2032', '2032-2025', '1900-2100', 'southern-2030', 'none'];

/** A JSON range with random parts, sometimes broken or deeply nested. */
function jsonValue(): string {
  const n = () => pick(NUMBERS);
  switch (Math.floor(rand() * 6)) {
    case 0:
      return `{"typical":${n()},"min":${n()},"max":${n()}}`;
    case 1:
      return `{"typical":${'['.repeat(50)}1${']'.repeat(50)},"min":0,"max":1}`;
    case 2:
      return `{"typical":1,"min":0`;
    case 3:
      return `{"__proto__":{"typical":1},"min":0,"max":2}`;
    case 4:
      return `{"typical":"1","min":0,"max":2}`;
    default:
      return pick(['electric', 'diesel', 'null', n()]);
  }
}

function value(param: string): string {
  if (param === 'set') return chance(0.8) ? `${pick(IDS)}.${pick(FIELDS)}=${chance(0.5) ? jsonValue() : pick(NUMBERS)}` : pick(STRINGS);
  if (['from', 'to', 'close', 'open', 'corridor', 'scenario'].includes(param) && chance(0.6)) return pick(IDS);
  if (['year', 'cargoMtpa', 'tonnesPerFeu', 'alternatives', 'samples', 'seed', 'within'].includes(param) && chance(0.7)) return pick(NUMBERS);
  return pick(STRINGS);
}

/** A random hostile request: method and raw path with query. */
function randomRequest(): { method: string; path: string } {
  const method = chance(0.9) ? 'GET' : pick(['HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);
  const path = chance(0.9) ? pick(PATHS) : pick(ODD_PATHS);
  const parts: string[] = [];
  if (chance(0.8)) parts.push(`from=${encodeURIComponent(pick(IDS))}`, `to=${encodeURIComponent(pick(IDS))}`);
  const count = Math.floor(rand() * 6);
  for (let i = 0; i < count; i++) {
    const p = pick(PARAMS);
    const v = encodeURIComponent(value(p));
    const shape = rand();
    if (shape < 0.8) parts.push(`${p}=${v}`);
    else if (shape < 0.87) parts.push(`${p}[]=${v}`, `${p}[]=${v}`);
    else if (shape < 0.92) parts.push(`${p}[a][b]=${v}`);
    else if (shape < 0.96) for (let j = 0; j < 60; j++) parts.push(`${p}=${v}`);
    else parts.push(`${p}=%E0%A4%A`, `${p}=%`);
  }
  if (chance(0.05)) parts.push(`samples=20000`, `alternatives=10`, `seed=${Math.floor(rand() * 1e6)}`);
  return { method, path: parts.length ? `${path}?${parts.join('&')}` : path };
}

/** Starts `corridors serve --port 0` and resolves with its port once it listens. */
function startServer(): Promise<{ port: number; stop: () => Promise<number | null>; stderr: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/corridors.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WORKERS: '1', ACCESS_LOG: '0' },
    });
    let out = '';
    let err = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m?.[1]) resolve({ port: Number(m[1]), stop: () => (child.kill('SIGTERM'), exited), stderr: () => err });
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
}

/** Node's limit on a request's headers, request line included (--max-http-header-size, 16 KiB). */
const MAX_HEADER_BYTES = 16 * 1024;

function send(port: number, r: { method: string; path: string }): Promise<{ status: number; retryAfter: string | undefined; error?: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: r.method, path: r.path, timeout: 60_000, headers: { Connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, retryAfter: undefined, error: e.code ?? e.message }));
    req.end();
  });
}

async function main(): Promise<void> {
  const server = await startServer();
  const counts = new Map<string, number>();
  const bad: string[] = [];
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < REQUESTS) {
      next++;
      const r = randomRequest();
      const { status, retryAfter, error } = await send(server.port, r);
      // Node itself refuses a request line past its header limit (431) and may reset the socket while the client
      // still writes: that is the HTTP parser's limit at work, not an answer of ours.
      const oversized = status === 0 && r.path.length > MAX_HEADER_BYTES;
      const key = status === 503 && retryAfter ? '503 (busy, Retry-After)' : oversized ? `reset: URL over 16 KiB (${error})` : status === 0 ? `no answer (${error})` : String(status);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if ((status === 0 && !oversized) || (status >= 500 && !(status === 503 && retryAfter))) bad.push(`${status} ${error ?? ''} ${r.method} ${r.path.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started) / 1000;
  const code = await server.stop();
  console.log(`${REQUESTS} requests (seed ${SEED}, ${CONCURRENCY} at a time) in ${seconds.toFixed(1)} s; server exited ${code}`);
  for (const [status, n] of [...counts].sort()) console.log(`  ${status.padEnd(24)} ${n}`);
  if (server.stderr()) console.log(`server stderr:\n${server.stderr()}`);
  if (bad.length) {
    console.log(`${bad.length} requests got a 5xx or no answer:`);
    for (const b of bad.slice(0, 50)) console.log(`  ${b}`);
  } else console.log('no 5xx (other than 503 with Retry-After) and no dropped request');
  process.exitCode = bad.length || code !== 0 ? 1 : 0;
}

await main();
