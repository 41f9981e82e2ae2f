// Baseline against scenario: the same comparison on both networks, and per corridor the change in days,
// cost, CO2 and capacity, and whether (and how) the route itself changed.
import type { Applied } from '../network/apply-scenario.ts';
import { compare, type CompareResult, type CorridorResult } from '../routing/compare.ts';
import type { Model } from '../network/model.ts';
import type { Query } from '../routing/query.ts';
import type { Route } from '../routing/route.ts';

type Trio = { typical: number; min: number; max: number };

/** The change from the baseline route to the scenario route (scenario minus baseline). */
export interface Delta {
  /** unchanged: same route and figures; changed: other figures or route; lost/gained: a route only on one side; none: no route on either. */
  status: 'unchanged' | 'changed' | 'lost' | 'gained' | 'none';
  routeChanged: boolean;
  transitDays: Trio | null;
  costUsdPerFeu: Trio | null;
  co2KgPerFeu: number | null;
  distanceKm: number | null;
  /** Change of the route's smallest known capacity; null when either side is unknown or has no route. */
  capacityMtpa: number | null;
  /** Edges the baseline route used that the scenario route does not. */
  removedEdges: string[];
  /** Edges the scenario route uses that the baseline route did not. */
  addedEdges: string[];
  summary: string;
}

/** What a scenario is and what it changed, echoed in results. */
export interface ScenarioInfo {
  id: string;
  name: string;
  description: string;
  year: number | null;
  changes: string[];
}

export type ScenarioCorridorResult = CorridorResult & { baseline: Route | null; baselineReason: string | null; delta: Delta };

export interface ScenarioCompareResult extends Omit<CompareResult, 'corridors' | 'best'> {
  scenario: ScenarioInfo;
  corridors: ScenarioCorridorResult[];
  best: CompareResult['best'] & { baseline: Route | null; baselineReason: string | null; delta: Delta };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const sub = (a: Trio, b: Trio): Trio => ({ typical: round(a.typical - b.typical), min: round(a.min - b.min), max: round(a.max - b.max) });
const zero = (t: Trio | null) => t === null || (t.typical === 0 && t.min === 0 && t.max === 0);

function signed(x: number, digits = 1): string {
  const v = Number(x.toFixed(digits));
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(digits)}`;
}

/** The change between two routes for one corridor (either may be missing). */
export function routeDelta(baseline: Route | null, scenario: Route | null, scenarioReason: string | null): Delta {
  const empty = { transitDays: null, costUsdPerFeu: null, co2KgPerFeu: null, distanceKm: null, capacityMtpa: null };
  if (!baseline && !scenario) return { status: 'none', routeChanged: false, ...empty, removedEdges: [], addedEdges: [], summary: 'no route in either' };
  if (baseline && !scenario) {
    return { status: 'lost', routeChanged: true, ...empty, removedEdges: baseline.legs.map((l) => l.edge), addedEdges: [], summary: `no route in the scenario${scenarioReason ? `: ${scenarioReason}` : ''}` };
  }
  if (!baseline && scenario) {
    return { status: 'gained', routeChanged: true, ...empty, removedEdges: [], addedEdges: scenario.legs.map((l) => l.edge), summary: 'a route opens in the scenario' };
  }
  const b = baseline as Route;
  const s = scenario as Route;
  const bEdges = b.legs.map((l) => l.edge);
  const sEdges = s.legs.map((l) => l.edge);
  const removedEdges = bEdges.filter((e) => !sEdges.includes(e));
  const addedEdges = sEdges.filter((e) => !bEdges.includes(e));
  const routeChanged = bEdges.join(' ') !== sEdges.join(' ');
  const days = sub(s.totals.transitDays, b.totals.transitDays);
  const cost = s.totals.costUsdPerFeu && b.totals.costUsdPerFeu ? sub(s.totals.costUsdPerFeu, b.totals.costUsdPerFeu) : null;
  const co2 = round(s.totals.co2KgPerFeu - b.totals.co2KgPerFeu);
  const km = round(s.totals.distanceKm - b.totals.distanceKm);
  const cap = s.totals.capacityMtpa !== null && b.totals.capacityMtpa !== null ? round(s.totals.capacityMtpa - b.totals.capacityMtpa) : null;
  const costChanged = (s.totals.costUsdPerFeu === null) !== (b.totals.costUsdPerFeu === null) || !zero(cost);
  const capChanged = s.totals.capacityMtpa !== b.totals.capacityMtpa;
  const unchanged = !routeChanged && zero(days) && !costChanged && co2 === 0 && km === 0 && !capChanged;
  const bits: string[] = [];
  if (routeChanged) bits.push(`route leaves ${removedEdges.join(', ') || '(none)'} for ${addedEdges.join(', ') || '(none)'}`);
  if (!zero(days)) bits.push(`${signed(days.typical)} days`);
  if (cost && cost.typical !== 0) bits.push(`${signed(cost.typical, 0)} USD/FEU`);
  if (co2 !== 0) bits.push(`${signed(co2, 0)} kg CO2e/FEU`);
  if (capChanged) bits.push(`capacity ${b.totals.capacityMtpa ?? 'unknown'} → ${s.totals.capacityMtpa ?? 'unknown'} Mt/yr`);
  return {
    status: unchanged ? 'unchanged' : 'changed',
    routeChanged,
    transitDays: days,
    costUsdPerFeu: cost,
    co2KgPerFeu: co2,
    distanceKm: km,
    capacityMtpa: cap,
    removedEdges,
    addedEdges,
    summary: unchanged ? 'no change' : bits.join('; '),
  };
}

/**
 * Compares every corridor on the base model (baseline) and on the edited model (scenario), side by side.
 * The scenario side uses the scenario's year unless the query gives one.
 */
export function compareScenario(base: Model, applied: Applied, info: Omit<ScenarioInfo, 'changes' | 'year'>, query: Query): ScenarioCompareResult {
  const baseline = compare(base, query);
  const scenarioQuery: Query = { ...query };
  const year = query.year ?? applied.year;
  if (year !== undefined) scenarioQuery.year = year;
  const scenario = compare(applied.model, scenarioQuery);
  const corridors = scenario.corridors.map((c, i) => {
    const b = baseline.corridors[i];
    return { ...c, baseline: b?.route ?? null, baselineReason: b?.reason ?? null, delta: routeDelta(b?.route ?? null, c.route, c.reason) };
  });
  return {
    network: scenario.network,
    query: scenario.query,
    scenario: { ...info, year: applied.year ?? null, changes: applied.changes },
    corridors,
    best: { ...scenario.best, baseline: baseline.best.route, baselineReason: baseline.best.reason, delta: routeDelta(baseline.best.route, scenario.best.route, scenario.best.reason) },
  };
}
