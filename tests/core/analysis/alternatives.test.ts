// Yen's K shortest loopless routes: worked answers on the fixture in tests/helpers/build.ts, and properties
// against brute-force enumeration of every simple edge path on random small networks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alternatives, corridorAlternatives } from '../../../src/core/analysis/alternatives.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery, type Objective, type QueryInput } from '../../../src/core/routing/query.ts';
import { QueryError } from '../../../src/core/errors.ts';
import type { Route } from '../../../src/core/routing/route.ts';
import { model, worked } from '../../helpers/build.ts';
import { allValues, makeQuery } from '../../helpers/brute.ts';
import { netArb } from '../../helpers/random.ts';

const m = model(worked());
const q = (input: QueryInput) => parseQuery(m, { from: 'a', to: 'd', ...input });
const edgesOf = (route: Route) => route.legs.map((l) => l.edge);

describe('alternatives on the worked fixture', () => {
  it('ranks every simple route from a to d by days', () => {
    // a-e-d: 3 + 0.5 (dwell e) + 3 = 6.5 d; a-b-d: 2 + 3 (dwell b) + 2 = 7 d;
    // a-c-d over c-d-2: 1 + 25 = 26 d; over c-d-1: 1 + 30 = 31 d. Only four simple routes exist.
    const res = alternatives(m, q({}), 10);
    expect(res.reason).toBeNull();
    expect(res.alternatives.map((a) => a.rank)).toEqual([1, 2, 3, 4]);
    expect(res.alternatives.map((a) => edgesOf(a.route))).toEqual([
      ['a-e', 'e-d'],
      ['a-b', 'b-d'],
      ['a-c', 'c-d-2'],
      ['a-c', 'c-d-1'],
    ]);
    expect(res.alternatives.map((a) => a.objectiveValue)).toEqual([6.5, 7, 26, 31]);
    expect(res.alternatives.map((a) => a.extra)).toEqual([0, 0.5, 19.5, 24.5]);
    expect(res.alternatives[0]?.objectiveValue).toBe(findRoute(m, q({})).route?.totals.transitDays.typical);
  });

  it('names what changed against the best route', () => {
    const [best, second, third, fourth] = alternatives(m, q({}), 4).alternatives;
    expect(best?.removedEdges).toEqual([]);
    expect(best?.addedEdges).toEqual([]);
    expect(second?.removedEdges).toEqual(['a-e', 'e-d']);
    expect(second?.addedEdges).toEqual(['a-b', 'b-d']);
    expect(second?.differs).toBe('via A–B and B–D instead of A–E and E–D; +0.5 days');
    expect(third?.differs).toBe('via A–C and C–D instead of A–E and E–D; +19.5 days');
    expect(fourth?.addedEdges).toEqual(['a-c', 'c-d-1']);
  });

  it('stops at k and keeps parallel edges as distinct routes', () => {
    // Sea corridor: the two parallel sea legs give two routes, 26 d and 31 d.
    expect(alternatives(m, q({}), 2).alternatives.map((a) => a.objectiveValue)).toEqual([6.5, 7]);
    const sea = alternatives(m, q({ corridor: 'sea' }), 5).alternatives;
    expect(sea.map((a) => edgesOf(a.route))).toEqual([
      ['a-c', 'c-d-2'],
      ['a-c', 'c-d-1'],
    ]);
    // Both pass C–D; the id tells the parallel edges apart.
    expect(sea[1]?.differs).toBe('via C–D (c-d-1) instead of C–D (c-d-2); +5.0 days');
  });

  it('leaves out edges without a cost figure for cost, and breaks exact ties by the edge-id sequence', () => {
    // cost: a-b-d 500 + 100 (dwell cost b) + 500 = $1,100; a-c-d-1 100 + 1,500 = $1,600; a-c-d-2 $2,100; e-d has no cost.
    const cost = alternatives(m, q({ objective: 'cost' }), 10).alternatives;
    expect(cost.map((a) => [edgesOf(a.route), a.objectiveValue])).toEqual([
      [['a-b', 'b-d'], 1100],
      [['a-c', 'c-d-1'], 1600],
      [['a-c', 'c-d-2'], 2100],
    ]);
    expect(cost[1]?.differs).toBe('via A–C and C–D instead of A–B and B–D; +$500 per FEU');
    // km: a-b-d 2,000; a-e-d 3,000; both sea routes 9,200 km (a tie: c-d-1 sorts before c-d-2).
    const km = alternatives(m, q({ objective: 'km' }), 3).alternatives;
    expect(km.map((a) => [edgesOf(a.route), a.objectiveValue])).toEqual([
      [['a-b', 'b-d'], 2000],
      [['a-e', 'e-d'], 3000],
      [['a-c', 'c-d-1'], 9200],
    ]);
    // co2 (20 t/FEU): a-b-d 400 + 600 = 1,000 kg; a-e-d 900 + 900 = 1,800; sea 120 + 1,800 = 1,920 each.
    expect(alternatives(m, q({ objective: 'co2' }), 10).alternatives.map((a) => a.objectiveValue)).toEqual([1000, 1800, 1920, 1920]);
  });

  it('passes through d on the way to t', () => {
    // d has no dwell and d-t is 0 d, so the values match a → d.
    const res = alternatives(m, parseQuery(m, { from: 'a', to: 't' }), 10);
    expect(res.alternatives.map((a) => a.objectiveValue)).toEqual([6.5, 7, 26, 31]);
    expect(res.alternatives.every((a) => a.route.nodes.join() === [...a.route.nodes.slice(0, -2), 'd', 't'].join())).toBe(true);
  });

  it('gives findRoute’s reason when there is no route', () => {
    const query = parseQuery(m, { from: 'a', to: 'x' });
    const res = alternatives(m, query, 3);
    expect(res.alternatives).toEqual([]);
    expect(res.reason).toBe(findRoute(m, query).reason);
    expect(res.reason).toMatch(/No route from A to X/);
  });

  it('rejects k outside 1..10', () => {
    for (const k of [0, 11, -1, 1.5, Number.NaN]) {
      expect(() => alternatives(m, q({}), k)).toThrow(QueryError);
      try {
        alternatives(m, q({}), k);
      } catch (err) {
        expect((err as QueryError).field).toBe('alternatives');
        expect((err as QueryError).code).toBe('BAD_QUERY');
      }
    }
    expect(alternatives(m, q({}), 1).alternatives).toHaveLength(1);
    expect(alternatives(m, q({}), 10).alternatives).toHaveLength(4);
    expect(() => corridorAlternatives(m, q({}), 0)).toThrow(QueryError);
  });

  it('gives alternatives per corridor and on all edges', () => {
    const res = corridorAlternatives(m, q({ corridor: 'sea' }), 3);
    expect(res.corridors.map((c) => [c.corridor, c.name, c.alternatives.map((a) => a.objectiveValue)])).toEqual([
      ['north', 'North corridor', [7]],
      ['south', 'South corridor', [6.5]],
      ['sea', 'Sea corridor', [26, 31]],
    ]);
    expect(res.best.alternatives.map((a) => a.objectiveValue)).toEqual([6.5, 7, 26]);
    expect(res.best.reason).toBeNull();
    const none = corridorAlternatives(m, parseQuery(m, { from: 'a', to: 'x' }), 2);
    expect(none.corridors.every((c) => c.alternatives.length === 0 && c.reason !== null)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties against brute force.

const queryArb = fc.record({
  objective: fc.constantFrom<Objective>('days', 'cost', 'km'),
  corridor: fc.constantFrom(undefined, 'north', 'south'),
  k: fc.integer({ min: 1, max: 10 }),
});

describe('alternatives properties', () => {
  it('are the k smallest simple routes, each a distinct simple path, in order, rank 1 = findRoute', () => {
    fc.assert(
      fc.property(netArb, queryArb, (net, o) => {
        const q = makeQuery(net, o);
        const mm = model(net);
        const res = alternatives(mm, q, o.k);
        const brute = allValues(net, q);
        const best = findRoute(mm, q);
        if (brute.length === 0) {
          expect(res.alternatives).toEqual([]);
          expect(res.reason).toBe(best.reason);
          return;
        }
        expect(res.reason).toBeNull();
        const alts = res.alternatives;
        expect(alts).toHaveLength(Math.min(o.k, brute.length));
        const keys = new Set<string>();
        alts.forEach((a, i) => {
          expect(a.rank).toBe(i + 1);
          const { nodes, legs } = a.route;
          expect(nodes[0]).toBe(q.from);
          expect(nodes[nodes.length - 1]).toBe(q.to);
          expect(new Set(nodes).size).toBe(nodes.length);
          legs.forEach((leg, j) => {
            const e = net.edges.find((x) => x.id === leg.edge);
            expect(e && new Set([e.from, e.to])).toEqual(new Set([nodes[j], nodes[j + 1]]));
            if (q.corridor) expect(e?.corridors).toContain(q.corridor);
          });
          keys.add(edgesOf(a.route).join(','));
          if (i > 0) expect(a.objectiveValue).toBeGreaterThanOrEqual(alts[i - 1]?.objectiveValue ?? -Infinity);
          expect(a.extra).toBeCloseTo(a.objectiveValue - (alts[0]?.objectiveValue ?? 0), 6);
        });
        expect(keys.size).toBe(alts.length);
        const bestValue = q.objective === 'days' ? best.route?.totals.transitDays.typical : q.objective === 'km' ? best.route?.totals.distanceKm : best.route?.totals.costUsdPerFeu?.typical;
        expect(alts[0]?.objectiveValue).toBeCloseTo(bestValue ?? Number.NaN, 6);
        alts.forEach((a, i) => expect(a.objectiveValue).toBeCloseTo(brute[i] ?? Number.NaN, 6));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic and independent of k: the first k of k+1 are the k', () => {
    fc.assert(
      fc.property(netArb, queryArb, (net, o) => {
        const q = makeQuery(net, o);
        const mm = model(net);
        const k = Math.min(o.k, 9);
        const a = alternatives(mm, q, k).alternatives.map((x) => edgesOf(x.route).join(','));
        const b = alternatives(mm, q, k + 1).alternatives.map((x) => edgesOf(x.route).join(','));
        expect(b.slice(0, a.length)).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
