// Builders for tiny hand-worked fixture networks.
import { createModel, type Closures, type Model } from '../../src/core/network/model.ts';
import type { Edge, EmissionFactors, Network, Node, Range } from '../../src/core/network/schema.ts';

export const r = (typical: number, min = typical, max = typical): Range => ({ typical, min, max });

export function node(id: string, extra: Partial<Node> = {}): Node {
  return { id, name: id.toUpperCase(), country: 'CN', lat: 40, lon: 80, kind: 'city', basis: 'reported', sources: ['src-a'], ...extra };
}

export function edge(id: string, from: string, to: string, extra: Partial<Edge> = {}): Edge {
  return {
    id,
    from,
    to,
    mode: 'rail',
    distanceKm: 100,
    transitDays: r(1),
    capacityMtpa: null,
    status: 'operational',
    corridors: ['north'],
    basis: 'reported',
    sources: ['src-a'],
    ...extra,
  };
}

export function network(nodes: Node[], edges: Edge[], corridors = ['north', 'south', 'sea']): Network {
  return {
    id: 'fixture',
    name: 'Fixture',
    version: '2026.11.0',
    asOf: '2026-11-01',
    sources: [
      { id: 'src-a', title: 'Source A', publisher: 'Publisher A', date: '2025-01-01', url: 'https://example.org/a' },
      { id: 'src-b', title: 'Source B', publisher: 'Publisher B', date: '2025', url: 'https://example.org/b' },
    ],
    corridors: corridors.map((id) => ({ id, name: `${id[0]?.toUpperCase()}${id.slice(1)} corridor`, description: id })),
    nodes,
    edges,
  };
}

/** Round factors so CO2 answers can be worked by hand: g CO2e per t·km. */
export const FACTORS: EmissionFactors = {
  id: 'fixture-factors',
  version: '1',
  method: 'km × g/t·km × t/FEU ÷ 1000',
  tonnesPerFeu: { value: 20, basis: 'estimated', sources: ['f'] },
  sources: [{ id: 'f', title: 'F', publisher: 'F', date: '2025', url: 'https://example.org/f' }],
  factors: [
    { id: 'rail-electric', mode: 'rail', traction: 'electric', gramsCo2ePerTonneKm: 20, scope: 'WTW', basis: 'reported', sources: ['f'] },
    { id: 'rail-diesel', mode: 'rail', traction: 'diesel', gramsCo2ePerTonneKm: 30, scope: 'WTW', basis: 'reported', sources: ['f'] },
    { id: 'sea', mode: 'sea', gramsCo2ePerTonneKm: 10, scope: 'WTW', basis: 'reported', sources: ['f'] },
    { id: 'ferry', mode: 'ferry', gramsCo2ePerTonneKm: 100, scope: 'WTW', basis: 'reported', sources: ['f'] },
    { id: 'road', mode: 'road', gramsCo2ePerTonneKm: 100, scope: 'WTW', basis: 'reported', sources: ['f'] },
  ],
};

export const model = (net: Network, closures: Closures = {}): Model => createModel(net, FACTORS, closures);

/**
 * The worked fixture:
 *
 *        north: a --(2 d)-- b[dwell 3 d, gauge change] --(2 d)-- d -- t (terminal, 0 km, 0 d)
 *        south: a --(3 d)-- e[dwell 0.5 d] --(3 d, no cost)-- d
 *        sea:   a --(1 d)-- c ==(c-d-1: 30 d, $1,500 | c-d-2: 25 d, $2,000)== d
 *        island: x -- y
 *
 * Without dwell the north route (4 d) would beat the south (6 d); with the 3-day gauge change at b it
 * takes 7 d and the south (6.5 d) wins. See tests/core/shortest-route.test.ts for the worked totals.
 */
export function worked(): Network {
  return network(
    [
      node('a'),
      node('b', { kind: 'border', country: 'KZ', dwellDays: r(3, 1, 10), dwellCostUsdPerFeu: r(100, 50, 200), gaugeChange: true }),
      node('c', { kind: 'port' }),
      node('d', { country: 'DE' }),
      node('e', { kind: 'border', country: 'IR', dwellDays: r(0.5, 0.25, 2) }),
      node('t', { kind: 'terminal', country: 'DE' }),
      node('x', { country: 'FR' }),
      node('y', { country: 'FR' }),
    ],
    [
      edge('a-b', 'a', 'b', { distanceKm: 1000, transitDays: r(2, 1.5, 3), costUsdPerFeu: r(500, 400, 600), capacityMtpa: 10, traction: 'electric' }),
      edge('b-d', 'b', 'd', { distanceKm: 1000, transitDays: r(2, 2, 4), costUsdPerFeu: r(500, 450, 700), capacityMtpa: 5, traction: 'diesel' }),
      edge('a-e', 'a', 'e', { distanceKm: 1500, transitDays: r(3, 2, 5), costUsdPerFeu: r(700, 600, 900), capacityMtpa: 2, corridors: ['south'], basis: 'estimated' }),
      edge('e-d', 'e', 'd', { distanceKm: 1500, transitDays: r(3, 3, 6), corridors: ['south'] }),
      edge('a-c', 'a', 'c', { distanceKm: 200, transitDays: r(1), costUsdPerFeu: r(100), corridors: ['sea'] }),
      edge('c-d-1', 'c', 'd', { mode: 'sea', distanceKm: 9000, transitDays: r(30, 28, 40), costUsdPerFeu: r(1500, 1000, 3000), corridors: ['sea'] }),
      edge('c-d-2', 'c', 'd', { mode: 'sea', distanceKm: 9000, transitDays: r(25, 24, 35), costUsdPerFeu: r(2000, 1500, 4000), corridors: ['sea'] }),
      edge('d-t', 'd', 't', { mode: 'road', distanceKm: 0, transitDays: r(0), costUsdPerFeu: r(0), corridors: ['north', 'south', 'sea'] }),
      edge('x-y', 'x', 'y'),
    ],
  );
}
