// Max-flow throughput: worked answers on small fixtures, and properties on random networks
// (max-flow = min-cut, checked against brute force; bounds ordered; closing an edge never helps; conservation).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corridorThroughput, throughput, type Throughput } from '../../../src/core/analysis/throughput.ts';
import { QueryError } from '../../../src/core/errors.ts';
import type { Edge, Network } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, worked } from '../../helpers/build.ts';
import { netArb } from '../../helpers/random.ts';

const q = (from: string, to: string, extra: { corridor?: string; year?: number; cargoMtpa?: number } = {}) => ({ from, to, avoidCountries: [], ...extra });
const cutIds = (cut: { edge: string }[]) => cut.map((c) => c.edge);

describe('worked fixtures', () => {
  it('the brief\'s diamond: max flow 5, cut at the source', () => {
    // s–a 3, s–b 2, a–t 2, b–t 3, a–b 1.
    // Paths: s-a-t carries 2, s-b-t carries 2, s-a-b-t carries 1 (a–b 1, leaving s–a and b–t full): 5.
    // Cut {s}: s–a 3 + s–b 2 = 5, equal to the flow, so 5 is the maximum. Every maximum flow fills both
    // source edges, so the residual graph reaches only s and the reported cut is s–b (2), s–a (3).
    const net = network(
      [node('s'), node('a'), node('b'), node('t')],
      [
        edge('s-a', 's', 'a', { capacityMtpa: 3 }),
        edge('s-b', 's', 'b', { capacityMtpa: 2 }),
        edge('a-t', 'a', 't', { capacityMtpa: 2 }),
        edge('b-t', 'b', 't', { capacityMtpa: 3 }),
        edge('a-b', 'a', 'b', { capacityMtpa: 1 }),
      ],
    );
    const t = throughput(model(net), q('s', 't'));
    expect(t.knownOnly.maxFlowMtpa).toBe(5);
    expect(t.knownOnly.minCut).toEqual([
      { edge: 's-b', kind: 'edge', name: 'S–B', from: 's', to: 'b', capacityMtpa: 2 },
      { edge: 's-a', kind: 'edge', name: 'S–A', from: 's', to: 'a', capacityMtpa: 3 },
    ]);
    expect(t.unknownUnlimited).toEqual({ maxFlowMtpa: 5, minCut: t.knownOnly.minCut, unbounded: false });
    expect(t.unknownCapacityEdges).toEqual([]);
    expect(t.reason).toBeNull();
    expect(t.flows.find((f) => f.edge === 'a-b')).toEqual({ edge: 'a-b', from: 'a', to: 'b', flowMtpa: 1 });
    // Reversed ends: same value, the cut now written from t's side.
    const back = throughput(model(net), q('t', 's'));
    expect(back.knownOnly.maxFlowMtpa).toBe(5);
    expect(back.knownOnly.minCut.reduce((s, c) => s + c.capacityMtpa, 0)).toBe(5);
  });

  it('a cut in the middle: s–a 4, s–b 4, a–t 1, b–t 2, a–b 1 carries 3', () => {
    // Into t at most a–t 1 + b–t 2 = 3; s-a-t 1 and s-b-t 2 reach it. After that the residual graph still
    // reaches a and b from s (s–a, s–b not full), so the cut is {a–t 1, b–t 2}.
    const net = network(
      [node('s'), node('a'), node('b'), node('t')],
      [
        edge('s-a', 's', 'a', { capacityMtpa: 4 }),
        edge('s-b', 's', 'b', { capacityMtpa: 4 }),
        edge('a-t', 'a', 't', { capacityMtpa: 1 }),
        edge('b-t', 'b', 't', { capacityMtpa: 2 }),
        edge('a-b', 'a', 'b', { capacityMtpa: 1 }),
      ],
    );
    const t = throughput(model(net), q('s', 't'));
    expect(t.knownOnly.maxFlowMtpa).toBe(3);
    expect(cutIds(t.knownOnly.minCut)).toEqual(['a-t', 'b-t']);
    expect(t.knownOnly.minCut.map((c) => [c.from, c.to])).toEqual([
      ['a', 't'],
      ['b', 't'],
    ]);
  });

  // s–a 4, a–t 1, s–b 1, b–t 4, a–b unknown, a–x unknown (x a dead end), and for the unbounded case s–c, c–t unknown.
  const unknownNet = (withUnknownPath: boolean): Network =>
    network(
      [node('s'), node('a'), node('b'), node('t'), node('x'), node('c')],
      [
        edge('s-a', 's', 'a', { capacityMtpa: 4 }),
        edge('a-t', 'a', 't', { capacityMtpa: 1 }),
        edge('s-b', 's', 'b', { capacityMtpa: 1 }),
        edge('b-t', 'b', 't', { capacityMtpa: 4 }),
        edge('a-b', 'a', 'b'),
        edge('a-x', 'a', 'x'),
        ...(withUnknownPath ? [edge('s-c', 's', 'c'), edge('c-t', 'c', 't')] : [edge('c-x', 'c', 'x', { capacityMtpa: 9 })]),
      ],
    );

  it('an unknown capacity: the lower bound leaves it out, the upper bound lets it carry any amount', () => {
    // Lower: without a–b only s-a-t (1) and s-b-t (1): 2. Residual from s reaches a (s–a has 3 left), not b
    // (s–b full) nor t (a–t full): cut a–t 1 + s–b 1 = 2. Flows: s→a 1, a→t 1, s→b 1, b→t 1.
    // Upper: a–b unlimited adds s-a-b-t up to min(s–a 3 left, b–t 3 left) = 3: 5 = s–a 4 + s–b 1, cut {s}.
    // a–x is unknown too but leads nowhere, so it is not reported; a–b is.
    const t = throughput(model(unknownNet(false)), q('s', 't'));
    expect(t.knownOnly.maxFlowMtpa).toBe(2);
    expect(cutIds(t.knownOnly.minCut)).toEqual(['a-t', 's-b']);
    expect(t.flows).toEqual([
      { edge: 's-a', from: 's', to: 'a', flowMtpa: 1 },
      { edge: 'a-t', from: 'a', to: 't', flowMtpa: 1 },
      { edge: 's-b', from: 's', to: 'b', flowMtpa: 1 },
      { edge: 'b-t', from: 'b', to: 't', flowMtpa: 1 },
    ]);
    expect(t.unknownUnlimited).toMatchObject({ maxFlowMtpa: 5, unbounded: false });
    expect(cutIds(t.unknownUnlimited.minCut)).toEqual(['s-b', 's-a']);
    expect(t.unknownCapacityEdges).toEqual(['a-b']);
  });

  it('a path of unknown capacities only makes the upper bound unbounded', () => {
    const t = throughput(model(unknownNet(true)), q('s', 't'));
    expect(t.knownOnly.maxFlowMtpa).toBe(2);
    expect(t.unknownUnlimited).toEqual({ maxFlowMtpa: Infinity, minCut: [], unbounded: true });
    expect(t.unknownCapacityEdges).toEqual(['a-b', 's-c', 'c-t']);
  });

  it('on the worked network: per corridor, and the whole network last', () => {
    // a→d. north a–b 10, b–d 5: 5 (cut b–d). south a–e 2, e–d unknown: 0 known; 2 with e–d unlimited (cut a–e).
    // sea: a–c unknown, c–d-1 and c–d-2 sea legs (not limiting): 0 known, unbounded. Whole network: 5 known (a–e leads only to the
    // unknown e–d, so the residual graph reaches a, b and e and the cut is b–d); unbounded via the sea.
    const list = corridorThroughput(model(worked()), q('a', 'd', { cargoMtpa: 100 }));
    const by = new Map(list.map((t) => [t.corridor, t]));
    expect(list.map((t) => t.corridor)).toEqual(['north', 'south', 'sea', null]);
    expect(by.get('north')?.knownOnly).toEqual({ maxFlowMtpa: 5, minCut: [{ edge: 'b-d', kind: 'edge', name: 'B–D', from: 'b', to: 'd', capacityMtpa: 5 }], unbounded: false });
    expect(by.get('north')?.unknownUnlimited.maxFlowMtpa).toBe(5);
    expect(by.get('south')?.knownOnly.maxFlowMtpa).toBe(0);
    expect(by.get('south')?.unknownUnlimited).toMatchObject({ maxFlowMtpa: 2, unbounded: false });
    expect(cutIds(by.get('south')?.unknownUnlimited.minCut ?? [])).toEqual(['a-e']);
    expect(by.get('south')?.unknownCapacityEdges).toEqual(['e-d']);
    // The sea legs are not limiting, so only the rail feeder a–c is unknown.
    expect(by.get('sea')?.knownOnly).toEqual({ maxFlowMtpa: 0, minCut: [], unbounded: false });
    expect(by.get('sea')?.unknownUnlimited.unbounded).toBe(true);
    expect(by.get('sea')?.unknownCapacityEdges).toEqual(['a-c']);
    expect(by.get(null)?.knownOnly.maxFlowMtpa).toBe(5);
    expect(cutIds(by.get(null)?.knownOnly.minCut ?? [])).toEqual(['b-d']);
    expect(by.get(null)?.unknownUnlimited.unbounded).toBe(true);
    // cargoMtpa (100, above every capacity) is ignored: the edges stay usable.
    expect(list.every((t) => t.reason === null)).toBe(true);
  });

  it('closures and years apply; no path gives a reason and zero flow', () => {
    const m = model(worked(), { edges: new Map([['b-d', 'closed for works']]) });
    const north = throughput(m, q('a', 'd', { corridor: 'north' }));
    expect(north.knownOnly.maxFlowMtpa).toBe(0);
    expect(north.reason).toMatch(/closed for works/);
    const island = throughput(model(worked()), q('a', 'x'));
    expect(island.reason).toMatch(/No route from A to X/);
    expect(island.knownOnly).toEqual({ maxFlowMtpa: 0, minCut: [], unbounded: false });
    expect(island.unknownUnlimited).toEqual({ maxFlowMtpa: 0, minCut: [], unbounded: false });
    expect(island.flows).toEqual([]);
    const planned = network([node('s'), node('t')], [edge('s-t', 's', 't', { capacityMtpa: 7, status: 'planned', opensYear: 2029 })]);
    expect(throughput(model(planned), q('s', 't', { year: 2028 })).knownOnly.maxFlowMtpa).toBe(0);
    expect(throughput(model(planned), q('s', 't', { year: 2029 }))).toMatchObject({ year: 2029, knownOnly: { maxFlowMtpa: 7 } });
  });

  it('rejects the same node at both ends', () => {
    expect(() => throughput(model(worked()), q('a', 'a'))).toThrow(QueryError);
  });
});

// ---- properties ----

const corridorArb = fc.constantFrom(undefined, 'north', 'south');
const ends = (net: Network) => ({ from: 'n0', to: net.nodes[net.nodes.length - 1]?.id ?? 'n1' });
const runOn = (net: Network, corridor: string | undefined, closed: string[] = []) =>
  throughput(model(net, { edges: new Map(closed.map((id) => [id, 'closed'])) }), { ...ends(net), avoidCountries: [], ...(corridor ? { corridor } : {}) });
const onCorridor = (net: Network, corridor: string | undefined) => net.edges.filter((e) => corridor === undefined || e.corridors.includes(corridor));

/** The smallest cut by enumerating every node set that holds the origin and not the destination. */
function bruteMinCut(net: Network, edges: readonly Edge[], capacity: (e: Edge) => number): number {
  const { from, to } = ends(net);
  const middle = net.nodes.map((n) => n.id).filter((id) => id !== from && id !== to);
  let best = Infinity;
  for (let mask = 0; mask < 1 << middle.length; mask++) {
    const side = new Set([from, ...middle.filter((_, i) => mask & (1 << i))]);
    const sum = edges.filter((e) => side.has(e.from) !== side.has(e.to)).reduce((s, e) => s + capacity(e), 0);
    best = Math.min(best, sum);
  }
  return best;
}

/** Null-capacity edges on some simple path between the ends, by enumeration. */
function bruteUnknownOnPaths(net: Network, edges: readonly Edge[]): Set<string> {
  const { from, to } = ends(net);
  const found = new Set<string>();
  const walk = (at: string, seen: Set<string>, used: string[]) => {
    if (at === to) {
      for (const id of used) found.add(id);
      return;
    }
    for (const e of edges) {
      const next = e.from === at ? e.to : e.to === at ? e.from : null;
      if (next === null || seen.has(next)) continue;
      seen.add(next);
      walk(next, seen, [...used, e.id]);
      seen.delete(next);
    }
  };
  walk(from, new Set([from]), []);
  return new Set([...found].filter((id) => edges.find((e) => e.id === id)?.capacityMtpa === null));
}

const sumCut = (t: Throughput['knownOnly']) => t.minCut.reduce((s, c) => s + c.capacityMtpa, 0);

describe('throughput properties', () => {
  it('max flow equals the reported min cut and the brute-force minimum cut, for both bounds', () => {
    fc.assert(
      fc.property(netArb, corridorArb, (net, corridor) => {
        const t = runOn(net, corridor);
        const edges = onCorridor(net, corridor);
        expect(t.knownOnly.maxFlowMtpa).toBeCloseTo(sumCut(t.knownOnly), 6);
        expect(t.knownOnly.maxFlowMtpa).toBeCloseTo(bruteMinCut(net, edges, (e) => e.capacityMtpa ?? 0), 6);
        const upper = bruteMinCut(net, edges, (e) => e.capacityMtpa ?? Infinity);
        if (t.unknownUnlimited.unbounded) {
          expect(upper).toBe(Infinity);
          expect(t.unknownUnlimited.minCut).toEqual([]);
        } else {
          expect(t.unknownUnlimited.maxFlowMtpa).toBeCloseTo(upper, 6);
          expect(t.unknownUnlimited.maxFlowMtpa).toBeCloseTo(sumCut(t.unknownUnlimited), 6);
        }
        // Cut edges are sorted by capacity, then id.
        const cut = t.knownOnly.minCut;
        cut.slice(1).forEach((c, i) => {
          const prev = cut[i];
          if (prev) expect(prev.capacityMtpa < c.capacityMtpa || (prev.capacityMtpa === c.capacityMtpa && prev.edge < c.edge)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('the known-only flow never exceeds the unknown-unlimited flow', () => {
    fc.assert(
      fc.property(netArb, corridorArb, (net, corridor) => {
        const t = runOn(net, corridor);
        expect(t.knownOnly.maxFlowMtpa).toBeLessThanOrEqual(t.unknownUnlimited.maxFlowMtpa + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('closing an edge never increases either bound', () => {
    fc.assert(
      fc.property(netArb, corridorArb, fc.nat(), (net, corridor, pick) => {
        const closed = net.edges[pick % net.edges.length]?.id ?? '';
        const before = runOn(net, corridor);
        const after = runOn(net, corridor, [closed]);
        expect(after.knownOnly.maxFlowMtpa).toBeLessThanOrEqual(before.knownOnly.maxFlowMtpa + 1e-9);
        expect(after.unknownUnlimited.maxFlowMtpa).toBeLessThanOrEqual(before.unknownUnlimited.maxFlowMtpa + 1e-9);
        expect(after.flows.some((f) => f.edge === closed)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('flows respect capacities and are conserved at every node but the ends; the source sends the max flow', () => {
    fc.assert(
      fc.property(netArb, corridorArb, (net, corridor) => {
        const t = runOn(net, corridor);
        const balance = new Map<string, number>();
        for (const f of t.flows) {
          const e = net.edges.find((x) => x.id === f.edge);
          expect(e?.capacityMtpa).not.toBeNull();
          expect(f.flowMtpa).toBeGreaterThan(0);
          expect(f.flowMtpa).toBeLessThanOrEqual((e?.capacityMtpa ?? 0) + 1e-9);
          expect(new Set([f.from, f.to])).toEqual(new Set([e?.from, e?.to]));
          balance.set(f.from, (balance.get(f.from) ?? 0) - f.flowMtpa);
          balance.set(f.to, (balance.get(f.to) ?? 0) + f.flowMtpa);
        }
        for (const [id, b] of balance) {
          if (id === t.from) expect(-b).toBeCloseTo(t.knownOnly.maxFlowMtpa, 5);
          else if (id === t.to) expect(b).toBeCloseTo(t.knownOnly.maxFlowMtpa, 5);
          else expect(b).toBeCloseTo(0, 5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports exactly the unknown-capacity edges on some simple path', () => {
    fc.assert(
      fc.property(netArb, corridorArb, (net, corridor) => {
        const t = runOn(net, corridor);
        expect(new Set(t.unknownCapacityEdges)).toEqual(bruteUnknownOnPaths(net, onCorridor(net, corridor)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('places with a capacity of their own', () => {
  const prov = { basis: 'reported' as const, sources: ['src-a'] };
  /**
   *   s --5-- p[3 Mt/yr; 6 from 2030] --5-- t,   s --1-- t
   * Through p at most 3 (its own capacity), plus 1 direct: 4, cut {p, s–t}. From 2030 p takes 6, so the
   * segments (5) limit: 5 + 1 = 6, cut {s–p or p–t, s–t}.
   */
  const net = () =>
    network(
      [node('s'), node('p', { kind: 'port', capacityMtpa: 3, periods: [{ fromYear: 2030, capacityMtpa: 6, ...prov }] }), node('t')],
      [edge('s-p', 's', 'p', { capacityMtpa: 5 }), edge('p-t', 'p', 't', { capacityMtpa: 5 }), edge('s-t', 's', 't', { capacityMtpa: 1 })],
    );
  it('counts the place as a cut', () => {
    const r = throughput(model(net()), { from: 's', to: 't', avoidCountries: [] });
    expect(r.knownOnly.maxFlowMtpa).toBe(4);
    expect(r.knownOnly.minCut.map((c) => `${c.kind}:${c.edge}:${c.capacityMtpa}`)).toEqual(['edge:s-t:1', 'node:p:3']);
    expect(r.flows).toEqual([
      { edge: 's-p', from: 's', to: 'p', flowMtpa: 3 },
      { edge: 'p-t', from: 'p', to: 't', flowMtpa: 3 },
      { edge: 's-t', from: 's', to: 't', flowMtpa: 1 },
    ]);
  });
  it('the planned capacity applies from its year', () => {
    const r = throughput(model(net()), { from: 's', to: 't', avoidCountries: [], year: 2030 });
    expect(r.knownOnly.maxFlowMtpa).toBe(6);
    expect(r.knownOnly.minCut.some((c) => c.kind === 'node')).toBe(false);
  });
  it('an origin or a destination with a capacity limits the flow too', () => {
    const r = throughput(model(net()), { from: 'p', to: 't', avoidCountries: [] });
    // p's own 3, although p–t (5) and p–s–t (1) could carry 6
    expect(r.knownOnly.maxFlowMtpa).toBe(3);
  });
});

describe('sea legs', () => {
  it('are not limiting: a sea route between ports without a figure is unbounded in both bounds, and no leg is "unknown"', () => {
    const net = network(
      [node('p', { kind: 'port' }), node('q', { kind: 'port' }), node('r', { kind: 'port', capacityMtpa: 7 })],
      [edge('p-q', 'p', 'q', { mode: 'sea' }), edge('q-r', 'q', 'r', { mode: 'sea' })],
    );
    const pq = throughput(model(net), q('p', 'q'));
    expect(pq.knownOnly).toEqual({ maxFlowMtpa: Infinity, minCut: [], unbounded: true });
    expect(pq.unknownCapacityEdges).toEqual([]);
    // A port with a capacity bounds it: 7 through r.
    const pr = throughput(model(net), q('p', 'r'));
    expect(pr.knownOnly.maxFlowMtpa).toBe(7);
    expect(pr.knownOnly.minCut.map((c) => `${c.kind}:${c.edge}`)).toEqual(['node:r']);
  });
});
