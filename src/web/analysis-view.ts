// View models of the analyses beyond the best route: alternatives, uncertainty bars, the Pareto set with its
// scatter plot, throughput with the minimum cut, and the timeline chart.
import {
  fmtDays,
  fmtInt,
  fmtMt,
  fmtRange,
  shortName,
  type CorridorAlternatives,
  type CorridorDistribution,
  type Model,
  type ParetoRoute,
  type Route,
  type Throughput,
  type Timeline,
  type Alternative,
} from '../core/index.ts';
import { corridorColor } from '../core/output/geojson.ts';
import { lineChartSvg, rangeBarSvg, scatterSvg } from './charts.ts';
import { trusted } from './render.ts';

const costText = (r: Route) => (r.totals.costUsdPerFeu ? fmtRange(r.totals.costUsdPerFeu, fmtInt) : 'unknown');

/** Alternatives per corridor and overall. */
export function alternativesView(model: Model, alts: { corridors: CorridorAlternatives[]; best: { alternatives: Alternative[]; reason: string | null } }) {
  const one = (name: string, key: string, list: Alternative[], reason: string | null) => ({
    name,
    key,
    reason,
    items: list.map((a) => ({
      rank: a.rank,
      days: fmtRange(a.route.totals.transitDays, fmtDays),
      cost: costText(a.route),
      km: fmtInt(a.route.totals.distanceKm),
      capacity: fmtMt(a.route.totals.capacityMtpa),
      differs: a.differs,
      path: a.route.nodes.map((id) => model.nodeById.get(id)?.name ?? id).join(' → '),
    })),
  });
  return [...alts.corridors.map((c) => one(shortName(c.name), c.corridor, c.alternatives, c.reason)), one('Best overall', 'best', alts.best.alternatives, alts.best.reason)];
}

/** P10–P90 bars on one scale. */
export function distributionsView(model: Model, list: CorridorDistribution[], within: number | undefined) {
  const scale = Math.max(1, ...list.map((c) => c.distribution?.p90 ?? 0)) * 1.05;
  return {
    within: within ?? null,
    scaleMax: fmtDays(scale),
    method: list.find((c) => c.distribution)?.distribution?.method ?? '',
    samples: list.find((c) => c.distribution)?.distribution?.samples ?? 0,
    rows: list.map((c) => {
      const d = c.distribution;
      const color = c.corridor === 'best' ? '#333333' : corridorColor(model.network, c.corridor);
      return {
        name: c.corridor === 'best' ? 'Best overall' : shortName(c.name),
        key: c.corridor,
        reason: c.reason,
        has: d !== null,
        p10: d ? fmtDays(d.p10) : '',
        p50: d ? fmtDays(d.p50) : '',
        p90: d ? fmtDays(d.p90) : '',
        range: d ? `${fmtDays(d.summedMin)}–${fmtDays(d.summedMax)}` : '',
        probability: d?.withinDays ? `${Math.round(d.withinDays.probability * 100)} %` : '',
        bar: d ? trusted(rangeBarSvg(d.p10, d.p50, d.p90, scale, color, `${c.name}: P10 ${fmtDays(d.p10)}, P50 ${fmtDays(d.p50)}, P90 ${fmtDays(d.p90)} days`)) : null,
      };
    }),
  };
}

/** The Pareto table and a days-against-cost scatter plot. */
export function paretoView(model: Model, routes: ParetoRoute[], criteria: string[]) {
  const name = (id: string) => model.nodeById.get(id)?.name ?? id;
  const color = (p: ParetoRoute) => (p.corridors[0] ? corridorColor(model.network, p.corridors[0]) : '#333333');
  const withCost = routes.filter((p) => p.route.totals.costUsdPerFeu !== null);
  return {
    criteria: criteria.join(', '),
    rows: routes.map((p, i) => ({
      n: i + 1,
      days: fmtRange(p.route.totals.transitDays, fmtDays),
      cost: costText(p.route),
      co2: fmtInt(p.route.totals.co2KgPerFeu),
      km: fmtInt(p.route.totals.distanceKm),
      capacity: fmtMt(p.route.totals.capacityMtpa),
      corridors: p.corridors.map((c) => shortName(model.network.corridors.find((x) => x.id === c)?.name ?? c)).join(', ') || 'mixed',
      path: p.route.nodes.map(name).join(' → '),
    })),
    chart: trusted(
      scatterSvg(
        withCost.map((p) => ({ x: p.route.totals.transitDays.typical, y: p.route.totals.costUsdPerFeu?.typical ?? 0, label: String(routes.indexOf(p) + 1), color: color(p) })),
        { title: 'Pareto routes: transit days against cost', xLabel: 'transit days (typical)', yLabel: 'USD per FEU (typical)', fmtX: (v) => String(Math.round(v * 10) / 10), fmtY: (v) => fmtInt(v) },
      ),
    ),
  };
}

const flowText = (x: number) => (Number.isFinite(x) ? fmtMt(x) : 'not limited');

/** Throughput per corridor with both bounds and the limiting segments. */
export function throughputView(model: Model, list: Throughput[]) {
  return list.map((t) => ({
    name: t.corridor === null ? 'All corridors' : shortName(model.network.corridors.find((c) => c.id === t.corridor)?.name ?? t.corridor),
    reason: t.reason,
    knownOnly: flowText(t.knownOnly.maxFlowMtpa),
    atMost: flowText(t.unknownUnlimited.maxFlowMtpa),
    unbounded: t.unknownUnlimited.unbounded,
    seaOnly: t.knownOnly.unbounded,
    cut: t.unknownUnlimited.minCut.map((c) => ({ edge: c.edge, name: c.name, capacity: fmtMt(c.capacityMtpa) })),
    knownCut: t.knownOnly.minCut.map((c) => ({ edge: c.edge, name: c.name, capacity: fmtMt(c.capacityMtpa) })),
    unknown: t.unknownCapacityEdges.length,
    unknownEdges: t.unknownCapacityEdges.join(', '),
  }));
}

/** The timeline table and chart. */
export function timelineView(model: Model, t: Timeline) {
  const series = t.corridors.map((c) => ({ label: shortName(c.name), color: corridorColor(model.network, c.corridor), points: c.points.map((p) => ({ x: p.year, y: p.days })) }));
  return {
    years: t.years,
    header: t.corridors.map((c) => shortName(c.name)),
    rows: t.years.map((y, i) => ({
      year: y,
      cells: t.corridors.map((c) => {
        const p = c.points[i];
        return p && p.days !== null ? { text: `${fmtDays(p.days)} d`, capacity: fmtMt(p.capacityMtpa), changed: p.routeChanged } : { text: 'no route', capacity: '', changed: false };
      }),
    })),
    openings: t.openings.map((o) => ({ year: o.year, edges: o.edges.map((e) => e.name).join(', ') })),
    chart: trusted(
      lineChartSvg(series, {
        title: 'Best transit days by year',
        xLabel: 'year',
        yLabel: `best ${t.objective}`,
        fmtY: (v) => String(Math.round(v * 10) / 10),
        markers: t.openings.map((o) => ({ x: o.year, label: String(o.year) })),
      }),
    ),
  };
}
