// Files that used to crash or hang the command: deep nesting, numbers past a double, a byte-order mark, an empty
// scenario, hundreds of problems, a named pipe. Each gets a clear message naming the file, and `validate` goes on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { worked } from '../helpers/build.ts';

let dir = '';
const f = (name: string) => join(dir, name);
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corridors-hostile-'));
  mkdirSync(f('scenarios'));
  writeFileSync(f('deep.json'), deep(10_000));
  const noteDeep = JSON.stringify(worked()).replace('"basis":"reported"', `"note":${deep(10_000)},"basis":"reported"`);
  writeFileSync(f('deep-note.json'), noteDeep);
  writeFileSync(f('deep-scenario.json'), `{"id":"s","name":"S","description":"d","sources":[],"edits":${deep(10_000)}}`);
  writeFileSync(f('huge.json'), JSON.stringify(worked()).replace('"distanceKm":1000', '"distanceKm":1e309').replace('"distanceKm":1500', `"distanceKm":1${'0'.repeat(5000)}`));
  writeFileSync(f('far.json'), JSON.stringify(worked()).replace('"distanceKm":1000', '"distanceKm":1e308'));
  writeFileSync(f('bom.json'), `\uFEFF${JSON.stringify(worked())}`);
  writeFileSync(f('empty.scenario.json'), '{}');
  writeFileSync(f('scenarios/empty.json'), '{}');
  writeFileSync(f('edits-only.json'), '{"edits":[]}');
  writeFileSync(f('observations.json'), '{"id":"o","observations":[{"a":1},{"a":2}]}');
  const many = worked();
  many.edges = Array.from({ length: 300 }, (_, i) => ({ ...(many.edges[0] as (typeof many.edges)[0]), id: `e${i}`, to: `nowhere-${i}` }));
  writeFileSync(f('many.json'), JSON.stringify(many));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nesting', () => {
  it('validate deep.json networks/eurasia.json: names deep.json, exits 1, still validates eurasia.json', async () => {
    const res = await runCli(['validate', f('deep.json'), 'networks/eurasia.json']);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/deep\.json \$\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]\[0\]… \(256 levels\): arrays and objects nested deeper than 256 levels\n/);
    expect(res.err).toMatch(/deep\.json: 1 problem\n/);
    expect(res.out).toMatch(/^networks\/eurasia\.json: ok: network eurasia /m);
  });

  it('a deep value inside a note, or a scenario\'s edits, is named by its path', async () => {
    const note = await runCli(['validate', f('deep-note.json')]);
    expect(note.code).toBe(1);
    expect(note.err).toContain('deep-note.json $.nodes[0].note[0][0][0][0][0]… (256 levels): arrays and objects nested deeper');
    const compare = await runCli(['compare', '--network', f('deep-note.json'), '--from', 'a', '--to', 'd']);
    expect(compare.code).toBe(1);
    expect(compare.err).not.toContain('internal error');
    const scenario = await runCli(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', f('deep-scenario.json')]);
    expect(scenario.code).toBe(2);
    expect(scenario.err).toContain('deep-scenario.json $.edits[0][0][0][0][0][0][0]… (256 levels): arrays and objects nested deeper than 256 levels');
  });
});

describe('numbers', () => {
  it('a number too large for a double says so, with its path; 1e308 km is past the 25,000 km bound', async () => {
    const huge = await runCli(['validate', f('huge.json')]);
    expect(huge.code).toBe(1);
    expect(huge.err).toContain('huge.json $.edges[0].distanceKm: 1e309 is too large for a number');
    expect(huge.err).toContain('huge.json $.edges[2].distanceKm: 1000000000…000000 (5001 characters) is too large for a number');
    const far = await runCli(['validate', f('far.json')]);
    expect(far.code).toBe(1);
    expect(far.err).toContain('far.json $.edges[0].distanceKm: expected a number <= 25000, got 1e+308');
  });

  it('the 1e308 what-if edits exit 2 with the bound', async () => {
    const dwell = await runCli(['compare', '--from', 'xian', '--to', 'duisburg', '--samples', '1000', '--set', 'brest.dwellDays={"typical":0,"min":0,"max":1e308}']);
    expect(dwell.code).toBe(2);
    expect(dwell.err).toContain('dwellDays: max 1e308 is above the limit of 365 days');
    const transit = await runCli(['compare', '--from', 'xian', '--to', 'duisburg', '--set', 'xian-baoji.transitDays={"typical":1e308,"min":0,"max":1e308}']);
    expect(transit.code).toBe(2);
    expect(transit.err).toContain('transitDays: typical 1e308 is above the limit of 365 days');
  });
});

describe('what a file is', () => {
  it('a byte-order mark is accepted', async () => {
    const res = await runCli(['validate', f('bom.json')]);
    expect(res.err.split('\n').filter((l) => l !== '' && !l.includes(': warning: '))).toEqual([]); // the fixture leaves a source uncited
    expect(res.out).toMatch(/bom\.json: ok: network fixture/);
    expect(res.code).toBe(0);
  });

  it('an empty scenario is checked as a scenario, by name or folder, and says which kind it assumed', async () => {
    for (const name of ['empty.scenario.json', 'scenarios/empty.json']) {
      const res = await runCli(['validate', f(name)]);
      expect(res.code).toBe(1);
      expect(res.err).toContain('$.edits: missing; expected an array');
      expect(res.err).not.toContain('$.nodes');
      expect(res.err).toMatch(/: 5 problems \(checked as a scenario file: by its name( and folder)?\)\n$/);
    }
    const edits = await runCli(['validate', f('edits-only.json')]);
    expect(edits.err).toMatch(/\(checked as a scenario file: it has "edits"\)/);
    expect(edits.err).not.toContain('$.nodes');
  });

  it('an observations file is recognised by its "observations" and checked as one', async () => {
    const shipped = await runCli(['validate', 'networks/observations.json']);
    expect(shipped.out).toMatch(/^networks\/observations\.json: ok: observations /);
    expect(shipped.code).toBe(0);
    const res = await runCli(['validate', f('observations.json')]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/observations\.json: \d+ problems? \(checked as an observations file: it has "observations"\)\n$/);
    expect(res.err).not.toContain('$.nodes');
  });

  it('hundreds of problems print 200 and the count of the rest', async () => {
    const res = await runCli(['validate', f('many.json')]);
    expect(res.code).toBe(1);
    const lines = res.err.trim().split('\n');
    expect(lines.filter((l) => l.includes('many.json $.'))).toHaveLength(200);
    expect(res.err).toMatch(/… and 107 more\n.*many\.json: 307 problems \(checked as a network file: it has "nodes", "edges", "corridors", "asOf", "version"\)\n$/);
  });

  it('a named pipe is refused without being opened, and the next file is still checked', () => {
    const fifo = f('pipe.json');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo on this system
    const res = spawnSync(process.execPath, ['bin/corridors.js', 'validate', fifo, f('bom.json')], { encoding: 'utf8', timeout: 15_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/pipe\.json: is a named pipe \(FIFO\), not a JSON file\n/);
    expect(res.stdout).toMatch(/bom\.json: ok: network/);
  });
});
