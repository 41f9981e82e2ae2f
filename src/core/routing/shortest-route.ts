// The best route for a query (the compact search of compact-search.ts on checked weights),
// and, when there is none, a reason a user can act on.
import { nodeExclusion, type Exclusion } from './build-graph.ts';
import { modelAtYear } from '../network/periods.ts';
import { routeIndex, searchPath } from './route-index.ts';
import type { Model } from '../network/model.ts';
import type { Query } from './query.ts';
import { buildRoute, sharedRoute, type Route } from './route.ts';
import type { Edge } from '../network/schema.ts';

/** A route, or the named outcome "no route" with its reason. */
export type RouteResult = { route: Route; reason: null } | { route: null; reason: string };

/** The tonnes per FEU a query uses for CO2 figures. */
export function tonnesFor(model: Model, query: Pick<Query, 'tonnesPerFeu'>): number {
  return query.tonnesPerFeu ?? model.factors.tonnesPerFeu.value;
}

/**
 * The best route for a query under its objective. Dwell at nodes passed through counts; origin and
 * destination dwell do not. Closed, not-yet-open, too-small and avoided segments are filtered out.
 */
export function findRoute(model: Model, query: Query): RouteResult {
  model = modelAtYear(model, query.year);
  const tonnes = tonnesFor(model, query);
  const index = routeIndex(model, query, tonnes);
  const via = query.via ?? [];
  const path = searchPath(index, query.from, query.to, via);
  // An index that has answered before belongs to a model that serves many queries (the loaded network, a year of
  // it): its routes are kept and shared. A what-if model, made for one request, builds its own (nothing to freeze).
  index.searches++;
  if (path) return { route: index.searches > 1 ? sharedRoute(model, path.nodes, path.edges, tonnes) : buildRoute(model, path.nodes, path.edges, tonnes), reason: null };
  // Name the stretch that fails: the whole route, or the part between two of the places it must pass.
  const stops = [query.from, ...via, query.to];
  for (let k = 1; k < stops.length && via.length; k++) {
    const leg = { ...query, from: stops[k - 1] as string, to: stops[k] as string, via: [] };
    if (leg.from !== leg.to && !searchPath(index, leg.from, leg.to)) {
      const nodeName = (id: string) => model.nodeById.get(id)?.name ?? id;
      const reason = explainNoRoute(model, leg, index.usable, index.excluded);
      return { route: null, reason: `No route from ${nodeName(query.from)} to ${nodeName(query.to)} via ${via.map(nodeName).join(', ')}: ${reason.replace(/^No route/, 'no route')}` };
    }
  }
  return { route: null, reason: explainNoRoute(model, query, index.usable, index.excluded) };
}

/** Each node's neighbours over some edges, both ways. */
function adjacency(edges: readonly Edge[]): Map<string, string[]> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const e of edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  return adjacent;
}

/**
 * The edges a "no route" reason looks at (the usable ones and those excluded for another reason than the corridor)
 * as neighbours per node, built once per routing index (its usable list) and kept: the same for every query of it.
 */
const scopes = new WeakMap<readonly Edge[], { excluded: readonly unknown[]; adjacent: Map<string, string[]> }>();
function scopeOf(usable: readonly Edge[], excluded: readonly { edge: Edge; why: Exclusion }[]) {
  const hit = scopes.get(usable);
  if (hit && hit.excluded === excluded) return hit;
  const scope = { excluded, adjacent: adjacency([...usable, ...excluded.filter((x) => x.why.code !== 'corridor').map((x) => x.edge)]) };
  scopes.set(usable, scope);
  return scope;
}

/** Whether the edges join two nodes (undirected breadth-first search). */
export function connects(edges: readonly Edge[], from: string, to: string): boolean {
  return reaches(adjacency(edges), from, to);
}

/** Whether a path of neighbours joins two nodes (breadth-first). */
function reaches(adjacent: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  for (let head = 0, node = queue[0]; node !== undefined; node = queue[++head]) {
    if (node === to) return true;
    for (const next of adjacent.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}

const GROUP_TEXT: Record<Exclusion['code'], string> = {
  corridor: 'off the corridor',
  status: 'not yet open',
  capacity: 'below the cargo volume',
  avoided: 'in an avoided country',
  closed: 'closed',
  'no-cost': 'without a cost figure',
  mode: 'of another mode',
};

/** A reason for "no route" that names what to change: the segment, the year, the cargo figure or the country. */
export function explainNoRoute(model: Model, query: Query, usable: readonly Edge[], excluded: readonly { edge: Edge; why: Exclusion }[]): string {
  const nodeName = (id: string) => model.nodeById.get(id)?.name ?? id;
  const corridor = query.corridor ? model.network.corridors.find((c) => c.id === query.corridor) : undefined;
  const head = `No route from ${nodeName(query.from)} to ${nodeName(query.to)}${corridor ? ` on the ${corridor.name}` : ''}`;

  for (const id of [query.from, query.to]) {
    const node = model.nodeById.get(id);
    const why = node ? nodeExclusion(model, node, query) : null;
    if (why) return `${head}: ${nodeName(id)} is ${why.text}.`;
  }
  const scope = scopeOf(usable, excluded);
  if (corridor) {
    for (const id of [query.from, query.to]) {
      if (!scope.adjacent.has(id)) return `${head}: ${nodeName(id)} is not on the ${corridor.name}.`;
    }
  }
  if (!reaches(scope.adjacent, query.from, query.to)) {
    return corridor
      ? `${head}: the ${corridor.name}'s segments do not join them.`
      : `${head}: no segments of the network join them.`;
  }
  const candidates = excluded.filter((x) => x.why.code !== 'corridor');
  const singles = candidates.filter((x) => connects([...usable, x.edge], query.from, query.to));
  if (singles.length) {
    const describe = (x: { edge: Edge; why: Exclusion }) =>
      `${x.edge.name ?? `${nodeName(x.edge.from)}–${nodeName(x.edge.to)}`} (${x.edge.id}) is ${x.why.text}`;
    const shown = singles.slice(0, 3).map(describe);
    const more = singles.length > 3 ? ` (and ${singles.length - 3} more)` : '';
    return singles.length === 1
      ? `${head}: the only link that would join them, ${shown[0]?.replace(/ is /, ', is ')}.`
      : `${head}: every route needs one of these links: ${shown.join('; ')}${more}.`;
  }
  const groups = [...new Set(candidates.map((x) => x.why.code))];
  const parts: string[] = [];
  for (const code of groups) {
    const members = candidates.filter((x) => x.why.code === code);
    if (!connects([...usable, ...members.map((x) => x.edge)], query.from, query.to)) continue;
    const what = code === 'closed' ? [...new Set(members.map((x) => x.why.text))].join(' or ') : GROUP_TEXT[code];
    let part = `${members.length} segment${members.length === 1 ? ' is' : 's are'} ${what} (${members
      .slice(0, 3)
      .map((x) => x.edge.id)
      .join(', ')}${members.length > 3 ? ', …' : ''})`;
    if (code === 'status') {
      const years = [...new Set(members.map((x) => x.edge.opensYear).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
      const year = years.find((y) => connects([...usable, ...members.filter((x) => (x.edge.opensYear ?? Infinity) <= y).map((x) => x.edge)], query.from, query.to));
      if (year !== undefined) part += `; a route opens in ${year}`;
    }
    if (code === 'avoided') part += `; it has to pass through ${query.avoidCountries.join(', ')}`;
    parts.push(part);
  }
  if (parts.length) return `${head}: ${parts.join('; ')}.`;
  const counts = groups.map((code) => `${candidates.filter((x) => x.why.code === code).length} ${GROUP_TEXT[code]}`);
  return `${head}: the segments that would join them are excluded for several reasons at once (${counts.join(', ')}).`;
}
