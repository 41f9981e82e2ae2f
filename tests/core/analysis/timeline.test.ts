// The timeline: worked answers on a fixture where planned segments open, year checks, and properties
// on random networks with planned edges (openings never slow the best route; each point matches findRoute).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { timeline } from '../../../src/core/analysis/timeline.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { QueryError } from '../../../src/core/errors.ts';
import type { Query } from '../../../src/core/routing/query.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r } from '../../helpers/build.ts';
import { plannedNetArb } from '../../helpers/random.ts';

/**
 *   north: a --(3 d, 10 Mt)-- b[dwell 1 d] --(3 d, 8 Mt)-- d        planned a-d-new: 2 d, 4 Mt, opens 2029
 *   south: a --(5 d, 3 Mt)-- c --(5 d, unknown)-- d                  under construction c-d-fast: 2 d, 6 Mt, opens 2031
 *   sea:   no edges.
 *   Also: b-d-2 (planned, 2030) is closed; a-b-old is operational with opensYear 2030 (counts every year).
 */
function fixture(): Network {
  return network(
    [node('a'), node('b', { dwellDays: r(1, 0.5, 2) }), node('c'), node('d')],
    [
      edge('a-b', 'a', 'b', { transitDays: r(3, 2, 4), capacityMtpa: 10 }),
      edge('b-d', 'b', 'd', { transitDays: r(3, 2, 5), capacityMtpa: 8 }),
      edge('a-d-new', 'a', 'd', { name: 'A–D cut-off', transitDays: r(2, 1.5, 3), capacityMtpa: 4, status: 'planned', opensYear: 2029 }),
      edge('b-d-2', 'b', 'd', { transitDays: r(1), capacityMtpa: 20, status: 'planned', opensYear: 2030 }),
      edge('a-b-old', 'a', 'b', { transitDays: r(4), capacityMtpa: 1, opensYear: 2030 }),
      edge('a-c', 'a', 'c', { transitDays: r(5), capacityMtpa: 3, corridors: ['south'] }),
      edge('c-d', 'c', 'd', { transitDays: r(5), corridors: ['south'] }),
      edge('c-d-fast', 'c', 'd', { transitDays: r(2), capacityMtpa: 6, status: 'under-construction', opensYear: 2031, corridors: ['south'] }),
    ],
  );
}

const m = model(fixture(), { edges: new Map([['b-d-2', 'cancelled']]) });
const query: Query = { from: 'a', to: 'd', objective: 'days', avoidCountries: [] };

describe('worked timeline', () => {
  const t = timeline(m, query, 2027, 2032);
  const line = (id: string) => t.corridors.find((c) => c.corridor === id)?.points ?? [];

  it('north: 7 d until the cut-off opens in 2029, then 2 d on a new route with a smaller bottleneck', () => {
    // 2027–2028: a-b 3 + dwell b 1 + b-d 3 = 7 d (min 2 + 0.5 + 2 = 4.5, max 4 + 2 + 5 = 11), bottleneck b-d 8 Mt.
    // 2029 on: a-d-new 2 d (1.5–3), bottleneck a-d-new 4 Mt.
    expect(t.years).toEqual([2027, 2028, 2029, 2030, 2031, 2032]);
    const north = line('north');
    expect(north.map((p) => p.days)).toEqual([7, 7, 2, 2, 2, 2]);
    expect(north[0]).toEqual({ year: 2027, days: 7, daysMin: 4.5, daysMax: 11, capacityMtpa: 8, bottleneckEdge: 'b-d', routeChanged: false, opened: [] });
    expect(north[2]).toEqual({ year: 2029, days: 2, daysMin: 1.5, daysMax: 3, capacityMtpa: 4, bottleneckEdge: 'a-d-new', routeChanged: true, opened: ['a-d-new'] });
    expect(north.map((p) => p.routeChanged)).toEqual([false, false, true, false, false, false]);
    // b-d-2 (2030) is closed and a-b-old is operational: neither is "opened".
    expect(north.map((p) => p.opened)).toEqual([[], [], ['a-d-new'], [], [], []]);
  });

  it('south: 10 d until c-d-fast opens in 2031, then 7 d; sea has no route', () => {
    // a-c 5 + c-d 5 = 10 d, bottleneck a-c 3 Mt (c-d unknown); from 2031 a-c 5 + c-d-fast 2 = 7 d, still a-c 3 Mt.
    const south = line('south');
    expect(south.map((p) => p.days)).toEqual([10, 10, 10, 10, 7, 7]);
    expect(south.map((p) => p.capacityMtpa)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(south.map((p) => p.routeChanged)).toEqual([false, false, false, false, true, false]);
    expect(south[4]?.opened).toEqual(['c-d-fast']);
    const sea = line('sea');
    expect(sea.every((p) => p.days === null && p.capacityMtpa === null && p.bottleneckEdge === null && !p.routeChanged)).toBe(true);
  });

  it('best: north 7 d, then the cut-off from 2029; openings list both new segments', () => {
    expect(t.best.map((p) => p.days)).toEqual([7, 7, 2, 2, 2, 2]);
    expect(t.best.map((p) => p.routeChanged)).toEqual([false, false, true, false, false, false]);
    expect(t.best.map((p) => p.opened)).toEqual([[], [], ['a-d-new'], [], ['c-d-fast'], []]);
    expect(t.openings).toEqual([
      { year: 2029, edges: [{ id: 'a-d-new', name: 'A–D cut-off', corridors: ['north'] }] },
      { year: 2031, edges: [{ id: 'c-d-fast', name: 'C–D', corridors: ['south'] }] },
    ]);
    expect(t).toMatchObject({ from: 'a', to: 'd', objective: 'days' });
    expect(t.corridors.map((c) => [c.corridor, c.name])).toEqual([
      ['north', 'North corridor'],
      ['south', 'South corridor'],
      ['sea', 'Sea corridor'],
    ]);
  });

  it('a year after everything opened has no change; the query\'s own year and corridor are ignored', () => {
    const late = timeline(m, { ...query, year: 2000, corridor: 'sea' }, 2032, 2032);
    expect(late.corridors.find((c) => c.corridor === 'north')?.points).toEqual([
      { year: 2032, days: 2, daysMin: 1.5, daysMax: 3, capacityMtpa: 4, bottleneckEdge: 'a-d-new', routeChanged: false, opened: [] },
    ]);
    expect(late.openings).toEqual([]);
  });

  it('filters apply to what opens: avoiding a country keeps its new segment out', () => {
    const net = fixture();
    net.nodes = net.nodes.map((n) => (n.id === 'c' ? { ...n, country: 'IR' } : n));
    const t2 = timeline(model(net, { edges: new Map([['b-d-2', 'cancelled']]) }), { ...query, avoidCountries: ['IR'] }, 2030, 2031);
    expect(t2.openings).toEqual([]);
    expect(t2.corridors.find((c) => c.corridor === 'south')?.points.map((p) => p.days)).toEqual([null, null]);
  });
});

describe('year checks', () => {
  it('rejects reversed, out-of-range, fractional and over-long spans with field "years"', () => {
    const field = (a: number, b: number) => {
      try {
        timeline(m, query, a, b);
        return null;
      } catch (err) {
        if (err instanceof QueryError) return err.field;
        throw err;
      }
    };
    expect(field(2030, 2029)).toBe('years');
    expect(field(1899, 1910)).toBe('years');
    expect(field(2090, 2101)).toBe('years');
    expect(field(2020.5, 2030)).toBe('years');
    expect(field(2000, 2050)).toBe('years'); // 51 years
    expect(field(2000, 2049)).toBeNull(); // 50 years
    expect(field(1900, 1900)).toBeNull();
  });
});

describe('timeline properties', () => {
  const ends = (net: Network) => ({ from: 'n0', to: net.nodes[net.nodes.length - 1]?.id ?? 'n1' });

  it('each point is findRoute for that year; openings (2030) never slow the best days route, and only then does it change', () => {
    fc.assert(
      fc.property(plannedNetArb, (net) => {
        const mm = model(net);
        const q: Query = { ...ends(net), objective: 'days', avoidCountries: [] };
        const t = timeline(mm, q, 2028, 2032);
        t.years.forEach((year, i) => {
          const res = findRoute(mm, { ...q, year });
          expect(t.best[i]?.days).toBe(res.route?.totals.transitDays.typical ?? null);
          expect(t.best[i]?.capacityMtpa).toBe(res.route?.totals.capacityMtpa ?? null);
          t.corridors.forEach((c) => {
            const cr = findRoute(mm, { ...q, year, corridor: c.corridor });
            expect(c.points[i]?.days).toBe(cr.route?.totals.transitDays.typical ?? null);
          });
        });
        for (const points of [t.best, ...t.corridors.map((c) => c.points)]) {
          points.forEach((p, i) => {
            if (p.year !== 2030) {
              expect(p.routeChanged).toBe(false);
              expect(p.opened).toEqual([]);
            }
            const prev = points[i - 1];
            if (prev && prev.days !== null) {
              expect(p.days).not.toBeNull();
              expect(p.days ?? Infinity).toBeLessThanOrEqual(prev.days + 1e-9);
            }
          });
        }
        const planned = net.edges.filter((e) => e.status === 'planned').map((e) => e.id).sort();
        expect(t.openings.flatMap((o) => o.edges.map((e) => e.id)).sort()).toEqual(planned);
        expect(t.openings.every((o) => o.year === 2030)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
