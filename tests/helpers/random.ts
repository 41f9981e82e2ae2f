// Random small networks for property tests.
import fc from 'fast-check';
import type { Edge } from '../../src/core/network/schema.ts';
import { edge, network, node, r } from './build.ts';

export const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }))
  .map(([t, lo, hi]) => r(t / 2, Math.max(0, t - lo) / 2, (t + hi) / 2));

/** Random valid networks of 3–7 nodes with parallel edges, dwells, missing costs and two corridors. */
export const netArbWith = (planned: boolean) => fc.integer({ min: 3, max: 7 }).chain((n) =>
  fc
    .record({
      dwell: fc.array(fc.option(rangeArb, { nil: undefined }), { minLength: n, maxLength: n }),
      edges: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          days: rangeArb,
          cost: fc.option(rangeArb, { nil: undefined }),
          km: fc.integer({ min: 0, max: 3000 }),
          capacity: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
          corridors: fc.subarray(['north', 'south'], { minLength: 1 }),
          planned: fc.boolean(),
        }),
        { minLength: 1, maxLength: 14 },
      ),
    })
    .map(({ dwell, edges }) => {
      const nodes = dwell.map((d, i) => node(`n${i}`, d ? { dwellDays: d, dwellCostUsdPerFeu: d } : {}));
      const es: Edge[] = edges
        .filter((e) => e.a !== e.b)
        .map((e, i) =>
          edge(`e${i}`, `n${e.a}`, `n${e.b}`, {
            transitDays: e.days,
            distanceKm: e.km,
            capacityMtpa: e.capacity,
            corridors: e.corridors,
            ...(planned && e.planned ? { status: 'planned' as const, opensYear: 2030 } : {}),
            ...(e.cost ? { costUsdPerFeu: e.cost } : {}),
          }),
        );
      // Every node needs an edge to make a valid network; tie untouched nodes to n0 with a slow edge.
      nodes.forEach((nd, i) => {
        if (!es.some((e) => e.from === nd.id || e.to === nd.id)) es.push(edge(`t${i}`, i === 0 ? 'n1' : 'n0', nd.id, { transitDays: r(50) }));
      });
      return network(nodes, es, ['north', 'south']);
    }),
);


/** Random networks whose edges are all operational. */
export const netArb = netArbWith(false);
/** Random networks where some edges are planned (opening 2030). */
export const plannedNetArb = netArbWith(true);
