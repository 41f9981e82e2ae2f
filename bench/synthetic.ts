// Seeded synthetic networks for the benchmark: jittered grid nodes joined to near neighbours,
// transit days proportional to distance, no dwells (so arc weights are plain edge weights).
import { createModel, type Model } from '../src/core/network/model.ts';
import type { Edge, EmissionFactors, Network, Node } from '../src/core/network/schema.ts';
import { mulberry32 } from '../src/core/analysis/random.ts';
import { haversineKm } from '../src/core/network/geo.ts';

export { mulberry32 };

/** Emission factors shaped like the real file, one row per mode. */
export const SYNTHETIC_FACTORS: EmissionFactors = {
  id: 'synthetic-factors',
  version: '1',
  method: 'km × g/t·km × t/FEU ÷ 1000',
  tonnesPerFeu: { value: 20, basis: 'estimated', sources: ['s'] },
  sources: [{ id: 's', title: 'Synthetic', publisher: 'Benchmark', date: '2026', url: 'https://example.org/s' }],
  factors: [
    { id: 'rail-electric', mode: 'rail', traction: 'electric', gramsCo2ePerTonneKm: 20, scope: 'WTW', basis: 'estimated', sources: ['s'] },
    { id: 'rail-diesel', mode: 'rail', traction: 'diesel', gramsCo2ePerTonneKm: 30, scope: 'WTW', basis: 'estimated', sources: ['s'] },
    { id: 'sea', mode: 'sea', gramsCo2ePerTonneKm: 10, scope: 'WTW', basis: 'estimated', sources: ['s'] },
    { id: 'ferry', mode: 'ferry', gramsCo2ePerTonneKm: 100, scope: 'WTW', basis: 'estimated', sources: ['s'] },
    { id: 'road', mode: 'road', gramsCo2ePerTonneKm: 100, scope: 'WTW', basis: 'estimated', sources: ['s'] },
  ],
};

/** How much longer than the great-circle distance between its ends a synthetic segment is. */
const DETOUR = 1.2;
/** Average speed used to turn distance into transit days, km per day. */
const KM_PER_DAY = 600;
/** Chance that a node also gets a diagonal edge to a neighbour in the next row. */
const DIAGONAL_CHANCE = 0.1;

/**
 * A connected network of `nodeCount` nodes ("n0", "n1", …) on a jittered square grid over the globe. Every
 * node is joined to its right and lower neighbours (so the grid is connected and paths are long), and with
 * chance `diagonalChance` also diagonally: about 2.1 undirected edges per node by default, 2 (a plain grid:
 * 79,600 edges on 40,000 nodes) with 0. Lengths are the great-circle distance × 1.2, so the file passes the
 * validation's geometry rule. Same seed, same network.
 */
export function syntheticNetwork(nodeCount: number, seed = 1, diagonalChance = DIAGONAL_CHANCE): Network {
  const random = mulberry32(seed);
  const side = Math.ceil(Math.sqrt(nodeCount));
  const lats = new Float64Array(nodeCount);
  const lons = new Float64Array(nodeCount);
  const nodes: Node[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const x = (i % side) + random();
    const y = Math.floor(i / side) + random();
    const lat = -80 + (160 * y) / side;
    const lon = -170 + (340 * x) / side;
    lats[i] = lat;
    lons[i] = lon;
    nodes.push({ id: `n${i}`, name: `Node ${i}`, country: 'CN', lat, lon, kind: 'junction', basis: 'estimated', sources: ['s'] });
  }
  const edges: Edge[] = [];
  const join = (a: number, b: number) => {
    const gc = haversineKm(lats[a] ?? 0, lons[a] ?? 0, lats[b] ?? 0, lons[b] ?? 0);
    const distanceKm = Math.ceil(gc * DETOUR * 10) / 10;
    const days = distanceKm / KM_PER_DAY;
    edges.push({
      id: `e${edges.length}`,
      from: `n${a}`,
      to: `n${b}`,
      mode: 'rail',
      distanceKm,
      transitDays: { typical: days, min: days, max: days },
      capacityMtpa: null,
      costUsdPerFeu: { typical: distanceKm, min: distanceKm, max: distanceKm },
      status: 'operational',
      corridors: ['c'],
      basis: 'estimated',
      sources: ['s'],
    });
  };
  for (let i = 0; i < nodeCount; i++) {
    const col = i % side;
    const below = i + side;
    if (col + 1 < side && i + 1 < nodeCount) join(i, i + 1);
    if (below < nodeCount) join(i, below);
    if (diagonalChance > 0 && random() < diagonalChance) {
      const diagonal = random() < 0.5 ? (col > 0 ? below - 1 : -1) : col + 1 < side ? below + 1 : -1;
      if (diagonal >= 0 && diagonal < nodeCount) join(i, diagonal);
    }
  }
  return {
    id: `synthetic-${nodeCount}`,
    name: `Synthetic ${nodeCount}-node grid`,
    version: '2026.1.0',
    asOf: '2026-01-01',
    sources: [{ id: 's', title: 'Synthetic network', publisher: 'Benchmark', date: '2026', url: 'https://example.org/s' }],
    corridors: [{ id: 'c', name: 'Synthetic corridor', description: 'Every edge of the synthetic network.' }],
    nodes,
    edges,
  };
}

/** A routing model of a synthetic network with the synthetic emission factors. */
export function syntheticModel(nodeCount: number, seed = 1): Model {
  return createModel(syntheticNetwork(nodeCount, seed), SYNTHETIC_FACTORS);
}
