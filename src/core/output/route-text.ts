// Route figures in words for the text outputs: capacity (the bottleneck by name, spare capacity, legs of
// unknown capacity, sea legs), the per-train limit, what the cost leaves out, and where two routes differ.
import { fmtInt, fmtMt } from './format-number.ts';
import type { Edge, Network } from '../network/schema.ts';
import type { Route, Totals } from '../routing/route.ts';

/** Looks up display names: places by node id, segments by edge id (the route's legs first, then the network). */
export interface Namer {
  node: (id: string) => string;
  edge: (id: string) => string;
}

/**
 * Names for the nodes and edges of a network; an edge without a name is "From–To". The look-ups are built on
 * first use and an edge's name when asked for, so naming a few places of a large network stays cheap.
 */
export function namer(network: Network, routes: readonly (Route | null)[] = []): Namer {
  let nodes: Map<string, string> | undefined;
  const node = (id: string) => {
    if (!nodes) {
      nodes = new Map();
      for (const n of network.nodes) nodes.set(n.id, n.name);
    }
    return nodes.get(id) ?? id;
  };
  const legs = new Map<string, string>();
  for (const r of routes) for (const l of r?.legs ?? []) legs.set(l.edge, l.name);
  let edges: Map<string, Edge> | undefined;
  const edge = (id: string) => {
    const leg = legs.get(id);
    if (leg !== undefined) return leg;
    if (!edges) {
      edges = new Map();
      for (const e of network.edges) edges.set(e.id, e);
    }
    const e = edges.get(id);
    return e ? (e.name ?? `${node(e.from)}–${node(e.to)}`) : id;
  };
  return { node, edge };
}

/** "1 place", "3 places". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length < 2) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The route's capacity as a table cell, Mt/yr: the bottleneck's figure, "not limiting" (sea legs only) or "unknown". */
export function capacityCell(t: Totals): string {
  if (t.capacityMtpa !== null) return fmtMt(t.capacityMtpa);
  return t.unknownCapacityEdges.length === 0 && t.unlimitedEdges.length > 0 ? 'not limiting' : 'unknown';
}

/**
 * The route's capacity in words, to follow "capacity:": "bottleneck Halkalı–Kapıkule, 1.5 Mt/yr (0.3 spare:
 * 1.2 carried in 2024); 22 legs of unknown capacity, so the route may carry less", "unknown (2 legs of
 * unknown capacity); sea legs not limiting at this scale", "not limiting at this scale (sea legs only)".
 * The legs of unknown capacity are counted, not named: a corridor has tens of them.
 */
export function capacityText(route: Route): string {
  const t = route.totals;
  const b = t.bottleneck;
  const unknown = t.unknownCapacityEdges.length;
  const sea = t.unlimitedEdges.length > 0;
  if (!b) {
    if (unknown) return `unknown (${plural(unknown, 'leg')} of unknown capacity)${sea ? '; sea legs not limiting at this scale' : ''}`;
    return sea ? 'not limiting at this scale (sea legs only)' : 'unknown';
  }
  const scope = b.scope === 'containers' ? ' of containers' : '';
  const place = b.kind === 'node' ? ' (the place)' : '';
  const spare = t.spareMtpa !== null && b.volume ? ` (${fmtMt(t.spareMtpa)} spare: ${fmtMt(b.volume.mtpa)} carried in ${b.volume.year})` : '';
  const parts = [`bottleneck ${b.name}${place}, ${fmtMt(b.capacityMtpa)} Mt/yr${scope}${spare}`];
  if (unknown) parts.push(`${plural(unknown, 'leg')} of unknown capacity, so the route may carry less`);
  if (sea) parts.push('sea legs not limiting at this scale');
  return parts.join('; ');
}

/**
 * The per-train (or per-sailing) limits: the smallest TEU, tonnes and wagons along the route, each with the
 * segment that sets it ("at most 82 TEU and 1,600 t per train (Bug bridge), 50 wagons per train (P–Q)");
 * null when no leg publishes one.
 */
export function perTrainText(route: Route, names: Namer): string | null {
  if (route.totals.perTrain.edge === null) return null;
  const groups = new Map<string, { unit: string; figures: string[] }>();
  const units = [
    ['teu', 'TEU'],
    ['tonnes', 't'],
    ['wagons', 'wagons'],
  ] as const;
  for (const [key, label] of units) {
    const value = route.totals.perTrain[key];
    // The first leg with the smallest value sets it, as in the route totals.
    const leg = value === null ? undefined : route.legs.find((l) => l.perTrain?.[key] === value);
    if (value === null || !leg) continue;
    const group = groups.get(leg.edge) ?? { unit: leg.perTrain?.unit === 'sailing' ? 'sailing' : 'train', figures: [] };
    group.figures.push(`${fmtInt(value)} ${label}`);
    groups.set(leg.edge, group);
  }
  if (!groups.size) return null;
  return `at most ${[...groups].map(([edge, g]) => `${listText(g.figures)} per ${g.unit} (${names.edge(edge)})`).join(', ')}`;
}

/** What the cost total leaves out: legs without a cost figure, places whose dwell cost is not known; null when nothing. */
export function costText(route: Route, names: Namer): string | null {
  const t = route.totals;
  const parts: string[] = [];
  if (t.costMissingEdges.length) parts.push(`cost unknown (no cost figure for ${listText(t.costMissingEdges.map(names.edge))})`);
  const places = t.dwellCostMissingNodes;
  if (places.length) parts.push(`${t.costMissingEdges.length ? 'and it' : 'cost'} excludes the dwell cost at ${plural(places.length, 'place')} (${listText(places.map(names.node))})`);
  return parts.length ? parts.join(' ') : null;
}

/** Every note on a route's totals: "capacity: …", then the per-train limit and the cost gaps where there are any. */
export function totalsNotes(route: Route, names: Namer): string[] {
  return [`capacity: ${capacityText(route)}`, perTrainText(route, names), costText(route, names)].filter((x): x is string => x !== null);
}

/** The border crossings and ports a route passes between its ends, by name. */
export function keyPlaces(route: Route, network: Network, names: Namer): string[] {
  const kind = new Map(network.nodes.map((n) => [n.id, n.kind]));
  return route.nodes.slice(1, -1).filter((id) => kind.get(id) === 'border' || kind.get(id) === 'port').map(names.node);
}

/** One stretch where a route leaves a reference route: from a shared place to the next one. */
export interface Stretch {
  from: string;
  to: string;
  /** The places this route passes in between. */
  via: string[];
  /** The places the reference passes instead. */
  instead: string[];
}

/**
 * The places two routes share, in order: index pairs [i in a, j in b] of a longest common subsequence of their
 * node lists (routes are simple, so each place appears once in each).
 */
export function commonPlaces(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const next = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
  }
  const matches: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      matches.push([i, j]);
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return matches;
}

/** The stretches where `route` leaves `reference` (node ids, same ends), by a longest common subsequence of places. */
export function stretches(reference: readonly string[], route: readonly string[]): Stretch[] {
  const matches = commonPlaces(reference, route);
  const out: Stretch[] = [];
  for (let k = 0; k + 1 < matches.length; k++) {
    const [i1, j1] = matches[k] as [number, number];
    const [i2, j2] = matches[k + 1] as [number, number];
    if (i2 === i1 + 1 && j2 === j1 + 1) continue;
    out.push({ from: route[j1] as string, to: route[j2] as string, via: route.slice(j1 + 1, j2), instead: reference.slice(i1 + 1, i2) });
  }
  return out;
}

/** Stretches with more places than this are described by their border crossings and ports. */
const LONG_STRETCH = 6;

/**
 * Where a route differs from a reference, in words: "Jinghe → Alashankou → Dostyk → Moyynty instead of via
 * Khorgos, Altynkol, Almaty and Shu", or for a long stretch "Xi'an to Duisburg via Shanghai, Singapore, Suez
 * and Koper"; on the same places, the segments that differ.
 */
export function differenceText(reference: Route, route: Route, network: Network, names: Namer): string {
  const kind = new Map(network.nodes.map((n) => [n.id, n.kind]));
  const describe = (ids: readonly string[]) => {
    if (ids.length <= LONG_STRETCH) return ids.map(names.node);
    const key = ids.filter((id) => kind.get(id) === 'border' || kind.get(id) === 'port');
    return (key.length ? key : ids).map(names.node);
  };
  const parts = stretches(reference.nodes, route.nodes).map((s) => {
    const path = s.via.length <= LONG_STRETCH ? [s.from, ...s.via, s.to].map(names.node).join(' → ') : `${names.node(s.from)} to ${names.node(s.to)} via ${listText(describe(s.via))}`;
    // A long stretch of the reference is the reference itself (its row names it): the new stretch says enough.
    if (s.instead.length > LONG_STRETCH) return path;
    return s.instead.length ? `${path} instead of via ${listText(describe(s.instead))}` : `${path} instead of directly`;
  });
  if (parts.length) return parts.join('; ');
  const legs = route.legs.filter((l, i) => l.edge !== reference.legs[i]?.edge);
  if (!legs.length) return 'the same route';
  return `the same places, on ${listText(legs.map((l) => l.name))} instead of ${listText(legs.map((l) => reference.legs[route.legs.indexOf(l)]?.name ?? l.name))}`;
}
