// The build's validated copy of the embedded data: read only while the files hash the same, equal to what
// validating the files gives; and what `compare` loads (no web code; from the build, no schema library).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDataCache, openModel, readDataCache } from '../../src/cli/data-cache.ts';
import { loadModel } from '../../src/cli/model.ts';
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE } from '../../src/core/paths.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../../src/core/load.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
let files = { network: '', factors: '' };
let cacheFile = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corridors-cache-'));
  files = { network: join(dir, 'network.json'), factors: join(dir, 'factors.json') };
  copyFileSync(DEFAULT_NETWORK_FILE, files.network);
  copyFileSync(DEFAULT_FACTORS_FILE, files.factors);
  cacheFile = join(dir, 'data-cache.json');
  writeFileSync(cacheFile, JSON.stringify(makeDataCache(loadNetworkFile(files.network), loadEmissionFactorsFile(files.factors), files)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the validated copy', () => {
  it('equals the validated files while they are unchanged', () => {
    const hit = readDataCache(cacheFile, files);
    expect(hit).not.toBeNull();
    expect(hit?.network).toEqual(loadNetworkFile(files.network));
    expect(hit?.factors).toEqual(loadEmissionFactorsFile(files.factors));
  });

  it('is ignored once a file changes by one byte, or when it is missing or malformed', () => {
    const text = readFileSync(files.network, 'utf8');
    writeFileSync(files.network, `${text} `);
    expect(readDataCache(cacheFile, files)).toBeNull();
    writeFileSync(files.network, text);
    expect(readDataCache(cacheFile, files)).not.toBeNull();
    expect(readDataCache(join(dir, 'none.json'), files)).toBeNull();
    writeFileSync(join(dir, 'bad.json'), '{ "network": ');
    expect(readDataCache(join(dir, 'bad.json'), files)).toBeNull();
  });

  it('from the sources (no copy beside src/cli/), openModel validates the files as loadModel does', async () => {
    expect((await openModel()).network).toEqual(loadModel(undefined).network);
  });
});

describe('what compare loads', () => {
  it('no Express, Handlebars, d3, topojson or world-atlas; from an up-to-date build, no zod either', () => {
    const trace = join(dir, 'trace.txt');
    writeFileSync(trace, '');
    const res = spawnSync(process.execPath, ['--import', join(ROOT, 'tests/helpers/trace-imports.mjs'), join(ROOT, 'bin/corridors.js'), 'compare', '--from', 'xian', '--to', 'duisburg'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TRACE_IMPORTS_FILE: trace },
    });
    expect(res.status).toBe(0);
    const loaded = readFileSync(trace, 'utf8').split('\n').filter((u) => u !== '');
    expect(loaded.some((u) => u.includes('/cli/commands/compare.'))).toBe(true);
    for (const pkg of ['express', 'handlebars', 'd3-geo', 'topojson-client', 'world-atlas', 'helmet']) {
      expect(loaded.filter((u) => u.includes(`/node_modules/${pkg}/`))).toEqual([]);
    }
    expect(loaded.filter((u) => u.includes('/web/'))).toEqual([]);
    // From the build, with its validated copy matching the data files (a data change since the build
    // validates the files again until the next npm run build), the schema library is never loaded.
    const fromBuild = loaded.some((u) => u.includes('/dist/cli/'));
    if (fromBuild && readDataCache(join(ROOT, 'dist/cli/data-cache.json')) !== null) expect(loaded.filter((u) => u.includes('/node_modules/zod/'))).toEqual([]);
  });
});
