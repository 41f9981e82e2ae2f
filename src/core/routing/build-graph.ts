// Builds the routing graph: which edges a query may use, and a directed graphology graph whose arc
// weights are read from validated numbers (graphology would silently turn a bad weight into 1).
import { DirectedGraph } from 'graphology';
import { co2KgPerFeu, factorForEdge } from './emissions.ts';
import type { Model } from '../network/model.ts';
import type { Objective, Query } from './query.ts';
import type { Edge, Node } from '../network/schema.ts';

/** Why an edge or a node cannot be used by a query. */
export interface Exclusion {
  code: 'corridor' | 'status' | 'capacity' | 'avoided' | 'closed' | 'no-cost' | 'mode';
  /** Readable reason, e.g. "planned, opens 2029". */
  text: string;
}

/**
 * Whether a capacity leaves room for the cargo: against the spare capacity (capacity less the published
 * volume) where a volume is known, else against the nameplate; the text says which.
 */
export function capacityShortfall(capacity: number | null | undefined, volume: { mtpa: number; year: number } | undefined, cargoMtpa: number | undefined): string | null {
  if (cargoMtpa === undefined || capacity === null || capacity === undefined) return null;
  const fmt = (x: number) => String(Math.round(x * 100) / 100);
  if (volume) {
    const spare = Math.max(0, capacity - volume.mtpa);
    return spare < cargoMtpa ? `spare capacity ${fmt(spare)} Mt/yr (${fmt(capacity)} less ${fmt(volume.mtpa)} carried in ${volume.year}) is below the ${fmt(cargoMtpa)} Mt/yr cargo` : null;
  }
  return capacity < cargoMtpa ? `capacity ${fmt(capacity)} Mt/yr (nameplate; the volume carried is not known) is below the ${fmt(cargoMtpa)} Mt/yr cargo` : null;
}

/** Why a node is left out of a query's graph, or null when it may be used. */
export function nodeExclusion(model: Model, node: Node, query: Pick<Query, 'avoidCountries'> & Partial<Pick<Query, 'cargoMtpa'>>): Exclusion | null {
  const closed = model.closedNodes.get(node.id);
  if (closed !== undefined) return { code: 'closed', text: closed };
  if (query.avoidCountries.includes(node.country)) return { code: 'avoided', text: `in ${node.country}, which is avoided` };
  const short = capacityShortfall(node.capacityMtpa, node.volume, query.cargoMtpa);
  if (short) return { code: 'capacity', text: `at its ${short}` };
  return null;
}

/** Why an edge is left out of a query's graph, or null when it may be used. */
export function edgeExclusion(model: Model, edge: Edge, query: Omit<Query, 'from' | 'to'>): Exclusion | null {
  if (query.corridor !== undefined && !edge.corridors.includes(query.corridor)) {
    return { code: 'corridor', text: `not on the ${query.corridor} corridor` };
  }
  const closed = model.closedEdges.get(edge.id);
  if (closed !== undefined) return { code: 'closed', text: closed };
  if (edge.status !== 'operational') {
    const opens = edge.opensYear;
    if (query.year === undefined || opens === undefined || opens > query.year) {
      return { code: 'status', text: `${edge.status.replace('-', ' ')}, opens ${opens ?? 'in an unknown year'}` };
    }
  }
  if (query.modes !== undefined && !query.modes.includes(edge.mode)) return { code: 'mode', text: `a ${edge.mode} segment, not one of ${query.modes.join(', ')}` };
  const short = capacityShortfall(edge.capacityMtpa, edge.volume, query.cargoMtpa);
  if (short) return { code: 'capacity', text: short };
  // A node is left out only when closed, in an avoided country or short of capacity for the cargo: without a
  // closed node, an avoided country or a cargo figure, no end needs looking up.
  if (model.closedNodes.size > 0 || query.avoidCountries.length > 0 || query.cargoMtpa !== undefined) {
    for (const end of [edge.from, edge.to]) {
      const node = model.nodeById.get(end);
      const why = node ? nodeExclusion(model, node, query) : null;
      if (why) return { code: why.code, text: `${node?.name ?? end} is ${why.text}` };
    }
  }
  if (query.objective === 'cost' && !edge.costUsdPerFeu) return { code: 'no-cost', text: 'missing a cost figure' };
  return null;
}

/** Throws unless a weight is a finite number >= 0: graphology would read NaN or a missing weight as 1. */
export function checkedWeight(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`build-graph: weight of ${what} is ${String(value)}, expected a finite number >= 0`);
  }
  return value;
}

/** The weight of travelling an edge under an objective, without dwell. */
export function edgeWeight(model: Model, edge: Edge, objective: Objective, tonnesPerFeu: number): number {
  switch (objective) {
    case 'days':
      return edge.transitDays.typical;
    case 'cost':
      return edge.costUsdPerFeu?.typical ?? Number.NaN;
    case 'km':
      return edge.distanceKm;
    case 'co2': {
      const from = model.nodeById.get(edge.from) as Node;
      const to = model.nodeById.get(edge.to) as Node;
      return co2KgPerFeu(edge.distanceKm, factorForEdge(model.factors, edge, from, to).gramsCo2ePerTonneKm, tonnesPerFeu);
    }
  }
}

/** The weight of passing through a node under an objective (its dwell). */
export function nodeWeight(node: Node, objective: Objective): number {
  if (objective === 'days') return node.dwellDays?.typical ?? 0;
  if (objective === 'cost') return node.dwellCostUsdPerFeu?.typical ?? 0;
  return 0;
}

/** Attributes of one directed arc: the edge it travels and its checked weight. */
export interface Arc {
  edge: string;
  weight: number;
}

/**
 * A directed graph of the usable edges, two arcs per edge. The weight of the arc u→v is the edge weight
 * plus the dwell at v, since the dwell depends on the node entered and graphology's weight callback sees
 * only the arc. Parallel edges are collapsed to the cheapest (ties by id), so each hop has one priced edge.
 */
export function buildGraph(model: Model, edges: readonly Edge[], objective: Objective, tonnesPerFeu: number): DirectedGraph<Record<string, never>, Arc> {
  const graph = new DirectedGraph<Record<string, never>, Arc>();
  for (const edge of edges) {
    const base = checkedWeight(edgeWeight(model, edge, objective, tonnesPerFeu), `edge "${edge.id}"`);
    for (const [u, v] of [
      [edge.from, edge.to],
      [edge.to, edge.from],
    ] as const) {
      const target = model.nodeById.get(v) as Node;
      const weight = base + checkedWeight(nodeWeight(target, objective), `node "${v}"`);
      graph.mergeNode(u);
      graph.mergeNode(v);
      const existing = graph.edge(u, v);
      if (existing === undefined) graph.addDirectedEdge(u, v, { edge: edge.id, weight });
      else {
        const old = graph.getEdgeAttributes(existing);
        if (weight < old.weight || (weight === old.weight && edge.id < old.edge)) graph.replaceEdgeAttributes(existing, { edge: edge.id, weight });
      }
    }
  }
  return graph;
}

/** The weight callback handed to graphology: reads the checked weight, throws on anything else. */
export function arcWeight(_edge: string, attributes: Arc): number {
  return checkedWeight(attributes.weight, `arc of edge "${attributes.edge}"`);
}
