// The web entry point, the only module that listens. One process serves with a pool of worker threads for heavy
// requests; with several workers it is a node:cluster primary that forks one process per worker and watches them.
// SIGTERM and SIGINT stop new connections, let in-flight requests finish (up to DRAIN_MS), then the process ends.
import cluster, { type Worker } from 'node:cluster';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Model } from '../core/index.ts';
import type { Io } from '../core/io.ts';
import { createApp, loadShippedScenarios } from './app.ts';
import { createHeavyPool, type HeavyRunner } from './heavy-pool.ts';

/** Longest wait for in-flight requests after SIGTERM or SIGINT, ms. */
export const DRAIN_MS = 10_000;

/** How to serve. */
export interface ServeOptions {
  port: number;
  host: string;
  /** Processes; 1 serves from this process, more run a node:cluster primary with that many workers. */
  workers: number;
  /** Worker threads per process for heavy requests; 0 answers them on the main thread. */
  threads: number;
  /** Heavy requests that may wait for a thread, per process; one more is answered 503. */
  maxQueue: number;
  /** JSON access-log lines on stdout. */
  accessLog: boolean;
  /** Longest drain at shutdown, ms (default DRAIN_MS). */
  drainMs?: number;
}

/** Listening failed in a way the user can fix (port in use, address not on this machine); the message is one line. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenError';
  }
}

function listenError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  switch (err.code) {
    case 'EADDRINUSE':
      return new ListenError(`port ${port} is in use; set PORT or --port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ListenError(`address ${host} is not available on this machine; set HOST or --host`);
    case 'EACCES':
      return new ListenError(`no permission to listen on port ${port}; choose a port above 1023 with PORT or --port`);
    default:
      return err;
  }
}

/** A server that listens, and how to stop it. */
export interface RunningServer {
  server: Server;
  port: number;
  /** Stops accepting connections, waits for in-flight requests (closing the rest after the drain time), stops the threads. */
  stop(): Promise<void>;
}

/**
 * Starts the web UI in this process and resolves once it listens. `hooks.heavy` replaces the worker-thread pool
 * (tests use it to hold a heavy request in flight).
 * @throws ListenError when the port is in use or the address is not on this machine.
 */
export async function startServer(model: Model, options: ServeOptions, hooks: { heavy?: HeavyRunner } = {}): Promise<RunningServer> {
  const scenarios = loadShippedScenarios(model);
  const server = createServer();
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await hooks.heavy?.close();
    throw listenError(err as NodeJS.ErrnoException, options.port, options.host);
  }
  // The worker threads start once the port is ours: a process that cannot listen ends with no thread still loading
  // its modules (ending the process then can abort Node with a fatal error instead of the one-line reason). The app
  // is attached in the microtask after the listen callback, before any connection is read.
  const heavy = hooks.heavy ?? (options.threads > 0 ? createHeavyPool(model, scenarios, { threads: options.threads, maxQueue: options.maxQueue }) : undefined);
  let draining = false;
  server.on('request', createApp({ model, scenarios, ...(heavy ? { heavy } : {}), accessLog: options.accessLog, ready: () => !draining }));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      draining = true;
      // Keep-alive connections become idle when their response is sent: close them as they do.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), options.drainMs ?? DRAIN_MS);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    }).then(() => heavy?.close()));
  return { server, port: (server.address() as AddressInfo).port, stop };
}

const shownHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host);

/** Resolves on the first SIGTERM or SIGINT (or when a cluster worker loses its primary); a second signal calls `again`. */
function untilSignal(again: () => void): Promise<string> {
  return new Promise((resolve) => {
    let seen = false;
    const on = (signal: string) => {
      if (seen) again();
      else resolve(signal);
      seen = true;
    };
    const term = () => on('SIGTERM');
    const int = () => on('SIGINT');
    process.on('SIGTERM', term);
    process.on('SIGINT', int);
    if (cluster.isWorker) process.once('disconnect', term);
  });
}

/** Messages a cluster worker sends its primary. */
type WorkerMessage = { type: 'listen-error'; message: string };

/** Serves from this process until a signal; returns the exit code. */
async function runSingle(model: Model, options: ServeOptions, io: Io): Promise<number> {
  let running: RunningServer;
  try {
    running = await startServer(model, options);
  } catch (err) {
    if (!(err instanceof ListenError)) throw err;
    const send = process.send?.bind(process);
    if (cluster.isWorker && send) {
      // The primary prints the reason once for all workers; the channel closes after it is sent, so this process can end.
      await new Promise<void>((resolve) => send({ type: 'listen-error', message: err.message } satisfies WorkerMessage, undefined, {}, () => resolve()));
      if (process.connected) process.disconnect();
    } else io.err(`corridors: ${err.message}\n`);
    return 1;
  }
  if (!cluster.isWorker) {
    io.out(`corridors: serving ${model.network.name} (${model.network.id} ${model.network.version}) at http://${shownHost(options.host)}:${running.port}/\n`);
  }
  // A second signal closes the remaining connections at once; not in a cluster worker, which gets the terminal's
  // SIGINT and then the primary's SIGTERM for one Ctrl-C (the primary forces a stop itself, see runPrimary).
  await untilSignal(cluster.isWorker ? () => {} : () => running.server.closeAllConnections());
  await running.stop();
  if (cluster.isWorker && process.connected) process.disconnect();
  return 0;
}

/** Most worker restarts in a minute before the primary gives up. */
const MAX_RESTARTS_PER_MINUTE = 5;

/** The cluster primary: forks the workers, prints one line when all listen, restarts crashed ones, drains on a signal. */
async function runPrimary(model: Model, options: ServeOptions, io: Io): Promise<number> {
  const workers = new Set<Worker>();
  let listening = 0;
  let started = false;
  let stopping = false;
  let failure: string | null = null;
  const restarts: number[] = [];
  return new Promise<number>((resolve) => {
    let code = 0;
    const fork = () => workers.add(cluster.fork());
    const stopAll = (signal: NodeJS.Signals) => {
      stopping = true;
      for (const w of workers) w.process.kill(signal);
      const force = setTimeout(() => {
        for (const w of workers) w.process.kill('SIGKILL');
        code = 1;
      }, (options.drainMs ?? DRAIN_MS) + 5_000);
      force.unref();
    };
    cluster.on('message', (_worker, message: WorkerMessage) => {
      if (message?.type === 'listen-error' && failure === null) failure = message.message;
    });
    cluster.on('listening', (_worker, address) => {
      listening++;
      if (!started && listening === options.workers) {
        started = true;
        io.out(`corridors: serving ${model.network.name} (${model.network.id} ${model.network.version}) at http://${shownHost(options.host)}:${address.port}/ (${options.workers} processes)\n`);
      }
    });
    cluster.on('exit', (worker, exitCode, signal) => {
      workers.delete(worker);
      if (!stopping && started) {
        const now = Date.now();
        restarts.push(now);
        while (restarts.length && (restarts[0] as number) < now - 60_000) restarts.shift();
        if (restarts.length <= MAX_RESTARTS_PER_MINUTE) {
          io.err(`corridors: worker ${worker.process.pid ?? '?'} ended (${signal ?? `exit ${exitCode}`}); starting another\n`);
          fork();
          return;
        }
        io.err(`corridors: workers keep ending (${restarts.length} in a minute); stopping\n`);
        code = 1;
        stopAll('SIGTERM');
      } else if (!stopping && !started) {
        // A worker that ends before all listen (a busy port, a bad network): stop the rest and say why, once.
        code = 1;
        stopAll('SIGTERM');
      } else if (exitCode !== 0 && signal !== 'SIGTERM') code = 1;
      if (workers.size === 0) {
        if (failure !== null) io.err(`corridors: ${failure}\n`);
        resolve(code);
      }
    });
    void untilSignal(() => {
      for (const w of workers) w.process.kill('SIGKILL');
    }).then(() => stopAll('SIGTERM'));
    for (let i = 0; i < options.workers; i++) fork();
  });
}

/**
 * Runs the web UI until SIGTERM or SIGINT and returns the exit code: 0 after a clean drain, 1 when it cannot listen
 * (the one-line reason is printed). With `workers` > 1 this process forks that many workers (node:cluster), each a
 * stateless copy of the server, and they share the port.
 */
export async function runServer(model: Model, options: ServeOptions, io: Io): Promise<number> {
  return options.workers > 1 && cluster.isPrimary ? runPrimary(model, options, io) : runSingle(model, options, io);
}
