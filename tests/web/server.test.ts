// The server's fairness and life: heavy requests wait in a pool while cheap and cached ones are answered, a full
// queue answers 503 with Retry-After, cache keys are canonical, health checks and access logs, draining on SIGTERM,
// and one line for a busy port. Heavy requests are held in flight by a gate, not by timing.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createApp, loadShippedScenarios, type AppOptions } from '../../src/web/app.ts';
import { createAnswers } from '../../src/web/answers.ts';
import { createHeavyPool, inlineRunner, QueueFullError, type HeavyRunner, type HeavyTask } from '../../src/web/heavy-pool.ts';
import { createRenderer } from '../../src/web/render.ts';
import { startServer } from '../../src/web/server.ts';
import { createModel } from '../../src/core/index.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../../src/core/load.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const model = createModel(loadNetworkFile(), loadEmissionFactorsFile());
const scenarios = loadShippedScenarios(model);
const inline = inlineRunner(createAnswers({ model, scenarios, render: createRenderer() }));

/** A runner that records each heavy task and holds it until `release()`. */
function gated(): { runner: HeavyRunner; calls: HeavyTask[]; release: () => void } {
  const calls: HeavyTask[] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const runner: HeavyRunner = {
    threads: 1,
    run: async (task) => {
      calls.push(task);
      await gate;
      return inline.run(task);
    },
    close: async () => {},
  };
  return { runner, calls, release };
}

/** Starts an app on a free port and returns its base URL and a closer. */
async function listen(options: Partial<AppOptions>): Promise<{ base: string; close: () => Promise<void> }> {
  const app = createApp({ model, scenarios, ...options });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const get = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
};

/** A promise with a flag saying whether it has settled. */
function tracked<T>(p: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let done = false;
  const promise = p.finally(() => (done = true));
  return { promise, settled: () => done };
}

describe('heavy requests off the main thread', () => {
  it('cached and cheap requests are answered while heavy ones wait in the pool', async () => {
    const { runner, calls, release } = gated();
    const { base, close } = await listen({ heavy: runner });
    try {
      expect((await get(`${base}/compare?from=xian&to=duisburg`)).status).toBe(200); // cheap: answered here, and cached
      const heavy = [1, 2, 3].map((seed) => tracked(get(`${base}/compare?from=xian&to=duisburg&samples=1000&alternatives=2&seed=${seed}`)));
      const analysis = tracked(get(`${base}/api/pareto?from=xian&to=duisburg`));
      await vi.waitFor(() => expect(calls.length).toBe(4));
      expect((await get(`${base}/compare?from=xian&to=duisburg`)).status).toBe(200); // cached
      expect((await get(`${base}/api/route?from=chongqing&to=budapest`)).status).toBe(200); // cheap, not cached
      expect((await get(`${base}/healthz`)).status).toBe(200);
      expect((await get(`${base}/compare?from=nowhere&to=duisburg&samples=20000`)).status).toBe(400); // bad input stays cheap
      expect([...heavy, analysis].some((h) => h.settled())).toBe(false);
      release();
      expect((await Promise.all([...heavy, analysis].map((h) => h.promise))).map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(calls.map((c) => c.endpoint)).toEqual(['compare', 'compare', 'compare', 'api/pareto']);
    } finally {
      release();
      await close();
    }
  });

  it('a full queue answers 503 with Retry-After (JSON for the API, the form for pages), and is not cached', async () => {
    let full = true;
    const runner: HeavyRunner = { threads: 1, run: async (task) => (full ? Promise.reject(new QueueFullError(7)) : inline.run(task)), close: async () => {} };
    const { base, close } = await listen({ heavy: runner });
    try {
      const api = await get(`${base}/api/compare?from=xian&to=duisburg&samples=500`);
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('7');
      expect(JSON.parse(api.text).error.message).toContain('try again in 7 s');
      const page = await get(`${base}/compare?from=xian&to=duisburg&samples=500`);
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('7');
      expect(page.text).toContain('name="samples"');
      full = false;
      expect((await get(`${base}/api/compare?from=xian&to=duisburg&samples=500`)).status).toBe(200);
    } finally {
      await close();
    }
  });

  it('the same query with spaces, or with a name for an id, is served from the cache', async () => {
    const calls: HeavyTask[] = [];
    const runner: HeavyRunner = { threads: 1, run: (task) => (calls.push(task), inline.run(task)), close: async () => {} };
    const { base, close } = await listen({ heavy: runner });
    try {
      const first = await get(`${base}/api/compare?from=xian&to=duisburg&samples=500`);
      const spaced = await get(`${base}/api/compare?from=%20xian%20&to=duisburg%20&samples=%20500%20`);
      const named = await get(`${base}/api/compare?from=Xi%27an&to=DUISBURG&samples=500&objective=%20days`);
      expect([first.status, spaced.status, named.status]).toEqual([200, 200, 200]);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.values.from).toBe('xian');
      expect(spaced.text).toBe(first.text);
      expect(named.text).toBe(first.text);
    } finally {
      await close();
    }
  });

  it('/compare.csv and /api/compare.geojson compute only what they output (no samples, no alternatives)', async () => {
    const calls: HeavyTask[] = [];
    const runner: HeavyRunner = { threads: 1, run: (task) => (calls.push(task), inline.run(task)), close: async () => {} };
    const { base, close } = await listen({ heavy: runner });
    try {
      for (const path of ['/compare.csv', '/api/compare.geojson']) {
        const plain = await get(`${base}${path}?from=xian&to=duisburg`);
        const asked = await get(`${base}${path}?from=xian&to=duisburg&samples=20000&alternatives=10`);
        expect(asked.status).toBe(200);
        expect(asked.text).toBe(plain.text);
      }
      expect(calls).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the worker-thread pool', () => {
  let pool: HeavyRunner;
  beforeAll(() => {
    pool = createHeavyPool(model, scenarios, { threads: 1, maxQueue: 0 });
  });
  afterAll(() => pool.close());

  it('answers exactly as the main thread does, and refuses what its queue cannot hold', async () => {
    const pooled = await listen({ heavy: pool });
    const plain = await listen({});
    try {
      for (const path of ['/api/compare?from=xian&to=duisburg&samples=500&alternatives=2', '/api/pareto?from=xian&to=duisburg', '/timeline?from=xian&to=duisburg&years=2025-2027']) {
        const a = await get(pooled.base + path);
        const b = await get(plain.base + path);
        expect(a.status).toBe(200);
        expect(a.text).toBe(b.text);
      }
      // While a heavy request runs in the pool's thread, a cached page is answered on the main thread.
      await get(`${pooled.base}/compare?from=xian&to=duisburg`);
      const running = tracked(get(`${pooled.base}/api/compare?from=xian&to=duisburg&samples=20000&alternatives=10&seed=9`));
      expect((await get(`${pooled.base}/compare?from=xian&to=duisburg`)).status).toBe(200);
      expect(running.settled()).toBe(false);
      expect((await running.promise).status).toBe(200);
      // One thread and no queue: of three heavy requests sent together, the first runs and the others are told to retry.
      const answers = await Promise.all([1, 2, 3].map((seed) => get(`${pooled.base}/api/compare?from=xian&to=duisburg&samples=20000&alternatives=10&seed=${seed}`)));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect(statuses).toContain(503);
      expect(answers.find((r) => r.status === 503)?.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await pooled.close();
      await plain.close();
    }
  });
});

describe('health, readiness and access logs', () => {
  it('/healthz is 200; /readyz is 200 until the server drains, then 503', async () => {
    let ready = true;
    const { base, close } = await listen({ ready: () => ready });
    try {
      expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, text: '{"status":"ok"}' });
      expect(JSON.parse((await get(`${base}/readyz`)).text)).toEqual({ status: 'ready', network: `eurasia ${model.network.version}` });
      ready = false;
      expect((await get(`${base}/readyz`)).status).toBe(503);
    } finally {
      await close();
    }
  });

  it('each request is one JSON line with its id, method, path, status and duration; the id is sent back', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter((l) => l !== ''));
        done();
      },
    });
    const { base, close } = await listen({ accessLog: stream });
    try {
      const given = await get(`${base}/compare?from=xian&to=duisburg`, { headers: { 'X-Request-Id': 'trace-42' } });
      const made = await get(`${base}/nowhere`);
      expect(given.headers.get('x-request-id')).toBe('trace-42');
      await vi.waitFor(() => expect(lines).toHaveLength(2));
      const [a, b] = lines.map((l) => JSON.parse(l));
      expect(a).toMatchObject({ requestId: 'trace-42', method: 'GET', path: '/compare', status: 200, msg: 'request' });
      expect(typeof a.durationMs).toBe('number');
      expect(b).toMatchObject({ method: 'GET', path: '/nowhere', status: 404 });
      expect(b.requestId).toBe(made.headers.get('x-request-id'));
      expect(b.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await close();
    }
  });
});

describe('process life', () => {
  const options = { port: 0, host: '127.0.0.1', workers: 1, threads: 0, maxQueue: 0, accessLog: false };

  it('stop() refuses new connections, lets the request in flight finish, then resolves', async () => {
    const { runner, calls, release } = gated();
    const running = await startServer(model, options, { heavy: runner });
    const base = `http://127.0.0.1:${running.port}`;
    const heavy = tracked(get(`${base}/api/compare?from=xian&to=duisburg&samples=500`, { headers: { Connection: 'close' } }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    const stopped = tracked(running.stop());
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(stopped.settled()).toBe(false);
    release();
    expect((await heavy.promise).status).toBe(200);
    await stopped.promise;
  });

  /** Starts `corridors serve` in its own process and resolves with its URL once it listens. */
  function serveProcess(args: string[] = [], workers = 1) {
    const child = spawn(process.execPath, ['bin/corridors.js', 'serve', '--port', '0', ...args], {
      cwd: ROOT,
      env: { ...process.env, WORKERS: String(workers), ACCESS_LOG: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const stdout = () => out;
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    });
    url.catch(() => undefined); // a serve that is meant to fail is awaited through `exited`
    return { child, url, exited, stderr: () => err, stdout };
  }

  it('SIGTERM during a request: the request completes with 200 and the server exits 0; a second serve on the port exits 1 with one line', async () => {
    const server = serveProcess();
    const url = await server.url;
    expect((await get(`${url}/healthz`)).status).toBe(200);

    const port = new URL(url).port;
    const second = serveProcess(['--port', port]); // the flag given last wins
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(`corridors: port ${port} is in use; set PORT or --port\n`);

    // One kept-alive connection, which the server has accepted (it answered /healthz on it), carries the heavy
    // request, so the request is in flight when the signal comes however slowly a loaded machine accepts connections.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const onConnection = (path: string) =>
      new Promise<number>((resolve, reject) => {
        http.get(`${url}${path}`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }).on('error', reject);
      });
    expect(await onConnection('/healthz')).toBe(200);
    const heavy = onConnection('/compare?from=xian&to=duisburg&samples=20000&alternatives=10');
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGTERM');
    expect(await heavy).toBe(200);
    agent.destroy();
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('');
  }, 60_000);

  it('WORKERS=2: two processes share the port and one line says so; a second cluster on the port exits 1 with one line; SIGTERM stops both, exit 0', async () => {
    const server = serveProcess([], 2);
    const url = await server.url;
    expect(server.stdout()).toMatch(/^corridors: serving .* at http:\/\/127\.0\.0\.1:\d+\/ \(2 processes\)\n$/);
    expect((await get(`${url}/readyz`)).status).toBe(200);
    const port = new URL(url).port;
    const second = serveProcess(['--port', port], 2);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toBe(`corridors: port ${port} is in use; set PORT or --port\n`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr()).toBe('');
  }, 60_000);
});
