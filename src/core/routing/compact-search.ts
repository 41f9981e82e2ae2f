// The route search: the usable edges as a compact graph (CSR adjacency in typed arrays, two arcs per edge)
// and Dijkstra's algorithm with a binary heap on node indexes. Each arc carries a key of four numbers,
// (objective, days, USD, km), each including the dwell at the node the arc enters; paths are compared
// lexicographically, so when routes tie on the objective fewer days win, then lower cost, then fewer km,
// and the answer never depends on the order of the edges in the file.
import type { Model } from '../network/model.ts';
import type { Edge, Node } from '../network/schema.ts';
import { checkedWeight, edgeWeight, nodeWeight } from './build-graph.ts';
import type { Objective } from './query.ts';

/** Components of an arc's key: the objective's weight, then the tie-breakers. */
export const KEY_SIZE = 4;
/** The cost a tie-break counts for a segment without a cost figure: far above any real cost, so a priced route wins a tie. */
const UNKNOWN_COST = 1e7;

/** A query's usable edges in compressed sparse row form. Arc a leaves node `tails[a]` for `heads[a]` along `edges[arcEdge[a]]`. */
export interface CompactGraph {
  nodeIds: string[];
  indexOf: Map<string, number>;
  /** Arcs leaving node v are offsets[v] .. offsets[v+1]-1. */
  offsets: Int32Array;
  heads: Int32Array;
  tails: Int32Array;
  arcEdge: Int32Array;
  /** KEY_SIZE numbers per arc: objective weight, days, USD per FEU, km (each with the dwell at the head node). */
  keys: Float64Array;
  edges: readonly Edge[];
}

/** Whether a weight is usable: a finite number >= 0 (checkedWeight throws with the record's id otherwise). */
const usableWeight = (w: number) => w >= 0 && w < Infinity;

/** Builds the compact graph of a list of usable edges under an objective; every weight is checked finite and >= 0. */
export function compactGraph(model: Model, edges: readonly Edge[], objective: Objective, tonnesPerFeu: number): CompactGraph {
  const nodeIds: string[] = [];
  const indexOf = new Map<string, number>();
  // Per node, in order of first appearance: its dwell under the objective, in days and in USD.
  const dwellKey: number[] = [];
  const dwellDays: number[] = [];
  const dwellCost: number[] = [];
  const edgeCount = edges.length;
  const m = edgeCount * 2;
  // Ends of edge k: node indexes ends[2k] (from) and ends[2k+1] (to); the weight of travelling it.
  const ends = new Int32Array(m);
  const base = new Float64Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    const edge = edges[k] as Edge;
    for (let side = 0; side < 2; side++) {
      const id = side === 0 ? edge.from : edge.to;
      let i = indexOf.get(id);
      if (i === undefined) {
        i = nodeIds.length;
        nodeIds.push(id);
        indexOf.set(id, i);
        const node = model.nodeById.get(id) as Node;
        dwellKey.push(nodeWeight(node, objective));
        dwellDays.push(node.dwellDays?.typical ?? 0);
        dwellCost.push(node.dwellCostUsdPerFeu?.typical ?? 0);
      }
      ends[2 * k + side] = i;
    }
    const w = edgeWeight(model, edge, objective, tonnesPerFeu);
    base[k] = usableWeight(w) ? w : checkedWeight(w, `edge "${edge.id}"`);
  }
  // Counting sort of the arcs by tail: CSR order, arcs of one node in edge order (from→to before to→from).
  const n = nodeIds.length;
  const offsets = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) {
    const t = (ends[a] as number) + 1;
    offsets[t] = (offsets[t] as number) + 1;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] as number) + (offsets[v] as number);
  const fill = offsets.slice(0, n);
  const heads = new Int32Array(m);
  const tails = new Int32Array(m);
  const arcEdge = new Int32Array(m);
  const keys = new Float64Array(m * KEY_SIZE);
  for (let k = 0; k < edgeCount; k++) {
    const edge = edges[k] as Edge;
    const days = edge.transitDays.typical;
    const cost = edge.costUsdPerFeu?.typical ?? UNKNOWN_COST;
    for (let side = 0; side < 2; side++) {
      const from = ends[2 * k + side] as number;
      const to = ends[2 * k + 1 - side] as number;
      const pos = fill[from] as number;
      fill[from] = pos + 1;
      heads[pos] = to;
      tails[pos] = from;
      arcEdge[pos] = k;
      const dwell = dwellKey[to] as number;
      const o = pos * KEY_SIZE;
      keys[o] = (base[k] as number) + (usableWeight(dwell) ? dwell : checkedWeight(dwell, `node "${nodeIds[to] as string}"`));
      keys[o + 1] = days + (dwellDays[to] as number);
      keys[o + 2] = cost + (dwellCost[to] as number);
      keys[o + 3] = edge.distanceKm;
    }
  }
  return { nodeIds, indexOf, offsets, heads, tails, arcEdge, keys, edges };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b, allowing for rounding in sums of decimal figures. */
function compareWeights(a: number, b: number): number {
  if (a === b) return 0;
  if (b === Infinity) return -1;
  if (a === Infinity) return 1;
  const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a < b - tolerance ? -1 : b < a - tolerance ? 1 : 0;
}

/** A path in a compact graph: node indexes, arc indexes, and its summed key. */
export interface CompactPath {
  nodes: number[];
  arcs: number[];
  key: number[];
}

/**
 * The lexicographically least path from `source` to `target` (node indexes), or null when none. Nodes in
 * `blocked` are never entered. Equal keys fall back to the lower node index, so the answer is deterministic.
 */
export function lexShortestPath(g: CompactGraph, source: number, target: number, blocked?: Uint8Array): CompactPath | null {
  const n = g.nodeIds.length;
  if (source < 0 || source >= n || target < 0 || target >= n) return null;
  const K = KEY_SIZE;
  const { dist, viaArc, done, heap, pos, cand } = workspace(n);
  let size = 0;
  const lessNode = (u: number, v: number) => {
    for (let k = 0; k < K; k++) {
      const c = compareWeights(dist[u * K + k] as number, dist[v * K + k] as number);
      if (c !== 0) return c < 0;
    }
    return u < v;
  };
  const up = (i: number) => {
    const v = heap[i] as number;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p] as number;
      if (!lessNode(v, pv)) break;
      heap[i] = pv;
      pos[pv] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  };
  const down = (i: number) => {
    const v = heap[i] as number;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && lessNode(heap[r] as number, heap[l] as number) ? r : l;
      const cv = heap[c] as number;
      if (!lessNode(cv, v)) break;
      heap[i] = cv;
      pos[cv] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  };
  for (let k = 0; k < K; k++) dist[source * K + k] = 0;
  heap[0] = source;
  pos[source] = 0;
  size = 1;
  while (size > 0) {
    const u = heap[0] as number;
    size--;
    pos[u] = -1;
    if (size > 0) {
      heap[0] = heap[size] as number;
      down(0);
    }
    done[u] = 1;
    if (u === target) break;
    const end = g.offsets[u + 1] as number;
    for (let a = g.offsets[u] as number; a < end; a++) {
      const v = g.heads[a] as number;
      if (done[v] || (blocked !== undefined && blocked[v])) continue;
      let order = 0;
      for (let k = 0; k < K; k++) {
        const c = (dist[u * K + k] as number) + (g.keys[a * K + k] as number);
        cand[k] = c;
        if (order === 0) order = compareWeights(c, dist[v * K + k] as number);
      }
      if (order >= 0) continue;
      for (let k = 0; k < K; k++) dist[v * K + k] = cand[k] as number;
      viaArc[v] = a;
      if (pos[v] === -1) {
        heap[size] = v;
        size++;
        up(size - 1);
      } else up(pos[v] as number);
    }
  }
  if (!done[target]) return null;
  const nodes = [target];
  const arcs: number[] = [];
  for (let v = target; v !== source; ) {
    const a = viaArc[v] as number;
    if (a < 0) return null;
    arcs.push(a);
    v = g.tails[a] as number;
    nodes.push(v);
  }
  return { nodes: nodes.reverse(), arcs: arcs.reverse(), key: Array.from(dist.subarray(target * K, target * K + K)) };
}

/** The arrays of one search, kept for the next: a search runs to its end before another starts on this thread. */
let work: { n: number; dist: Float64Array; viaArc: Int32Array; done: Uint8Array; heap: Int32Array; pos: Int32Array; cand: Float64Array } | null = null;

/**
 * The search's arrays, reset for a graph of n nodes (the first n places of each): distances Infinity, no arc,
 * nothing done. Indexed binary heap: heap[i] is a node, pos[v] its place (-1 when absent).
 */
function workspace(n: number) {
  if (!work || work.n < n) {
    work = { n, dist: new Float64Array(n * KEY_SIZE), viaArc: new Int32Array(n), done: new Uint8Array(n), heap: new Int32Array(n), pos: new Int32Array(n), cand: new Float64Array(KEY_SIZE) };
  }
  work.dist.fill(Infinity, 0, n * KEY_SIZE);
  work.viaArc.fill(-1, 0, n);
  work.done.fill(0, 0, n);
  work.pos.fill(-1, 0, n);
  return work;
}
