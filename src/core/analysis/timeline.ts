// The corridors year by year: each year's comparison counts the lines and ports that have opened by then,
// so the timeline shows when a planned segment shortens a corridor or raises its capacity.
import { edgeExclusion } from '../routing/build-graph.ts';
import { compare, type CompareResult } from '../routing/compare.ts';
import { QueryError } from '../errors.ts';
import type { Model } from '../network/model.ts';
import type { Query } from '../routing/query.ts';
import type { Route } from '../routing/route.ts';
import type { Edge } from '../network/schema.ts';
import type { Days, Mtpa } from '../units.ts';

/** One corridor (or the best route) in one year. */
export interface TimelinePoint {
  year: number;
  /** Typical transit days of the route; null when there is none that year. */
  days: Days | null;
  daysMin: Days | null;
  daysMax: Days | null;
  /** The route's smallest known capacity, Mt/yr (its bottleneck); null without a route or a known capacity. */
  capacityMtpa: Mtpa | null;
  bottleneckEdge: string | null;
  /** Whether the route (its sequence of edges) differs from the previous year's; false in the first year. */
  routeChanged: boolean;
  /** Ids of not-yet-operational edges with opensYear equal to this year that this corridor may use under the query's filters. */
  opened: string[];
}

/** The corridors' best routes year by year, and what opens when. */
export interface Timeline {
  from: string;
  to: string;
  objective: Query['objective'];
  years: number[];
  /** One line per corridor, in the network's order; points[i] is years[i]. */
  corridors: { corridor: string; name: string; points: TimelinePoint[] }[];
  /** The best route on any corridor; best[i] is years[i]. */
  best: TimelinePoint[];
  /** Years in which at least one usable edge opens, in order, with the corridors that may use each edge. */
  openings: { year: number; edges: { id: string; name: string; corridors: string[] }[] }[];
  /** Planned values that take effect (a period's fromYear) within the years: capacity or transit time of a segment or a place. */
  upgrades: { year: number; items: { id: string; kind: 'edge' | 'node'; name: string; capacityMtpa: number | null | undefined; note: string }[] }[];
}

/** The most years one timeline covers. */
export const MAX_TIMELINE_YEARS = 50;

function checkYears(fromYear: number, toYear: number): void {
  for (const y of [fromYear, toYear]) {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < 1900 || y > 2100) {
      throw new QueryError('years', `years: expected whole years from 1900 to 2100, got ${String(y)}`);
    }
  }
  if (fromYear > toYear) throw new QueryError('years', `years: the first year (${fromYear}) is after the last (${toYear})`);
  if (toYear - fromYear + 1 > MAX_TIMELINE_YEARS) {
    throw new QueryError('years', `years: at most ${MAX_TIMELINE_YEARS} years, got ${toYear - fromYear + 1} (${fromYear}–${toYear})`);
  }
}

const edgeKey = (route: Route | null) => (route ? route.legs.map((l) => l.edge).join(' ') : null);

function point(year: number, route: Route | null, previous: Route | null | undefined, opened: string[]): TimelinePoint {
  const days = route?.totals.transitDays ?? null;
  return {
    year,
    days: days?.typical ?? null,
    daysMin: days?.min ?? null,
    daysMax: days?.max ?? null,
    capacityMtpa: route?.totals.capacityMtpa ?? null,
    bottleneckEdge: route?.totals.bottleneckEdge ?? null,
    routeChanged: previous !== undefined && edgeKey(previous) !== edgeKey(route),
    opened,
  };
}

/**
 * Each corridor's best route (and the best on any corridor) for every year from `fromYear` to `toYear`:
 * year y runs `compare` with `query.year = y`, so edges that are not yet operational count once their
 * opensYear ≤ y (query.corridor is ignored, as in compare). Days are those of the route that is best under
 * `query.objective`; capacity is the route's bottleneck (smallest known capacity, Mt/yr).
 * Only not-yet-operational edges are "opened": operational edges count in every year whatever their opensYear.
 * Years in which nothing opens reuse the previous year's comparison.
 * @throws QueryError (BAD_QUERY, field "years") unless 1900 ≤ fromYear ≤ toYear ≤ 2100, whole years, at most 50 of them.
 */
export function timeline(model: Model, query: Query, fromYear: number, toYear: number): Timeline {
  checkYears(fromYear, toYear);
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const gated = model.network.edges.filter((e) => e.status !== 'operational' && e.opensYear !== undefined);
  const open: Query = { ...query };
  delete open.corridor;
  const corridorList = model.network.corridors;

  const nodeName = (id: string) => model.nodeById.get(id)?.name ?? id;
  const edgeName = (e: Edge) => e.name ?? `${nodeName(e.from)}–${nodeName(e.to)}`;
  const openedFor = (year: number, corridor: string | undefined) =>
    gated
      .filter((e) => e.opensYear === year && edgeExclusion(model, e, { ...open, year, ...(corridor !== undefined ? { corridor } : {}) }) === null)
      .map((e) => e.id);

  const periodYears = new Set<number>();
  const upgrades: Timeline['upgrades'] = [];
  for (const year of years) {
    const items: Timeline['upgrades'][number]['items'] = [];
    for (const e of model.network.edges) for (const p of e.periods ?? []) if (p.fromYear === year) items.push({ id: e.id, kind: 'edge', name: edgeName(e), capacityMtpa: p.capacityMtpa, note: p.note ?? '' });
    for (const n of model.network.nodes) for (const p of n.periods ?? []) if (p.fromYear === year) items.push({ id: n.id, kind: 'node', name: n.name, capacityMtpa: p.capacityMtpa, note: p.note ?? '' });
    if (items.length) {
      periodYears.add(year);
      upgrades.push({ year, items });
    }
  }
  const lines = corridorList.map((c) => ({ corridor: c.id, name: c.name, points: [] as TimelinePoint[] }));
  const best: TimelinePoint[] = [];
  const openings: Timeline['openings'] = [];
  let last: CompareResult | null = null;
  for (const year of years) {
    // The network changes only in years when a gated edge opens or a planned value takes effect (and in the first year).
    const result: CompareResult = last !== null && !gated.some((e) => e.opensYear === year) && !periodYears.has(year) ? last : compare(model, { ...open, year });
    const byCorridor = new Map<string, string[]>();
    lines.forEach((line, i) => {
      const opened = openedFor(year, line.corridor);
      byCorridor.set(line.corridor, opened);
      line.points.push(point(year, result.corridors[i]?.route ?? null, last ? last.corridors[i]?.route ?? null : undefined, opened));
    });
    best.push(point(year, result.best.route, last ? last.best.route : undefined, openedFor(year, undefined)));
    const openedHere = gated.filter((e) => [...byCorridor.values()].some((ids) => ids.includes(e.id)));
    if (openedHere.length) {
      openings.push({
        year,
        edges: openedHere.map((e) => ({ id: e.id, name: edgeName(e), corridors: lines.filter((l) => byCorridor.get(l.corridor)?.includes(e.id)).map((l) => l.corridor) })),
      });
    }
    last = result;
  }
  return { from: query.from, to: query.to, objective: query.objective, years, corridors: lines, best, openings, upgrades };
}
