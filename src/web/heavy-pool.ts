// Heavy requests off the event loop: a pool of worker threads (piscina) answers them with a bounded queue, so the
// main thread stays free for cheap and cached requests. With no threads the same answers run on the main thread
// (how the server ran before; npm run bench:http compares the two).
import { Piscina } from 'piscina';
import type { Model, Scenario } from '../core/index.ts';
import type { Answers, Endpoint } from './answers.ts';
import type { FormValues } from './params.ts';
import type { CachedResponse } from './response-cache.ts';

/** One heavy request: the endpoint and its canonical form values. */
export interface HeavyTask {
  endpoint: Endpoint;
  values: FormValues;
}

/** What the worker threads start from: the base model's data and the shipped scenarios (structured-cloned once). */
export interface HeavyWorkerData {
  network: Model['network'];
  factors: Model['factors'];
  closedEdges: [string, string][];
  closedNodes: [string, string][];
  scenarios: [string, Scenario][];
}

/** The queue is full: answer 503 and ask the client to come back after `retryAfterS` seconds. */
export class QueueFullError extends Error {
  readonly retryAfterS: number;
  constructor(retryAfterS: number) {
    super(`heavy-request queue is full; retry after ${retryAfterS} s`);
    this.name = 'QueueFullError';
    this.retryAfterS = retryAfterS;
  }
}

/** Runs heavy requests: in worker threads, or inline. */
export interface HeavyRunner {
  /** Worker threads (0 when inline). */
  readonly threads: number;
  /** @throws QueueFullError (rejects) when `threads + maxQueue` requests are already running or waiting. */
  run(task: HeavyTask): Promise<CachedResponse>;
  /** Stops the threads; called once the server has drained, so no request waits for them any more. */
  close(): Promise<void>;
}

/** Heavy requests answered on the main thread, one after another (no pool). */
export function inlineRunner(answers: Answers): HeavyRunner {
  return {
    threads: 0,
    run: async (task) => answers.answer(task.endpoint, task.values),
    close: async () => {},
  };
}

/** Size of the pool. */
export interface PoolOptions {
  /** Worker threads, at least 1. */
  threads: number;
  /** Requests that may wait for a thread; one more is answered 503. */
  maxQueue: number;
}

/**
 * The module the threads run. Built (dist/web/heavy-pool.js), it is the compiled task beside this module; from the
 * TypeScript sources (tsx, vitest), a small JavaScript entry registers tsx in the thread first.
 */
const WORKER_FILE = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.js' : './heavy-worker.js', import.meta.url).href;

/** Longest Retry-After, seconds. */
const MAX_RETRY_S = 60;

/** Starts a pool of worker threads that answer heavy requests for a model. */
export function createHeavyPool(model: Model, scenarios: ReadonlyMap<string, Scenario>, options: PoolOptions): HeavyRunner {
  const threads = Math.max(1, Math.floor(options.threads));
  const maxQueue = Math.max(0, Math.floor(options.maxQueue));
  const workerData: HeavyWorkerData = {
    network: model.network,
    factors: model.factors,
    closedEdges: [...model.closedEdges],
    closedNodes: [...model.closedNodes],
    scenarios: [...scenarios],
  };
  const pool = new Piscina<HeavyTask, CachedResponse>({
    filename: WORKER_FILE,
    name: 'answerTask',
    minThreads: threads,
    maxThreads: threads,
    // The bound is kept here (pending below), not by piscina, which would also refuse tasks that only wait for a
    // thread that is still starting.
    idleTimeout: 60_000,
    workerData,
  });
  // A thread that fails to start rejects its task (answered 500 and logged); the pool's own error event must not crash the process.
  pool.on('error', (err: unknown) => console.error(`corridors web: worker thread: ${err instanceof Error ? err.message : String(err)}`));
  let pending = 0;
  /** Mean seconds per request, smoothed, for Retry-After. */
  let meanS = 1;
  return {
    threads,
    async run(task) {
      if (pending >= threads + maxQueue) throw new QueueFullError(Math.min(MAX_RETRY_S, Math.max(1, Math.ceil((meanS * pending) / threads))));
      pending++;
      const start = process.hrtime.bigint();
      try {
        return await pool.run(task);
      } finally {
        pending--;
        meanS = 0.8 * meanS + 0.2 * (Number(process.hrtime.bigint() - start) / 1e9);
      }
    },
    close: () => pool.destroy(),
  };
}
