// Brute-force answers for property tests: every simple path's objective value, by enumeration.
import type { Objective, Query } from '../../src/core/routing/query.ts';
import type { Edge, Network } from '../../src/core/network/schema.ts';

/** An edge's figure under an objective (null: no cost figure). */
export function edgeValue(e: Edge, objective: Objective): number | null {
  if (objective === 'days') return e.transitDays.typical;
  if (objective === 'km') return e.distanceKm;
  return e.costUsdPerFeu ? e.costUsdPerFeu.typical : null;
}

/** Every simple edge path's objective value, sorted, by enumeration (dwell at nodes passed through). */
export function allValues(net: Network, q: Query): number[] {
  const edges = net.edges.filter((e) => q.corridor === undefined || e.corridors.includes(q.corridor));
  const dwell = (id: string) => {
    const n = net.nodes.find((x) => x.id === id);
    if (q.objective === 'days') return n?.dwellDays?.typical ?? 0;
    if (q.objective === 'cost') return n?.dwellCostUsdPerFeu?.typical ?? 0;
    return 0;
  };
  const values: number[] = [];
  const walk = (at: string, seen: Set<string>, sum: number) => {
    if (at === q.to) {
      values.push(sum);
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
  return values.sort((a, b) => a - b);
}


/** The query from n0 to the last node of a random network. */
export const makeQuery = (net: Network, o: { objective: Objective; corridor: string | undefined }): Query => {
  const last = net.nodes[net.nodes.length - 1]?.id ?? 'n1';
  return { from: 'n0', to: last, objective: o.objective, avoidCountries: [], ...(o.corridor ? { corridor: o.corridor } : {}) };
};
