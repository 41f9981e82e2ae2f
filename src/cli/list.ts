// `corridors nodes`, `corridors edges`, `corridors scenarios` and `corridors summary`: listings of the network.
import { basisSummary, type BasisCounts } from '../core/network/figure-basis.ts';
import type { Model } from '../core/network/model.ts';
import type { Edge, Node } from '../core/network/schema.ts';
import type { TextFormat } from '../core/output/format.ts';
import { fmtDays, fmtInt, fmtMt, fmtRange } from '../core/output/format-number.ts';
import { TABLE_WIDTH, csv, mdTable, textTable, wrap } from '../core/output/table.ts';
import { resolveCorridor } from '../core/routing/query.ts';
import { closest, normalizeName } from '../core/routing/suggest.ts';
import { UsageError } from './usage.ts';

function render(format: TextFormat, header: string[], rows: string[][], align: ('l' | 'r')[], json: unknown, width = TABLE_WIDTH): string {
  if (format === 'json') return `${JSON.stringify(json, null, 2)}\n`;
  if (format === 'csv') return csv(header, rows);
  if (format === 'md') return `${mdTable(header, rows, align)}\n`;
  return `${textTable(header, rows, align, width)}\n`;
}

/** The kinds of node, as `--kind` takes them. */
export const NODE_KINDS = ['city', 'port', 'border', 'junction', 'terminal'] as const;

/** What `corridors nodes` filters on: a text, node kinds, countries (ISO 3166-1 alpha-2). */
export interface NodeFilter {
  search?: string | undefined;
  kinds?: readonly string[] | undefined;
  countries?: readonly string[] | undefined;
}

/** Splits repeatable, comma-separated flag values: ["port,border", "city"] → ["port", "border", "city"]. */
export function listValues(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/**
 * The nodes that match a filter, in the network's order.
 * @throws UsageError for an unknown kind or a country code that is not two letters.
 */
export function filterNodes(model: Model, filter: NodeFilter): Node[] {
  const kinds = [...new Set(filter.kinds ?? [])];
  const badKind = kinds.find((k) => !(NODE_KINDS as readonly string[]).includes(k));
  if (badKind !== undefined) throw new UsageError(`--kind: expected one of ${NODE_KINDS.join(', ')}, got "${badKind}"`);
  const countries = [...new Set((filter.countries ?? []).map((c) => c.toUpperCase()))];
  const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c));
  if (badCountry !== undefined) throw new UsageError(`--country: expected ISO 3166-1 alpha-2 codes such as CN or PL, got "${badCountry}"`);
  const nodes = model.network.nodes.filter((n) => (!kinds.length || kinds.includes(n.kind)) && (!countries.length || countries.includes(n.country)));
  if (filter.search === undefined || filter.search.trim() === '') return nodes;
  const q = normalizeName(filter.search);
  const hits = nodes.filter((n) => [n.id, n.name, ...(n.aliases ?? [])].some((f) => normalizeName(f).includes(q)));
  return hits.length ? hits : closest(filter.search, nodes, 5);
}

/** The node listing: ids (to type in other commands), names, country, kind, dwell and gauge change. */
export function listNodes(model: Model, filter: NodeFilter, format: TextFormat, width = TABLE_WIDTH): string {
  const nodes = filterNodes(model, filter);
  const rows = nodes.map((n) => [n.id, n.name, n.country, n.kind, n.dwellDays ? fmtRange(n.dwellDays, fmtDays) : '', n.gaugeChange ? 'yes' : '', n.basis]);
  return render(format, ['id', 'name', 'country', 'kind', 'dwell days', 'gauge change', 'basis'], rows, ['l', 'l', 'l', 'l', 'l', 'l', 'l'], nodes, width);
}

/** The edge listing, optionally for one corridor: ids (to type in --close, --set), the places by name, the figures. */
export function listEdges(model: Model, corridor: string | undefined, format: TextFormat, width = TABLE_WIDTH): string {
  const id = corridor === undefined ? undefined : resolveCorridor(model, corridor, '--corridor');
  const edges: Edge[] = model.network.edges.filter((e) => id === undefined || e.corridors.includes(id));
  const name = (n: string) => model.nodeById.get(n)?.name ?? n;
  const rows = edges.map((e) => [
    e.id,
    `${name(e.from)} – ${name(e.to)}`,
    e.mode,
    fmtInt(e.distanceKm),
    fmtRange(e.transitDays, fmtDays),
    e.capacityMtpa === null && e.mode === 'sea' ? 'not limiting' : fmtMt(e.capacityMtpa),
    e.status === 'operational' ? 'operational' : `${e.status} ${e.opensYear ?? ''}`.trim(),
    e.corridors.join(', '),
    e.basis,
  ]);
  return render(format, ['id', 'between', 'mode', 'km', 'days (min–max)', 'Mt/yr', 'status', 'corridors', 'basis'], rows, ['l', 'l', 'l', 'r', 'l', 'r', 'l', 'l', 'l'], edges, width);
}

/** The shipped scenarios: id (for --scenario), name, year, number of edits, then the description wrapped. */
export function listScenarios(scenarios: readonly { id: string; name: string; year?: number | undefined; description: string; edits: readonly unknown[] }[], width = TABLE_WIDTH): string {
  const lines: string[] = [];
  for (const s of scenarios) {
    lines.push(...wrap(`${s.id.padEnd(18)} ${s.name}${s.year !== undefined ? ` (year ${s.year})` : ''}: ${s.edits.length} edit${s.edits.length === 1 ? '' : 's'}`, width, ' '.repeat(19)));
    lines.push(...wrap(s.description, Math.max(40, width - 19), '').map((l) => `${' '.repeat(19)}${l}`));
  }
  return `${lines.join('\n')}\n`;
}

/** A few lines on what the network holds. */
export function networkSummary(model: Model): string {
  const n = model.network;
  const count = (items: { basis: string }[], b: string) => items.filter((x) => x.basis === b).length;
  const lines = [
    `${n.name} (${n.id} ${n.version}, as of ${n.asOf})`,
    `${n.nodes.length} nodes, ${n.edges.length} edges, ${n.sources.length} sources`,
    `edges by basis: ${['measured', 'reported', 'estimated'].map((b) => `${count(n.edges, b)} ${b}`).join(', ')}`,
    `nodes by basis: ${['measured', 'reported', 'estimated'].map((b) => `${count(n.nodes, b)} ${b}`).join(', ')}`,
    ...n.corridors.map((c) => `  ${c.name} (${c.id}): ${n.edges.filter((e) => e.corridors.includes(c.id)).length} edges`),
  ];
  const b = basisSummary(n);
  const pct = (c: BasisCounts) => `${c.measured} measured, ${c.reported} reported, ${c.estimated} estimated (${c.total ? Math.round((100 * c.estimated) / c.total) : 0}% estimated)`;
  lines.push(`figures by basis: ${b.all.total} figures: ${pct(b.all)}`);
  for (const [field, c] of Object.entries(b.byField)) lines.push(`  ${field}: ${pct(c)}`);
  lines.push('figures by corridor (a shared figure counts in each of its corridors):');
  for (const c of n.corridors) if (b.byCorridor[c.id]) lines.push(`  ${c.id}: ${pct(b.byCorridor[c.id] as BasisCounts)}`);
  return `${lines.join('\n')}\n`;
}
