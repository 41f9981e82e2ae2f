// Pins the known traps of graphology-shortest-path, and shows that our engine does not fall into them.
import { describe, expect, it } from 'vitest';
import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import { edgePathFromNodePath } from 'graphology-shortest-path/utils.js';
import { buildGraph, checkedWeight, arcWeight } from '../../../src/core/routing/build-graph.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery } from '../../../src/core/routing/query.ts';
import { UnknownIdError } from '../../../src/core/errors.ts';
import { edge, model, network, node, r, worked } from '../../helpers/build.ts';

describe('graphology-shortest-path behaviour we guard against', () => {
  it('calls the weight function with (edge, attributes) only: no source, no target', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b', { weight: 1 });
    g.mergeEdge('b', 'c', { weight: 1 });
    const arities = new Set<number>();
    bidirectional(g, 'a', 'c', (...args: unknown[]) => {
      arities.add(args.length);
      return 1;
    });
    expect([...arities]).toEqual([2]);
    // So the dwell at the node entered must live on the directed arc: our arcs a->b and b->a differ.
    const m = model(worked());
    const ours = buildGraph(m, m.network.edges, 'days', 20);
    expect(ours.getEdgeAttribute(ours.edge('a', 'b'), 'weight')).toBe(2 + 3); // enters b: dwell 3
    expect(ours.getEdgeAttribute(ours.edge('b', 'a'), 'weight')).toBe(2); // enters a: no dwell
  });

  it('treats a missing or NaN weight as 1', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b', {}); // no weight: read as 1
    g.mergeEdge('a', 'c', { weight: 0.6 });
    g.mergeEdge('c', 'b', { weight: 0.6 });
    expect(bidirectional(g, 'a', 'b', 'weight')).toEqual(['a', 'b']);
    g.setEdgeAttribute(g.edge('a', 'b'), 'weight', Number.NaN);
    expect(bidirectional(g, 'a', 'b', 'weight')).toEqual(['a', 'b']);
    // Our weight reader throws instead.
    expect(() => checkedWeight(undefined, 'x')).toThrow(/expected a finite number/);
    expect(() => checkedWeight(Number.NaN, 'x')).toThrow(/expected a finite number/);
    expect(() => arcWeight('e', { edge: 'e', weight: Number.NaN })).toThrow(/expected a finite number/);
  });

  it('still routes through an Infinity weight', () => {
    const g = new DirectedGraph();
    g.mergeEdge('a', 'b', { weight: Number.POSITIVE_INFINITY });
    expect(bidirectional(g, 'a', 'b', 'weight')).toEqual(['a', 'b']);
    expect(() => checkedWeight(Number.POSITIVE_INFINITY, 'x')).toThrow();
    // Our closures filter the edge: no route, with the reason.
    const m = model(network([node('a'), node('b')], [edge('a-b', 'a', 'b')]), { edges: new Map([['a-b', 'closed']]) });
    const res = findRoute(m, parseQuery(m, { from: 'a', to: 'b' }));
    expect(res.route).toBeNull();
  });

  it('edgePathFromNodePath returns the first parallel edge it iterates, not the cheapest', () => {
    // graphology 0.26 iterates parallel edges most recent first, so the edge added last comes back
    // whatever its weight.
    const g = new MultiDirectedGraph();
    g.mergeDirectedEdgeWithKey('fast', 'a', 'b', { weight: 1 });
    g.mergeDirectedEdgeWithKey('slow', 'a', 'b', { weight: 10 });
    const path = bidirectional(g, 'a', 'b', 'weight');
    expect(edgePathFromNodePath(g, path)).toEqual(['slow']);
    // Our route resolves the hop to the edge it priced.
    const m = model(network([node('a'), node('b')], [edge('a-b-1', 'a', 'b', { transitDays: r(10) }), edge('a-b-2', 'a', 'b', { transitDays: r(1) })]));
    expect(findRoute(m, parseQuery(m, { from: 'a', to: 'b' })).route?.legs.map((l) => l.edge)).toEqual(['a-b-2']);
  });

  it('throws a plain Error on an unknown node; we name the closest ids first', () => {
    const g = new DirectedGraph();
    g.addNode('xian');
    expect(() => bidirectional(g, 'xain', 'xian')).toThrow(/source node does not exist/);
    const m = model(worked());
    expect(() => parseQuery(m, { from: 'aa', to: 'd' })).toThrow(UnknownIdError);
  });
});
