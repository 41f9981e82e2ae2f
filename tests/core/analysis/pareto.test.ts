// Pareto routes by multi-criteria label setting: worked fronts on the fixture in tests/helpers/build.ts, and
// properties against brute-force enumeration of every simple edge path on random small networks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CRITERIA, paretoRoutes, type Criterion } from '../../../src/core/analysis/pareto.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery, type Query, type QueryInput } from '../../../src/core/routing/query.ts';
import { QueryError } from '../../../src/core/errors.ts';
import { buildRoute, type Route } from '../../../src/core/routing/route.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r, worked } from '../../helpers/build.ts';
import { netArb } from '../../helpers/random.ts';

const m = model(worked());
const q = (input: QueryInput = {}) => parseQuery(m, { from: 'a', to: 'd', ...input });
const edgesOf = (route: Route) => route.legs.map((l) => l.edge);

/*
 * The simple routes from a to d on the worked fixture (dwell b: 3 d, $100; dwell e: 0.5 d, no cost; 20 t/FEU):
 *
 *   route              days   cost     km     co2 kg
 *   a-e-d              6.5    –        3,000  1,800   (e-d has no cost figure: left out whenever 'cost' is asked)
 *   a-b-d              7      1,100    2,000  1,000   (a-b electric 400 + b-d diesel 600)
 *   a-c-d (c-d-2)      26     2,100    9,200  1,920   (a-c diesel 120 + sea 1,800)
 *   a-c-d (c-d-1)      31     1,600    9,200  1,920
 */
describe('pareto routes on the worked fixture', () => {
  it('days and cost: a-b-d beats both sea routes on both, so the front is one route', () => {
    // Without a-e-d (no cost), a-b-d (7 d, $1,100) is below (26 d, $2,100) and (31 d, $1,600).
    const res = paretoRoutes(m, q(), ['days', 'cost']);
    expect(res.reason).toBeNull();
    expect(res.truncated).toBe(false);
    expect(res.routes.map((p) => [edgesOf(p.route), p.values])).toEqual([[['a-b', 'b-d'], { days: 7, cost: 1100 }]]);
    expect(res.routes[0]?.corridors).toEqual(['north']);
  });

  it('days and cost conflict on the sea corridor: the faster parallel leg costs more', () => {
    // c-d-2: 26 d, $2,100; c-d-1: 31 d, $1,600 — neither is below the other on both. Sorted by days.
    const res = paretoRoutes(m, q({ corridor: 'sea' }), ['days', 'cost']);
    expect(res.routes.map((p) => [edgesOf(p.route), p.values])).toEqual([
      [['a-c', 'c-d-2'], { days: 26, cost: 2100 }],
      [['a-c', 'c-d-1'], { days: 31, cost: 1600 }],
    ]);
    // Sorted by the first criterion: cost first puts c-d-1 first.
    expect(paretoRoutes(m, q({ corridor: 'sea' }), ['cost', 'days']).routes.map((p) => p.values)).toEqual([
      { cost: 1600, days: 31 },
      { cost: 2100, days: 26 },
    ]);
  });

  it('days and km: south is faster, north is shorter; sea is beaten', () => {
    // a-e-d (6.5 d, 3,000 km) vs a-b-d (7 d, 2,000 km): a trade-off; both sea routes (9,200 km) are dominated.
    const res = paretoRoutes(m, q(), ['days', 'km']);
    expect(res.routes.map((p) => [edgesOf(p.route), p.values])).toEqual([
      [['a-e', 'e-d'], { days: 6.5, km: 3000 }],
      [['a-b', 'b-d'], { days: 7, km: 2000 }],
    ]);
  });

  it('weak dominance: equal on all but one criterion is enough to drop a route', () => {
    // km and co2 only: the two sea routes tie (9,200 km, 1,920 kg) and a-b-d (2,000 km, 1,000 kg) beats them and a-e-d.
    expect(paretoRoutes(m, q(), ['km', 'co2']).routes.map((p) => edgesOf(p.route))).toEqual([['a-b', 'b-d']]);
    // On the sea corridor the two routes have identical km and co2: one is kept, the smaller edge-id sequence.
    expect(paretoRoutes(m, q({ corridor: 'sea' }), ['km', 'co2']).routes.map((p) => [edgesOf(p.route), p.values])).toEqual([
      [['a-c', 'c-d-1'], { km: 9200, co2: 1920 }],
    ]);
    // Adding days separates them again: c-d-2 is faster (26 d < 31 d) with the same km and co2, so only it is kept.
    expect(paretoRoutes(m, q({ corridor: 'sea' }), ['km', 'co2', 'days']).routes.map((p) => edgesOf(p.route))).toEqual([['a-c', 'c-d-2']]);
  });

  it('all four criteria', () => {
    // Only routes with a cost: a-b-d is best on days, cost, km and co2.
    const res = paretoRoutes(m, q(), ['co2', 'km', 'days', 'cost']);
    expect(res.routes.map((p) => p.values)).toEqual([{ co2: 1000, km: 2000, days: 7, cost: 1100 }]);
  });

  it('keeps one of two identical routes: the smaller edge-id sequence, whatever the edge order', () => {
    // Two identical parallel edges a-b ("z" listed first, "y" second): one route, over y.
    const net = network([node('a'), node('b')], [edge('z', 'a', 'b', { costUsdPerFeu: r(5) }), edge('y', 'a', 'b', { costUsdPerFeu: r(5) })]);
    const res = paretoRoutes(model(net), { from: 'a', to: 'b', objective: 'days', avoidCountries: [] }, ['days', 'cost']);
    expect(res.routes.map((p) => edgesOf(p.route))).toEqual([['y']]);
  });

  it('gives the no-route reason, and a cost-specific one when only edges without cost join the ends', () => {
    const island = parseQuery(m, { from: 'a', to: 'x' });
    const res = paretoRoutes(m, island, ['days', 'km']);
    expect(res.routes).toEqual([]);
    expect(res.reason).toBe(findRoute(m, island).reason);
    // a → e: only a-e, which has a cost; e → d with cost: e-d has none, but e-a-b-d does.
    const ed = paretoRoutes(m, parseQuery(m, { from: 'e', to: 'd', corridor: 'south' }), ['days', 'cost']);
    expect(ed.routes).toEqual([]);
    expect(ed.reason).toBe(findRoute(m, parseQuery(m, { from: 'e', to: 'd', corridor: 'south', objective: 'cost' })).reason);
    expect(ed.reason).toMatch(/cost/);
  });

  it('rejects fewer than 2, more than 4, repeated or unknown criteria, and a bad maxLabels', () => {
    const bad: unknown[] = [[], ['days'], ['days', 'days'], ['days', 'cost', 'co2', 'km', 'days'], ['days', 'speed']];
    for (const criteria of bad) {
      let caught: unknown;
      try {
        paretoRoutes(m, q(), criteria as Criterion[]);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(QueryError);
      expect((caught as QueryError).field).toBe('criteria');
      expect((caught as QueryError).code).toBe('BAD_QUERY');
    }
    expect(() => paretoRoutes(m, q(), ['days', 'km'], { maxLabels: 0 })).toThrow(QueryError);
    expect(CRITERIA).toEqual(['days', 'cost', 'co2', 'km']);
  });

  it('reports truncation when the label bound is hit', () => {
    const tiny = paretoRoutes(m, q(), ['days', 'km'], { maxLabels: 1 });
    expect(tiny.truncated).toBe(true);
    expect(tiny.routes).toEqual([]);
    expect(tiny.reason).toMatch(/limit of 1 labels/);
    const some = paretoRoutes(m, q(), ['days', 'km'], { maxLabels: 3 });
    expect(some.truncated).toBe(true);
    expect(paretoRoutes(m, q(), ['days', 'km']).truncated).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties against brute force.

const EPS = 1e-6;
const noWorse = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x <= (b[i] ?? Infinity) + EPS);
const sameVector = (a: readonly number[], b: readonly number[]) => a.every((x, i) => Math.abs(x - (b[i] ?? Infinity)) <= EPS);
const dominates = (a: readonly number[], b: readonly number[]) => noWorse(a, b) && a.some((x, i) => x < (b[i] ?? Infinity) - EPS);

function valueOf(route: Route, c: Criterion): number {
  if (c === 'days') return route.totals.transitDays.typical;
  if (c === 'cost') return route.totals.costUsdPerFeu?.typical ?? Number.NaN;
  if (c === 'co2') return route.totals.co2KgPerFeu;
  return route.totals.distanceKm;
}

/** The value vector of every simple edge path within the filters, by enumeration (totals from buildRoute). */
function allVectors(net: Network, q: Query, criteria: Criterion[]): { edges: string[]; vector: number[] }[] {
  const mm = model(net);
  const edges = net.edges.filter((e) => (q.corridor === undefined || e.corridors.includes(q.corridor)) && (!criteria.includes('cost') || e.costUsdPerFeu));
  const out: { edges: string[]; vector: number[] }[] = [];
  const walk = (at: string, nodes: string[], ids: string[]) => {
    if (at === q.to) {
      const route = buildRoute(mm, nodes, ids, mm.factors.tonnesPerFeu.value);
      out.push({ edges: [...ids], vector: criteria.map((c) => valueOf(route, c)) });
      return;
    }
    for (const e of edges) {
      const next = e.from === at ? e.to : e.to === at ? e.from : null;
      if (next === null || nodes.includes(next)) continue;
      walk(next, [...nodes, next], [...ids, e.id]);
    }
  };
  walk(q.from, [q.from], []);
  return out;
}

const criteriaArb = fc.shuffledSubarray([...CRITERIA], { minLength: 2, maxLength: 4 });
const corridorArb = fc.constantFrom(undefined, 'north', 'south');

const makeQuery = (net: Network, corridor: string | undefined): Query => {
  const last = net.nodes[net.nodes.length - 1]?.id ?? 'n1';
  return { from: 'n0', to: last, objective: 'days', avoidCountries: [], ...(corridor ? { corridor } : {}) };
};

describe('pareto properties', () => {
  it('returns exactly the non-dominated value vectors of all simple paths, one route each', () => {
    fc.assert(
      fc.property(netArb, criteriaArb, corridorArb, (net, criteria, corridor) => {
        const q = makeQuery(net, corridor);
        const res = paretoRoutes(model(net), q, criteria);
        const all = allVectors(net, q, criteria);
        expect(res.truncated).toBe(false);
        if (all.length === 0) {
          expect(res.routes).toEqual([]);
          expect(res.reason).not.toBeNull();
          return;
        }
        expect(res.reason).toBeNull();
        const got = res.routes.map((p) => criteria.map((c) => p.values[c] ?? Number.NaN));
        res.routes.forEach((p, i) => {
          const { nodes } = p.route;
          expect(nodes[0]).toBe(q.from);
          expect(nodes[nodes.length - 1]).toBe(q.to);
          expect(new Set(nodes).size).toBe(nodes.length);
          expect(Object.keys(p.values).sort()).toEqual([...criteria].sort());
          expect(p.corridors).toEqual(p.route.corridors);
          // The route is one of the enumerated paths, with the same values.
          const same = all.find((a) => a.edges.join() === edgesOf(p.route).join());
          expect(same).toBeDefined();
          expect(sameVector(same?.vector ?? [], got[i] ?? [])).toBe(true);
          // Sorted by the first criterion.
          if (i > 0) expect(got[i]?.[0]).toBeGreaterThanOrEqual((got[i - 1]?.[0] ?? -Infinity) - EPS);
        });
        // No returned route is dominated by, or identical to, another returned one.
        got.forEach((a, i) => got.forEach((b, j) => i !== j && expect(dominates(b, a) || sameVector(a, b)).toBe(false)));
        // No simple path left out dominates a returned one.
        for (const a of all) for (const g of got) expect(dominates(a.vector, g)).toBe(false);
        // Every non-dominated vector is present.
        const front = all.filter((a) => !all.some((b) => dominates(b.vector, a.vector)));
        for (const f of front) expect(got.some((g) => sameVector(g, f.vector))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('each route is one of the paths with its values, and the answer is deterministic', () => {
    fc.assert(
      fc.property(netArb, criteriaArb, corridorArb, (net, criteria, corridor) => {
        const q = makeQuery(net, corridor);
        const res = paretoRoutes(model(net), q, criteria);
        const all = allVectors(net, q, criteria);
        for (const p of res.routes) {
          const vector = criteria.map((c) => p.values[c] ?? Number.NaN);
          const ties = all.filter((a) => sameVector(a.vector, vector)).map((a) => a.edges);
          expect(ties.length).toBeGreaterThan(0);
          // The kept route is a tie; it is not always the global smallest (see pareto.ts), but it is deterministic.
          expect(ties.map((t) => t.join())).toContain(edgesOf(p.route).join());
        }
        expect(paretoRoutes(model(net), q, criteria).routes.map((p) => edgesOf(p.route))).toEqual(res.routes.map((p) => edgesOf(p.route)));
      }),
      { numRuns: 150 },
    );
  });
});
