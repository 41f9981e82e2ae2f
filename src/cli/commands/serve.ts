// `corridors serve`: the web UI; the web code (Express, Handlebars, the map, the worker pool) loads only here.
// How it runs comes from its flags and the environment (the core reads no environment).
import { availableParallelism } from 'node:os';
import type { ServeOptions } from '../../web/server.ts';
import type { CliIo } from '../io.ts';
import { openModel } from '../data-cache.ts';
import { UsageError } from '../usage.ts';

/** A whole number from a flag or an environment variable, within bounds. @throws UsageError. */
function wholeNumber(name: string, text: string, min: number, max: number): number {
  if (!/^\d{1,6}$/.test(text.trim()) || Number(text) < min || Number(text) > max) throw new UsageError(`${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  return Number(text);
}

/**
 * How `serve` runs, from its flags and the environment: PORT, HOST, WORKERS (processes; default one per core),
 * HEAVY_THREADS (worker threads per process for heavy requests; 0 runs them on the main thread; default the
 * cores shared among the processes), HEAVY_QUEUE (heavy requests that may wait per process; default 32) and
 * ACCESS_LOG (0 turns the JSON access log off; on by default).
 * @throws UsageError for a bad value.
 */
export function serveOptions(o: { port?: string | undefined; host?: string | undefined; workers?: string | undefined }, env: NodeJS.ProcessEnv, cores: number = availableParallelism()): ServeOptions {
  const port = o.port ?? env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(`--port: expected a port number, got "${port}"`);
  const workersText = o.workers ?? env.WORKERS;
  const workers = workersText === undefined || workersText === '' ? cores : wholeNumber(o.workers !== undefined ? '--workers' : 'WORKERS', workersText, 1, 256);
  const threadsText = env.HEAVY_THREADS;
  const threads = threadsText === undefined || threadsText === '' ? Math.max(1, Math.floor(cores / workers)) : wholeNumber('HEAVY_THREADS', threadsText, 0, 64);
  const queueText = env.HEAVY_QUEUE;
  const maxQueue = queueText === undefined || queueText === '' ? 32 : wholeNumber('HEAVY_QUEUE', queueText, 0, 10_000);
  const log = (env.ACCESS_LOG ?? '1').trim().toLowerCase();
  if (!['0', '1', 'false', 'true', 'off', 'on'].includes(log)) throw new UsageError(`ACCESS_LOG: expected 1 or 0, got "${env.ACCESS_LOG}"`);
  return { port: Number(port), host: o.host ?? env.HOST ?? '127.0.0.1', workers, threads, maxQueue, accessLog: ['1', 'true', 'on'].includes(log) };
}

/** Serves until SIGTERM or SIGINT: 0 after a clean drain, 1 when the port or address cannot be used. */
export async function runServe(o: { port?: string; host?: string; workers?: string; network?: string }, io: CliIo): Promise<number> {
  const options = serveOptions(o, process.env);
  const model = await openModel(o.network);
  const { runServer } = await import('../../web/server.ts');
  return runServer(model, options, io);
}
