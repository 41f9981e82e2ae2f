// The calibration: every published observation run through the same engine as `corridors route` (its from,
// to, corridor and via; objective days for a days row, km for a km row, cost for a cost row), and the model's
// figure set beside the published one. Observed and schedule rows are fitted; claims and targets are shown
// beside them, never fitted.
import type { Model } from '../network/model.ts';
import type { Observation, ObservationsFile } from '../network/observations-schema.ts';
import type { Query } from '../routing/query.ts';
import { findRoute } from '../routing/shortest-route.ts';
import { networkRef, type NetworkRef } from '../routing/compare.ts';
import type { Route } from '../routing/route.ts';

type Triple = { typical: number; min: number; max: number };

/** One observation beside the model's figure for the same route. */
export interface CalibrationRow {
  id: string;
  from: string;
  to: string;
  corridor: string;
  via: string[];
  metric: Observation['metric'];
  kind: Observation['kind'];
  scope: Observation['scope'] | null;
  year: number;
  /** What the published figure is (an average, a single run, a standard transit, …), as the observation says; null when not stated. */
  statistic: string | null;
  published: Triple;
  /** The model's figure for the route; null when there is no route (or no cost figure), and `reason` says why. */
  model: Triple | null;
  /** (model.typical − published.typical) / published.typical × 100; null without a model figure. */
  errorPct: number | null;
  /** Whether published.typical lies within the model's min–max; null without a model figure. */
  insideModelRange: boolean | null;
  /** Whether the row counts in the fit: an observed or schedule row with a model figure. */
  fitted: boolean;
  /** The query the row ran, as `corridors route` takes it. */
  query: Query;
  reason?: string;
}

/** The fit of one corridor. */
export interface CalibrationSummary {
  corridor: string;
  /** Observed and schedule rows with a model figure. */
  fitted: number;
  /** Fitted rows with |errorPct| <= 15. */
  within15: number;
  /** Median |errorPct| of the fitted rows; null when none. */
  medianAbsErrorPct: number | null;
  /** Fitted rows whose published typical lies in the model's range. */
  insideModelRange: number;
}

/** The fit of the fitted rows whose published figure is of one kind of statistic (averages, single runs, …). */
export interface CalibrationByStatistic extends Omit<CalibrationSummary, 'corridor'> {
  /** The observations' `statistic`, or null for the rows that do not state one. */
  statistic: string | null;
  /** The statistic in words, for tables and pages. */
  label: string;
}

export interface Calibration {
  network: NetworkRef;
  observations: { id: string; asOf: string };
  rows: CalibrationRow[];
  /** Figures about an earlier state of the network, run the same way for reference; never fitted nor summarised. */
  historical: (CalibrationRow & { historicalReason: string })[];
  summary: CalibrationSummary[];
  /** The same figures over every corridor. */
  overall: CalibrationSummary;
  /**
   * The same figures by what the published figure is, over every corridor: a model typical is a recent average,
   * so it is expected to sit above a single fast run or an advertised transit and near an average of many runs.
   * Most fitted rows first.
   */
  byStatistic: CalibrationByStatistic[];
}

/** The observations' statistics in words; another value is shown as it is written. */
export const STATISTIC_LABELS: Readonly<Record<string, string>> = {
  average: 'averages of many runs',
  median: 'medians of many moves',
  index: 'index values (averages)',
  'weekly-index': 'weekly spot-rate readings',
  range: 'observed ranges',
  'single-run': 'single runs',
  standard: 'advertised standard transits',
  fastest: 'fastest services',
  quote: "forwarders' quotes",
  length: 'published lengths',
};

export function statisticLabel(statistic: string | null): string {
  return statistic === null ? 'not stated' : (STATISTIC_LABELS[statistic] ?? statistic);
}

/** The fitted kinds: what trains and ships are measured or scheduled to do. */
export const FITTED_KINDS: readonly Observation['kind'][] = ['observed', 'schedule'];

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** The query a calibration row runs: the row's ends, corridor and via; the row's objective; its year where it lies ahead; sea legs only for a port-to-port figure. */
export function observationQuery(model: Model, o: Observation): Query {
  const asOfYear = Number(model.network.asOf.slice(0, 4));
  const q: Query = { from: o.from, to: o.to, objective: o.metric, corridor: o.corridor, avoidCountries: [] };
  if (o.via?.length) q.via = [...o.via];
  if (o.year > asOfYear) q.year = o.year;
  // A port-to-port figure is a sailing: compare it with the sea legs only, never with rail from the ports inland.
  if (o.scope === 'port-to-port') q.modes = ['sea', 'ferry'];
  return q;
}

function modelFigure(route: Route, metric: Observation['metric']): { figure: Triple | null; reason?: string } {
  const t = route.totals;
  if (metric === 'days') return { figure: { ...t.transitDays } };
  if (metric === 'km') return { figure: { typical: t.distanceKm, min: t.distanceKmRange.min, max: t.distanceKmRange.max } };
  if (t.costUsdPerFeu) return { figure: { ...t.costUsdPerFeu } };
  return { figure: null, reason: `cost unknown: no cost figure for ${t.costMissingEdges.join(', ')}` };
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function summarise(corridor: string, rows: readonly CalibrationRow[]): CalibrationSummary {
  return { corridor, ...fit(rows) };
}

/** The fit of the fitted ones among some rows. */
function fit(rows: readonly CalibrationRow[]): Omit<CalibrationSummary, 'corridor'> {
  const fitted = rows.filter((r) => r.fitted);
  const abs = fitted.map((r) => Math.abs(r.errorPct as number));
  const med = median(abs);
  return {
    fitted: fitted.length,
    within15: abs.filter((e) => e <= 15).length,
    medianAbsErrorPct: med === null ? null : round(med),
    insideModelRange: fitted.filter((r) => r.insideModelRange).length,
  };
}

/** Runs every observation through the engine and compares; one summary per corridor of the network. */
export function calibrate(model: Model, observations: ObservationsFile): Calibration {
  const run = (o: Observation): CalibrationRow => {
    const query = observationQuery(model, o);
    const result = findRoute(model, query);
    const base = {
      id: o.id,
      from: o.from,
      to: o.to,
      corridor: o.corridor,
      via: [...(o.via ?? [])],
      metric: o.metric,
      kind: o.kind,
      scope: o.scope ?? null,
      year: o.year,
      statistic: o.statistic ?? null,
      published: { ...o.value },
      query,
    };
    if (!result.route) return { ...base, model: null, errorPct: null, insideModelRange: null, fitted: false, reason: result.reason };
    const { figure, reason } = modelFigure(result.route, o.metric);
    if (!figure) return { ...base, model: null, errorPct: null, insideModelRange: null, fitted: false, reason: reason ?? 'no model figure' };
    const p = o.value.typical;
    const errorPct = p === 0 ? null : round(((figure.typical - p) / p) * 100);
    const tol = 1e-6 * Math.max(1, p);
    const inside = p >= figure.min - tol && p <= figure.max + tol;
    return {
      ...base,
      model: { typical: round(figure.typical, 3), min: round(figure.min, 3), max: round(figure.max, 3) },
      errorPct,
      insideModelRange: inside,
      fitted: FITTED_KINDS.includes(o.kind) && errorPct !== null,
    };
  };
  const rows = observations.observations.map(run);
  const historical = (observations.historical ?? []).map((o) => {
    const r = run(o);
    return { ...r, fitted: false, historicalReason: o.reason };
  });
  return {
    network: networkRef(model),
    observations: { id: observations.id, asOf: observations.asOf },
    rows,
    historical,
    summary: model.network.corridors.map((c) => summarise(c.id, rows.filter((r) => r.corridor === c.id))),
    overall: summarise('all', rows),
    byStatistic: byStatistic(rows),
  };
}

/** The fit of the fitted rows grouped by their statistic, most fitted rows first (then by label). */
function byStatistic(rows: readonly CalibrationRow[]): CalibrationByStatistic[] {
  const groups = new Map<string | null, CalibrationRow[]>();
  for (const r of rows) {
    if (!r.fitted) continue;
    const g = groups.get(r.statistic);
    if (g) g.push(r);
    else groups.set(r.statistic, [r]);
  }
  return [...groups]
    .map(([statistic, rs]) => ({ statistic, label: statisticLabel(statistic), ...fit(rs) }))
    .sort((a, b) => b.fitted - a.fitted || a.label.localeCompare(b.label));
}
