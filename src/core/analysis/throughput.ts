// How many tonnes a year the network (or one corridor) can carry between two nodes: a maximum flow on the
// edges' capacities over the usable edges, with the minimum cut that limits it named edge by edge.
// Unknown capacities are never guessed: the answer is two bounds, one leaving them out, one unlimited.
import type { Model } from '../network/model.ts';
import { QueryError } from '../errors.ts';
import { resolveNode, type Query } from '../routing/query.ts';
import { routeIndex } from '../routing/route-index.ts';
import { modelAtYear } from '../network/periods.ts';
import { connects, explainNoRoute, tonnesFor } from '../routing/shortest-route.ts';
import type { Edge } from '../network/schema.ts';
import type { Mtpa } from '../units.ts';

/** One edge of a minimum cut, written from its source side (`from`) to its sink side (`to`). */
export interface CutEdge {
  /** The id of the segment, or of the place (a port, a border crossing) whose own capacity is cut. */
  edge: string;
  /** A segment, or a place with a capacity of its own. */
  kind: 'edge' | 'node';
  name: string;
  from: string;
  to: string;
  capacityMtpa: Mtpa;
}

/** The flow an edge carries in the known-only solution, in the direction it runs (`from` → `to`). */
export interface EdgeFlow {
  edge: string;
  from: string;
  to: string;
  flowMtpa: Mtpa;
}

/** Most tonnes a year between two nodes, as a lower and an upper bound, with the cuts that limit them. */
export interface Throughput {
  from: string;
  to: string;
  corridor: string | null;
  year: number | null;
  /** Lower bound: edges of unknown capacity carry nothing; sea legs are unlimited. Infinity (unbounded) when known segments and sea legs join the two places through nothing with a figure. */
  knownOnly: { maxFlowMtpa: Mtpa; minCut: CutEdge[]; unbounded: boolean };
  /** Upper bound: edges of unknown capacity carry any amount; Infinity (unbounded) when they alone join the two nodes. */
  unknownUnlimited: { maxFlowMtpa: Mtpa; minCut: CutEdge[]; unbounded: boolean };
  /** Usable edges of unknown capacity that lie on some simple path between the two nodes, in network order. */
  unknownCapacityEdges: string[];
  /** The known-only solution's flow on each edge that carries any, in network order. */
  flows: EdgeFlow[];
  /** Why no usable edges join the two nodes; null when some do. */
  reason: string | null;
}

/** The query a throughput takes: any objective (it is ignored), cargoMtpa is ignored too. */
export type ThroughputQuery = Omit<Query, 'objective'> & { objective?: Query['objective'] };

const round = (x: number) => Math.round(x * 1e6) / 1e6;
/** Residual capacities at or below this count as saturated (the figures are given to far fewer digits). */
const EPS = 1e-9;

interface FlowEdge {
  /** Index into the node list of each end. */
  u: number;
  v: number;
  /** Capacity, Mt/yr; Infinity for an unlimited edge. */
  cap: number;
  /** Carries flow from u to v only (a place's capacity, or one direction of a segment at such a place). */
  directed?: boolean;
}

interface FlowResult {
  value: number;
  /** Net flow per edge, positive from u to v. */
  flow: number[];
  /** The nodes reachable from the source in the final residual graph (the source side of a minimum cut). */
  sourceSide: boolean[];
}

/**
 * Maximum flow on an undirected graph by Edmonds & Karp (1972), "Theoretical improvements in algorithmic
 * efficiency for network flow problems", JACM 19(2): shortest augmenting paths found by breadth-first search.
 * Each undirected edge is a pair of opposite arcs of the same capacity whose flows are kept opposite, so it
 * carries up to its capacity in either direction. The caller makes sure no path of infinite capacity exists.
 */
function maxFlow(nodeCount: number, edges: readonly FlowEdge[], source: number, sink: number): FlowResult {
  // Arc 2k runs u→v of edge k, arc 2k+1 runs v→u; flowOn[2k] = -flowOn[2k+1].
  const adjacent: number[][] = Array.from({ length: nodeCount }, () => []);
  const head: number[] = [];
  const cap: number[] = [];
  edges.forEach((e, k) => {
    head[2 * k] = e.v;
    head[2 * k + 1] = e.u;
    cap[2 * k] = e.cap;
    cap[2 * k + 1] = e.directed ? 0 : e.cap;
    adjacent[e.u]?.push(2 * k);
    adjacent[e.v]?.push(2 * k + 1);
  });
  const flowOn = new Array<number>(2 * edges.length).fill(0);
  const residual = (a: number) => (cap[a] ?? 0) - (flowOn[a] ?? 0);
  const reach = (): { seen: boolean[]; via: number[] } => {
    const seen = new Array<boolean>(nodeCount).fill(false);
    const via = new Array<number>(nodeCount).fill(-1);
    seen[source] = true;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      const x = queue[i] as number;
      for (const a of adjacent[x] ?? []) {
        const y = head[a] as number;
        if (!seen[y] && residual(a) > EPS) {
          seen[y] = true;
          via[y] = a;
          queue.push(y);
        }
      }
    }
    return { seen, via };
  };
  let value = 0;
  if (source !== sink) {
    for (;;) {
      const { seen, via } = reach();
      if (!seen[sink]) break;
      let bottleneck = Infinity;
      for (let y = sink; y !== source; y = head[(via[y] as number) ^ 1] as number) bottleneck = Math.min(bottleneck, residual(via[y] as number));
      if (!Number.isFinite(bottleneck)) throw new Error('throughput: augmenting path of unlimited capacity');
      for (let y = sink; y !== source; y = head[(via[y] as number) ^ 1] as number) {
        const a = via[y] as number;
        flowOn[a] = (flowOn[a] ?? 0) + bottleneck;
        flowOn[a ^ 1] = (flowOn[a ^ 1] ?? 0) - bottleneck;
      }
      value += bottleneck;
    }
  }
  return { value, flow: edges.map((_, k) => flowOn[2 * k] ?? 0), sourceSide: reach().seen };
}

/** Whether arcs of unlimited capacity alone join two nodes, following one-way arcs only forwards. */
function maxFlowIsUnlimited(nodeCount: number, edges: readonly FlowEdge[], from: number, to: number): boolean {
  const adjacent: number[][] = Array.from({ length: nodeCount }, () => []);
  for (const e of edges) {
    if (Number.isFinite(e.cap)) continue;
    adjacent[e.u]?.push(e.v);
    if (!e.directed) adjacent[e.v]?.push(e.u);
  }
  const seen = new Array<boolean>(nodeCount).fill(false);
  seen[from] = true;
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const x = queue[i] as number;
    if (x === to) return true;
    for (const y of adjacent[x] ?? []) {
      if (!seen[y]) {
        seen[y] = true;
        queue.push(y);
      }
    }
  }
  return false;
}

/**
 * The edges that lie on some simple path between two nodes: the edges of the blocks (biconnected components,
 * Hopcroft & Tarjan 1973) on the path from one node to the other in the block–cut tree. Within a block, every
 * edge lies on a simple path between any two of its nodes, and no simple path leaves the chain of blocks.
 */
function edgesOnSimplePaths(nodeCount: number, edges: readonly FlowEdge[], from: number, to: number): Set<number> {
  const adjacent: { edge: number; next: number }[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, k) => {
    if (e.u === e.v) return; // a loop is on no simple path
    adjacent[e.u]?.push({ edge: k, next: e.v });
    adjacent[e.v]?.push({ edge: k, next: e.u });
  });
  const order = new Array<number>(nodeCount).fill(0);
  const low = new Array<number>(nodeCount).fill(0);
  let clock = 0;
  const stack: number[] = [];
  const blocks: number[][] = [];
  const visit = (x: number, parentEdge: number) => {
    clock += 1;
    order[x] = clock;
    low[x] = clock;
    for (const { edge, next } of adjacent[x] ?? []) {
      if (edge === parentEdge) continue;
      if (order[next] === 0) {
        stack.push(edge);
        visit(next, edge);
        low[x] = Math.min(low[x] as number, low[next] as number);
        if ((low[next] as number) >= (order[x] as number)) {
          const block: number[] = [];
          for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
            block.push(top);
            if (top === edge) break;
          }
          blocks.push(block);
        }
      } else if ((order[next] as number) < (order[x] as number)) {
        stack.push(edge);
        low[x] = Math.min(low[x] as number, order[next] as number);
      }
    }
  };
  visit(from, -1);
  const result = new Set<number>();
  if (from === to || order[to] === 0) return result;
  // Block–cut tree: tree nodes 0..nodeCount-1 are graph nodes, nodeCount + b is block b.
  const tree: number[][] = Array.from({ length: nodeCount + blocks.length }, () => []);
  blocks.forEach((block, b) => {
    const members = new Set<number>();
    for (const k of block) {
      const e = edges[k];
      if (e) members.add(e.u).add(e.v);
    }
    for (const x of members) {
      tree[x]?.push(nodeCount + b);
      tree[nodeCount + b]?.push(x);
    }
  });
  const back = new Array<number>(tree.length).fill(-1);
  back[from] = from;
  const queue = [from];
  for (let i = 0; i < queue.length && back[to] === -1; i++) {
    const x = queue[i] as number;
    for (const y of tree[x] ?? []) {
      if (back[y] === -1) {
        back[y] = x;
        queue.push(y);
      }
    }
  }
  for (let y = to; y !== from; y = back[y] as number) {
    if (y >= nodeCount) for (const k of blocks[y - nodeCount] ?? []) result.add(k);
  }
  return result;
}

/**
 * The most tonnes a year the usable edges can carry between `query.from` and `query.to` (million tonnes a year),
 * as a lower bound (edges of unknown capacity left out) and an upper bound (edges of unknown capacity unlimited;
 * Infinity with `unbounded: true` when a path of only such edges exists), each with its minimum cut.
 *
 * Edges carry flow either way up to their capacity (max flow by Edmonds & Karp 1972). The usable edges are
 * those a 'days' route query may use: the corridor, year, avoided-country and closure filters apply;
 * `query.cargoMtpa` and `query.objective` are ignored. The minimum cut is the set of edges leaving the nodes
 * reachable from the origin in the final residual graph; its capacities add up to the maximum flow. Cut edges
 * are sorted by capacity, then id. Figures are rounded to 1e-6.
 * @throws QueryError (BAD_QUERY, field "to") when origin and destination are the same node.
 * @throws UnknownIdError (UNKNOWN_ID) when an end is not a node of the network.
 */
export function throughput(base: Model, query: ThroughputQuery): Throughput {
  const model = modelAtYear(base, query.year);
  const from = resolveNode(model, query.from, 'from');
  const to = resolveNode(model, query.to, 'to');
  if (from === to) throw new QueryError('to', `to: origin and destination are the same node ("${from}")`);
  const filters: Query = { ...query, from, to, objective: 'days' };
  delete filters.cargoMtpa;
  const index = routeIndex(model, filters, tonnesFor(model, filters));
  const usable = index.usable;

  const nodeIds = model.network.nodes.map((n) => n.id);
  const indexOf = new Map(nodeIds.map((id, i) => [id, i]));
  const at = (id: string) => {
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`throughput: edge end "${id}" is not a node`);
    return i;
  };
  // A place with a capacity of its own (a port, a border crossing) becomes two flow nodes joined by a one-way
  // arc of that capacity: segments arrive at its "in" node x and leave from its "out" node. The origin starts
  // at its "in" node and the destination ends at its "out" node, so their capacities count too.
  const n0 = nodeIds.length;
  const limited = model.network.nodes.filter(
    (nd) => nd.capacityMtpa !== undefined && nd.capacityMtpa !== null && usable.some((e) => e.from === nd.id || e.to === nd.id),
  );
  const outOf = new Map(limited.map((nd, j) => [nd.id, n0 + j]));
  const n = n0 + limited.length;
  const inNode = (id: string) => at(id);
  const outNode = (id: string) => outOf.get(id) ?? at(id);
  const s = inNode(from);
  const t = outNode(to);
  // A sea leg without a figure is not limiting at this scale: unlimited in both bounds, never "unknown".
  const seaOpen = (e: Edge) => e.capacityMtpa === null && e.mode === 'sea';

  /** The flow arcs of a set of segments (unknown capacities as given) and of the places, each tagged with what it models. */
  type Tagged = FlowEdge & { owner: { kind: 'edge'; edge: Edge; forward: boolean } | { kind: 'node'; id: string } };
  const arcsOf = (edges: readonly Edge[], unknownCap: number): Tagged[] => {
    const out: Tagged[] = limited.map((nd) => ({ u: inNode(nd.id), v: outNode(nd.id), cap: nd.capacityMtpa as number, directed: true, owner: { kind: 'node', id: nd.id } }));
    for (const e of edges) {
      const cap = e.capacityMtpa ?? (seaOpen(e) ? Infinity : unknownCap);
      if (!outOf.has(e.from) && !outOf.has(e.to)) out.push({ u: at(e.from), v: at(e.to), cap, owner: { kind: 'edge', edge: e, forward: true } });
      else {
        out.push({ u: outNode(e.from), v: inNode(e.to), cap, directed: true, owner: { kind: 'edge', edge: e, forward: true } });
        out.push({ u: outNode(e.to), v: inNode(e.from), cap, directed: true, owner: { kind: 'edge', edge: e, forward: false } });
      }
    }
    return out;
  };

  const nodeName = (id: string) => model.nodeById.get(id)?.name ?? id;
  /** The arcs from the origin's side of the final residual graph to the other side, one row per segment or place. */
  const cutOf = (arcs: readonly Tagged[], sourceSide: readonly boolean[]): CutEdge[] => {
    const rows = new Map<string, CutEdge>();
    for (const a of arcs) {
      const su = sourceSide[a.u] === true;
      const sv = sourceSide[a.v] === true;
      if (su === sv || (a.directed && !su) || !Number.isFinite(a.cap)) continue;
      if (a.owner.kind === 'node') {
        const id = a.owner.id;
        rows.set(`node:${id}`, { edge: id, kind: 'node', name: nodeName(id), from: id, to: id, capacityMtpa: a.cap });
        continue;
      }
      const e = a.owner.edge;
      const forward = a.directed ? a.owner.forward : su;
      rows.set(`edge:${e.id}`, {
        edge: e.id,
        kind: 'edge',
        name: e.name ?? `${nodeName(e.from)}–${nodeName(e.to)}`,
        from: forward ? e.from : e.to,
        to: forward ? e.to : e.from,
        capacityMtpa: a.cap,
      });
    }
    return [...rows.values()].sort((a, b) => a.capacityMtpa - b.capacityMtpa || (a.edge < b.edge ? -1 : a.edge > b.edge ? 1 : 0));
  };

  const knownArcs = arcsOf(usable.filter((e) => e.capacityMtpa !== null || seaOpen(e)), 0);
  // Known segments and sea legs alone may join the two places through nothing with a figure (a sea route between two ports without one).
  const lowerUnbounded = maxFlowIsUnlimited(n, knownArcs, s, t);
  const lower = lowerUnbounded ? { value: Infinity, flow: knownArcs.map(() => 0), sourceSide: new Array<boolean>(n).fill(false) } : maxFlow(n, knownArcs, s, t);
  const net = new Map<string, number>();
  knownArcs.forEach((a, k) => {
    if (a.owner.kind !== 'edge') return;
    const f = lower.flow[k] ?? 0;
    net.set(a.owner.edge.id, (net.get(a.owner.edge.id) ?? 0) + (a.owner.forward ? f : -f));
  });
  const flows: EdgeFlow[] = [];
  for (const e of usable) {
    const f = net.get(e.id) ?? 0;
    const amount = round(Math.abs(f));
    if (amount > 0) flows.push({ edge: e.id, from: f > 0 ? e.from : e.to, to: f > 0 ? e.to : e.from, flowMtpa: amount });
  }

  // Unbounded when segments of unknown capacity and sea legs alone join the two places, through no place with a capacity.
  const unbounded = lowerUnbounded || maxFlowIsUnlimited(n, arcsOf(usable.filter((e) => e.capacityMtpa === null), Infinity), s, t);
  let upper: Throughput['unknownUnlimited'];
  if (unbounded) upper = { maxFlowMtpa: Infinity, minCut: [], unbounded: true };
  else {
    const allArcs = arcsOf(usable, Infinity);
    const result = maxFlow(n, allArcs, s, t);
    upper = { maxFlowMtpa: round(result.value), minCut: cutOf(allArcs, result.sourceSide), unbounded: false };
  }

  const flowEdge = (e: Edge, unknownCap: number): FlowEdge => ({ u: at(e.from), v: at(e.to), cap: e.capacityMtpa ?? unknownCap });
  const all = usable.map((e) => flowEdge(e, Infinity));
  const onPaths = edgesOnSimplePaths(n0, all, at(from), at(to));
  const unknownCapacityEdges = usable.filter((e, k) => e.capacityMtpa === null && !seaOpen(e) && onPaths.has(k)).map((e) => e.id);
  const reason = connects(usable, from, to) ? null : explainNoRoute(model, filters, usable, index.excluded);

  return {
    from,
    to,
    corridor: query.corridor ?? null,
    year: query.year ?? null,
    knownOnly: { maxFlowMtpa: lowerUnbounded ? Infinity : round(lower.value), minCut: lowerUnbounded ? [] : cutOf(knownArcs, lower.sourceSide), unbounded: lowerUnbounded },
    unknownUnlimited: upper,
    unknownCapacityEdges,
    flows,
    reason,
  };
}

/**
 * The throughput of each corridor of the network (in the network's corridor order), then that of the whole
 * network (`corridor: null`) last. `query.corridor` is ignored. Units and errors as for `throughput`.
 */
export function corridorThroughput(model: Model, query: ThroughputQuery): Throughput[] {
  const open: ThroughputQuery = { ...query };
  delete open.corridor;
  return [...model.network.corridors.map((c) => throughput(model, { ...open, corridor: c.id })), throughput(model, open)];
}
