// `corridors serve`: the web UI; the web code (Express, Handlebars, the map) loads only here.
import type { CliIo } from '../io.ts';
import { openModel } from '../data-cache.ts';
import { UsageError } from '../usage.ts';

/** Starts the server; the returned promise settles only if the server fails to start. */
export async function runServe(o: { port?: string; host?: string; network?: string }, io: CliIo): Promise<number> {
  const port = o.port ?? process.env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(`--port: expected a port number, got "${port}"`);
  const model = await openModel(o.network);
  const { serve } = await import('../../web/server.ts');
  await serve(model, Number(port), io, o.host ?? process.env.HOST ?? '127.0.0.1');
  return await new Promise<number>(() => {});
}
