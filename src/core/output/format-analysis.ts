// Text output of the analyses beyond one best route: alternatives, the Pareto set, throughput with its
// minimum cut, transit-time distributions and the timeline, in table, Markdown, CSV and JSON.
import type { Alternative } from '../analysis/alternatives.ts';
import { shortName, type TextFormat, type TextOptions } from './format.ts';
import { fmtDays, fmtInt, fmtMt, fmtRange } from './format-number.ts';
import { capacityCell, differenceText, keyPlaces, listText, namer } from './route-text.ts';
import { TABLE_WIDTH, csv, mdTable, textTable, wrap, type Align } from './table.ts';
import type { ParetoRoute } from '../analysis/pareto.ts';
import type { Network } from '../network/schema.ts';
import type { Throughput } from '../analysis/throughput.ts';
import type { Timeline } from '../analysis/timeline.ts';
import type { TransitDistribution } from '../analysis/uncertainty.ts';
import type { Route } from '../routing/route.ts';

/** One analysis as a document: title lines, a table and notes; or its JSON, or its CSV rows. */
interface Doc {
  title: string[];
  header: string[];
  rows: string[][];
  align: Align;
  notes: string[];
  json: unknown;
  csvRows?: (string | number | null)[][];
  csvHeader?: string[];
}

function render(format: TextFormat, d: Doc, options: TextOptions): string {
  const width = options.width ?? TABLE_WIDTH;
  if (format === 'json') return `${JSON.stringify(d.json, null, 2)}\n`;
  if (format === 'csv') return csv(d.csvHeader ?? d.header, d.csvRows ?? d.rows);
  if (format === 'md') return [...d.title.map((t) => `**${t}**`), '', mdTable(d.header, d.rows, d.align), '', ...d.notes.map((n) => `- ${n}`), ''].join('\n');
  return [...d.title.flatMap((t) => wrap(t, width)), '', textTable(d.header, d.rows, d.align, width), '', ...d.notes.flatMap((n) => wrap(n, width, '  ')), ''].join('\n');
}

const names = (network: Network) => {
  const byId = new Map(network.nodes.map((n) => [n.id, n.name]));
  return (id: string) => byId.get(id) ?? id;
};
const corridorName = (network: Network, id: string | null) => (id === null ? 'All corridors' : shortName(network.corridors.find((c) => c.id === id)?.name ?? id));

const cost = (r: Route) => (r.totals.costUsdPerFeu ? fmtInt(r.totals.costUsdPerFeu.typical) : 'unknown');

/** Alternatives per corridor (and overall): rank, figures and what makes each differ from the best. */
export function formatAlternatives(
  result: { from: string; to: string; objective: string; corridors: { corridor: string | null; name: string; alternatives: Alternative[]; reason: string | null }[] },
  network: Network,
  format: TextFormat,
  options: TextOptions = {},
): string {
  const name = names(network);
  const rows: string[][] = [];
  const csvRows: (string | number | null)[][] = [];
  for (const c of result.corridors) {
    if (!c.alternatives.length) rows.push([shortName(c.name), '', 'no route', '', '', '', c.reason ?? '']);
    for (const a of c.alternatives) {
      const t = a.route.totals;
      rows.push([a.rank === 1 ? shortName(c.name) : '', String(a.rank), fmtRange(t.transitDays, fmtDays), cost(a.route), fmtInt(t.distanceKm), capacityCell(t), a.rank === 1 ? 'best' : a.differs]);
      csvRows.push([c.corridor ?? 'best', a.rank, t.transitDays.typical, t.transitDays.min, t.transitDays.max, t.costUsdPerFeu?.typical ?? null, t.distanceKm, t.co2KgPerFeu, t.capacityMtpa, a.extra, a.differs, a.route.nodes.join(' > ')]);
    }
  }
  return render(
    format,
    {
      title: [`${name(result.from)} → ${name(result.to)} · alternatives by ${result.objective}`],
      header: ['Corridor', '#', 'Days (min–max)', 'USD/FEU', 'km', 'Mt/yr', 'How it differs from the best'],
      rows,
      align: ['l', 'r', 'l', 'r', 'r', 'r', 'l'],
      notes: ["Loopless alternatives by Yen's algorithm, best first; each is no better than the one before it under the objective."],
      json: result,
      csvRows,
      csvHeader: ['corridor', 'rank', 'days_typical', 'days_min', 'days_max', 'cost_usd_per_feu', 'distance_km', 'co2_kg_per_feu', 'capacity_mtpa', 'extra_vs_best', 'differs', 'route'],
    },
    options,
  );
}

/**
 * The Pareto set: routes no other beats on every criterion. The table says where each route differs from the
 * first (the stretches it takes instead); the notes give every route in full.
 */
export function formatPareto(
  result: { from: string; to: string; criteria: string[]; routes: ParetoRoute[]; reason: string | null; truncated: boolean },
  network: Network,
  format: TextFormat,
  options: TextOptions = {},
): string {
  const named = namer(network, result.routes.map((p) => p.route));
  const first = result.routes[0]?.route;
  const where = (route: Route, i: number) => {
    if (i === 0 || !first) {
      const key = keyPlaces(route, network, named);
      return key.length ? `via ${listText(key)}` : route.nodes.map(named.node).join(' → ');
    }
    return differenceText(first, route, network, named);
  };
  const rows = result.routes.map((p, i) => {
    const t = p.route.totals;
    return [String(i + 1), fmtRange(t.transitDays, fmtDays), cost(p.route), fmtInt(t.co2KgPerFeu), fmtInt(t.distanceKm), p.corridors.map((c) => corridorName(network, c)).join(', ') || 'mixed', where(p.route, i)];
  });
  const notes = [
    `Criteria: ${result.criteria.join(', ')}. A route is listed when no other route is at least as good on every criterion and better on one (multi-criteria label-setting search over simple paths).`,
    ...(result.routes.length > 1 ? ['"Where it differs": the first route by its border crossings and ports; each other route by the stretches it takes instead of the first one\'s.'] : []),
    ...(result.reason ? [result.reason] : []),
    ...(result.truncated ? ['The search stopped at its label limit: the set may be incomplete.'] : []),
    ...(format === 'table' ? result.routes.map((p, i) => `#${i + 1}: ${p.route.nodes.map(named.node).join(' → ')}`) : []),
  ];
  return render(
    format,
    {
      title: [`${named.node(result.from)} → ${named.node(result.to)} · Pareto set (${result.routes.length} routes)`],
      header: ['#', 'Days (min–max)', 'USD/FEU', 'kg CO2e', 'km', 'Corridors', result.routes.length > 1 ? 'Where it differs from #1' : 'Route'],
      rows,
      align: ['r', 'l', 'r', 'r', 'r', 'l', 'l'],
      notes,
      json: result,
      csvRows: result.routes.map((p, i) => [i + 1, p.route.totals.transitDays.typical, p.route.totals.costUsdPerFeu?.typical ?? null, p.route.totals.co2KgPerFeu, p.route.totals.distanceKm, p.corridors.join(' '), p.route.nodes.join(' > '), where(p.route, i)]),
      csvHeader: ['n', 'days_typical', 'cost_usd_per_feu', 'co2_kg_per_feu', 'distance_km', 'corridors', 'route', 'differs'],
    },
    options,
  );
}

const flowText = (x: number) => (Number.isFinite(x) ? fmtMt(x) : 'unbounded');

/** Throughput per corridor: the two bounds (unknown capacities left out, or unlimited) and the minimum cut. */
export function formatThroughput(list: Throughput[], network: Network, format: TextFormat, options: TextOptions = {}): string {
  const first = list[0];
  const name = names(network);
  const cut = (t: Throughput['knownOnly']['minCut']) => t.map((c) => `${c.name} (${fmtMt(c.capacityMtpa)})`).join('; ');
  const rows = list.map((t) => [
    corridorName(network, t.corridor),
    t.reason ? 'no path' : flowText(t.knownOnly.maxFlowMtpa),
    t.reason ? '' : flowText(t.unknownUnlimited.maxFlowMtpa),
    t.reason ? t.reason : t.knownOnly.unbounded ? 'not limiting at this scale (sea legs)' : t.unknownUnlimited.unbounded ? 'none known: a path of unknown capacity exists' : cut(t.unknownUnlimited.minCut) || 'none',
    String(t.unknownCapacityEdges.length),
  ]);
  const json = list.map((t) => ({ ...t, unknownUnlimited: { ...t.unknownUnlimited, maxFlowMtpa: Number.isFinite(t.unknownUnlimited.maxFlowMtpa) ? t.unknownUnlimited.maxFlowMtpa : null } }));
  return render(
    format,
    {
      title: [`${first ? `${name(first.from)} → ${name(first.to)}` : ''} · throughput, million tonnes a year${first?.year ? ` · year ${first.year}` : ''}`],
      header: ['Corridor', 'Known only', 'At most', 'Limiting segments (minimum cut, Mt/yr)', 'Unknown'],
      rows,
      align: ['l', 'r', 'r', 'l', 'r'],
      notes: [
        'Max-flow over segment capacities, million tonnes a year (Edmonds–Karp). "Known only" counts only segments whose capacity a source gives (a path with any unknown segment carries nothing); "At most" lets the segments of unknown capacity carry any amount. The true figure lies between.',
        'Limiting segments: the minimum cut of the "at most" flow, the known segments that together cap it (their capacities add up to it). "Unknown" counts the segments of unknown capacity between the two places.',
        ...list.filter((t) => t.knownOnly.minCut.length).map((t) => `${corridorName(network, t.corridor)}, known only: limited by ${cut(t.knownOnly.minCut)}`),
      ],
      json,
      csvRows: list.map((t) => [t.corridor ?? 'all', Number.isFinite(t.knownOnly.maxFlowMtpa) ? t.knownOnly.maxFlowMtpa : null, Number.isFinite(t.unknownUnlimited.maxFlowMtpa) ? t.unknownUnlimited.maxFlowMtpa : null, t.knownOnly.minCut.map((c) => c.edge).join(' '), t.unknownCapacityEdges.join(' '), t.reason]),
      csvHeader: ['corridor', 'known_only_mtpa', 'unknown_unlimited_mtpa', 'min_cut_edges', 'unknown_capacity_edges', 'reason'],
    },
    options,
  );
}

/** Transit-day distributions per corridor: P10, P50, P90 and the chance of arriving within a number of days. */
export function formatDistributions(
  result: { from: string; to: string; samples: number; seed: number; withinDays: number | null; corridors: { corridor: string; name: string; reason: string | null; distribution: TransitDistribution | null }[] },
  network: Network,
  format: TextFormat,
  options: TextOptions = {},
): string {
  const name = names(network);
  const within = result.withinDays;
  const rows = result.corridors.map((c) => {
    const d = c.distribution;
    if (!d) return [shortName(c.name), 'no route', '', '', '', ''];
    return [shortName(c.name), fmtDays(d.p10), fmtDays(d.p50), fmtDays(d.p90), `${fmtDays(d.summedMin)}–${fmtDays(d.summedMax)}`, d.withinDays ? `${Math.round(d.withinDays.probability * 100)} %` : ''];
  });
  const method = result.corridors.find((c) => c.distribution)?.distribution?.method ?? '';
  return render(
    format,
    {
      title: [`${name(result.from)} → ${name(result.to)} · transit days as a distribution (${result.samples} samples, seed ${result.seed})`],
      header: ['Corridor', 'P10', 'P50', 'P90', 'Range', within !== null ? `P(≤ ${within} d)` : 'P(≤ days)'],
      rows,
      align: ['l', 'r', 'r', 'r', 'l', 'r'],
      notes: [method, 'Each leg and dwell is sampled independently, so correlated delays (a congested season) would widen the spread.'],
      json: result,
      csvRows: result.corridors.map((c) => [c.corridor, c.distribution?.p10 ?? null, c.distribution?.p50 ?? null, c.distribution?.p90 ?? null, c.distribution?.mean ?? null, c.distribution?.withinDays?.probability ?? null]),
      csvHeader: ['corridor', 'p10', 'p50', 'p90', 'mean', 'probability_within'],
    },
    options,
  );
}

/** The timeline: per year, each corridor's best days and route capacity, and what opens. */
export function formatTimeline(t: Timeline, network: Network, format: TextFormat, options: TextOptions = {}): string {
  const name = names(network);
  const header = ['Year', ...t.corridors.map((c) => shortName(c.name))];
  const rows = t.years.map((y, i) => [
    String(y),
    ...t.corridors.map((c) => {
      const p = c.points[i];
      if (!p || p.days === null) return 'no route';
      return `${fmtDays(p.days)} d, ${fmtMt(p.capacityMtpa)} Mt${p.routeChanged ? ' *' : ''}`;
    }),
  ]);
  const openings = t.openings.filter((o) => o.edges.length).map((o) => `${o.year}: ${o.edges.map((e) => e.name).join(', ')}`);
  return render(
    format,
    {
      title: [`${name(t.from)} → ${name(t.to)} · best ${t.objective} by year, ${t.years[0] ?? ''}–${t.years[t.years.length - 1] ?? ''}`],
      header,
      rows,
      align: ['l', ...t.corridors.map((): 'l' => 'l')],
      notes: [
        "Each cell: typical days and the route's smallest known capacity; * the route changed that year.",
        ...(openings.length ? [`Openings: ${openings.join('; ')}`] : ['No openings in these years.']),
        ...(t.upgrades.length
          ? [`Planned values taking effect: ${t.upgrades.map((u) => `${u.year}: ${u.items.map((i) => `${i.name}${i.capacityMtpa !== undefined && i.capacityMtpa !== null ? ` ${fmtMt(i.capacityMtpa)} Mt/yr` : ''}`).join(', ')}`).join('; ')}`]
          : []),
      ],
      json: t,
      csvRows: t.years.flatMap((y, i) => t.corridors.map((c) => [y, c.corridor, c.points[i]?.days ?? null, c.points[i]?.capacityMtpa ?? null, c.points[i]?.bottleneckEdge ?? null, String(c.points[i]?.routeChanged ?? false)])),
      csvHeader: ['year', 'corridor', 'days_typical', 'capacity_mtpa', 'bottleneck_edge', 'route_changed'],
    },
    options,
  );
}
