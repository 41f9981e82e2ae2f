// Ranked alternative routes for a query: the K shortest loopless paths by Yen's algorithm over the
// query's usable edges, each built with buildRoute and described against the best one.
import { QueryError } from '../errors.ts';
import { fmtDays, fmtInt } from '../output/format-number.ts';
import type { Model } from '../network/model.ts';
import type { Objective, Query } from '../routing/query.ts';
import { routeIndex } from '../routing/route-index.ts';
import { buildRoute, type Route } from '../routing/route.ts';
import { arcWeights, compareEdgeIds, searchGraph, shortestPath, type SearchGraph } from '../routing/search-graph.ts';
import { explainNoRoute, tonnesFor } from '../routing/shortest-route.ts';

/** The most alternatives one query may ask for. */
export const MAX_ALTERNATIVES = 10;

/** How many extra paths Yen's loop may take to settle exact ties at the k-th place. */
const TIE_LIMIT = 50;

/** One ranked route. Values are in the objective's unit: days, USD per FEU, km or kg CO2e per FEU. */
export interface Alternative {
  /** 1 for the best route. */
  rank: number;
  route: Route;
  /** The route's total under the query's objective (typical days or USD per FEU, km, kg CO2e per FEU). */
  objectiveValue: number;
  /** objectiveValue minus the best route's (0 for rank 1). */
  extra: number;
  /** Edges of the best route this one does not use, in the best route's order. */
  removedEdges: string[];
  /** Edges of this route that the best one does not use, in this route's order. */
  addedEdges: string[];
  /** A short readable sentence, e.g. "via Turkmenbashi–Baku ferry instead of Aktau–Baku ferry; +1.2 days". */
  differs: string;
}

/** Alternatives on one corridor. */
export interface CorridorAlternatives {
  corridor: string;
  name: string;
  alternatives: Alternative[];
  reason: string | null;
}

/** A route's total under an objective, read from its totals. */
export function objectiveValue(route: Route, objective: Objective): number {
  switch (objective) {
    case 'days':
      return route.totals.transitDays.typical;
    case 'cost': {
      const cost = route.totals.costUsdPerFeu;
      if (!cost) throw new Error(`alternatives: route ${route.legs.map((l) => l.edge).join(',')} has no cost total`);
      return cost.typical;
    }
    case 'km':
      return route.totals.distanceKm;
    case 'co2':
      return route.totals.co2KgPerFeu;
  }
}

interface Found {
  nodes: number[];
  arcs: number[];
  edges: string[];
  route: Route;
  value: number;
}

const byValueThenEdges = (a: Found, b: Found) => a.value - b.value || compareEdgeIds(a.edges, b.edges);

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > MAX_ALTERNATIVES) {
    throw new QueryError('alternatives', `alternatives: expected a whole number from 1 to ${MAX_ALTERNATIVES}, got ${String(k)}`);
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function extraText(extra: number, objective: Objective): string {
  if (extra === 0) return 'no worse';
  switch (objective) {
    case 'days':
      return `+${fmtDays(extra)} days`;
    case 'cost':
      return `+$${fmtInt(extra)} per FEU`;
    case 'km':
      return `+${fmtInt(extra)} km`;
    case 'co2':
      return `+${fmtInt(extra)} kg CO2e per FEU`;
  }
}

/** "A", "A and B", "A, B and C", "A, B and 3 more segments". */
function listNames(names: string[]): string {
  if (names.length > 3) return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more segments`;
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function describe(best: Route, route: Route, removed: string[], added: string[], extra: number, objective: Objective): string {
  const legName = new Map<string, string>();
  for (const leg of [...best.legs, ...route.legs]) legName.set(leg.edge, leg.name);
  const shown = [...removed, ...added];
  // Parallel edges often share a name: add the id where a name would be ambiguous.
  const name = (id: string) => {
    const n = legName.get(id) ?? id;
    return shown.filter((other) => legName.get(other) === n).length > 1 ? `${n} (${id})` : n;
  };
  return `via ${listNames(added.map(name))} instead of ${listNames(removed.map(name))}; ${extraText(extra, objective)}`;
}

function toFound(model: Model, graph: SearchGraph, nodes: number[], arcs: number[], objective: Objective, tonnes: number): Found {
  const edges = arcs.map((a) => graph.arcs[a]?.edge ?? '');
  const route = buildRoute(model, nodes.map((i) => graph.nodeIds[i] ?? ''), edges, tonnes);
  return { nodes, arcs, edges, route, value: objectiveValue(route, objective) };
}

const samePrefix = (a: readonly number[], b: readonly number[], n: number) => {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * The k best simple routes for a query under its objective, by Yen's algorithm (J. Y. Yen, "Finding the K
 * shortest loopless paths in a network", Management Science 17(11), 1971). Same semantics as findRoute:
 * undirected edges after the query's filters, dwell counted at every node passed through (not the ends).
 * Parallel edges give distinct routes; node paths are always simple. Rank 1 has findRoute's objective
 * value. Order: objective value (from the built route's totals), then the edge-id sequence; exact ties at
 * the k-th place are settled the same way. Fewer than k when fewer simple routes exist.
 *
 * @param k how many routes, 1 to 10.
 * @returns the ranked routes, or none and findRoute's reason when there is no route.
 * @throws QueryError (code BAD_QUERY, field "alternatives") when k is not a whole number from 1 to 10.
 */
export function alternatives(model: Model, query: Query, k: number): { alternatives: Alternative[]; reason: string | null } {
  checkK(k);
  const tonnes = tonnesFor(model, query);
  const index = routeIndex(model, query, tonnes);
  const graph = searchGraph(index.usable);
  const weights = arcWeights(model, graph, query.objective, tonnes);
  const source = graph.indexOf.get(query.from);
  const target = graph.indexOf.get(query.to);
  const first = source !== undefined && target !== undefined && source !== target ? shortestPath(graph, weights, source, target) : null;
  if (!first || target === undefined) return { alternatives: [], reason: explainNoRoute(model, query, index.usable, index.excluded) };

  const found: Found[] = [toFound(model, graph, first.nodes, first.arcs, query.objective, tonnes)];
  const pool: Found[] = [];
  const seen = new Set<string>([first.arcs.join(',')]);
  for (;;) {
    const last = found[found.length - 1] as Found;
    for (let i = 0; i < last.arcs.length; i++) {
      const spur = last.nodes[i] as number;
      const blockedArcs = new Set<number>();
      for (const p of found) {
        const next = p.arcs[i];
        if (next !== undefined && samePrefix(p.arcs, last.arcs, i)) blockedArcs.add(next);
      }
      const spurPath = shortestPath(graph, weights, spur, target, { nodes: new Set(last.nodes.slice(0, i)), arcs: blockedArcs });
      if (!spurPath) continue;
      const arcs = [...last.arcs.slice(0, i), ...spurPath.arcs];
      const key = arcs.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      pool.push(toFound(model, graph, [...last.nodes.slice(0, i), ...spurPath.nodes], arcs, query.objective, tonnes));
    }
    pool.sort(byValueThenEdges);
    const next = pool[0];
    if (!next) break;
    const kth = found[k - 1];
    if (kth && (next.value > kth.value || found.length >= k + TIE_LIMIT)) break;
    pool.shift();
    found.push(next);
  }

  const ranked = found.sort(byValueThenEdges).slice(0, k);
  const best = ranked[0] as Found;
  return {
    alternatives: ranked.map((f, i) => {
      const extra = round6(f.value - best.value);
      const removedEdges = best.edges.filter((e) => !f.edges.includes(e));
      const addedEdges = f.edges.filter((e) => !best.edges.includes(e));
      const differs = i === 0 ? `best route by ${query.objective}` : describe(best.route, f.route, removedEdges, addedEdges, extra, query.objective);
      return { rank: i + 1, route: f.route, objectiveValue: f.value, extra, removedEdges, addedEdges, differs };
    }),
    reason: null,
  };
}

/**
 * Alternatives on every corridor of the network, plus on all edges (`best`), like compare().
 * The query's own corridor is ignored.
 * @throws QueryError (field "alternatives") when k is not a whole number from 1 to 10.
 */
export function corridorAlternatives(model: Model, query: Query, k: number): { corridors: CorridorAlternatives[]; best: { alternatives: Alternative[]; reason: string | null } } {
  checkK(k);
  const open: Query = { ...query };
  delete open.corridor;
  const corridors = model.network.corridors.map((c) => ({ corridor: c.id, name: c.name, ...alternatives(model, { ...open, corridor: c.id }, k) }));
  return { corridors, best: alternatives(model, open, k) };
}
