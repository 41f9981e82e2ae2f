// Property tests on random small networks: totals add up, paths are simple and joined, the route is
// never worse than brute-force enumeration of simple paths, and closing an edge never helps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRoute } from '../../src/core/shortest-route.ts';
import type { Objective, Query } from '../../src/core/query.ts';
import type { Edge, Network } from '../../src/core/schema.ts';
import type { Route } from '../../src/core/route.ts';
import { model } from '../helpers/build.ts';
import { netArb } from '../helpers/random.ts';

const objectiveArb = fc.constantFrom<Objective>('days', 'cost', 'km');

function edgeValue(e: Edge, objective: Objective): number | null {
  if (objective === 'days') return e.transitDays.typical;
  if (objective === 'km') return e.distanceKm;
  return e.costUsdPerFeu ? e.costUsdPerFeu.typical : null;
}

/** The best objective value over all simple paths, by enumeration; null when none. */
function bruteForce(net: Network, q: Query): number | null {
  const edges = net.edges.filter((e) => q.corridor === undefined || e.corridors.includes(q.corridor));
  const dwell = (id: string) => {
    const n = net.nodes.find((x) => x.id === id);
    if (q.objective === 'days') return n?.dwellDays?.typical ?? 0;
    if (q.objective === 'cost') return n?.dwellCostUsdPerFeu?.typical ?? 0;
    return 0;
  };
  let best: number | null = null;
  const walk = (at: string, seen: Set<string>, sum: number) => {
    if (at === q.to) {
      if (best === null || sum < best) best = sum;
      return;
    }
    for (const e of edges) {
      const next = e.from === at ? e.to : e.to === at ? e.from : null;
      const w = edgeValue(e, q.objective);
      if (next === null || w === null || seen.has(next)) continue;
      seen.add(next);
      walk(next, seen, sum + w + (next === q.to ? 0 : dwell(next)));
      seen.delete(next);
    }
  };
  walk(q.from, new Set([q.from]), 0);
  return best;
}

function objectiveOf(route: Route, objective: Objective): number {
  if (objective === 'days') return route.totals.transitDays.typical;
  if (objective === 'km') return route.totals.distanceKm;
  return route.totals.costUsdPerFeu?.typical ?? Number.NaN;
}

const queryArb = fc.record({ objective: objectiveArb, corridor: fc.constantFrom(undefined, 'north', 'south') });

const makeQuery = (net: Network, o: { objective: Objective; corridor: string | undefined }): Query => {
  const last = net.nodes[net.nodes.length - 1]?.id ?? 'n1';
  return { from: 'n0', to: last, objective: o.objective, avoidCountries: [], ...(o.corridor ? { corridor: o.corridor } : {}) };
};

describe('route properties', () => {
  it('is never worse than any simple path, and finds one whenever one exists', () => {
    fc.assert(
      fc.property(netArb, queryArb, (net, o) => {
        const q = makeQuery(net, o);
        const res = findRoute(model(net), q);
        const brute = bruteForce(net, q);
        if (brute === null) expect(res.route).toBeNull();
        else {
          expect(res.route).not.toBeNull();
          expect(objectiveOf(res.route as Route, q.objective)).toBeCloseTo(brute, 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('totals equal the sum of the legs and dwells; the path is simple and joins origin to destination', () => {
    fc.assert(
      fc.property(netArb, queryArb, (net, o) => {
        const q = makeQuery(net, o);
        const route = findRoute(model(net), q).route;
        if (!route) return;
        expect(route.nodes[0]).toBe(q.from);
        expect(route.nodes[route.nodes.length - 1]).toBe(q.to);
        expect(new Set(route.nodes).size).toBe(route.nodes.length);
        route.legs.forEach((leg, i) => {
          expect(leg.from).toBe(route.nodes[i]);
          expect(leg.to).toBe(route.nodes[i + 1]);
          const e = net.edges.find((x) => x.id === leg.edge);
          expect(e && new Set([e.from, e.to])).toEqual(new Set([leg.from, leg.to]));
          expect(leg.dwellDays === null).toBe(i === route.legs.length - 1 || !net.nodes.find((n) => n.id === leg.to)?.dwellDays);
        });
        for (const k of ['typical', 'min', 'max'] as const) {
          const days = route.legs.reduce((s, l) => s + l.transitDays[k] + (l.dwellDays?.[k] ?? 0), 0);
          expect(route.totals.transitDays[k]).toBeCloseTo(days, 6);
        }
        expect(route.totals.distanceKm).toBeCloseTo(route.legs.reduce((s, l) => s + l.distanceKm, 0), 6);
        expect(route.totals.co2KgPerFeu).toBeCloseTo(route.legs.reduce((s, l) => s + l.co2KgPerFeu, 0), 6);
        const known = route.legs.map((l) => l.capacityMtpa).filter((c): c is number => c !== null);
        expect(route.totals.capacityMtpa).toBe(known.length ? Math.min(...known) : null);
        if (route.legs.some((l) => l.costUsdPerFeu === null)) expect(route.totals.costUsdPerFeu).toBeNull();
        else expect(route.totals.costUsdPerFeu?.typical).toBeCloseTo(route.legs.reduce((s, l) => s + (l.costUsdPerFeu?.typical ?? 0) + (l.dwellCostUsdPerFeu?.typical ?? 0), 0), 6);
      }),
      { numRuns: 300 },
    );
  });

  it('closing an edge never makes the route better', () => {
    fc.assert(
      fc.property(netArb, queryArb, fc.nat(), (net, o, pick) => {
        const q = makeQuery(net, o);
        const before = findRoute(model(net), q).route;
        const closed = net.edges[pick % net.edges.length]?.id ?? '';
        const after = findRoute(model(net, { edges: new Map([[closed, 'closed']]) }), q).route;
        if (!before) expect(after).toBeNull();
        if (after && before) expect(objectiveOf(after, q.objective)).toBeGreaterThanOrEqual(objectiveOf(before, q.objective) - 1e-9);
        if (after) expect(after.legs.some((l) => l.edge === closed)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
