// Text output of comparisons and routes: a terminal table (fits 100 columns), Markdown, CSV and JSON.
// Every table marks estimated figures with "~" and lists the sources it used as numbered footnotes.
import type { CompareResult, RouteQueryResult } from '../routing/compare.ts';
import type { ScenarioCompareResult } from '../analysis/diff.ts';
import { fmtDays, fmtInt, fmtMt, fmtRange } from './format-number.ts';
import type { Leg, Route } from '../routing/route.ts';
import type { Network, Source } from '../network/schema.ts';

export type TextFormat = 'table' | 'md' | 'csv' | 'json';
export const TEXT_FORMATS: readonly TextFormat[] = ['table', 'md', 'csv', 'json'];

/** The widest a terminal table may be. */
export const TABLE_WIDTH = 100;

/** Which figures of a route rest on at least one estimate. */
export function estimatedCells(route: Route): { days: boolean; cost: boolean; km: boolean; capacity: boolean } {
  const any = (f: (l: Leg) => boolean) => route.legs.some(f);
  const bottleneck = route.legs.find((l) => l.edge === route.totals.bottleneckEdge);
  return {
    days: any((l) => l.estimated.includes('transitDays') || l.estimated.includes('dwellDays')),
    cost: any((l) => l.estimated.includes('costUsdPerFeu') || l.estimated.includes('dwellCostUsdPerFeu')),
    km: any((l) => l.estimated.includes('distanceKm')),
    capacity: bottleneck ? bottleneck.estimated.includes('capacityMtpa') : false,
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

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** Renders rows as an aligned text table; the last column absorbs what is left of the width. */
export function textTable(header: string[], rows: string[][], align: ('l' | 'r')[], width = TABLE_WIDTH): string {
  const cols = header.length;
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
  // Shrink the widest left-aligned columns until the table fits.
  while (total() > width) {
    let widest = -1;
    widths.forEach((w, c) => {
      if (align[c] === 'l' && (widest < 0 || w > (widths[widest] ?? 0))) widest = c;
    });
    if (widest < 0 || (widths[widest] ?? 0) <= 8) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => {
        const w = widths[c] ?? 0;
        const text = cut(cell, w);
        return align[c] === 'r' ? text.padStart(w) : text.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Wraps a text to a width at spaces, indenting continuation lines. */
export function wrap(text: string, width = TABLE_WIDTH, indent = '    '): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && (cur + ' ' + w).length > width) {
      lines.push(cur);
      cur = indent + w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a header row, RFC 4180 quoting, CRLF-free. */
export function csv(header: string[], rows: (string | number | null)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

function mdEscape(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function mdTable(header: string[], rows: string[][], align: ('l' | 'r')[]): string {
  return [
    `| ${header.map(mdEscape).join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`),
  ].join('\n');
}

const nodeNamer = (network: Network) => {
  const names = new Map(network.nodes.map((n) => [n.id, n.name]));
  return (id: string) => names.get(id) ?? id;
};

function queryLine(r: { query: CompareResult['query']; network: CompareResult['network'] }, name: (id: string) => string): string {
  const q = r.query;
  const bits = [`objective ${q.objective}`];
  if (q.corridor) bits.push(`corridor ${q.corridor}`);
  if (q.year !== null) bits.push(`year ${q.year}`);
  if (q.cargoMtpa !== null) bits.push(`cargo ${q.cargoMtpa} Mt/yr`);
  if (q.avoidCountries.length) bits.push(`avoiding ${q.avoidCountries.join(', ')}`);
  return `${name(q.from)} → ${name(q.to)} · ${bits.join(' · ')} · network ${r.network.id} ${r.network.version} (as of ${r.network.asOf})`;
}

/** A comparison document: a title, intro lines, the corridor table, the legend, a titled list and the sources. */
function comparisonDocument(
  format: 'table' | 'md',
  d: { title: string; intro: string[]; header: string[]; rows: string[][]; align: ('l' | 'r')[]; listTitle: string; list: string[]; notes: Footnotes },
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
    ...wrap(d.title),
    ...d.intro.flatMap((t) => wrap(t, TABLE_WIDTH, '')),
    '',
    textTable(d.header, d.rows, d.align),
    '',
    ...wrap(LEGEND, TABLE_WIDTH, ''),
    '',
    `${d.listTitle}:`,
    ...d.list.flatMap((t) => wrap(`  ${t}`)),
    '',
    'Sources:',
    ...d.notes.lines().flatMap((l) => wrap(l)),
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
    mark(fmtMt(t.capacityMtpa), est.capacity),
    String(t.estimatedFigures),
  ];
}

const COMPARE_HEADER = ['Corridor', 'Days (min–max)', 'USD/FEU (min–max)', 'km', 'kg CO2e', 'Mt/yr', 'Est.'];
const COMPARE_ALIGN: ('l' | 'r')[] = ['l', 'l', 'l', 'r', 'r', 'r', 'r'];

/** A corridor's name without its parenthesised detail: "Middle corridor (Trans-Caspian, TITR)" -> "Middle corridor". */
export function shortName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

/** "bottleneck istanbul-kapikule (1.5 Mt/yr)", or what is known about capacity. */
function capacityNote(route: Route): string {
  const t = route.totals;
  const unknown = t.unknownCapacityEdges.length ? `${t.unknownCapacityEdges.length} legs of unknown capacity` : '';
  if (t.bottleneckEdge === null) return unknown ? `capacity unknown (${unknown})` : 'capacity unknown';
  return `bottleneck ${t.bottleneckEdge} (${fmtMt(t.capacityMtpa)} Mt/yr)${unknown ? `; ${unknown}` : ''}`;
}

const LEGEND =
  '~ the figure rests on at least one estimate; Est. counts the estimated figures used. Days: typical (min–max), transit plus border and port dwell. Cost "unknown" where a leg has no cost figure.';

/** Formats a comparison in one of the text formats. */
export function formatCompare(result: CompareResult, network: Network, format: TextFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const name = nodeNamer(network);
  const notes = new Footnotes(new Map(network.sources.map((s) => [s.id, s])));
  const rows = compareRows(result, network);
  const cited = rows.map((r) => (r.route ? notes.cite(routeSources(r.route)) : []));
  if (format === 'csv') {
    const byId = new Map(network.sources.map((s) => [s.id, s]));
    return csv(
      ['corridor', 'days_typical', 'days_min', 'days_max', 'cost_usd_per_feu_typical', 'cost_usd_per_feu_min', 'cost_usd_per_feu_max', 'distance_km', 'co2_kg_per_feu', 'capacity_mtpa', 'bottleneck_edge', 'estimated_figures', 'days_estimated', 'cost_estimated', 'km_estimated', 'route', 'reason', 'sources', 'source_urls'],
      rows.map((r) => {
        if (!r.route) return [r.label, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, r.reason, null, null];
        const t = r.route.totals;
        const est = estimatedCells(r.route);
        const src = routeSources(r.route);
        return [
          r.label, t.transitDays.typical, t.transitDays.min, t.transitDays.max,
          t.costUsdPerFeu?.typical ?? null, t.costUsdPerFeu?.min ?? null, t.costUsdPerFeu?.max ?? null,
          t.distanceKm, t.co2KgPerFeu, t.capacityMtpa, t.bottleneckEdge, t.estimatedFigures,
          String(est.days), String(est.cost), String(est.km),
          r.route.nodes.join(' > '), null, src.join(' '), src.map((id) => byId.get(id)?.url ?? id).join(' '),
        ];
      }),
    );
  }
  const tableRows = rows.map((r) => (r.route ? [r.label, ...figureCells(r.route)] : [r.label, 'no route', '', '', '', '', '']));
  const routesText = rows.map((r, i) =>
    r.route
      ? `${r.label}${r.detail ? ` (${r.detail})` : ''}: ${r.route.nodes.map(name).join(' → ')}; ${capacityNote(r.route)} [sources ${compactNumbers(cited[i] ?? [])}]`
      : `${r.label}: ${r.reason ?? 'no route'}`,
  );
  const withSources = format === 'md';
  return comparisonDocument(format, {
    title: queryLine(result, name),
    intro: [],
    header: withSources ? [...COMPARE_HEADER, 'Sources'] : COMPARE_HEADER,
    rows: withSources ? tableRows.map((r, i) => [...r, compactNumbers(cited[i] ?? [])]) : tableRows,
    align: withSources ? [...COMPARE_ALIGN, 'l'] : COMPARE_ALIGN,
    listTitle: 'Routes',
    list: routesText,
    notes,
  });
}

/** Formats one route with its legs in one of the text formats. */
export function formatRoute(result: RouteQueryResult, network: Network, format: TextFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const name = nodeNamer(network);
  const route = result.route;
  if (!route) {
    const reason = result.reason ?? 'no route';
    if (format === 'csv') return csv(['reason'], [[reason]]);
    return format === 'md' ? `**${queryLine(result, name)}**\n\n${reason}\n` : `${wrap(queryLine(result, name)).join('\n')}\n\n${wrap(reason).join('\n')}\n`;
  }
  const notes = new Footnotes(new Map(network.sources.map((s) => [s.id, s])));
  const header = ['#', 'From → To', 'Mode', 'km', 'Days (min–max)', 'Dwell at To', 'USD/FEU', 'Mt/yr', 'Src'];
  const align: ('l' | 'r')[] = ['r', 'l', 'l', 'r', 'l', 'l', 'l', 'r', 'l'];
  const legRows = route.legs.map((l, i) => {
    const est = (f: string) => l.estimated.includes(f);
    return [
      String(i + 1),
      `${name(l.from)} → ${name(l.to)}`,
      l.mode === 'rail' && l.traction ? `rail/${l.traction === 'electric' ? 'el' : 'di'}` : l.mode,
      mark(fmtInt(l.distanceKm), est('distanceKm')),
      mark(fmtRange(l.transitDays, fmtDays), est('transitDays')),
      l.dwellDays ? mark(fmtRange(l.dwellDays, fmtDays), est('dwellDays')) : '',
      mark(fmtRange(l.costUsdPerFeu, fmtInt), est('costUsdPerFeu')),
      mark(fmtMt(l.capacityMtpa), est('capacityMtpa')),
      compactNumbers(notes.cite([...l.sources, ...l.dwellSources])),
    ];
  });
  const t = route.totals;
  const est = estimatedCells(route);
  const totalRow = ['', 'Total', '', mark(fmtInt(t.distanceKm), est.km), mark(fmtRange(t.transitDays, fmtDays), est.days), '', mark(fmtRange(t.costUsdPerFeu, fmtInt), est.cost), mark(fmtMt(t.capacityMtpa), est.capacity), ''];
  const summary = `Total: ${fmtRange(t.transitDays, fmtDays)} days, ${t.costUsdPerFeu ? `USD ${fmtRange(t.costUsdPerFeu, fmtInt)} per FEU` : `cost unknown (no cost figure for ${t.costMissingEdges.join(', ')})`}, ${fmtInt(t.distanceKm)} km, ${fmtInt(t.co2KgPerFeu)} kg CO2e per FEU, capacity ${fmtMt(t.capacityMtpa)} Mt/yr${t.bottleneckEdge ? ` (bottleneck ${t.bottleneckEdge})` : ''}${t.unknownCapacityEdges.length ? `, ${t.unknownCapacityEdges.length} legs of unknown capacity` : ''}; ${t.estimatedFigures} estimated figures.`;
  if (format === 'csv') {
    return csv(
      ['leg', 'edge', 'from', 'to', 'mode', 'traction', 'distance_km', 'days_typical', 'days_min', 'days_max', 'dwell_days_typical', 'dwell_days_min', 'dwell_days_max', 'cost_usd_per_feu_typical', 'cost_usd_per_feu_min', 'cost_usd_per_feu_max', 'capacity_mtpa', 'co2_kg_per_feu', 'basis', 'estimated', 'sources'],
      route.legs.map((l, i) => [
        i + 1, l.edge, l.from, l.to, l.mode, l.traction ?? null, l.distanceKm, l.transitDays.typical, l.transitDays.min, l.transitDays.max,
        l.dwellDays?.typical ?? null, l.dwellDays?.min ?? null, l.dwellDays?.max ?? null,
        l.costUsdPerFeu?.typical ?? null, l.costUsdPerFeu?.min ?? null, l.costUsdPerFeu?.max ?? null,
        l.capacityMtpa, l.co2KgPerFeu, l.basis, l.estimated.join(' '), [...new Set([...l.sources, ...l.dwellSources])].join(' '),
      ]),
    );
  }
  if (format === 'md') {
    return [
      `**${queryLine(result, name)}**`,
      '',
      mdTable(header, [...legRows, totalRow], align),
      '',
      summary,
      '',
      LEGEND,
      '',
      '**Sources**',
      '',
      ...notes.lines().map((l) => `${l}  `),
      '',
    ].join('\n');
  }
  return [
    ...wrap(queryLine(result, name)),
    '',
    textTable(header, [...legRows, totalRow], align),
    '',
    ...wrap(summary, TABLE_WIDTH, ''),
    ...wrap(LEGEND, TABLE_WIDTH, ''),
    '',
    'Sources:',
    ...notes.lines().flatMap((l) => wrap(l)),
    '',
  ].join('\n');
}

/** Formats a baseline-versus-scenario comparison: for each corridor a baseline row, a scenario row and the change. */
export function formatScenarioCompare(result: ScenarioCompareResult, network: Network, format: TextFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  const name = nodeNamer(network);
  const notes = new Footnotes(new Map(network.sources.map((s) => [s.id, s])));
  const bestName = result.best.corridor ? network.corridors.find((c) => c.id === result.best.corridor)?.name : undefined;
  const entries = [
    ...result.corridors.map((c) => ({ label: shortName(c.name), ...c })),
    { label: `Best overall${bestName ? ` (${shortName(bestName)})` : ''}`, ...result.best },
  ];
  for (const e of entries) {
    if (e.baseline) notes.cite(routeSources(e.baseline));
    if (e.route) notes.cite(routeSources(e.route));
  }
  const d = (x: number | null, digits: number) => (x === null ? '' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(Number(x.toFixed(digits))).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`);
  if (format === 'csv') {
    const side = (r: Route | null) => (r ? [r.totals.transitDays.typical, r.totals.transitDays.min, r.totals.transitDays.max, r.totals.costUsdPerFeu?.typical ?? null, r.totals.distanceKm, r.totals.co2KgPerFeu, r.totals.capacityMtpa, r.nodes.join(' > ')] : [null, null, null, null, null, null, null, null]);
    const sideHeader = (p: string) => [`${p}_days_typical`, `${p}_days_min`, `${p}_days_max`, `${p}_cost_usd_per_feu`, `${p}_distance_km`, `${p}_co2_kg_per_feu`, `${p}_capacity_mtpa`, `${p}_route`];
    return csv(
      ['corridor', ...sideHeader('baseline'), ...sideHeader('scenario'), 'delta_days_typical', 'delta_cost_usd_per_feu', 'delta_co2_kg_per_feu', 'delta_capacity_mtpa', 'route_changed', 'status', 'summary'],
      entries.map((e) => [e.label, ...side(e.baseline), ...side(e.route), e.delta.transitDays?.typical ?? null, e.delta.costUsdPerFeu?.typical ?? null, e.delta.co2KgPerFeu, e.delta.capacityMtpa, String(e.delta.routeChanged), e.delta.status, e.delta.summary]),
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
  const head = `What-if: ${s.name} (${s.id})${s.year !== null ? ` · year ${s.year}` : ''} · ${queryLine(result, name)}`;
  const changeLines = entries.map((e) => `${e.label}: ${e.delta.summary}`);
  return comparisonDocument(format, {
    title: head,
    intro: [s.description, `Edits: ${s.changes.length ? s.changes.join('; ') : 'none'}`],
    header: COMPARE_HEADER,
    rows,
    align: COMPARE_ALIGN,
    listTitle: 'Changes',
    list: changeLines,
    notes,
  });
}
