// A server-drawn SVG map of routes for pages under a strict Content-Security-Policy: presentation attributes only,
// no styles, scripts or external references. Pure apart from loading the world-atlas outlines once.
import { createRequire } from 'node:module';
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { legLineString, routeLineString, type GeometryLookup } from '../core/output/geojson.ts';
import type { Route } from '../core/routing/route.ts';
import type { Edge, Network, Node } from '../core/network/schema.ts';

/** One route to draw: its legend label, colour (#rrggbb) and whether to dash it (e.g. a baseline). */
export interface MapRoute {
  key: string;
  label: string;
  color: string;
  route: Route;
  dashed?: boolean;
}

/** What renderMapSvg draws. */
export interface MapInput {
  network: Network;
  /** Drawn in this order, so later routes sit on top. */
  routes: MapRoute[];
  width?: number;
  height?: number;
  title?: string;
}

const world = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
const COUNTRIES: Feature<Geometry>[] = feature(world, world.objects.countries).features;

const FONT = 'Helvetica, Arial, sans-serif';
const MARGIN = 20;
const LABEL_SIZE = 11;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 18;
const DASH = '8 5';
/** Pixels between routes drawn side by side on a shared edge. */
const OFFSET = 3.5;
const TEXT = '#000000';
const LAND = '#dedede';
const SEA = '#f5f8fb';

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const num = (x: number) => String(Math.round(x * 10) / 10 + 0);
/** Rough width of a text in a sans-serif font, for layout only. */
const textWidth = (text: string, size: number) => text.length * size * 0.58;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const frames = new WeakMap<Network, [number, number][]>();

/** The points a network's maps are fitted to: every node and every waypoint. */
function networkFrame(network: Network): [number, number][] {
  let points = frames.get(network);
  if (!points) {
    points = [...network.nodes.map((n): [number, number] => [n.lon, n.lat]), ...network.edges.flatMap((e) => e.waypoints ?? [])];
    frames.set(network, points);
  }
  return points;
}

const layers = new Map<string, string>();

/** The country outlines for a projection, drawn once per projection and kept (at most 16). */
function countryLayer(projection: GeoProjection, width: number, height: number): string {
  const key = JSON.stringify([projection.scale(), projection.translate(), projection.rotate(), width, height]);
  const hit = layers.get(key);
  if (hit !== undefined) return hit;
  const path = geoPath(projection).digits(1);
  const parts = [`<g class="countries" fill="${LAND}" stroke="#ffffff" stroke-width="0.7">`];
  for (const country of COUNTRIES) {
    const d = path(country);
    if (d) parts.push(`<path d="${d}"/>`);
  }
  parts.push('</g>');
  const layer = parts.join('');
  layers.set(key, layer);
  if (layers.size > 16) layers.delete(layers.keys().next().value as string);
  return layer;
}

/**
 * Draws the routes on a map of the countries as an SVG string: country outlines, one polyline per route in its
 * colour (dashed when asked), a circle for every node on the routes, names at the ends and at border crossings
 * (skipped where they would collide), and a legend at the bottom left. The view fits the whole network, so
 * every map of one network shares its frame. Same input, same output.
 */
export function renderMapSvg(input: MapInput): string {
  const width = input.width ?? 960;
  const height = input.height ?? 600;
  const title = input.title ?? 'Route map';
  const { network, routes } = input;
  const lookup: GeometryLookup = {
    nodeById: new Map<string, Node>(network.nodes.map((n) => [n.id, n])),
    edgeById: new Map<string, Edge>(network.edges.map((e) => [e.id, e])),
  };
  const nodeName = (id: string) => lookup.nodeById.get(id)?.name ?? id;

  const lines = routes.map((r) => routeLineString(lookup, r.route));
  // The frame is the whole network (nodes and sea-lane waypoints), not just the routes shown: every map of a
  // network then shares one projection, so maps are comparable between queries and the country layer is
  // drawn once per network and reused.
  const points = networkFrame(network);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [lon0, lon1, lat0, lat1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const pad = (a: number, b: number) => (b - a < 1 ? [a - 1, b + 1] : [a, b]);
  const [west, east] = pad(lon0, lon1) as [number, number];
  const [south, north] = pad(lat0, lat1) as [number, number];

  // Legend size first: the map is fitted above it.
  const legendRows = routes.length;
  const legendW = routes.length ? 16 + 36 + Math.max(...routes.map((r) => textWidth(r.label, LEGEND_SIZE))) : 0;
  const legendH = legendRows ? 10 + legendRows * LEGEND_ROW : 0;
  const legendBox: Box = { x: MARGIN, y: height - MARGIN - legendH, w: legendW, h: legendH };

  const parallels: [number, number] = [south + (north - south) / 4, north - (north - south) / 4];
  const projection = geoConicEqualArea()
    .parallels(parallels)
    .rotate([-(west + east) / 2, 0])
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
  const bottom = height - MARGIN - (legendH ? legendH + 12 : 0);
  projection.fitExtent(
    [
      [MARGIN + 10, MARGIN + 10],
      [width - MARGIN - 10, Math.max(MARGIN + 60, bottom)],
    ],
    { type: 'MultiPoint', coordinates: [[west, south], [east, south], [west, north], [east, north], [(west + east) / 2, north], [(west + east) / 2, south], ...points] },
  );
  const project = (p: [number, number]) => projection(p) ?? null;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(describe(routes, nodeName))}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${SEA}" stroke="#999999" stroke-width="1"/>`,
  );

  out.push(countryLayer(projection, width, height));

  // Routes that share an edge are drawn side by side (offset across the edge) so none hides another.
  const users = new Map<string, number[]>();
  routes.forEach((r, i) => {
    for (const leg of r.route.legs) {
      const list = users.get(leg.edge) ?? [];
      if (!list.includes(i)) list.push(i);
      users.set(leg.edge, list);
    }
  });
  out.push('<g class="routes" fill="none" stroke-width="3" stroke-linejoin="round" stroke-linecap="round">');
  routes.forEach((r, i) => {
    const xy: [number, number][] = [];
    for (const leg of r.route.legs) {
      const list = users.get(leg.edge) ?? [i];
      const shift = (list.indexOf(i) - (list.length - 1) / 2) * OFFSET;
      const forward = lookup.edgeById.get(leg.edge)?.from === leg.from;
      const pts = legLineString(lookup, leg).map(project).filter((p) => p !== null);
      xy.push(...offsetLine(pts, forward ? shift : -shift));
    }
    if (xy.length === 0) for (const p of (lines[i] ?? []).map(project)) if (p) xy.push(p);
    const d = xy.map((p, j) => `${j ? 'L' : 'M'}${num(p[0])} ${num(p[1])}`).join('');
    const dash = r.dashed ? ` stroke-dasharray="${DASH}"` : '';
    out.push(`<path class="route" data-route="${escapeXml(r.key)}" d="${d}" stroke="${escapeXml(r.color)}"${dash}/>`);
  });
  out.push('</g>');

  // Nodes on the routes, each once, in order of first use.
  const seen = new Set<string>();
  const ends = new Set<string>();
  const nodes: Node[] = [];
  for (const r of routes) {
    const first = r.route.nodes[0];
    const last = r.route.nodes[r.route.nodes.length - 1];
    if (first !== undefined) ends.add(first);
    if (last !== undefined) ends.add(last);
    for (const id of r.route.nodes) {
      const n = lookup.nodeById.get(id);
      if (n && !seen.has(id)) {
        seen.add(id);
        nodes.push(n);
      }
    }
  }
  const at = new Map(nodes.map((n) => [n.id, project([n.lon, n.lat])]));
  out.push('<g class="nodes" fill="#ffffff" stroke="#222222" stroke-width="1.2">');
  for (const n of nodes) {
    const p = at.get(n.id);
    if (p) out.push(`<circle cx="${num(p[0])}" cy="${num(p[1])}" r="${ends.has(n.id) ? 4.5 : 3}"/>`);
  }
  out.push('</g>');

  // Labels: route ends first, then border crossings, each where it hits no other label, node or the legend.
  const candidates = [...nodes.filter((n) => ends.has(n.id)), ...nodes.filter((n) => !ends.has(n.id) && (n.kind === 'border' || n.gaugeChange))];
  const placed: Box[] = routes.length ? [legendBox] : [];
  for (const n of nodes) {
    const p = at.get(n.id);
    if (p) placed.push({ x: p[0] - 4, y: p[1] - 4, w: 8, h: 8 });
  }
  out.push(`<g class="labels" font-size="${LABEL_SIZE}" fill="${TEXT}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`);
  for (const n of candidates) {
    const p = at.get(n.id);
    if (!p) continue;
    const end = ends.has(n.id);
    const w = textWidth(n.name, LABEL_SIZE) * (end ? 1.1 : 1);
    const h = LABEL_SIZE;
    const [x, y] = p;
    const options: { box: Box; tx: number; ty: number; anchor: string }[] = [
      { box: { x: x + 6, y: y - h / 2, w, h }, tx: x + 6, ty: y + 4, anchor: 'start' },
      { box: { x: x - 6 - w, y: y - h / 2, w, h }, tx: x - 6, ty: y + 4, anchor: 'end' },
      { box: { x: x - w / 2, y: y - 7 - h, w, h }, tx: x, ty: y - 8, anchor: 'middle' },
      { box: { x: x - w / 2, y: y + 7, w, h }, tx: x, ty: y + 7 + h - 1, anchor: 'middle' },
      { box: { x: x + 4, y: y - 5 - h, w, h }, tx: x + 4, ty: y - 6, anchor: 'start' },
      { box: { x: x - 4 - w, y: y - 5 - h, w, h }, tx: x - 4, ty: y - 6, anchor: 'end' },
      { box: { x: x + 4, y: y + 5, w, h }, tx: x + 4, ty: y + 5 + h - 1, anchor: 'start' },
      { box: { x: x - 4 - w, y: y + 5, w, h }, tx: x - 4, ty: y + 5 + h - 1, anchor: 'end' },
    ];
    const fits = (b: Box) => b.x >= 2 && b.y >= 2 && b.x + b.w <= width - 2 && b.y + b.h <= height - 2 && !placed.some((o) => overlaps(o, b));
    // The ends of the routes are always named; elsewhere a label that does not fit is left out.
    const choice = options.find((o) => fits(o.box)) ?? (end ? options[0] : undefined);
    if (!choice) continue;
    placed.push(choice.box);
    const weight = end ? ' font-weight="bold"' : '';
    out.push(`<text x="${num(choice.tx)}" y="${num(choice.ty)}" text-anchor="${choice.anchor}"${weight}>${escapeXml(n.name)}</text>`);
  }
  out.push('</g>');

  if (routes.length) {
    const { x, y, w, h } = legendBox;
    out.push(
      `<g class="legend" font-size="${LEGEND_SIZE}">`,
      `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="#ffffff" stroke="#666666" stroke-width="1" opacity="0.95"/>`,
    );
    routes.forEach((r, i) => {
      const rowY = y + 5 + LEGEND_ROW * i + LEGEND_ROW / 2;
      const dash = r.dashed ? ` stroke-dasharray="${DASH}"` : '';
      out.push(
        `<line x1="${num(x + 8)}" y1="${num(rowY)}" x2="${num(x + 38)}" y2="${num(rowY)}" stroke="${escapeXml(r.color)}" stroke-width="3"${dash}/>`,
        `<text x="${num(x + 46)}" y="${num(rowY + 4)}" fill="${TEXT}">${escapeXml(r.label)}</text>`,
      );
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** A polyline moved sideways by `shift` pixels (to the right of its direction of travel); collapsed points dropped. */
function offsetLine(points: [number, number][], shift: number): [number, number][] {
  const pts = points.filter((p, j) => j === 0 || p[0] !== points[j - 1]?.[0] || p[1] !== points[j - 1]?.[1]);
  if (shift === 0 || pts.length < 2) return pts;
  const normals: [number, number][] = [];
  for (let j = 0; j + 1 < pts.length; j++) {
    const [a, b] = [pts[j], pts[j + 1]] as [[number, number], [number, number]];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    normals.push([-(b[1] - a[1]) / len, (b[0] - a[0]) / len]);
  }
  return pts.map((p, j) => {
    const n1 = normals[Math.max(0, j - 1)] as [number, number];
    const n2 = normals[Math.min(normals.length - 1, j)] as [number, number];
    const sum: [number, number] = [n1[0] + n2[0], n1[1] + n2[1]];
    const len = Math.hypot(sum[0], sum[1]) || 1;
    const n: [number, number] = [sum[0] / len, sum[1] / len];
    const miter = shift / Math.max(0.5, n[0] * n1[0] + n[1] * n1[1]);
    return [p[0] + n[0] * miter, p[1] + n[1] * miter];
  });
}

/** The text alternative: each route's label and the places it passes. */
function describe(routes: readonly MapRoute[], nodeName: (id: string) => string): string {
  if (!routes.length) return 'Map of the network; no routes to show.';
  return `Map of ${routes.length} route${routes.length === 1 ? '' : 's'}. ${routes
    .map((r) => `${r.label}${r.dashed ? ' (dashed)' : ''}: ${r.route.nodes.map(nodeName).join(' – ')}.`)
    .join(' ')}`;
}
