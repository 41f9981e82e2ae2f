// A routing index per model and filter set: the usable edges, the directed graph and graphology-shortest-path's
// indexed Dijkstra over it, built once and cached (models are immutable, so a cache entry never goes stale).
import type { DirectedGraph } from 'graphology';
import { createDijkstraIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { arcWeight, buildGraph, edgeExclusion, type Arc, type Exclusion } from './build-graph.ts';
import type { Model } from '../network/model.ts';
import type { Query } from './query.ts';
import type { Edge } from '../network/schema.ts';

/** Everything a query needs that depends only on the model and the query's filters, not on its ends. */
export interface RouteIndex {
  usable: Edge[];
  excluded: { edge: Edge; why: Exclusion }[];
  graph: DirectedGraph<Record<string, never>, Arc>;
  /** Node ids in the order of the neighbourhood index. */
  nodeIds: string[];
  indexOf: Map<string, number>;
  /** Single-source indexed Dijkstra; returns [settled stack, predecessor lists, path counts]. Null for an empty graph. */
  search: ReturnType<typeof createDijkstraIndexedBrandes> | null;
}

/** How many indexes one model keeps (one per objective and filter set), oldest dropped first. */
const CACHE_LIMIT = 64;
const cache = new WeakMap<Model, Map<string, RouteIndex>>();

/** Splits the network's edges into those a query may use and those it may not (with why). */
export function partitionEdges(model: Model, query: Omit<Query, 'from' | 'to'>): { usable: Edge[]; excluded: { edge: Edge; why: Exclusion }[] } {
  const usable: Edge[] = [];
  const excluded: { edge: Edge; why: Exclusion }[] = [];
  for (const edge of model.network.edges) {
    const why = edgeExclusion(model, edge, query);
    if (why) excluded.push({ edge, why });
    else usable.push(edge);
  }
  return { usable, excluded };
}

/** The part of a query an index depends on. */
export function filterKey(query: Omit<Query, 'from' | 'to'>, tonnesPerFeu: number): string {
  return JSON.stringify([query.objective, query.corridor ?? null, query.year ?? null, query.cargoMtpa ?? null, query.avoidCountries, query.objective === 'co2' ? tonnesPerFeu : null]);
}

/** Builds (or returns the cached) routing index for a model and a query's filters. */
export function routeIndex(model: Model, query: Omit<Query, 'from' | 'to'>, tonnesPerFeu: number): RouteIndex {
  const key = filterKey(query, tonnesPerFeu);
  let perModel = cache.get(model);
  const hit = perModel?.get(key);
  if (hit) {
    // Move to the back: most recently used.
    perModel?.delete(key);
    perModel?.set(key, hit);
    return hit;
  }
  const { usable, excluded } = partitionEdges(model, query);
  const graph = buildGraph(model, usable, query.objective, tonnesPerFeu);
  const weight = (edge: string, attributes: Record<string, unknown>) => arcWeight(edge, attributes as unknown as Arc);
  const search = graph.order > 0 ? createDijkstraIndexedBrandes(graph, weight) : null;
  const nodeIds = graph.nodes();
  const index: RouteIndex = { usable, excluded, graph, nodeIds, indexOf: new Map(nodeIds.map((id, i) => [id, i])), search };
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  perModel.set(key, index);
  if (perModel.size > CACHE_LIMIT) perModel.delete(perModel.keys().next().value as string);
  return index;
}

/**
 * The node path of a least-weight route from one node to another, or null when none.
 * Predecessors are always settled before their successors, so walking them back ends at the origin.
 */
export function searchPath(index: RouteIndex, from: string, to: string): string[] | null {
  const s = index.indexOf.get(from);
  const t = index.indexOf.get(to);
  if (s === undefined || t === undefined || index.search === null) return null;
  const [settled, predecessors] = index.search(s);
  // graphology-shortest-path 2.1 does not empty its reused stack between calls; empty it here.
  settled.clear();
  if (t !== s && !(predecessors[t]?.length)) return null;
  const path = [t];
  for (let v = t; v !== s; ) {
    const p = predecessors[v]?.[0];
    if (p === undefined) return null;
    path.push(p);
    v = p;
  }
  return path.reverse().map((i) => index.nodeIds[i] as string);
}
