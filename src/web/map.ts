// A server-drawn SVG map of routes (or of the whole network) for pages under a strict Content-Security-Policy:
// presentation attributes only, no styles, scripts or external references. Pure apart from loading the
// world-atlas outlines once.
import { createRequire } from 'node:module';
import { geoConicEqualArea, geoPath, type GeoProjection } from 'd3-geo';
import type { Geometry } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { corridorColor, legLineString, routeLineString, type GeometryLookup } from '../core/output/geojson.ts';
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
  /** The height; by default it follows the shape of the area framed (between 300 and 640 for a width of 960). */
  height?: number;
  title?: string;
}

const world = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
/** The land as one shape, and the borders between countries as lines, so that no border is drawn twice. */
const LAND_SHAPE: Geometry = merge(world, world.objects.countries.geometries as Parameters<typeof merge>[1]);
const BORDERS: Geometry = mesh(world, world.objects.countries, (a, b) => a !== b);

const FONT = 'Helvetica, Arial, sans-serif';
const MARGIN = 12;
const LABEL_SIZE = 11;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 18;
const DASH = '8 5';
/** Pixels between routes drawn side by side on a shared edge. */
const OFFSET = 3.5;
/** Below this many pixels between two labelled places, only the first is named (crowded areas such as the Caucasus). */
const LABEL_SPACING = 34;
const TEXT = '#000000';
const LAND = '#dedede';
const SEA = '#f5f8fb';
/** The framed area is widened by this share of its span on every side, and is at least MIN_SPAN degrees. */
const FRAME_MARGIN = 0.08;
const MIN_SPAN = 12;
/** Frames are snapped outwards to this many degrees, so nearby frames share one drawn country layer. */
const SNAP = 10;

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

/** [west, east, south, north] in degrees. */
type Frame = [number, number, number, number];

/** The bounding box of some points, widened by the margin and to the minimum span, snapped outwards. */
function frameOf(points: readonly [number, number][]): Frame {
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  let [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const widen = (a: number, b: number, min: number) => {
    const pad = Math.max((b - a) * FRAME_MARGIN, (min - (b - a)) / 2, 1);
    return [a - pad, b + pad];
  };
  [w, e] = widen(w, e, MIN_SPAN * 1.5) as [number, number];
  [s, n] = widen(s, n, MIN_SPAN) as [number, number];
  const down = (x: number) => Math.floor(x / SNAP) * SNAP;
  const up = (x: number) => Math.ceil(x / SNAP) * SNAP;
  return [Math.max(-180, down(w)), Math.min(180, up(e)), Math.max(-85, down(s)), Math.min(85, up(n))];
}

/**
 * A d3-geo path context that writes integer pixel coordinates as relative moves and drops points closer than
 * `tolerance` pixels to the last one kept (radial-distance simplification), and rings smaller than that.
 * At the scale of a route map this draws the 1:110m outlines in a fraction of the bytes with no visible loss.
 */
class SimplifyingContext {
  private out: string[] = [];
  private ring: [number, number][] = [];
  constructor(private readonly tolerance: number) {}
  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }
  lineTo(x: number, y: number): void {
    const p: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.ring[this.ring.length - 1];
    if (last && Math.hypot(p[0] - last[0], p[1] - last[1]) < this.tolerance) return;
    this.ring.push(p);
  }
  closePath(): void {
    this.flush(true);
  }
  arc(): void {
    // Points are never drawn as circles here.
  }
  private flush(closed = false): void {
    const ring = this.ring;
    this.ring = [];
    if (ring.length < (closed ? 3 : 2)) return;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    if (closed && Math.max(...xs) - Math.min(...xs) < this.tolerance * 2 && Math.max(...ys) - Math.min(...ys) < this.tolerance * 2) return;
    const [x0, y0] = ring[0] as [number, number];
    // One "l" and then bare pairs: SVG repeats the last command; a minus sign separates numbers by itself.
    let d = `M${x0} ${y0}l`;
    for (let i = 1; i < ring.length; i++) {
      const [px, py] = ring[i - 1] as [number, number];
      const [x, y] = ring[i] as [number, number];
      const dx = x - px;
      const dy = y - py;
      d += `${i > 1 && dx >= 0 ? ' ' : ''}${dx}${dy < 0 ? '' : ' '}${dy}`;
    }
    this.out.push(closed ? `${d}z` : d);
  }
  result(): string {
    this.flush();
    const d = this.out.join('');
    this.out = [];
    return d;
  }
}

const layers = new Map<string, string>();

/** The country outlines for a projection, drawn once per projection and kept (at most 256). */
function countryLayer(projection: GeoProjection, width: number, height: number): string {
  const key = JSON.stringify([projection.scale(), projection.translate(), projection.rotate(), width, height]);
  const hit = layers.get(key);
  if (hit !== undefined) return hit;
  const context = new SimplifyingContext(3.8);
  const path = geoPath(projection, context as unknown as CanvasRenderingContext2D);
  path(LAND_SHAPE);
  const land = context.result();
  path(BORDERS);
  const borders = context.result();
  const parts = [`<g class="countries">`, `<path d="${land}" fill="${LAND}"/>`, `<path d="${borders}" fill="none" stroke="#ffffff" stroke-width="0.8"/>`];
  parts.push('</g>');
  const layer = parts.join('');
  layers.set(key, layer);
  if (layers.size > 256) layers.delete(layers.keys().next().value as string);
  return layer;
}

/** A projection fitted to a frame inside a box, and the height the frame's shape asks for. */
function fitted(frame: Frame, width: number, height: number | undefined, reserve: number): { projection: GeoProjection; height: number } {
  const [west, east, south, north] = frame;
  const parallels: [number, number] = [south + (north - south) / 4, north - (north - south) / 4];
  const corners = { type: 'MultiPoint' as const, coordinates: [[west, south], [east, south], [west, north], [east, north], [(west + east) / 2, north], [(west + east) / 2, south]] };
  const projection = geoConicEqualArea().parallels(parallels).rotate([-(west + east) / 2, 0]);
  let h = height;
  if (h === undefined) {
    projection.fitWidth(width - 2 * MARGIN, corners);
    const b = geoPath(projection).bounds(corners);
    h = Math.round(Math.min(640, Math.max(300, b[1][1] - b[0][1] + 2 * MARGIN + reserve)));
  }
  projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [width - MARGIN, Math.max(MARGIN + 60, h - MARGIN - reserve)],
    ],
    corners,
  );
  projection.clipExtent([
    [0, 0],
    [width, h],
  ]);
  return { projection, height: h };
}

/** The opening of an SVG document with its title, description and background. */
function svgHead(width: number, height: number, title: string, desc: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" font-family="${FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${SEA}" stroke="#999999" stroke-width="1"/>`,
  ];
}

/** A legend box at the bottom left: one line sample and label per entry. */
function legend(box: Box, entries: { label: string; color: string; dashed?: boolean }[]): string[] {
  const { x, y, w, h } = box;
  const out = [
    `<g class="legend" font-size="${LEGEND_SIZE}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="#ffffff" stroke="#666666" stroke-width="1" opacity="0.95"/>`,
  ];
  entries.forEach((r, i) => {
    const rowY = y + 5 + LEGEND_ROW * i + LEGEND_ROW / 2;
    const dash = r.dashed ? ` stroke-dasharray="${DASH}"` : '';
    out.push(
      `<line x1="${num(x + 8)}" y1="${num(rowY)}" x2="${num(x + 38)}" y2="${num(rowY)}" stroke="${escapeXml(r.color)}" stroke-width="3"${dash}/>`,
      `<text x="${num(x + 46)}" y="${num(rowY + 4)}" fill="${TEXT}">${escapeXml(r.label)}</text>`,
    );
  });
  out.push('</g>');
  return out;
}

/**
 * Labels for places, in order of importance: each where it hits no other label, no place and no reserved box,
 * and (except for `always` places) not within LABEL_SPACING pixels of a label already placed.
 */
function labels(places: { node: Node; at: [number, number]; always: boolean }[], reserved: Box[], width: number, height: number): string[] {
  const placed: Box[] = [...reserved, ...places.map((p) => ({ x: p.at[0] - 4, y: p.at[1] - 4, w: 8, h: 8 }))];
  const anchors: [number, number][] = [];
  const out = [`<g class="labels" font-size="${LABEL_SIZE}" fill="${TEXT}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`];
  for (const { node, at, always } of places) {
    const [x, y] = at;
    if (!always && anchors.some(([ax, ay]) => Math.hypot(ax - x, ay - y) < LABEL_SPACING)) continue;
    const w = textWidth(node.name, LABEL_SIZE) * (always ? 1.1 : 1);
    const h = LABEL_SIZE;
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
    const inside = (b: Box) => b.x >= 2 && b.y >= 2 && b.x + b.w <= width - 2 && b.y + b.h <= height - 2;
    const fits = (b: Box) => inside(b) && !placed.some((o) => overlaps(o, b));
    // Route ends are always named: where no spot is free, the first one inside the map is taken.
    const choice = options.find((o) => fits(o.box)) ?? (always ? (options.find((o) => inside(o.box)) ?? options[0]) : undefined);
    if (!choice) continue;
    placed.push(choice.box);
    anchors.push([x, y]);
    const weight = always ? ' font-weight="bold"' : '';
    out.push(`<text x="${num(choice.tx)}" y="${num(choice.ty)}" text-anchor="${choice.anchor}"${weight}>${escapeXml(node.name)}</text>`);
  }
  out.push('</g>');
  return out;
}

const lookupOf = (network: Network): GeometryLookup => ({
  nodeById: new Map<string, Node>(network.nodes.map((n) => [n.id, n])),
  edgeById: new Map<string, Edge>(network.edges.map((e) => [e.id, e])),
});

/**
 * Draws the routes on a map of the countries as an SVG string: country outlines, one polyline per route in its
 * colour (dashed when asked; routes sharing a segment run side by side), a dot for every place on the routes (a circle at each end),
 * names at the ends and then at border crossings and gauge changes where they fit without crowding, and a
 * legend at the bottom left. The view is framed on the routes with a margin (the whole network when there are
 * none). Same input, same output.
 */
export function renderMapSvg(input: MapInput): string {
  const width = input.width ?? 960;
  const title = input.title ?? 'Route map';
  const { network, routes } = input;
  const lookup = lookupOf(network);
  const nodeName = (id: string) => lookup.nodeById.get(id)?.name ?? id;

  const lines = routes.map((r) => routeLineString(lookup, r.route));
  const framePoints = routes.length ? lines.flat() : [...network.nodes.map((n): [number, number] => [n.lon, n.lat]), ...network.edges.flatMap((e) => e.waypoints ?? [])];
  const legendH = routes.length ? 10 + routes.length * LEGEND_ROW : 0;
  const legendW = routes.length ? 16 + 36 + Math.max(...routes.map((r) => textWidth(r.label, LEGEND_SIZE))) : 0;
  const { projection, height } = fitted(frameOf(framePoints), width, input.height, 0);
  const legendBox: Box = { x: MARGIN, y: height - MARGIN - legendH, w: legendW, h: legendH };
  const project = (p: [number, number]) => projection(p) ?? null;

  const out = svgHead(width, height, title, describe(routes, nodeName));
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
    const d = xy.map((p, j) => `${j ? 'L' : 'M'}${Math.round(p[0])} ${Math.round(p[1])}`).join('');
    const dash = r.dashed ? ` stroke-dasharray="${DASH}"` : '';
    out.push(`<path class="route" data-route="${escapeXml(r.key)}" d="${d}" stroke="${escapeXml(r.color)}"${dash}/>`);
  });
  out.push('</g>');

  // Places on the routes, each once, in order of first use.
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
  // The places passed are dots: zero-length strokes with round caps, drawn dark and then white in two paths
  // (a tenth of the bytes of a circle each); the ends are circles.
  const dots = nodes
    .filter((n) => !ends.has(n.id))
    .flatMap((n) => {
      const p = at.get(n.id);
      return p ? [`M${Math.round(p[0])} ${Math.round(p[1])}h0`] : [];
    })
    .join('');
  out.push('<g class="nodes">');
  if (dots) out.push(`<path d="${dots}" stroke="#222222" stroke-width="7" stroke-linecap="round"/><path d="${dots}" stroke="#ffffff" stroke-width="4.6" stroke-linecap="round"/>`);
  for (const n of nodes) {
    const p = at.get(n.id);
    if (p && ends.has(n.id)) out.push(`<circle cx="${Math.round(p[0])}" cy="${Math.round(p[1])}" r="4.5" fill="#ffffff" stroke="#222222" stroke-width="1.2"/>`);
  }
  out.push('</g>');

  // Labels: route ends first, then gauge changes, border crossings and ports.
  const rank = (n: Node) => (ends.has(n.id) ? 0 : n.gaugeChange ? 1 : n.kind === 'border' ? 2 : n.kind === 'port' ? 3 : 9);
  const candidates = nodes.filter((n) => rank(n) < 9).sort((a, b) => rank(a) - rank(b));
  out.push(
    ...labels(
      candidates.flatMap((n) => {
        const p = at.get(n.id);
        return p ? [{ node: n, at: p, always: ends.has(n.id) }] : [];
      }),
      routes.length ? [legendBox] : [],
      width,
      height,
    ),
  );

  if (routes.length) out.push(...legend(legendBox, routes));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * The whole network on one map: every segment in the colour of each corridor it belongs to (side by side where
 * several share it), planned ones dashed, every place as a dot, and the names of the cities and terminals where
 * they fit. Same input, same output.
 */
export function renderNetworkMapSvg(network: Network, options: { width?: number; title?: string } = {}): string {
  const width = options.width ?? 960;
  const lookup = lookupOf(network);
  const points = [...network.nodes.map((n): [number, number] => [n.lon, n.lat]), ...network.edges.flatMap((e) => e.waypoints ?? [])];
  const entries = [...network.corridors.map((c) => ({ label: c.name.replace(/\s*\(.*\)\s*$/, ''), color: corridorColor(network, c.id) })), { label: 'planned or being built', color: '#666666', dashed: true }];
  const legendH = 10 + entries.length * LEGEND_ROW;
  const legendW = 16 + 36 + Math.max(...entries.map((e) => textWidth(e.label, LEGEND_SIZE)));
  const { projection, height } = fitted(frameOf(points), width, undefined, 0);
  const legendBox: Box = { x: MARGIN, y: height - MARGIN - legendH, w: legendW, h: legendH };
  const project = (p: [number, number]) => projection(p) ?? null;
  const out = svgHead(width, height, options.title ?? `The ${network.name} network by corridor`, `Map of ${network.edges.length} segments and ${network.nodes.length} places, coloured by corridor.`);
  out.push(countryLayer(projection, width, height));
  out.push('<g class="segments" fill="none" stroke-width="2" stroke-linecap="round">');
  const order = network.corridors.map((c) => c.id);
  for (const e of network.edges) {
    const from = lookup.nodeById.get(e.from);
    const to = lookup.nodeById.get(e.to);
    if (!from || !to) continue;
    const pts = ([[from.lon, from.lat], ...(e.waypoints ?? []), [to.lon, to.lat]] as [number, number][]).map(project).filter((p) => p !== null);
    const corridors = [...e.corridors].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    corridors.forEach((c, i) => {
      const shift = (i - (corridors.length - 1) / 2) * 2.2;
      const d = offsetLine(pts, shift)
        .map((p, j) => `${j ? 'L' : 'M'}${num(p[0])} ${num(p[1])}`)
        .join('');
      const dash = e.status === 'operational' ? '' : ' stroke-dasharray="5 4"';
      out.push(`<path d="${d}" stroke="${escapeXml(corridorColor(network, c))}"${dash}/>`);
    });
  }
  out.push('</g>');
  const at = new Map(network.nodes.map((n) => [n.id, project([n.lon, n.lat])]));
  out.push('<g class="nodes" fill="#ffffff" stroke="#222222" stroke-width="1">');
  for (const n of network.nodes) {
    const p = at.get(n.id);
    if (p) out.push(`<circle cx="${Math.round(p[0])}" cy="${Math.round(p[1])}" r="${n.kind === 'city' || n.kind === 'terminal' ? 3 : 2}"/>`);
  }
  out.push('</g>');
  const rank = (n: Node) => (n.kind === 'city' || n.kind === 'terminal' ? 0 : n.kind === 'port' ? 1 : n.kind === 'border' ? 2 : 9);
  const named = network.nodes.filter((n) => rank(n) < 9).sort((a, b) => rank(a) - rank(b));
  out.push(
    ...labels(
      named.flatMap((n) => {
        const p = at.get(n.id);
        return p ? [{ node: n, at: p, always: false }] : [];
      }),
      [legendBox],
      width,
      height,
    ),
  );
  out.push(...legend(legendBox, entries));
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

/** The text alternative: the routes and the places each starts and ends at (the legs tables list every place). */
function describe(routes: readonly MapRoute[], nodeName: (id: string) => string): string {
  if (!routes.length) return 'Map of the network; no routes to show.';
  const ends = (r: MapRoute) => `${nodeName(r.route.nodes[0] ?? '')} to ${nodeName(r.route.nodes[r.route.nodes.length - 1] ?? '')}`;
  return `Map of ${routes.length} route${routes.length === 1 ? '' : 's'}: ${routes.map((r) => `${r.label}${r.dashed ? ' (dashed)' : ''}, ${ends(r)} through ${r.route.nodes.length - 2} places`).join('; ')}.`;
}
