// Ties on the objective are broken by fewer days, then lower cost, then fewer km; --via pins a routing;
// graphology-shortest-path is the oracle for the objective value of every route.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dijkstra } from 'graphology-shortest-path';
import { buildGraph } from '../../../src/core/routing/build-graph.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery, type Objective } from '../../../src/core/routing/query.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r } from '../../helpers/build.ts';
import { netArb } from '../../helpers/random.ts';
import { makeQuery } from '../../helpers/brute.ts';

/**
 * Two sea routings from s to t that cost the same ($1,000 = 600 + 400 either way):
 *   via canal k:  s --(10 d, $600, 5,000 km)-- k --(10 d, $400, 4,000 km)-- t   = 20 d, 9,000 km
 *   via cape c:   s --(14 d, $600, 6,000 km)-- c --(16 d, $400, 7,000 km)-- t   = 30 d, 13,000 km
 * and a third, x, as fast and as cheap as the canal but longer: s --(10 d, $600, 5,500 km)-- x --(10 d, $400, 4,000 km)-- t.
 * By cost all three tie; fewer days rules out the cape; fewer km picks the canal (9,000 < 9,500).
 */
function tied(): Network {
  return network(
    [node('s', { kind: 'port' }), node('k'), node('c'), node('x'), node('t', { kind: 'port' })],
    [
      edge('s-c', 's', 'c', { mode: 'sea', distanceKm: 6000, transitDays: r(14), costUsdPerFeu: r(600), corridors: ['sea'] }),
      edge('c-t', 'c', 't', { mode: 'sea', distanceKm: 7000, transitDays: r(16), costUsdPerFeu: r(400), corridors: ['sea'] }),
      edge('s-k', 's', 'k', { mode: 'sea', distanceKm: 5000, transitDays: r(10), costUsdPerFeu: r(600), corridors: ['sea'] }),
      edge('k-t', 'k', 't', { mode: 'sea', distanceKm: 4000, transitDays: r(10), costUsdPerFeu: r(400), corridors: ['sea'] }),
      edge('s-x', 's', 'x', { mode: 'sea', distanceKm: 5500, transitDays: r(10), costUsdPerFeu: r(600), corridors: ['sea'] }),
      edge('x-t', 'x', 't', { mode: 'sea', distanceKm: 4000, transitDays: r(10), costUsdPerFeu: r(400), corridors: ['sea'] }),
    ],
  );
}

describe('ties on the objective', () => {
  it('cost ties: fewer days wins, then fewer km (the canal, 20 d and 9,000 km, not the cape)', () => {
    const m = model(tied());
    const route = findRoute(m, parseQuery(m, { from: 's', to: 't', objective: 'cost' })).route;
    expect(route?.nodes).toEqual(['s', 'k', 't']);
    expect(route?.totals.costUsdPerFeu?.typical).toBe(1000);
    expect(route?.totals.transitDays.typical).toBe(20);
  });

  it('the answer does not depend on the order of the edges in the file', () => {
    const net = tied();
    const reversed = { ...net, edges: [...net.edges].reverse() };
    for (const n of [net, reversed]) {
      const m = model(n);
      expect(findRoute(m, parseQuery(m, { from: 's', to: 't', objective: 'cost' })).route?.nodes).toEqual(['s', 'k', 't']);
    }
  });
});

describe('--via', () => {
  it('passes the given places in order and counts their dwell', () => {
    const net = tied();
    net.nodes[2] = node('c', { dwellDays: r(2) });
    const m = model(net);
    const route = findRoute(m, parseQuery(m, { from: 's', to: 't', via: ['c'] })).route;
    expect(route?.nodes).toEqual(['s', 'c', 't']);
    // 14 d + 2 d dwell at c + 16 d
    expect(route?.totals.transitDays.typical).toBe(32);
  });

  it('says which stretch has no route', () => {
    const net = tied();
    net.nodes.push(node('island'), node('rock'));
    net.edges.push(edge('island-rock', 'island', 'rock', { corridors: ['sea'] }));
    const m = model(net);
    const res = findRoute(m, parseQuery(m, { from: 's', to: 't', via: ['island'] }));
    expect(res.route).toBeNull();
    expect(res.reason).toMatch(/^No route from S to T via ISLAND: no route from S to ISLAND/);
  });
});

describe('graphology-shortest-path as the oracle', () => {
  const weightOf = (objective: Objective) => (_: string, a: { weight: number }) => a.weight;
  it('every route has the objective value of graphology-shortest-path\'s Dijkstra on the same arcs', () => {
    fc.assert(
      fc.property(netArb, fc.constantFrom<Objective>('days', 'cost', 'km'), (net, objective) => {
        const q = makeQuery(net, { objective, corridor: undefined });
        const m = model(net);
        const usable = net.edges.filter((e) => objective !== 'cost' || e.costUsdPerFeu);
        const graph = buildGraph(m, usable, objective, 20);
        const oracle = graph.hasNode(q.from) && graph.hasNode(q.to) ? dijkstra.bidirectional(graph, q.from, q.to, weightOf(objective)) : null;
        const route = findRoute(m, q).route;
        if (!oracle) {
          expect(route).toBeNull();
          return;
        }
        let expected = 0;
        for (let i = 0; i + 1 < oracle.length; i++) expected += graph.getEdgeAttribute(graph.edge(oracle[i], oracle[i + 1]), 'weight');
        const got = objective === 'days' ? route?.totals.transitDays.typical : objective === 'km' ? route?.totals.distanceKm : route?.totals.costUsdPerFeu?.typical;
        // The route's total counts the dwell of nodes passed through; the oracle's arcs count the dwell of the node entered,
        // including the destination's: take it off.
        const lastDwell = objective === 'days' ? (net.nodes.find((n) => n.id === q.to)?.dwellDays?.typical ?? 0) : objective === 'cost' ? (net.nodes.find((n) => n.id === q.to)?.dwellCostUsdPerFeu?.typical ?? 0) : 0;
        expect(got).toBeCloseTo(expected - lastDwell, 6);
      }),
      { numRuns: 300 },
    );
  });
});
