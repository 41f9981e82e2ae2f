// A plain adjacency list over a query's usable edges (parallel edges kept, one arc per direction) and a
// binary-heap Dijkstra with blocked nodes and arcs, shared by the K-shortest-paths and Pareto searches.
import { checkedWeight, edgeWeight, nodeWeight } from './build-graph.ts';
import type { Model } from '../network/model.ts';
import type { Objective } from './query.ts';
import type { Edge, Node } from '../network/schema.ts';

/** One direction of travel along an edge. `id` indexes `SearchGraph.arcs` and any weight array. */
export interface SearchArc {
  id: number;
  from: number;
  to: number;
  edge: string;
}

/** The usable edges as directed arcs, two per edge, in edge order (u→v then v→u). */
export interface SearchGraph {
  /** Node ids in order of first appearance in the edge list. */
  nodeIds: string[];
  indexOf: ReadonlyMap<string, number>;
  arcs: SearchArc[];
  /** Arcs leaving each node, by node index, in arc order. */
  out: SearchArc[][];
}

/** Builds the adjacency list of a list of edges. Edges are undirected; parallel edges stay distinct arcs. */
export function searchGraph(edges: readonly Edge[]): SearchGraph {
  const nodeIds: string[] = [];
  const indexOf = new Map<string, number>();
  const out: SearchArc[][] = [];
  const arcs: SearchArc[] = [];
  const at = (id: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = nodeIds.length;
      nodeIds.push(id);
      indexOf.set(id, i);
      out.push([]);
    }
    return i;
  };
  for (const edge of edges) {
    const u = at(edge.from);
    const v = at(edge.to);
    for (const [from, to] of [
      [u, v],
      [v, u],
    ] as const) {
      const arc: SearchArc = { id: arcs.length, from, to, edge: edge.id };
      arcs.push(arc);
      out[from]?.push(arc);
    }
  }
  return { nodeIds, indexOf, arcs, out };
}

/**
 * The checked weight of every arc under an objective: the edge weight plus the dwell at the node entered
 * (days, USD per FEU, km or kg CO2e per FEU, as in findRoute). Throws on a weight that is not a finite number >= 0.
 */
export function arcWeights(model: Model, graph: SearchGraph, objective: Objective, tonnesPerFeu: number): Float64Array {
  const weights = new Float64Array(graph.arcs.length);
  const base = new Map<string, number>();
  for (const arc of graph.arcs) {
    let w = base.get(arc.edge);
    if (w === undefined) {
      const edge = model.edgeById.get(arc.edge);
      if (!edge) throw new Error(`search-graph: no edge "${arc.edge}"`);
      w = checkedWeight(edgeWeight(model, edge, objective, tonnesPerFeu), `edge "${arc.edge}"`);
      base.set(arc.edge, w);
    }
    const id = graph.nodeIds[arc.to] ?? '';
    const target = model.nodeById.get(id) as Node;
    weights[arc.id] = w + checkedWeight(nodeWeight(target, objective), `node "${id}"`);
  }
  return weights;
}

/** Orders edge-id sequences element by element (by code unit), a prefix first. */
export function compareEdgeIds(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** A binary min-heap ordered by `less`. */
export class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = items[p] as T;
      if (!this.less(item, parent)) break;
      items[i] = parent;
      i = p;
    }
    items[i] = item;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= items.length) break;
      const r = l + 1;
      const c = r < items.length && this.less(items[r] as T, items[l] as T) ? r : l;
      const child = items[c] as T;
      if (!this.less(child, last)) break;
      items[i] = child;
      i = c;
    }
    items[i] = last;
    return top;
  }
}

/** A path found in a search graph: node indexes, the arc ids between them, and the summed arc weight. */
export interface SearchPath {
  nodes: number[];
  arcs: number[];
  weight: number;
}

/** Nodes that may not be entered and arcs that may not be used (Yen's spur searches). */
export interface Blocked {
  nodes?: ReadonlySet<number>;
  arcs?: ReadonlySet<number>;
}

/**
 * Least-weight path from `source` to `target` (node indexes) by Dijkstra's algorithm with a binary heap,
 * never entering a blocked node nor using a blocked arc. Ties are broken by node index and arc order, so
 * the answer is deterministic. Null when the target cannot be reached.
 */
export function shortestPath(graph: SearchGraph, weights: Float64Array, source: number, target: number, blocked: Blocked = {}): SearchPath | null {
  const n = graph.nodeIds.length;
  if (source < 0 || source >= n || target < 0 || target >= n) return null;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new MinHeap<[number, number]>((a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]));
  dist[source] = 0;
  heap.push([0, source]);
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const [d, u] = top;
    if (done[u] || d > (dist[u] ?? Infinity)) continue;
    done[u] = 1;
    if (u === target) break;
    for (const arc of graph.out[u] ?? []) {
      const v = arc.to;
      if (done[v] || blocked.nodes?.has(v) || blocked.arcs?.has(arc.id)) continue;
      const nd = d + (weights[arc.id] ?? Infinity);
      if (nd < (dist[v] ?? Infinity)) {
        dist[v] = nd;
        via[v] = arc.id;
        heap.push([nd, v]);
      }
    }
  }
  if (!done[target]) return null;
  const nodes = [target];
  const arcs: number[] = [];
  for (let v = target; v !== source; ) {
    const arc = graph.arcs[via[v] ?? -1];
    if (!arc) return null;
    arcs.push(arc.id);
    nodes.push(arc.from);
    v = arc.from;
  }
  return { nodes: nodes.reverse(), arcs: arcs.reverse(), weight: dist[target] ?? Infinity };
}
