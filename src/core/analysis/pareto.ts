// The Pareto set of routes under two to four criteria (days, cost, CO2, km) by multi-criteria label setting
// over simple paths, each route built with buildRoute so its values come from the route totals.
import { objectiveValue } from './alternatives.ts';
import { QueryError } from '../errors.ts';
import type { Model } from '../network/model.ts';
import type { Query } from '../routing/query.ts';
import { routeIndex } from '../routing/route-index.ts';
import { buildRoute, type Route } from '../routing/route.ts';
import { arcWeights, compareEdgeIds, MinHeap, searchGraph } from '../routing/search-graph.ts';
import { explainNoRoute, tonnesFor } from '../routing/shortest-route.ts';

/** A criterion a route is judged on: typical transit days, typical USD per FEU, kg CO2e per FEU, km. */
export type Criterion = 'days' | 'cost' | 'co2' | 'km';
export const CRITERIA: readonly Criterion[] = ['days', 'cost', 'co2', 'km'];

/** The default bound on labels created by one search. */
export const MAX_LABELS = 200_000;

/** A route on the Pareto front. */
export interface ParetoRoute {
  route: Route;
  /** The route's totals under the asked criteria: days (typical), cost (typical USD per FEU), co2 (kg CO2e per FEU), km. */
  values: Partial<Record<Criterion, number>>;
  /** The corridors that contain every leg (route.corridors). */
  corridors: string[];
}

/** A partial path: the node it ends at, its summed arc weights per criterion, and how it got there. */
interface Label {
  id: number;
  node: number;
  values: number[];
  parent: Label | null;
  /** Arc id from the parent; -1 at the origin. */
  arc: number;
  alive: boolean;
  permanent: boolean;
}

/** a is at most b on every criterion. */
const noWorse = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x <= (b[i] ?? Infinity));
const equal = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x === b[i]);
/** a weakly dominates b: no worse on every criterion and better on one. */
const dominates = (a: readonly number[], b: readonly number[]) => noWorse(a, b) && !equal(a, b);

function lexLess(a: Label, b: Label): boolean {
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i] as number;
    const y = b.values[i] as number;
    if (x !== y) return x < y;
  }
  return a.id < b.id;
}

function checkCriteria(criteria: readonly Criterion[]): void {
  const bad = criteria.filter((c) => !CRITERIA.includes(c));
  if (bad.length) throw new QueryError('criteria', `criteria: expected some of ${CRITERIA.join(', ')}, got ${JSON.stringify(bad.join(','))}`);
  if (new Set(criteria).size !== criteria.length) throw new QueryError('criteria', `criteria: each criterion may appear once, got ${criteria.join(',')}`);
  if (criteria.length < 2 || criteria.length > 4) {
    throw new QueryError('criteria', `criteria: expected 2 to 4 distinct criteria, got ${criteria.length}`);
  }
}

/**
 * The routes from query.from to query.to that no other simple route weakly dominates (at most as high on every
 * criterion and lower on one), by Martins' multi-criteria label-setting algorithm (E. Q. V. Martins, "On a
 * multicriteria shortest path problem", European Journal of Operational Research 16(2), 1984). Labels are
 * settled in lexicographic order of their values; a label is dropped when another label at the same node is no
 * worse on every criterion, and never extends to a node already on its own path, so every route is simple.
 * The query's filters (corridor, year, cargo, avoided countries, closures) apply; with 'cost' among the criteria,
 * edges without a cost figure are left out, as for objective 'cost'. query.objective is ignored. Dwell counts at
 * every node passed through. Of routes with the same values one is kept (the smallest edge-id sequence the
 * search kept). Sorted by the first criterion, then the others, then the edge-id sequence.
 *
 * @param criteria 2 to 4 distinct criteria.
 * @param opts.maxLabels bound on labels created (default 200000); when hit, no more labels are made, the
 *   remaining ones are settled, and `truncated` is true: the routes are then mutually non-dominated but the
 *   front may be incomplete.
 * @returns the routes, or none and the reason (as findRoute gives it) when there is no route.
 * @throws QueryError (code BAD_QUERY, field "criteria") for fewer than 2, more than 4, repeated or unknown
 *   criteria; (field "maxLabels") when maxLabels is not a whole number >= 1.
 */
export function paretoRoutes(
  model: Model,
  query: Query,
  criteria: Criterion[],
  opts: { maxLabels?: number } = {},
): { routes: ParetoRoute[]; reason: string | null; truncated: boolean } {
  checkCriteria(criteria);
  const maxLabels = opts.maxLabels ?? MAX_LABELS;
  if (!Number.isInteger(maxLabels) || maxLabels < 1) throw new QueryError('maxLabels', `maxLabels: expected a whole number >= 1, got ${String(maxLabels)}`);
  const filterQuery: Query = { ...query, objective: criteria.includes('cost') ? 'cost' : 'days' };
  const tonnes = tonnesFor(model, query);
  const index = routeIndex(model, filterQuery, tonnes);
  const graph = searchGraph(index.usable);
  const weights = criteria.map((c) => arcWeights(model, graph, c, tonnes));
  const source = graph.indexOf.get(query.from);
  const target = graph.indexOf.get(query.to);
  const none = () => ({ routes: [], reason: explainNoRoute(model, filterQuery, index.usable, index.excluded), truncated: false });
  if (source === undefined || target === undefined || source === target) return none();

  const labelsAt: Label[][] = graph.nodeIds.map(() => []);
  const heap = new MinHeap<Label>(lexLess);
  let created = 0;
  let truncated = false;
  const add = (node: number, values: number[], parent: Label | null, arc: number) => {
    const label: Label = { id: created++, node, values, parent, arc, alive: true, permanent: false };
    labelsAt[node]?.push(label);
    heap.push(label);
  };
  const onPath = (label: Label, node: number) => {
    for (let l: Label | null = label; l; l = l.parent) if (l.node === node) return true;
    return false;
  };
  const edgeIds = (label: Label) => {
    const ids: string[] = [];
    for (let l: Label | null = label; l?.parent; l = l.parent) ids.push(graph.arcs[l.arc]?.edge ?? '');
    return ids.reverse();
  };

  add(source, criteria.map(() => 0), null, -1);
  for (let label = heap.pop(); label; label = heap.pop()) {
    if (!label.alive) continue;
    label.permanent = true;
    if (label.node === target) continue;
    for (const arc of graph.out[label.node] ?? []) {
      const v = arc.to;
      if (onPath(label, v)) continue;
      if (created >= maxLabels) {
        truncated = true;
        break;
      }
      const values = label.values.map((x, i) => x + (weights[i]?.[arc.id] ?? Infinity));
      const here = labelsAt[v] ?? [];
      let keep = true;
      const replaced: Label[] = [];
      for (const other of here) {
        if (!other.alive || !noWorse(other.values, values)) continue;
        // Same values: keep the smaller edge-id sequence while the old label is not yet settled.
        if (!other.permanent && equal(other.values, values) && compareEdgeIds([...edgeIds(label), arc.edge], edgeIds(other)) < 0) {
          replaced.push(other);
          continue;
        }
        keep = false;
        break;
      }
      if (!keep) continue;
      for (const other of replaced) other.alive = false;
      for (const other of here) if (other.alive && !other.permanent && dominates(values, other.values)) other.alive = false;
      labelsAt[v] = here.filter((l) => l.alive);
      add(v, values, label, arc.id);
    }
  }

  const found = (labelsAt[target] ?? []).filter((l) => l.alive && l.permanent);
  if (!found.length && truncated) {
    const name = (id: string) => model.nodeById.get(id)?.name ?? id;
    return { routes: [], reason: `The search for routes from ${name(query.from)} to ${name(query.to)} stopped at its limit of ${maxLabels} labels before reaching ${name(query.to)}.`, truncated };
  }
  if (!found.length) return none();
  const built = found.map((l) => {
    const edges = edgeIds(l);
    const nodes: string[] = [];
    for (let x: Label | null = l; x; x = x.parent) nodes.push(graph.nodeIds[x.node] ?? '');
    const route = buildRoute(model, nodes.reverse(), edges, tonnes);
    return { edges, route, vector: criteria.map((c) => objectiveValue(route, c)) };
  });
  // Values from the rounded route totals can tie or order differently from the search sums: filter again.
  built.sort((a, b) => {
    for (let i = 0; i < criteria.length; i++) {
      const d = (a.vector[i] as number) - (b.vector[i] as number);
      if (d !== 0) return d;
    }
    return compareEdgeIds(a.edges, b.edges);
  });
  const kept = built.filter((b, i) => !built.some((o, j) => (j < i && equal(o.vector, b.vector)) || dominates(o.vector, b.vector)));
  const routes = kept.map(({ route, vector }) => ({
    route,
    values: Object.fromEntries(criteria.map((c, i) => [c, vector[i] as number])) as Partial<Record<Criterion, number>>,
    corridors: [...route.corridors],
  }));
  return { routes, reason: null, truncated };
}
