// `corridors serve` options from flags and the environment: one process per core unless WORKERS says otherwise,
// the cores shared among the processes as worker threads, bad values refused (exit 2).
import { describe, expect, it } from 'vitest';
import { serveOptions } from '../../src/cli/commands/serve.ts';
import { UsageError } from '../../src/cli/usage.ts';

describe('serveOptions', () => {
  it('defaults: port 3000 on 127.0.0.1, one process per core, the cores shared as threads, queue 32, access log on', () => {
    expect(serveOptions({}, {}, 4)).toEqual({ port: 3000, host: '127.0.0.1', workers: 4, threads: 1, maxQueue: 32, accessLog: true });
    expect(serveOptions({}, { WORKERS: '1' }, 4)).toMatchObject({ workers: 1, threads: 4 });
    expect(serveOptions({}, { WORKERS: '3' }, 2)).toMatchObject({ workers: 3, threads: 1 });
  });

  it('flags win over the environment; HEAVY_THREADS=0 keeps heavy work on the main thread; ACCESS_LOG=0 turns the log off', () => {
    const env = { PORT: '8080', HOST: '0.0.0.0', WORKERS: '2', HEAVY_THREADS: '0', HEAVY_QUEUE: '5', ACCESS_LOG: '0' };
    expect(serveOptions({}, env, 8)).toEqual({ port: 8080, host: '0.0.0.0', workers: 2, threads: 0, maxQueue: 5, accessLog: false });
    expect(serveOptions({ port: '9000', host: '::1', workers: '1' }, env, 8)).toMatchObject({ port: 9000, host: '::1', workers: 1 });
  });

  it('refuses bad values, naming the flag or variable', () => {
    expect(() => serveOptions({ port: '70000' }, {}, 2)).toThrow(UsageError);
    expect(() => serveOptions({}, { WORKERS: '0' }, 2)).toThrow('WORKERS: expected a whole number from 1 to 256, got "0"');
    expect(() => serveOptions({ workers: 'many' }, {}, 2)).toThrow('--workers: expected a whole number');
    expect(() => serveOptions({}, { HEAVY_THREADS: '-1' }, 2)).toThrow('HEAVY_THREADS');
    expect(() => serveOptions({}, { ACCESS_LOG: 'maybe' }, 2)).toThrow('ACCESS_LOG: expected 1 or 0, got "maybe"');
  });
});
