// The corridors command as a user runs it: real files, real processes for exit codes and streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/cli.ts';
import { edge, network, node, r, worked } from '../helpers/build.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';

function cli(args: string[]) {
  const res = spawnSync(process.execPath, [join(ROOT, 'bin/corridors.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const run = runCli;

/** A 5-node network that is not ours: proves --network works on any file in the format. */
const FIVE = network(
  [node('p'), node('q', { dwellDays: r(1, 0.5, 2) }), node('s'), node('u'), node('w')],
  [
    edge('p-q', 'p', 'q', { transitDays: r(1), costUsdPerFeu: r(100) }),
    edge('q-w', 'q', 'w', { transitDays: r(1), costUsdPerFeu: r(100) }),
    edge('p-s', 'p', 's', { transitDays: r(2), corridors: ['south'], costUsdPerFeu: r(50) }),
    edge('s-w', 's', 'w', { transitDays: r(2), corridors: ['south'], costUsdPerFeu: r(50) }),
    edge('w-u', 'w', 'u', { transitDays: r(1), corridors: ['north', 'south'] }),
  ],
  ['north', 'south'],
);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corridors-cli-'));
  writeFileSync(join(dir, 'five.json'), JSON.stringify(FIVE));
  writeFileSync(join(dir, 'worked.json'), JSON.stringify(worked()));
  const broken = structuredClone(worked()) as unknown as Record<string, any>;
  broken.edges[3].transitDays.min = '4-6';
  broken.edges[0].to = 'nowhere';
  writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
  writeFileSync(join(dir, 'not-json.json'), '{ "id": ');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corridors validate', () => {
  it('prints a one-line summary for a valid file and exits 0', async () => {
    const res = await run(['validate', join(dir, 'worked.json')]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/worked\.json: ok: network fixture 2026\.11\.0 \(as of 2026-11-01\): 8 nodes, 9 edges, 2 sources\n$/);
  });

  it('reports every problem with the file and JSON path and exits 1', () => {
    const res = cli(['validate', join(dir, 'broken.json')]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('broken.json $.edges[3].transitDays.min: expected a number, got "4-6"');
    expect(res.err).toContain('broken.json $.edges[0].to: unknown node id "nowhere"');
    expect(res.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a missing file or one that is not JSON gets one clear line and exit 1', async () => {
    const missing = await run(['validate', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.json: no such file\n$/);
    const bad = await run(['validate', join(dir, 'not-json.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toContain('not valid JSON');
  });
});

describe('corridors compare and route on any network file', () => {
  it('compares the corridors of a 5-node network (json shape)', async () => {
    const res = await run(['compare', '--network', join(dir, 'five.json'), '--from', 'p', '--to', 'u', '--format', 'json']);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out);
    expect(Object.keys(json)).toEqual(['network', 'query', 'corridors', 'best']);
    expect(json.network).toEqual({ id: 'fixture', name: 'Fixture', version: '2026.11.0', asOf: '2026-11-01' });
    // north: p-q 1 + dwell q 1 + q-w 1 + w-u 1 = 4 d; south: 2 + 2 + 1 = 5 d.
    expect(json.corridors.map((c: any) => [c.corridor, c.route.totals.transitDays.typical, c.reason])).toEqual([
      ['north', 4, null],
      ['south', 5, null],
    ]);
    expect(json.best.corridor).toBe('north');
    const leg = json.corridors[0].route.legs[0];
    expect(Object.keys(leg)).toEqual(expect.arrayContaining(['edge', 'from', 'to', 'mode', 'distanceKm', 'transitDays', 'dwellDays', 'costUsdPerFeu', 'capacityMtpa', 'basis', 'sources']));
    expect(Object.keys(json.corridors[0].route.totals)).toEqual(
      expect.arrayContaining(['distanceKm', 'transitDays', 'costUsdPerFeu', 'co2KgPerFeu', 'capacityMtpa', 'bottleneckEdge', 'estimatedFigures']),
    );
    // w-u has no cost: every route's cost is unknown, never zero.
    expect(json.corridors[0].route.totals.costUsdPerFeu).toBeNull();
  });

  it('prints a table that fits 100 columns, marks estimates and lists sources', async () => {
    const res = await run(['compare', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd']);
    expect(res.code).toBe(0);
    for (const line of res.out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(res.out).toMatch(/South corridor\s+6\.5 \(5\.3–13\.0\)~/);
    expect(res.out).toContain('[1] Source A. Publisher A, 2025-01-01. https://example.org/a');
  });

  it('md and csv', async () => {
    const md = await run(['compare', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd', '--format', 'md']);
    expect(md.out).toContain('| Corridor | Days (min–max) |');
    const csvOut = await run(['compare', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd', '--format', 'csv']);
    const lines = csvOut.out.trim().split('\n');
    expect(lines[0]).toMatch(/^corridor,days_typical,days_min,days_max,/);
    expect(lines).toHaveLength(5); // header, 3 corridors, best
    expect(lines[1]).toMatch(/^North corridor,7,4\.5,17,1100,900,1500,2000,/);
  });

  it('geojson: one LineString per leg with the leg\'s figures', async () => {
    const res = await run(['compare', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd', '--format', 'geojson']);
    expect(res.code).toBe(0);
    const fc = JSON.parse(res.out);
    expect(fc.type).toBe('FeatureCollection');
    const north = fc.features.filter((f: any) => f.geometry.type === 'LineString' && f.properties.corridor === 'north' && f.properties.role === 'route');
    expect(north.map((f: any) => [f.properties.edge, f.properties.transitDaysTypical])).toEqual([
      ['a-b', 2],
      ['b-d', 2],
    ]);
  });

  it('route prints the legs with totals', async () => {
    const res = await run(['route', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd', '--corridor', 'north']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Total: 7.0 (4.5–17.0) days, USD 1,100 (900–1,500) per FEU');
    const json = JSON.parse((await run(['route', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'x', '--format', 'json'])).out);
    expect(Object.keys(json)).toEqual(['network', 'query', 'route', 'reason']);
    expect(json.route).toBeNull();
  });

  it('no route at all exits 1 with the reason', async () => {
    const res = await run(['route', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'x']);
    expect(res.code).toBe(1);
    expect(res.out).toContain('No route from A to X');
  });
});

describe('bad arguments: exit 2, one line on stderr, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown node with suggestions', ['--from', 'aa', '--to', 'd'], /unknown node "aa"; did you mean/],
    ['bad objective', ['--from', 'a', '--to', 'd', '--objective', 'fast'], /--objective: expected one of days, cost, km, co2, got "fast"/],
    ['bad year', ['--from', 'a', '--to', 'd', '--year', 'soon'], /--year: expected a number, got "soon"/],
    ['negative cargo', ['--from', 'a', '--to', 'd', '--cargo-mtpa', '-2'], /--cargo-mtpa: expected at least 0, got -2/],
    ['bad format', ['--from', 'a', '--to', 'd', '--format', 'pdf'], /--format: expected one of table, md, csv, json/],
    ['unknown flag', ['--from', 'a', '--to', 'd', '--speed', '3'], /^corridors: unknown option '--speed' \(did you mean --seed\?\)$/m],
    ['a flag without its value', ['--from', 'a', '--to'], /^corridors: option '--to <id>' argument missing$/m],
    ['positional arguments', ['a', 'd'], /^corridors: too many arguments for 'compare'/m],
  ];
  it.each(cases)('%s', async (_name, args, pattern) => {
    const res = await run(['compare', '--network', join(dir, 'worked.json'), ...args]);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toMatch(pattern);
    expect(res.err.trim().split('\n')).toHaveLength(1);
  });

  it('through a real process too', () => {
    const res = cli(['compare', '--network', join(dir, 'worked.json'), '--from', 'Cesme', '--to', 'd']);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
  });
});
