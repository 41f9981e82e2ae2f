// How sure the network's figures are: each figure's basis (measured, reported, estimated), counted per
// field and per corridor. A figure's basis is its fieldBasis entry's, else its record's.
import type { Basis, Edge, Network, Node } from './schema.ts';

/** The figures counted: an edge's distance, transit days, cost and capacity; a node's dwell days, dwell cost and capacity. */
export const EDGE_FIGURES = ['distanceKm', 'transitDays', 'costUsdPerFeu', 'capacityMtpa'] as const;
export const NODE_FIGURES = ['dwellDays', 'dwellCostUsdPerFeu', 'capacityMtpa'] as const;

export type BasisCounts = Record<Basis, number> & { total: number };

/** One counted figure. */
export interface Figure {
  kind: 'edge' | 'node';
  id: string;
  field: string;
  basis: Basis;
  /** The corridors of the edge, or of the edges that touch the node. */
  corridors: string[];
}

const empty = (): BasisCounts => ({ measured: 0, reported: 0, estimated: 0, total: 0 });

function basisOf(record: Edge | Node, field: string): Basis {
  const fb = (record.fieldBasis as Partial<Record<string, { basis: Basis }>> | undefined)?.[field];
  return fb?.basis ?? record.basis;
}

/** Every figure the network holds, with its basis. Absent and null figures are not counted. */
export function figures(network: Network): Figure[] {
  const out: Figure[] = [];
  const nodeCorridors = new Map<string, Set<string>>();
  for (const e of network.edges) {
    for (const end of [e.from, e.to]) {
      const set = nodeCorridors.get(end) ?? new Set<string>();
      for (const c of e.corridors) set.add(c);
      nodeCorridors.set(end, set);
    }
    for (const field of EDGE_FIGURES) {
      const v = e[field];
      if (v === undefined || v === null) continue;
      out.push({ kind: 'edge', id: e.id, field, basis: basisOf(e, field), corridors: [...e.corridors] });
    }
  }
  for (const n of network.nodes) {
    for (const field of NODE_FIGURES) {
      const v = n[field];
      if (v === undefined || v === null) continue;
      out.push({ kind: 'node', id: n.id, field, basis: basisOf(n, field), corridors: [...(nodeCorridors.get(n.id) ?? [])].sort() });
    }
  }
  return out;
}

/** Counts by basis: overall, per field and per corridor (a shared figure counts once in each of its corridors). */
export function basisSummary(network: Network): {
  all: BasisCounts;
  byField: Record<string, BasisCounts>;
  byCorridor: Record<string, BasisCounts>;
} {
  const all = empty();
  const byField: Record<string, BasisCounts> = {};
  const byCorridor: Record<string, BasisCounts> = Object.fromEntries(network.corridors.map((c) => [c.id, empty()]));
  const bump = (c: BasisCounts, b: Basis) => {
    c[b]++;
    c.total++;
  };
  for (const f of figures(network)) {
    bump(all, f.basis);
    bump((byField[`${f.kind}.${f.field}`] ??= empty()), f.basis);
    for (const c of f.corridors) bump((byCorridor[c] ??= empty()), f.basis);
  }
  return { all, byField, byCorridor };
}
