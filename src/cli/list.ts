// `corridors nodes`, `corridors edges` and `corridors summary`: listings of the network.
import { basisSummary, closest, normalizeName, resolveCorridor, type BasisCounts, type Model } from '../core/index.ts';
import type { TextFormat } from '../core/output/format.ts';
import { csv, mdTable, textTable } from '../core/output/table.ts';
import { fmtDays, fmtInt, fmtMt, fmtRange } from '../core/output/format-number.ts';
import type { Edge, Node } from '../core/network/schema.ts';

function render(format: TextFormat, header: string[], rows: string[][], align: ('l' | 'r')[], json: unknown): string {
  if (format === 'json') return `${JSON.stringify(json, null, 2)}\n`;
  if (format === 'csv') return csv(header, rows);
  if (format === 'md') return `${mdTable(header, rows, align)}\n`;
  return `${textTable(header, rows, align)}\n`;
}

/** Nodes whose id, name or alias contains the text (ignoring case and diacritics), else the closest ones. */
export function searchNodes(model: Model, text: string | undefined): Node[] {
  const nodes = model.network.nodes;
  if (text === undefined || text.trim() === '') return [...nodes];
  const q = normalizeName(text);
  const hits = nodes.filter((n) => [n.id, n.name, ...(n.aliases ?? [])].some((f) => normalizeName(f).includes(q)));
  return hits.length ? hits : closest(text, nodes, 5);
}

/** The node listing. */
export function listNodes(model: Model, search: string | undefined, format: TextFormat): string {
  const nodes = searchNodes(model, search);
  const rows = nodes.map((n) => [n.id, n.name, n.country, n.kind, n.dwellDays ? fmtRange(n.dwellDays, fmtDays) : '', n.gaugeChange ? 'yes' : '', n.basis]);
  return render(format, ['id', 'name', 'country', 'kind', 'dwell days', 'gauge change', 'basis'], rows, ['l', 'l', 'l', 'l', 'l', 'l', 'l'], nodes);
}

/** The edge listing, optionally for one corridor. */
export function listEdges(model: Model, corridor: string | undefined, format: TextFormat): string {
  const id = corridor === undefined ? undefined : resolveCorridor(model, corridor, '--corridor');
  const edges: Edge[] = model.network.edges.filter((e) => id === undefined || e.corridors.includes(id));
  const rows = edges.map((e) => [
    e.id,
    `${e.from}–${e.to}`,
    e.mode,
    fmtInt(e.distanceKm),
    fmtRange(e.transitDays, fmtDays),
    fmtMt(e.capacityMtpa),
    e.status === 'operational' ? 'operational' : `${e.status} ${e.opensYear ?? ''}`.trim(),
    e.corridors.join(','),
    e.basis,
  ]);
  return render(format, ['id', 'from–to', 'mode', 'km', 'days (min–max)', 'Mt/yr', 'status', 'corridors', 'basis'], rows, ['l', 'l', 'l', 'r', 'l', 'r', 'l', 'l', 'l'], edges);
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
