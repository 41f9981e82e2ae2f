// The calibration in table, Markdown, CSV and JSON: each observation beside the model's figure, then the fit per corridor.
import type { Calibration, CalibrationByStatistic, CalibrationRow, CalibrationSummary } from '../analysis/calibrate.ts';
import type { Network } from '../network/schema.ts';
import { shortName, type TextFormat, type TextOptions } from './format.ts';
import { TABLE_WIDTH, csv, mdTable, textTable, wrap } from './table.ts';
import { fmtDays, fmtInt, fmtRange } from './format-number.ts';

const UNIT: Record<CalibrationRow['metric'], string> = { days: 'days', km: 'km', cost: 'USD/FEU' };
const KIND: Record<CalibrationRow['kind'], string> = { observed: 'observed', schedule: 'schedule', claim: 'claim', target: 'target' };

/** A figure as a person reads it: days to one decimal, km and USD as whole numbers, a range where min and max differ. */
export function fmtFigure(metric: CalibrationRow['metric'], v: { typical: number; min: number; max: number }): string {
  const f = metric === 'days' ? fmtDays : fmtInt;
  return v.min === v.max && v.min === v.typical ? f(v.typical) : fmtRange(v, f);
}

/** An error as a signed percentage, e.g. "+12%" or "−4%". */
export function fmtErrorPct(e: number | null): string {
  if (e === null) return '';
  const r = Math.round(e);
  return r > 0 ? `+${r}%` : r < 0 ? `−${-r}%` : '0%';
}

/** The fit of one corridor in one sentence. */
export function describeFit(s: CalibrationSummary, name: string): string {
  if (!s.fitted) return `${name}: no fitted rows.`;
  return `${name}: ${s.within15} of ${s.fitted} fitted rows within ±15%, median error ${s.medianAbsErrorPct ?? 0}%, ${s.insideModelRange} of ${s.fitted} published figures inside the model's range.`;
}

/** The fit of the rows of one statistic in one phrase, e.g. "averages of many runs: 8 of 11 within ±15%, median error 3%". */
export function describeStatisticFit(s: CalibrationByStatistic): string {
  return `${s.label}: ${s.within15} of ${s.fitted} within ±15%, median error ${s.medianAbsErrorPct ?? 0}%`;
}

/** The fit by what the published figures are, as one sentence. */
export function describeFitByStatistic(groups: readonly CalibrationByStatistic[]): string {
  if (!groups.length) return '';
  return `By what the published figure is (a model typical is a recent average): ${groups.map(describeStatisticFit).join('; ')}.`;
}

export function formatCalibration(result: Calibration, network: Network, format: TextFormat, options: TextOptions = {}): string {
  const width = options.width ?? TABLE_WIDTH;
  if (format === 'json') {
    const { rows, historical, ...rest } = result;
    return `${JSON.stringify({ ...rest, rows: rows.map(({ query: _q, ...r }) => r), historical: historical.map(({ query: _q, ...r }) => r) }, null, 2)}\n`;
  }
  const nodeName = new Map(network.nodes.map((n) => [n.id, n.name]));
  const name = (id: string) => nodeName.get(id) ?? id;
  const corridor = (id: string) => shortName(network.corridors.find((c) => c.id === id)?.name ?? id);
  if (format === 'csv') {
    return csv(
      ['id', 'from', 'to', 'corridor', 'via', 'metric', 'kind', 'scope', 'year', 'statistic', 'published_typical', 'published_min', 'published_max', 'model_typical', 'model_min', 'model_max', 'error_pct', 'inside_model_range', 'fitted', 'reason'],
      result.rows.map((r) => [r.id, r.from, r.to, r.corridor, r.via.join(' '), r.metric, r.kind, r.scope ?? null, r.year, r.statistic, r.published.typical, r.published.min, r.published.max, r.model?.typical ?? null, r.model?.min ?? null, r.model?.max ?? null, r.errorPct, r.insideModelRange === null ? null : String(r.insideModelRange), String(r.fitted), r.reason ?? null]),
    );
  }
  const header = ['Route', 'Corridor', 'What', 'Year', 'Published', 'Model', 'Error', 'In range'];
  const line = (r: CalibrationRow) => [
    `${name(r.from)} → ${name(r.to)}${r.via.length ? ` via ${r.via.map(name).join(', ')}` : ''}`,
    corridor(r.corridor),
    `${UNIT[r.metric]}, ${KIND[r.kind]}`,
    String(r.year),
    fmtFigure(r.metric, r.published),
    r.model ? fmtFigure(r.metric, r.model) : 'no route',
    r.fitted ? fmtErrorPct(r.errorPct) : r.model ? `(${fmtErrorPct(r.errorPct)})` : '',
    r.insideModelRange === null ? '' : r.insideModelRange ? 'yes' : 'no',
  ];
  const rows = result.rows.map(line);
  const align: ('l' | 'r')[] = ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'];
  const title = `Calibration: the model (${result.network.id} ${result.network.version}, as of ${result.network.asOf}) against ${result.rows.length} published figures`;
  const notes = [
    'Error = (model − published) ÷ published. Observed and schedule rows are fitted; claims and targets are shown in brackets, never fitted. "In range": the published typical lies within the model\'s min–max.',
    ...result.summary.map((s) => describeFit(s, corridor(s.corridor))),
    describeFit(result.overall, 'All corridors'),
    ...(result.byStatistic.length ? [describeFitByStatistic(result.byStatistic)] : []),
    ...result.rows.filter((r) => r.reason).map((r) => `${r.id}: ${r.reason}`),
  ];
  const old = result.historical.map(line);
  const oldTitle = 'Older figures about a network that has since changed (shown, not compared):';
  const oldNotes = result.historical.map((r) => `${r.id}: ${r.historicalReason}`);
  if (format === 'md') {
    return [`**${title}**`, '', mdTable(header, rows, align), '', ...notes.map((n) => `- ${n}`), '', ...(old.length ? [`**${oldTitle}**`, '', mdTable(header, old, align), '', ...oldNotes.map((n) => `- ${n}`), ''] : [])].join('\n');
  }
  return [
    ...wrap(title, width),
    '',
    textTable(header, rows, align, width),
    '',
    ...notes.flatMap((n) => wrap(n, width, '  ')),
    '',
    ...(old.length ? [...wrap(oldTitle, width), '', textTable(header, old, align, width), '', ...oldNotes.flatMap((n) => wrap(n, width, '  ')), ''] : []),
  ].join('\n');
}
