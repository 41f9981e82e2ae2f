// Property tests on random small networks: totals add up, paths are simple and joined, the route is
// never worse than brute-force enumeration of simple paths, and closing an edge never helps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import type { Objective, Query } from '../../../src/core/routing/query.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import type { Route } from '../../../src/core/routing/route.ts';
import { model } from '../../helpers/build.ts';
import { netArb } from '../../helpers/random.ts';
import { allValues, makeQuery } from '../../helpers/brute.ts';

const objectiveArb = fc.constantFrom<Objective>('days', 'cost', 'km');

/** The best objective value over all simple paths, by enumeration; null when none. */
const bruteForce = (net: Network, q: Query): number | null => allValues(net, q)[0] ?? null;

function objectiveOf(route: Route, objective: Objective): number {
  if (objective === 'days') return route.totals.transitDays.typical;
  if (objective === 'km') return route.totals.distanceKm;
  return route.totals.costUsdPerFeu?.typical ?? Number.NaN;
}

const queryArb = fc.record({ objective: objectiveArb, corridor: fc.constantFrom(undefined, 'north', 'south') });

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
