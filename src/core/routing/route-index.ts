// A routing index per model and filter set: the usable edges and their compact graph for the route search,
// built once and cached (models are immutable, so a cache entry never goes stale).
import { edgeExclusion, type Exclusion } from './build-graph.ts';
import { compactGraph, lexShortestPath, type CompactGraph, type CompactPath } from './compact-search.ts';
import type { Model } from '../network/model.ts';
import type { Query } from './query.ts';
import type { Edge } from '../network/schema.ts';

/** Everything a query needs that depends only on the model and the query's filters, not on its ends. */
export interface RouteIndex {
  usable: Edge[];
  excluded: { edge: Edge; why: Exclusion }[];
  /** The usable edges as a compact graph weighted for the query's objective. */
  compact: CompactGraph;
  /** How many searches findRoute has answered from this index so far. */
  searches: number;
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
  // The common case written out (the same text as below): no countries avoided, every mode.
  if (query.avoidCountries.length === 0 && query.modes === undefined) {
    const n = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'null' : JSON.stringify(x));
    const corridor = query.corridor === undefined ? 'null' : JSON.stringify(query.corridor);
    return `[${JSON.stringify(query.objective)},${corridor},${n(query.year)},${n(query.cargoMtpa)},[],${query.objective === 'co2' ? n(tonnesPerFeu) : 'null'},null]`;
  }
  return JSON.stringify([query.objective, query.corridor ?? null, query.year ?? null, query.cargoMtpa ?? null, query.avoidCountries, query.objective === 'co2' ? tonnesPerFeu : null, query.modes ?? null]);
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
  const index: RouteIndex = { usable, excluded, compact: compactGraph(model, usable, query.objective, tonnesPerFeu), searches: 0 };
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  perModel.set(key, index);
  if (perModel.size > CACHE_LIMIT) perModel.delete(perModel.keys().next().value as string);
  return index;
}

/** A route found by the search: the node ids and, for each hop, the id of the edge travelled. */
export interface FoundPath {
  nodes: string[];
  edges: string[];
}

function toFound(index: RouteIndex, path: CompactPath): FoundPath {
  const g = index.compact;
  return {
    nodes: path.nodes.map((i) => g.nodeIds[i] as string),
    edges: path.arcs.map((a) => (g.edges[g.arcEdge[a] as number] as Edge).id),
  };
}

/**
 * The best route from one node to another through the given nodes in order, or null when none. Each stretch
 * is a least-key search (objective, then days, cost, km); a later stretch avoids the nodes of the earlier ones
 * when it can, so the route stays simple, and passes back through one only when there is no other way.
 */
export function searchPath(index: RouteIndex, from: string, to: string, via: readonly string[] = []): FoundPath | null {
  const g = index.compact;
  const stops = [from, ...via, to].map((id) => g.indexOf.get(id));
  if (stops.some((i) => i === undefined)) return null;
  const nodes: string[] = [from];
  const edges: string[] = [];
  const visited = new Uint8Array(g.nodeIds.length);
  visited[stops[0] as number] = 1;
  for (let k = 1; k < stops.length; k++) {
    const s = stops[k - 1] as number;
    const t = stops[k] as number;
    if (s === t) continue;
    const blocked = visited.slice();
    blocked[t] = 0;
    // On the first stretch only the origin is blocked, which the search never enters again anyway: a stretch
    // that fails there fails without the block too, so it is not searched twice.
    const path = lexShortestPath(g, s, t, blocked) ?? (k > 1 ? lexShortestPath(g, s, t) : null);
    if (!path) return null;
    const found = toFound(index, path);
    nodes.push(...found.nodes.slice(1));
    edges.push(...found.edges);
    for (const v of path.nodes) visited[v] = 1;
  }
  return edges.length ? { nodes, edges } : null;
}
