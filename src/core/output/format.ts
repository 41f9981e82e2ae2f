// Text output of comparisons and routes: a terminal table (wrapped to a width, 100 columns by default,
// never cut), Markdown, CSV and JSON. Every table marks estimated figures with "~" and lists the sources it
// used as numbered footnotes; places and segments appear by name.
import type { CompareResult, RouteQueryResult } from '../routing/compare.ts';
import type { ScenarioCompareResult } from '../analysis/diff.ts';
import { fmtDays, fmtFixed, fmtInt, fmtMt, fmtRange } from './format-number.ts';
import { capacityCell, capacityText, costText, differenceText, namer, perTrainText, totalsNotes, type Namer } from './route-text.ts';
import { TABLE_WIDTH, csv, mdTable, textTable, wrap, type Align } from './table.ts';
import type { Leg, Route } from '../routing/route.ts';
import type { Network, Source } from '../network/schema.ts';

export type TextFormat = 'table' | 'md' | 'csv' | 'json';
export const TEXT_FORMATS: readonly TextFormat[] = ['table', 'md', 'csv', 'json'];

/** How text output is laid out. */
export interface TextOptions {
  /** The widest a table or a wrapped line may be, in columns; TABLE_WIDTH when absent. */
  width?: number;
}

/** Which figures of a route rest on at least one estimate. */
export function estimatedCells(route: Route): { days: boolean; cost: boolean; km: boolean; capacity: boolean } {
  const any = (f: (l: Leg) => boolean) => route.legs.some(f);
  const b = route.totals.bottleneck;
  const capacity = b
    ? b.kind === 'edge'
      ? route.legs.some((l) => l.edge === b.id && l.estimated.includes('capacityMtpa'))
      : route.legs.some((l) => l.to === b.id && l.estimated.includes('nodeCapacityMtpa'))
    : false;
  return {
    days: any((l) => l.estimated.includes('transitDays') || l.estimated.includes('dwellDays')),
    cost: any((l) => l.estimated.includes('costUsdPerFeu') || l.estimated.includes('dwellCostUsdPerFeu')),
    km: any((l) => l.estimated.includes('distanceKm')),
    capacity,
  };
}

/** Numbers the sources in order of first use by the routes. */
export class Footnotes {
  readonly order: string[] = [];
  constructor(private readonly byId: ReadonlyMap<string, Source>) {}
  /** Registers the sources of a route and returns their numbers. */
  cite(ids: readonly string[]): number[] {
    return [...new Set(ids)].map((id) => {
      let i = this.order.indexOf(id);
      if (i < 0) i = this.order.push(id) - 1;
      return i + 1;
    });
  }
  /** One line per source: "[n] title. publisher, date. url". */
  lines(): string[] {
    return this.order.map((id, i) => {
      const s = this.byId.get(id);
      return s ? `[${i + 1}] ${s.title}. ${s.publisher}, ${s.date}. ${s.url}` : `[${i + 1}] ${id}`;
    });
  }
}

/** All source ids a route uses: its legs' and the dwells'. */
export function routeSources(route: Route): string[] {
  return [...new Set(route.legs.flatMap((l) => [...l.sources, ...l.dwellSources]))];
}

/** "1-3,5" for [1,2,3,5]. */
export function compactNumbers(ns: readonly number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
    out.push(j > i + 1 ? `${sorted[i]}-${sorted[j]}` : j === i + 1 ? `${sorted[i]},${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return out.join(',');
}

const mark = (text: string, estimated: boolean) => (estimated ? `${text}~` : text);

function queryLine(r: { query: CompareResult['query']; network: CompareResult['network'] }, names: Namer, network: Network): string {
  const q = r.query;
  const bits = [`objective ${q.objective}`];
  if (q.corridor) bits.push(network.corridors.find((c) => c.id === q.corridor)?.name ?? q.corridor);
  if (q.year !== null) bits.push(`year ${q.year}`);
  if (q.cargoMtpa !== null) bits.push(`cargo ${q.cargoMtpa} Mt/yr`);
  if (q.avoidCountries.length) bits.push(`avoiding ${q.avoidCountries.join(', ')}`);
  if (q.via?.length) bits.push(`via ${q.via.map(names.node).join(', ')}`);
  return `${names.node(q.from)} → ${names.node(q.to)} · ${bits.join(' · ')} · network ${r.network.id} ${r.network.version} (as of ${r.network.asOf})`;
}

/** A comparison document: a title, intro lines, the corridor table, the legend, a titled list and the sources. */
function comparisonDocument(
  format: 'table' | 'md',
  d: { title: string; intro: string[]; header: string[]; rows: string[][]; align: Align; listTitle: string; list: string[]; notes: Footnotes },
  width: number,
): string {
  if (format === 'md') {
    return [
      `**${d.title}**`,
      '',
      ...d.intro.flatMap((t) => [t, '']),
      mdTable(d.header, d.rows, d.align),
      '',
      LEGEND,
      '',
      ...d.list.map((t) => `- ${t}`),
      '',
      '**Sources**',
      '',
      ...d.notes.lines().map((l) => `${l}  `),
      '',
    ].join('\n');
  }
  return [
    ...wrap(d.title, width),
    ...d.intro.flatMap((t) => wrap(t, width, '')),
    '',
    textTable(d.header, d.rows, d.align, width),
    '',
    ...wrap(LEGEND, width, ''),
    '',
    `${d.listTitle}:`,
    ...d.list.flatMap((t) => wrap(`  ${t}`, width)),
    '',
    'Sources:',
    ...d.notes.lines().flatMap((l) => wrap(l, width)),
    '',
  ].join('\n');
}

interface CompareRow {
  label: string;
  detail?: string | undefined;
  route: Route | null;
  reason: string | null;
}

function compareRows(result: CompareResult, network: Network): CompareRow[] {
  const bestName = result.best.corridor ? network.corridors.find((c) => c.id === result.best.corridor)?.name : undefined;
  return [
    ...result.corridors.map((c) => ({ label: shortName(c.name), route: c.route, reason: c.reason })),
    { label: 'Best overall', detail: bestName ? shortName(bestName) : result.best.route ? 'mixed corridors' : undefined, route: result.best.route, reason: result.best.reason },
  ];
}

function figureCells(route: Route): string[] {
  const t = route.totals;
  const est = estimatedCells(route);
  return [
    mark(fmtRange(t.transitDays, fmtDays), est.days),
    mark(fmtRange(t.costUsdPerFeu, fmtInt), est.cost && t.costUsdPerFeu !== null),
    mark(fmtInt(t.distanceKm), est.km),
    mark(fmtInt(t.co2KgPerFeu), est.km),
    mark(capacityCell(t), est.capacity),
    String(t.estimatedFigures),
  ];
}

const COMPARE_HEADER = ['Corridor', 'Days (min–max)', 'USD/FEU (min–max)', 'km', 'kg CO2e', 'Mt/yr', 'Est.'];
const COMPARE_ALIGN: Align = ['l', 'l', 'l', 'r', 'r', 'r', 'r'];

/** A corridor's name without its parenthesised detail: "Middle corridor (Trans-Caspian, TITR)" -> "Middle corridor". */
export function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

const LEGEND =
  '~ the figure rests on at least one estimate; Est. counts the estimated figures used. Days: typical (min–max), transit plus border and port dwell. Cost "unknown" where a leg has no cost figure. Mt/yr: the smallest known capacity on the route; "not limiting" where the only legs of unknown capacity are sea legs.';

/** The CSV columns of a route's capacity, per-train limit and cost gaps, after the comparison's own. */
const TOTALS_CSV_HEADER = ['bottleneck_kind', 'bottleneck_id', 'bottleneck_name', 'bottleneck_scope', 'spare_mtpa', 'per_train_teu', 'per_train_tonnes', 'per_train_wagons', 'per_train_edge', 'unknown_capacity_edges', 'unlimited_edges', 'dwell_cost_missing_nodes'];

function totalsCsv(route: Route | null): (string | number | null)[] {
  if (!route) return TOTALS_CSV_HEADER.map(() => null);
  const t = route.totals;
  const b = t.bottleneck;
  return [b?.kind ?? null, b?.id ?? null, b?.name ?? null, b?.scope ?? null, t.spareMtpa, t.perTrain.teu, t.perTrain.tonnes, t.perTrain.wagons, t.perTrain.edge, t.unknownCapacityEdges.join(' '), t.unlimitedEdges.join(' '), t.dwellCostMissingNodes.join(' ')];
}

/** Formats a comparison in one of the text formats. */
export function formatCompare(result: CompareResult, network: Network, format: TextFormat, options: TextOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const notes = new Footnotes(new Map(network.sources.map((s) => [s.id, s])));
  const rows = compareRows(result, network);
  const names = namer(network, rows.map((r) => r.route));
  const cited = rows.map((r) => (r.route ? notes.cite(routeSources(r.route)) : []));
  if (format === 'csv') {
    const byId = new Map(network.sources.map((s) => [s.id, s]));
    return csv(
      ['corridor', 'days_typical', 'days_min', 'days_max', 'cost_usd_per_feu_typical', 'cost_usd_per_feu_min', 'cost_usd_per_feu_max', 'distance_km', 'co2_kg_per_feu', 'capacity_mtpa', 'bottleneck_edge', 'estimated_figures', 'days_estimated', 'cost_estimated', 'km_estimated', 'route', 'reason', 'sources', 'source_urls', ...TOTALS_CSV_HEADER],
      rows.map((r) => {
        if (!r.route) return [r.label, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, r.reason, null, null, ...totalsCsv(null)];
        const t = r.route.totals;
        const est = estimatedCells(r.route);
        const src = routeSources(r.route);
        return [
          r.label, t.transitDays.typical, t.transitDays.min, t.transitDays.max,
          t.costUsdPerFeu?.typical ?? null, t.costUsdPerFeu?.min ?? null, t.costUsdPerFeu?.max ?? null,
          t.distanceKm, t.co2KgPerFeu, t.capacityMtpa, t.bottleneckEdge, t.estimatedFigures,
          String(est.days), String(est.cost), String(est.km),
          r.route.nodes.join(' > '), null, src.join(' '), src.map((id) => byId.get(id)?.url ?? id).join(' '),
          ...totalsCsv(r.route),
        ];
      }),
    );
  }
  const tableRows = rows.map((r) => (r.route ? [r.label, ...figureCells(r.route)] : [r.label, 'no route', '', '', '', '', '']));
  const routesText = rows.map((r, i) =>
    r.route
      ? `${r.label}${r.detail ? ` (${r.detail})` : ''}: ${r.route.nodes.map(names.node).join(' → ')}; ${totalsNotes(r.route, names).join('; ')} [sources ${compactNumbers(cited[i] ?? [])}]`
      : `${r.label}: ${r.reason ?? 'no route'}`,
  );
  const withSources = format === 'md';
  return comparisonDocument(
    format,
    {
      title: queryLine(result, names, network),
      intro: [],
      header: withSources ? [...COMPARE_HEADER, 'Sources'] : COMPARE_HEADER,
      rows: withSources ? tableRows.map((r, i) => [...r, compactNumbers(cited[i] ?? [])]) : tableRows,
      align: withSources ? [...COMPARE_ALIGN, 'l'] : COMPARE_ALIGN,
      listTitle: 'Routes',
      list: routesText,
      notes,
    },
    options.width ?? TABLE_WIDTH,
  );
}

/** Whether a leg sets the route's capacity: the bottleneck segment, or the leg into the bottleneck place. */
function limits(route: Route, leg: Leg): { edge: boolean; node: boolean } {
  const b = route.totals.bottleneck;
  return { edge: b?.kind === 'edge' && b.id === leg.edge, node: b?.kind === 'node' && b.id === leg.to };
}

/** Formats one route with its legs in one of the text formats. */
export function formatRoute(result: RouteQueryResult, network: Network, format: TextFormat, options: TextOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const width = options.width ?? TABLE_WIDTH;
  const route = result.route;
  const names = namer(network, [route]);
  if (!route) {
    const reason = result.reason ?? 'no route';
    if (format === 'csv') return csv(['reason'], [[reason]]);
    const title = queryLine(result, names, network);
    return format === 'md' ? `**${title}**\n\n${reason}\n` : `${wrap(title, width).join('\n')}\n\n${wrap(reason, width).join('\n')}\n`;
  }
  const notes = new Footnotes(new Map(network.sources.map((s) => [s.id, s])));
  const header = ['#', 'From → To', 'Mode', 'km', 'Days (min–max)', 'Dwell at To', 'USD/FEU', 'Mt/yr', 'Src'];
  const align: Align = ['r', 'l', 'l', 'r', 'l', 'l', 'l', 'r', 'l'];
  const legRows = route.legs.map((l, i) => {
    const est = (f: string) => l.estimated.includes(f);
    const limit = limits(route, l);
    const capacity = l.capacityMtpa === null && l.unlimited ? 'not limiting' : mark(fmtMt(l.capacityMtpa), est('capacityMtpa'));
    const dwell = l.dwellDays ? mark(fmtRange(l.dwellDays, fmtDays), est('dwellDays')) : '';
    return [
      String(i + 1),
      `${names.node(l.from)} → ${names.node(l.to)}`,
      l.mode === 'rail' && l.traction ? `rail/${l.traction === 'electric' ? 'el' : 'di'}` : l.mode,
      mark(fmtInt(l.distanceKm), est('distanceKm')),
      mark(fmtRange(l.transitDays, fmtDays), est('transitDays')),
      limit.node ? `${dwell}${dwell ? ' ' : ''}(place: ${mark(fmtMt(l.nodeCapacityMtpa), est('nodeCapacityMtpa'))} Mt/yr)*` : dwell,
      mark(fmtRange(l.costUsdPerFeu, fmtInt), est('costUsdPerFeu')),
      limit.edge ? `${capacity}*` : capacity,
      compactNumbers(notes.cite([...l.sources, ...l.dwellSources])),
    ];
  });
  const t = route.totals;
  const est = estimatedCells(route);
  const totalRow = ['', 'Total', '', mark(fmtInt(t.distanceKm), est.km), mark(fmtRange(t.transitDays, fmtDays), est.days), '', mark(fmtRange(t.costUsdPerFeu, fmtInt), est.cost), mark(capacityCell(t), est.capacity), ''];
  const perTrain = perTrainText(route, names);
  const costGaps = costText(route, names);
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  const summary = [
    `Total: ${fmtRange(t.transitDays, fmtDays)} days, ${t.costUsdPerFeu ? `USD ${fmtRange(t.costUsdPerFeu, fmtInt)} per FEU` : 'cost unknown'}, ${fmtInt(t.distanceKm)} km, ${fmtInt(t.co2KgPerFeu)} kg CO2e per FEU; ${t.estimatedFigures} estimated figures.`,
    `Capacity${route.legs.some((l) => limits(route, l).edge || limits(route, l).node) ? ' (the leg marked * sets it)' : ''}: ${capacityText(route)}.`,
    ...(perTrain ? [`Per train: ${perTrain}.`] : []),
    ...(costGaps ? [sentence(costGaps)] : []),
  ];
  if (format === 'csv') {
    return csv(
      ['leg', 'edge', 'from', 'to', 'mode', 'traction', 'distance_km', 'days_typical', 'days_min', 'days_max', 'dwell_days_typical', 'dwell_days_min', 'dwell_days_max', 'cost_usd_per_feu_typical', 'cost_usd_per_feu_min', 'cost_usd_per_feu_max', 'capacity_mtpa', 'co2_kg_per_feu', 'basis', 'estimated', 'sources', 'name', 'capacity_scope', 'capacity_not_limiting', 'node_capacity_mtpa', 'per_train_unit', 'per_train_teu', 'per_train_tonnes', 'per_train_wagons', 'limits_route'],
      route.legs.map((l, i) => [
        i + 1, l.edge, l.from, l.to, l.mode, l.traction ?? null, l.distanceKm, l.transitDays.typical, l.transitDays.min, l.transitDays.max,
        l.dwellDays?.typical ?? null, l.dwellDays?.min ?? null, l.dwellDays?.max ?? null,
        l.costUsdPerFeu?.typical ?? null, l.costUsdPerFeu?.min ?? null, l.costUsdPerFeu?.max ?? null,
        l.capacityMtpa, l.co2KgPerFeu, l.basis, l.estimated.join(' '), [...new Set([...l.sources, ...l.dwellSources])].join(' '),
        l.name, l.capacityScope, String(l.unlimited), l.nodeCapacityMtpa, l.perTrain?.unit ?? null, l.perTrain?.teu ?? null, l.perTrain?.tonnes ?? null, l.perTrain?.wagons ?? null,
        limits(route, l).edge ? 'edge' : limits(route, l).node ? 'place' : null,
      ]),
    );
  }
  if (format === 'md') {
    return [
      `**${queryLine(result, names, network)}**`,
      '',
      mdTable(header, [...legRows, totalRow], align),
      '',
      ...summary.flatMap((l) => [l, '']),
      LEGEND,
      '',
      '**Sources**',
      '',
      ...notes.lines().map((l) => `${l}  `),
      '',
    ].join('\n');
  }
  return [
    ...wrap(queryLine(result, names, network), width),
    '',
    textTable(header, [...legRows, totalRow], align, width),
    '',
    ...summary.flatMap((l) => wrap(l, width, '  ')),
    ...wrap(LEGEND, width, ''),
    '',
    'Sources:',
    ...notes.lines().flatMap((l) => wrap(l, width)),
    '',
  ].join('\n');
}

const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmtFixed(Math.abs(x), digits)}`;

/**
 * A what-if change in words: where the route now runs instead, by name ("now Sufian → Marand → … → Sivas
 * instead of via Razi, Van and Tatvan"), then the figures that moved; the core's summary where a route was
 * lost or gained, or nothing changed.
 */
function changeText(e: { baseline: Route | null; route: Route | null; delta: ScenarioCompareResult['best']['delta'] }, network: Network, names: Namer): string {
  const t = e.delta;
  if (t.status !== 'changed' || !e.baseline || !e.route) return t.summary;
  const bits: string[] = [];
  if (t.routeChanged) bits.push(`now ${differenceText(e.baseline, e.route, network, names)}`);
  if (t.transitDays && Number(t.transitDays.typical.toFixed(1)) !== 0) bits.push(`${signed(t.transitDays.typical, 1)} days`);
  if (t.costUsdPerFeu && Math.round(t.costUsdPerFeu.typical) !== 0) bits.push(`${signed(t.costUsdPerFeu.typical, 0)} USD/FEU`);
  if (t.co2KgPerFeu !== null && Math.round(t.co2KgPerFeu) !== 0) bits.push(`${signed(t.co2KgPerFeu, 0)} kg CO2e/FEU`);
  const before = capacityCell(e.baseline.totals);
  const after = capacityCell(e.route.totals);
  if (e.baseline.totals.capacityMtpa !== e.route.totals.capacityMtpa) bits.push(`capacity ${before} → ${after} Mt/yr${e.route.totals.bottleneck ? ` (${e.route.totals.bottleneck.name})` : ''}`);
  return bits.length ? bits.join('; ') : t.summary;
}

/** An applied edit with names for the ids it quotes: "opened edge marand-x" → "opened edge Marand–X". */
function editText(change: string, network: Network, names: Namer): string {
  const corridors = new Map(network.corridors.map((c) => [c.id, c.name]));
  return change.replace(/\b(edge|node|corridor) ([a-z0-9][a-z0-9-]*)/g, (all, kind: string, id: string) => {
    if (kind === 'corridor') return corridors.has(id) ? `corridor ${corridors.get(id)}` : all;
    const name = kind === 'edge' ? names.edge(id) : names.node(id);
    return name === id ? all : `${kind} ${name}`;
  });
}

/** Formats a baseline-versus-scenario comparison: for each corridor a baseline row, a scenario row and the change. */
export function formatScenarioCompare(result: ScenarioCompareResult, network: Network, format: TextFormat, options: TextOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const notes = new Footnotes(new Map(network.sources.map((s) => [s.id, s])));
  const bestName = result.best.corridor ? network.corridors.find((c) => c.id === result.best.corridor)?.name : undefined;
  const entries = [
    ...result.corridors.map((c) => ({ label: shortName(c.name), ...c })),
    { label: `Best overall${bestName ? ` (${shortName(bestName)})` : ''}`, ...result.best },
  ];
  const names = namer(network, entries.flatMap((e) => [e.baseline, e.route]));
  for (const e of entries) {
    if (e.baseline) notes.cite(routeSources(e.baseline));
    if (e.route) notes.cite(routeSources(e.route));
  }
  const d = (x: number | null, digits: number) => (x === null ? '' : signed(x, digits));
  if (format === 'csv') {
    const side = (r: Route | null) => (r ? [r.totals.transitDays.typical, r.totals.transitDays.min, r.totals.transitDays.max, r.totals.costUsdPerFeu?.typical ?? null, r.totals.distanceKm, r.totals.co2KgPerFeu, r.totals.capacityMtpa, r.nodes.join(' > ')] : [null, null, null, null, null, null, null, null]);
    const sideHeader = (p: string) => [`${p}_days_typical`, `${p}_days_min`, `${p}_days_max`, `${p}_cost_usd_per_feu`, `${p}_distance_km`, `${p}_co2_kg_per_feu`, `${p}_capacity_mtpa`, `${p}_route`];
    return csv(
      ['corridor', ...sideHeader('baseline'), ...sideHeader('scenario'), 'delta_days_typical', 'delta_cost_usd_per_feu', 'delta_co2_kg_per_feu', 'delta_capacity_mtpa', 'route_changed', 'status', 'summary', 'baseline_bottleneck_name', 'scenario_bottleneck_name'],
      entries.map((e) => [e.label, ...side(e.baseline), ...side(e.route), e.delta.transitDays?.typical ?? null, e.delta.costUsdPerFeu?.typical ?? null, e.delta.co2KgPerFeu, e.delta.capacityMtpa, String(e.delta.routeChanged), e.delta.status, e.delta.summary, e.baseline?.totals.bottleneck?.name ?? null, e.route?.totals.bottleneck?.name ?? null]),
    );
  }
  const rows: string[][] = [];
  for (const e of entries) {
    rows.push(e.baseline ? [`${e.label} · base`, ...figureCells(e.baseline)] : [`${e.label} · base`, 'no route', '', '', '', '', '']);
    rows.push(e.route ? ['  · what-if', ...figureCells(e.route)] : ['  · what-if', 'no route', '', '', '', '', '']);
    const t = e.delta;
    rows.push(
      t.status === 'lost' || t.status === 'gained' || t.status === 'none'
        ? ['  · change', t.status === 'lost' ? 'route lost' : t.status === 'gained' ? 'route gained' : '', '', '', '', '', '']
        : ['  · change', d(t.transitDays?.typical ?? null, 1), t.costUsdPerFeu ? d(t.costUsdPerFeu.typical, 0) : '', d(t.distanceKm, 0), d(t.co2KgPerFeu, 0), t.capacityMtpa === null ? '' : d(t.capacityMtpa, 2), ''],
    );
  }
  const s = result.scenario;
  const head = `What-if: ${s.name} (${s.id})${s.year !== null ? ` · year ${s.year}` : ''} · ${queryLine(result, names, network)}`;
  const changeLines = entries.map((e) => `${e.label}: ${changeText(e, network, names)}`);
  return comparisonDocument(
    format,
    {
      title: head,
      intro: [s.description, `Edits: ${s.changes.length ? s.changes.map((c) => editText(c, network, names)).join('; ') : 'none'}`],
      header: COMPARE_HEADER,
      rows,
      align: COMPARE_ALIGN,
      listTitle: 'Changes',
      list: changeLines,
      notes,
    },
    options.width ?? TABLE_WIDTH,
  );
}
