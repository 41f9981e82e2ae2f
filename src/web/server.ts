// The web entry point: the only module that listens.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Model } from '../core/index.ts';
import type { Io } from '../core/io.ts';
import { createApp } from './app.ts';

/** Starts the web UI on a port (0 for any free one) and resolves with the server once it listens. */
export function serve(model: Model, port: number, io: Io, host = '127.0.0.1'): Promise<Server> {
  const app = createApp({ model });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => {
      if (err) {
        reject(err);
        return;
      }
      const address = server.address() as AddressInfo;
      io.out(`corridors: serving ${model.network.name} (${model.network.id} ${model.network.version}) at http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/\n`);
      resolve(server);
    });
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
  });
}
