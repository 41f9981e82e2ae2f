// Comparison results as GeoJSON: one LineString per leg (with the leg's figures) and one Point per node used.
// Pure: no I/O. The leg geometry here is also what the server-drawn map uses.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { CompareResult } from '../routing/compare.ts';
import type { ScenarioCompareResult } from '../analysis/diff.ts';
import type { Model } from '../network/model.ts';
import type { Leg, Route } from '../routing/route.ts';
import type { Basis, Network, Node, NodeKind } from '../network/schema.ts';

/** Colours for corridors that have none in the network file (d3 category10), in corridor order. */
export const DEFAULT_PALETTE: readonly string[] = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
];

/** Colour of a best route that belongs to no single corridor. */
export const NEUTRAL_COLOR = '#333333';

/** The look-ups the leg geometry needs; a Model has them. */
export type GeometryLookup = Pick<Model, 'nodeById' | 'edgeById'>;

/** What each leg feature carries. */
export type LegProperties = {
  corridor: string | null;
  corridorName: string;
  color: string;
  role: 'route' | 'best' | 'baseline';
  /** 1-based position of the leg in its route. */
  leg: number;
  edge: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  mode: Leg['mode'];
  distanceKm: number;
  transitDaysTypical: number;
  transitDaysMin: number;
  transitDaysMax: number;
  dwellDaysTypical: number | null;
  costUsdPerFeuTypical: number | null;
  capacityMtpa: number | null;
  co2KgPerFeu: number;
  basis: Basis;
  estimated: string[];
  sources: string[];
};

/** What each node feature carries. */
export type NodeProperties = {
  id: string;
  name: string;
  country: string;
  kind: NodeKind;
  dwellDaysTypical: number | null;
};

/** The collection compareGeoJson returns. */
export type CompareFeatureCollection = FeatureCollection<LineString | Point, LegProperties | NodeProperties>;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5 + 0; // + 0 turns -0 into 0

function nodeOf(lookup: GeometryLookup, id: string): Node {
  const node = lookup.nodeById.get(id);
  if (!node) throw new Error(`geojson: unknown node "${id}"`);
  return node;
}

/**
 * The [lon, lat] coordinates of a leg in the direction of travel: the `from` node, the edge's waypoints
 * (reversed when the leg runs against the edge's from→to direction), then the `to` node; rounded to 5 decimals.
 */
export function legLineString(model: GeometryLookup, leg: Leg): [number, number][] {
  const edge = model.edgeById.get(leg.edge);
  if (!edge) throw new Error(`geojson: unknown edge "${leg.edge}"`);
  const from = nodeOf(model, leg.from);
  const to = nodeOf(model, leg.to);
  const waypoints = edge.waypoints ?? [];
  const middle = edge.from === leg.from ? waypoints : [...waypoints].reverse();
  const points: [number, number][] = [[from.lon, from.lat], ...middle, [to.lon, to.lat]];
  return points.map(([lon, lat]) => [round5(lon), round5(lat)]);
}

/** The [lon, lat] coordinates of a whole route, leg after leg, without repeating the shared node between legs. */
export function routeLineString(model: GeometryLookup, route: Route): [number, number][] {
  const out: [number, number][] = [];
  for (const leg of route.legs) {
    const line = legLineString(model, leg);
    const last = out[out.length - 1];
    const first = line[0];
    const skip = last !== undefined && first !== undefined && last[0] === first[0] && last[1] === first[1];
    out.push(...(skip ? line.slice(1) : line));
  }
  if (out.length === 0 && route.nodes[0] !== undefined) {
    const only = nodeOf(model, route.nodes[0]);
    out.push([round5(only.lon), round5(only.lat)]);
  }
  return out;
}

/** A corridor's map colour: its `color` in the network, else the default palette by its position. */
export function corridorColor(network: Network, corridorId: string | null | undefined): string {
  if (corridorId === null || corridorId === undefined) return NEUTRAL_COLOR;
  const index = network.corridors.findIndex((c) => c.id === corridorId);
  const corridor = network.corridors[index];
  if (!corridor) return NEUTRAL_COLOR;
  return corridor.color ?? DEFAULT_PALETTE[index % DEFAULT_PALETTE.length] ?? NEUTRAL_COLOR;
}

function isScenario(result: CompareResult | ScenarioCompareResult): result is ScenarioCompareResult {
  return 'scenario' in result;
}

interface Tag {
  corridor: string | null;
  corridorName: string;
  color: string;
  role: LegProperties['role'];
}

function legFeatures(model: Model, route: Route, tag: Tag): Feature<LineString, LegProperties>[] {
  return route.legs.map((leg, i) => ({
    type: 'Feature',
    id: `${tag.role}:${tag.corridor ?? 'any'}:${i + 1}`,
    geometry: { type: 'LineString', coordinates: legLineString(model, leg) },
    properties: {
      ...tag,
      leg: i + 1,
      edge: leg.edge,
      from: leg.from,
      to: leg.to,
      fromName: nodeOf(model, leg.from).name,
      toName: nodeOf(model, leg.to).name,
      mode: leg.mode,
      distanceKm: leg.distanceKm,
      transitDaysTypical: leg.transitDays.typical,
      transitDaysMin: leg.transitDays.min,
      transitDaysMax: leg.transitDays.max,
      dwellDaysTypical: leg.dwellDays?.typical ?? null,
      costUsdPerFeuTypical: leg.costUsdPerFeu?.typical ?? null,
      capacityMtpa: leg.capacityMtpa,
      co2KgPerFeu: leg.co2KgPerFeu,
      basis: leg.basis,
      estimated: [...leg.estimated],
      sources: [...leg.sources],
    },
  }));
}

/**
 * A comparison as a GeoJSON FeatureCollection: LineStrings for every leg of each corridor's route
 * (role "route"), of the overall best route (role "best") and, for a scenario comparison, of each corridor's
 * baseline route (role "baseline"); then one Point per node any of these routes visits, in order of first use.
 */
export function compareGeoJson(model: Model, result: CompareResult | ScenarioCompareResult): CompareFeatureCollection {
  const network = model.network;
  const features: Feature<LineString | Point, LegProperties | NodeProperties>[] = [];
  const routes: Route[] = [];
  const add = (route: Route | null, tag: Tag) => {
    if (!route) return;
    routes.push(route);
    features.push(...legFeatures(model, route, tag));
  };
  const tagFor = (corridor: string, name: string, role: Tag['role']): Tag => ({ corridor, corridorName: name, color: corridorColor(network, corridor), role });
  if (isScenario(result)) for (const c of result.corridors) add(c.baseline, tagFor(c.corridor, c.name, 'baseline'));
  for (const c of result.corridors) add(c.route, tagFor(c.corridor, c.name, 'route'));
  const bestCorridor = result.best.corridor ?? null;
  add(result.best.route, {
    corridor: bestCorridor,
    corridorName: network.corridors.find((c) => c.id === bestCorridor)?.name ?? 'Best route',
    color: corridorColor(network, bestCorridor),
    role: 'best',
  });
  const seen = new Set<string>();
  for (const route of routes) {
    for (const id of route.nodes) {
      if (seen.has(id)) continue;
      seen.add(id);
      const node = nodeOf(model, id);
      features.push({
        type: 'Feature',
        id: `node:${id}`,
        geometry: { type: 'Point', coordinates: [round5(node.lon), round5(node.lat)] },
        properties: { id, name: node.name, country: node.country, kind: node.kind, dwellDaysTypical: node.dwellDays?.typical ?? null },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** GeoJSON as text: two-space indentation and a trailing newline. */
export function geojsonText(fc: FeatureCollection): string {
  return `${JSON.stringify(fc, null, 2)}\n`;
}
