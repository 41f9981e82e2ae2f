// The compact search on large random grids: every route has the objective value of graphology-shortest-path's
// Dijkstra on the same arcs (the oracle), and is a path from the origin to the destination.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dijkstra } from 'graphology-shortest-path';
import { mulberry32 } from '../../../src/core/analysis/random.ts';
import { buildGraph } from '../../../src/core/routing/build-graph.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery, type Objective } from '../../../src/core/routing/query.ts';
import type { Edge, Network, Node } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r } from '../../helpers/build.ts';

/**
 * A side × side grid joined to right and lower neighbours, some diagonals and some parallel edges; whole-day
 * weights from 1 to 4 so that many routes tie, dwell at about one node in five, a cost missing on about one edge in ten.
 */
function randomGrid(side: number, seed: number): Network {
  const random = mulberry32(seed);
  const pick = (n: number) => 1 + Math.floor(random() * n);
  const nodes: Node[] = [];
  for (let i = 0; i < side * side; i++) {
    const dwell = random() < 0.2 ? r(pick(3)) : undefined;
    nodes.push(node(`n${i}`, dwell ? { dwellDays: dwell, dwellCostUsdPerFeu: r(pick(3) * 10) } : {}));
  }
  const edges: Edge[] = [];
  const join = (a: number, b: number) => {
    const days = pick(4);
    edges.push(
      edge(`e${edges.length}`, `n${a}`, `n${b}`, {
        transitDays: r(days),
        distanceKm: pick(4) * 100,
        ...(random() < 0.9 ? { costUsdPerFeu: r(pick(4) * 100) } : {}),
      }),
    );
  };
  for (let i = 0; i < side * side; i++) {
    const col = i % side;
    if (col + 1 < side) join(i, i + 1);
    if (i + side < side * side) join(i, i + side);
    if (col + 1 < side && i + side + 1 < side * side && random() < 0.1) join(i, i + side + 1);
    if (col + 1 < side && random() < 0.05) join(i, i + 1);
  }
  return network(nodes, edges);
}

describe('the compact search on large random grids', () => {
  it("every route has the objective value of graphology-shortest-path's Dijkstra", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 40 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom<Objective>('days', 'cost', 'km'),
        fc.nat(),
        fc.nat(),
        (side, seed, objective, a, b) => {
          const net = randomGrid(side, seed);
          const from = `n${a % (side * side)}`;
          const to = `n${b % (side * side)}`;
          fc.pre(from !== to);
          const m = model(net);
          const route = findRoute(m, parseQuery(m, { from, to, objective })).route;
          const usable = net.edges.filter((e) => objective !== 'cost' || e.costUsdPerFeu);
          const graph = buildGraph(m, usable, objective, 20);
          const oracle = graph.hasNode(from) && graph.hasNode(to) ? dijkstra.bidirectional(graph, from, to, (_: string, x: { weight: number }) => x.weight) : null;
          if (!oracle) {
            expect(route).toBeNull();
            return;
          }
          let expected = 0;
          for (let i = 0; i + 1 < oracle.length; i++) expected += graph.getEdgeAttribute(graph.edge(oracle[i], oracle[i + 1]), 'weight');
          // The oracle's arcs count the dwell of the node entered, the destination's too; a route does not.
          const last = m.nodeById.get(to);
          expected -= objective === 'days' ? (last?.dwellDays?.typical ?? 0) : objective === 'cost' ? (last?.dwellCostUsdPerFeu?.typical ?? 0) : 0;
          const got = objective === 'days' ? route?.totals.transitDays.typical : objective === 'km' ? route?.totals.distanceKm : route?.totals.costUsdPerFeu?.typical;
          expect(got).toBeCloseTo(expected, 6);
          // A path from the origin to the destination along the legs, without repeating a node.
          const legs = route?.legs ?? [];
          expect(legs[0]?.from).toBe(from);
          expect(legs.at(-1)?.to).toBe(to);
          legs.forEach((leg, i) => i > 0 && expect(leg.from).toBe(legs[i - 1]?.to));
          expect(new Set(legs.map((l) => l.to)).size).toBe(legs.length);
        },
      ),
      { numRuns: 40, seed: 14 },
    );
  }, 60_000);
});
