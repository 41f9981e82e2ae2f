// Transit-day distributions: worked answers (degenerate ranges, a single leg's PERT mean and variance),
// option checks, and properties on random chains (ordered percentiles, samples within the summed range, seeding).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corridorDistributions, sampleTransit, samplePert, transitDistribution } from '../../../src/core/analysis/uncertainty.ts';
import { beta, gamma, mulberry32, subSeed } from '../../../src/core/analysis/random.ts';
import { QueryError } from '../../../src/core/errors.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import type { Route } from '../../../src/core/routing/route.ts';
import type { Range } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r, worked } from '../../helpers/build.ts';
import { rangeArb } from '../../helpers/random.ts';

/** The route along a chain n0 – n1 – … with the given leg ranges and dwells at n1, n2, …. */
function chainRoute(legs: Range[], dwells: (Range | undefined)[] = []): Route {
  const nodes = [node('n0'), ...legs.map((_, i) => node(`n${i + 1}`, dwells[i] ? { dwellDays: dwells[i] } : {}))];
  const edges = legs.map((days, i) => edge(`e${i}`, `n${i}`, `n${i + 1}`, { transitDays: days }));
  const res = findRoute(model(network(nodes, edges)), { from: 'n0', to: `n${legs.length}`, objective: 'days', avoidCountries: [] });
  if (!res.route) throw new Error(res.reason);
  return res.route;
}

const moments = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe('worked', () => {
  it('a route of one degenerate leg is that value at every percentile', () => {
    const d = transitDistribution(chainRoute([r(5)]), { samples: 1000, seed: 1, withinDays: 5 });
    expect([d.p10, d.p50, d.p90, d.mean, d.min, d.max, d.summedMin, d.summedMax]).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(d.withinDays).toEqual({ days: 5, probability: 1 });
    expect(d.histogram).toEqual([{ fromDays: 5, toDays: 5, count: 1000 }]);
  });

  it('a degenerate leg adds its constant: 5 d fixed plus a 1–3 d leg lies in 6–8 d', () => {
    const d = transitDistribution(chainRoute([r(5), r(2, 1, 3)]), { samples: 2000, seed: 7 });
    expect(d.summedMin).toBe(6);
    expect(d.summedMax).toBe(8);
    expect(d.min).toBeGreaterThanOrEqual(6);
    expect(d.max).toBeLessThanOrEqual(8);
    // Symmetric PERT around mode 2: median close to 7.
    expect(d.p50).toBeGreaterThan(6.9);
    expect(d.p50).toBeLessThan(7.1);
    expect(d.histogram).toHaveLength(20);
    expect(d.histogram[0]?.fromDays).toBe(6);
    expect(d.histogram[19]?.toDays).toBe(8);
    expect(d.histogram[1]?.fromDays).toBe(6.1);
    expect(d.histogram.reduce((s, b) => s + b.count, 0)).toBe(2000);
    expect(d.withinDays).toBeNull();
    expect(d.method).toMatch(/PERT/);
  });

  it('one leg\'s PERT samples have mean (min + 4·mode + max)/6 and variance (μ − min)(max − μ)/7', () => {
    // r(10, 5, 30): μ = (5 + 40 + 30)/6 = 12.5; variance (7.5 · 17.5)/7 = 18.75 (λ = 4 PERT).
    // r(2, 1, 10):  μ = (1 + 8 + 10)/6 = 19/6 ≈ 3.1667; variance (13/6 · 41/6)/7 ≈ 2.1151.
    // With 100 000 samples the standard error of the mean is about 0.014 (first) and 0.005 (second).
    for (const [range, mean, variance] of [
      [r(10, 5, 30), 12.5, 18.75],
      [r(2, 1, 10), 19 / 6, (13 / 6) * (41 / 6) / 7],
    ] as const) {
      const xs = sampleTransit(chainRoute([range]), 100_000, 42);
      const m = moments(xs);
      expect(Math.abs(m.mean - mean)).toBeLessThan(0.06);
      expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.03);
    }
  });

  it('counts dwells: transit 1–3 d, dwell at the gauge change 1–10 d, transit 2–4 d', () => {
    // The worked north route: 2 (1.5–3) + dwell 3 (1–10) + 2 (2–4) = 7 (4.5–17).
    const res = findRoute(model(worked()), { from: 'a', to: 'd', objective: 'days', corridor: 'north', avoidCountries: [] });
    if (!res.route) throw new Error(res.reason);
    const d = transitDistribution(res.route, { samples: 20_000, seed: 3, withinDays: 17 });
    expect([d.summedMin, d.summedMax]).toEqual([4.5, 17]);
    expect(d.withinDays?.probability).toBe(1);
    // Mean (1.5 + 8 + 3)/6 + (1 + 12 + 10)/6 + (2 + 8 + 4)/6 = 2.0833 + 3.8333 + 2.3333 = 8.25.
    expect(Math.abs(d.mean - 8.25)).toBeLessThan(0.05);
  });

  it('the samplers: Gamma(k) has mean k, Beta(a, b) mean a/(a + b), PERT stays in its range', () => {
    const u = mulberry32(11);
    for (const k of [0.5, 1, 2.5, 9]) {
      const xs = Array.from({ length: 50_000 }, () => gamma(u, k));
      expect(Math.abs(moments(xs).mean / k - 1)).toBeLessThan(0.03);
    }
    const bs = Array.from({ length: 50_000 }, () => beta(u, 2, 5));
    expect(Math.abs(moments(bs).mean - 2 / 7)).toBeLessThan(0.005);
    for (let i = 0; i < 10_000; i++) {
      const x = samplePert(u, r(1, 1, 4));
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThanOrEqual(4);
    }
  });
});

describe('options', () => {
  const route = chainRoute([r(2, 1, 3)]);
  const field = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof QueryError) return err.field;
      throw err;
    }
    return null;
  };
  it('rejects sample counts outside 100..100000 and seeds that are not non-negative integers', () => {
    for (const samples of [99, 100_001, 150.5, Number.NaN]) expect(field(() => transitDistribution(route, { samples, seed: 1 }))).toBe('samples');
    for (const seed of [-1, 1.5, Number.POSITIVE_INFINITY, 2 ** 60]) expect(field(() => transitDistribution(route, { samples: 100, seed }))).toBe('seed');
    expect(field(() => transitDistribution(route, { samples: 100, seed: 0, withinDays: -1 }))).toBe('withinDays');
    expect(field(() => transitDistribution(route, { samples: 100_000, seed: Number.MAX_SAFE_INTEGER }))).toBeNull();
  });
});

describe('per corridor', () => {
  it('each corridor (and the best) gets its own derived seed; a missing route gives a reason and no distribution', () => {
    const m = model(worked(), { edges: new Map([['a-e', 'flooded']]) });
    const query = { from: 'a', to: 'd', objective: 'days' as const, avoidCountries: [] };
    const list = corridorDistributions(m, query, { samples: 500, seed: 9, withinDays: 10 });
    expect(list.map((c) => c.corridor)).toEqual(['north', 'south', 'sea', 'best']);
    const [north, south, sea, best] = list;
    expect(south?.distribution).toBeNull();
    expect(south?.reason).toMatch(/flooded/);
    expect(north?.distribution?.seed).toBe(subSeed(9, 1));
    expect(sea?.distribution?.seed).toBe(subSeed(9, 3));
    expect(best?.distribution?.seed).toBe(subSeed(9, 0));
    // Reproducible from the returned seed alone, and the same when run again.
    if (!north?.route || !north.distribution) throw new Error('expected a north route');
    expect(transitDistribution(north.route, { samples: 500, seed: north.distribution.seed, withinDays: 10 })).toEqual(north.distribution);
    expect(corridorDistributions(m, query, { samples: 500, seed: 9, withinDays: 10 })).toEqual(list);
    // The best route is the north one here (south closed; sea 26 d), drawn with another seed.
    expect(best?.route?.nodes).toEqual(['a', 'b', 'd']);
    expect(best?.distribution?.p50).not.toBe(north.distribution.p50);
    expect(() => corridorDistributions(m, query, { samples: 5, seed: 9 })).toThrow(QueryError);
  });
});

// ---- properties ----

const chainArb = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.tuple(fc.array(rangeArb, { minLength: n, maxLength: n }), fc.array(fc.option(rangeArb, { nil: undefined }), { minLength: n, maxLength: n })));
const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe('distribution properties', () => {
  it('P10 ≤ P50 ≤ P90 within [min, max] of the samples, inside [summedMin, summedMax]; histogram counts add up', () => {
    fc.assert(
      fc.property(chainArb, seedArb, fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), ([legs, dwells], seed, within) => {
        const route = chainRoute(legs, dwells);
        const d = transitDistribution(route, { samples: 200, seed, ...(within !== undefined ? { withinDays: within } : {}) });
        expect(d.summedMin).toBeLessThanOrEqual(d.min);
        expect(d.min).toBeLessThanOrEqual(d.p10);
        expect(d.p10).toBeLessThanOrEqual(d.p50);
        expect(d.p50).toBeLessThanOrEqual(d.p90);
        expect(d.p90).toBeLessThanOrEqual(d.max);
        expect(d.max).toBeLessThanOrEqual(d.summedMax);
        expect(d.summedMin).toBeCloseTo(route.totals.transitDays.min, 6);
        expect(d.summedMax).toBeCloseTo(route.totals.transitDays.max, 6);
        expect(d.histogram.reduce((s, b) => s + b.count, 0)).toBe(200);
        if (within !== undefined) {
          const p = d.withinDays?.probability ?? -1;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          if (within >= d.summedMax) expect(p).toBe(1);
          if (within < d.summedMin) expect(p).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every sample lies within [summedMin, summedMax]', () => {
    fc.assert(
      fc.property(chainArb, seedArb, ([legs, dwells], seed) => {
        const route = chainRoute(legs, dwells);
        let low = 0;
        let high = 0;
        for (const leg of route.legs) {
          low += leg.transitDays.min;
          high += leg.transitDays.max;
          if (leg.dwellDays) {
            low += leg.dwellDays.min;
            high += leg.dwellDays.max;
          }
        }
        const outside = sampleTransit(route, 300, seed).filter((x) => !(x >= low && x <= high));
        expect(outside).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the same seed gives the same numbers; another seed other numbers when any range is wide', () => {
    fc.assert(
      fc.property(chainArb, seedArb, ([legs, dwells], seed) => {
        const route = chainRoute(legs, dwells);
        const a = sampleTransit(route, 100, seed);
        expect(sampleTransit(route, 100, seed)).toEqual(a);
        const wide = route.legs.some((l) => l.transitDays.max > l.transitDays.min || (l.dwellDays !== null && l.dwellDays.max > l.dwellDays.min));
        if (wide) expect(sampleTransit(route, 100, (seed + 1) % 2 ** 32)).not.toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});
