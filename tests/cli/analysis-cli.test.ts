// Alternatives, Pareto, capacity, uncertainty and timeline from the command line, on the worked fixture
// (tests/helpers/build.ts) written to a real file, in every format; and their bad arguments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { edge, r, worked } from '../helpers/build.ts';

let dir = '';
let net = '';
const run = runCli;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corridors-analysis-'));
  const w = worked();
  // Capacities so the throughput has a worked answer: north a-b 10, b-d 5 (cut 5); south a-e 2, e-d unknown.
  w.edges.push(edge('a-d-2031', 'a', 'd', { transitDays: r(4), status: 'planned', opensYear: 2031, capacityMtpa: 1 }));
  net = join(dir, 'worked.json');
  writeFileSync(net, JSON.stringify(w));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compare --alternatives and --samples', () => {
  it('json: each corridor gains its alternatives and its distribution', async () => {
    const res = await run(['compare', '--network', net, '--from', 'a', '--to', 'd', '--alternatives', '3', '--samples', '500', '--seed', '3', '--within', '7', '--format', 'json']);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out);
    const sea = json.corridors.find((c: { corridor: string }) => c.corridor === 'sea');
    // sea: a-c-d via c-d-2 (26 d), then via c-d-1 (31 d).
    expect(sea.alternatives.map((a: { route: { totals: { transitDays: { typical: number } } } }) => a.route.totals.transitDays.typical)).toEqual([26, 31]);
    const north = json.corridors.find((c: { corridor: string }) => c.corridor === 'north');
    expect(north.distribution.p10).toBeLessThanOrEqual(north.distribution.p50);
    expect(north.distribution.p50).toBeLessThanOrEqual(north.distribution.p90);
    expect(north.distribution.withinDays.days).toBe(7);
    const again = JSON.parse((await run(['compare', '--network', net, '--from', 'a', '--to', 'd', '--samples', '500', '--seed', '3', '--format', 'json'])).out);
    expect(again.corridors[0].distribution.p50).toBe(json.corridors[0].distribution.p50); // same seed, same numbers
  });

  it('table, md and csv', async () => {
    const table = await run(['compare', '--network', net, '--from', 'a', '--to', 'd', '--alternatives', '2']);
    expect(table.out).toContain('alternatives by days');
    const md = await run(['compare', '--network', net, '--from', 'a', '--to', 'd', '--samples', '200', '--format', 'md']);
    expect(md.out).toMatch(/\| Corridor \| P10 \| P50 \| P90 \|/);
    const csvOut = await run(['compare', '--network', net, '--from', 'a', '--to', 'd', '--alternatives', '2', '--format', 'csv']);
    expect(csvOut.out.split('\n')[0]).toBe('corridor,rank,days_typical,days_min,days_max,cost_usd_per_feu,distance_km,co2_kg_per_feu,capacity_mtpa,extra_vs_best,differs,route');
  });
});

describe('pareto, capacity, timeline', () => {
  it('pareto on days and km: north (7 d, 2,000 km) and south (6.5 d, 3,000 km) both stay', async () => {
    const res = await run(['pareto', '--network', net, '--from', 'a', '--to', 'd', '--criteria', 'days,km', '--format', 'json']);
    expect(res.code).toBe(0);
    const values = JSON.parse(res.out).routes.map((p: { values: { days: number; km: number } }) => [p.values.days, p.values.km]);
    expect(values).toEqual([
      [6.5, 3000],
      [7, 2000],
    ]);
  });

  it('capacity: north is cut at b-d (5 Mt/yr); every format', async () => {
    const res = await run(['capacity', '--network', net, '--from', 'a', '--to', 'd', '--corridor', 'north', '--format', 'json']);
    const [t] = JSON.parse(res.out);
    expect(t.knownOnly.maxFlowMtpa).toBe(5);
    expect(t.knownOnly.minCut.map((c: { edge: string }) => c.edge)).toEqual(['b-d']);
    for (const format of ['table', 'md', 'csv']) expect((await run(['capacity', '--network', net, '--from', 'a', '--to', 'd', '--format', format])).code).toBe(0);
  });

  it('timeline: the planned link (4 d) takes over the north corridor in 2031', async () => {
    const res = await run(['timeline', '--network', net, '--from', 'a', '--to', 'd', '--years', '2029-2032', '--format', 'json']);
    const t = JSON.parse(res.out);
    const north = t.corridors.find((c: { corridor: string }) => c.corridor === 'north');
    expect(north.points.map((p: { days: number }) => p.days)).toEqual([7, 7, 4, 4]);
    expect(north.points[2].routeChanged).toBe(true);
    expect((await run(['timeline', '--network', net, '--from', 'a', '--to', 'd', '--years', '2029-2032'])).out).toContain('Openings: 2031');
  });
});

describe('bad arguments: exit 2, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['alternatives above 10', ['compare', '--alternatives', '11'], /--alternatives: expected at most 10/],
    ['samples too few', ['compare', '--samples', '5'], /--samples: expected at least 100/],
    ['negative seed', ['compare', '--samples', '200', '--seed', '-1'], /--seed: expected at least 0/],
    ['bad criteria', ['pareto', '--criteria', 'days,speed'], /--criteria: expected some of days, cost, co2, km/],
    ['one criterion', ['pareto', '--criteria', 'days'], /expected 2 to 4 distinct criteria/],
    ['bad years', ['timeline', '--years', '2030'], /--years: expected a range such as 2025-2032/],
    ['reversed years', ['timeline', '--years', '2032-2025'], /years/],
  ];
  it.each(cases)('%s', async (_name, args, pattern) => {
    const [cmd, ...rest] = args;
    const res = await run([cmd as string, '--network', net, '--from', 'a', '--to', 'd', ...rest]);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toMatch(pattern);
  });
});
