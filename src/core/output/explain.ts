// Two or three sentences that say why the best corridor wins and what holds the others back, from the figures
// that dominate: a long dwell, a gauge change, a ferry, time at sea, a costly segment, a capacity limit.
import type { Model } from '../network/model.ts';
import type { CompareResult } from '../routing/compare.ts';
import type { Objective } from '../routing/query.ts';
import type { Leg, Route } from '../routing/route.ts';
import { routeDwells, type Dwell } from './dwell.ts';
import { fmtDays, fmtInt, fmtMt } from './format-number.ts';
import { shortName } from './format.ts';
import { edgeName, nodeName } from './names.ts';
import { entry } from '../memo.ts';

/** A corridor's route as the explanation sees it. */
interface Entry {
  name: string;
  route: Route;
  value: number;
}

/** One figure that weighs on a route: its size in the objective's unit and a noun phrase for it. */
interface Item {
  size: number;
  /** Written only for the items a sentence names. */
  text: () => string;
  /** The edge ids or node id the item stands for, to leave out what the best route shares. */
  keys: string[];
}

const SUPERLATIVE: Record<Objective, string> = { days: 'fastest', cost: 'cheapest', km: 'shortest', co2: 'lowest in CO2e' };
const AHEAD: Record<Objective, string> = { days: 'ahead of', cost: 'less than', km: 'shorter than', co2: 'less than' };

/** The route's figure for an objective; null where unknown (a cost with a missing figure). */
function valueOf(route: Route, objective: Objective): number | null {
  const t = route.totals;
  if (objective === 'days') return t.transitDays.typical;
  if (objective === 'cost') return t.costUsdPerFeu?.typical ?? null;
  if (objective === 'km') return t.distanceKm;
  return t.co2KgPerFeu;
}

/** A figure with its unit: "15.3 days", "5,871 USD per FEU". */
function amount(x: number, objective: Objective): string {
  if (objective === 'days') return `${fmtDays(x)} days`;
  if (objective === 'cost') return `${fmtInt(x)} USD per FEU`;
  if (objective === 'km') return `${fmtInt(x)} km`;
  return `${fmtInt(x)} kg CO2e per FEU`;
}

/** A difference with a sign and a short unit: "+7.5 days", "+1,994 USD". */
function diff(x: number, objective: Objective): string {
  const unit = { days: 'days', cost: 'USD', km: 'km', co2: 'kg CO2e' }[objective];
  return `+${objective === 'days' ? fmtDays(x) : fmtInt(x)} ${unit}`;
}

/** A dwell as a noun phrase: "a 2.5-day border and gauge change 1520→1435 mm at Małaszewicze". */
function dwellPhrase(d: Dwell): string {
  const what = d.kinds.includes('gauge-change')
    ? `${d.kinds.includes('border') ? 'border and ' : ''}gauge change${d.gauge ? ` ${d.gauge.from}→${d.gauge.to} mm` : ''}`
    : d.kinds.includes('ferry-wait')
      ? 'wait for the ferry'
      : d.kinds.includes('transshipment')
        ? 'transshipment'
        : d.kinds.includes('border')
          ? 'border stop'
          : d.kinds.includes('terminal')
            ? 'terminal stop'
            : 'stop';
  return `a ${fmtDays(d.days.typical)}-day ${what} at ${d.name}`;
}

/** Runs of consecutive sea legs, each as one stretch "at sea". */
function seaRuns(route: Route): Leg[][] {
  const runs: Leg[][] = [];
  let cur: Leg[] = [];
  for (const l of route.legs) {
    if (l.mode === 'sea') cur.push(l);
    else if (cur.length) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs;
}

/** A ferry leg's name, saying "ferry" once: "Lake Van rail ferry (Tatvan–Van)", "the Caspian ferry Kuryk–Baku". */
function ferryName(model: Model, l: Leg): string {
  const name = edgeName(model, l.edge);
  return /ferry/i.test(name) ? name : `by ferry ${name}`;
}

const itemCache = new WeakMap<Model, WeakMap<Route, Partial<Record<Objective, Item[]>>>>();

/**
 * The figures that weigh most on a route for the objective, largest first; kept per model, route and objective
 * for a shared (frozen) route, which never changes.
 */
function items(model: Model, route: Route, objective: Objective): readonly Item[] {
  if (!Object.isFrozen(route)) return routeItems(model, route, objective);
  const byObjective = entry(entry(itemCache, model, () => new WeakMap()), route, () => ({}));
  let list = byObjective[objective];
  if (!list) {
    list = routeItems(model, route, objective);
    byObjective[objective] = list;
  }
  return list;
}

/** A phrase written on first use and then kept. */
function once(write: () => string): () => string {
  let text: string | undefined;
  return () => (text ??= write());
}

function routeItems(model: Model, route: Route, objective: Objective): Item[] {
  const out: Item[] = [];
  if (objective === 'days') {
    for (const d of routeDwells(model, route)) out.push({ size: d.days.typical, text: once(() => dwellPhrase(d)), keys: [d.node] });
    for (const l of route.legs) if (l.mode === 'ferry') out.push({ size: l.transitDays.typical, text: once(() => `the ${fmtDays(l.transitDays.typical)}-day crossing ${ferryName(model, l)}`), keys: [l.edge] });
    for (const run of seaRuns(route)) {
      const days = run.reduce((s, l, k) => s + l.transitDays.typical + (k < run.length - 1 ? (l.dwellDays?.typical ?? 0) : 0), 0);
      out.push({ size: days, text: once(() => `${fmtDays(days)} days at sea`), keys: run.map((l) => l.edge) });
    }
  } else if (objective === 'cost') {
    for (const l of route.legs) {
      const usd = l.costUsdPerFeu?.typical;
      if (usd !== undefined) out.push({ size: usd, text: once(() => `${edgeName(model, l.edge)} (${fmtInt(usd)} USD)`), keys: [l.edge] });
    }
    for (const d of routeDwells(model, route)) {
      const usd = d.costUsdPerFeu?.typical;
      if (usd !== undefined) out.push({ size: usd, text: once(() => `the charges at ${d.name} (${fmtInt(usd)} USD)`), keys: [d.node] });
    }
  } else {
    for (const run of seaRuns(route)) {
      const km = run.reduce((s, l) => s + l.distanceKm, 0);
      const size = objective === 'km' ? km : run.reduce((s, l) => s + l.co2KgPerFeu, 0);
      out.push({ size, text: once(() => `${fmtInt(km)} km at sea`), keys: run.map((l) => l.edge) });
    }
    for (const l of route.legs) if (l.mode === 'ferry') out.push({ size: objective === 'km' ? l.distanceKm : l.co2KgPerFeu, text: once(() => ferryName(model, l)), keys: [l.edge] });
  }
  return out.filter((x) => x.size > 0).sort((a, b) => b.size - a.size);
}

const andList = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const sameRoute = (a: Route, b: Route) => a === b || (a.legs.length === b.legs.length && a.legs.every((l, i) => l.edge === b.legs[i]?.edge));

const capacityPhrases = new WeakMap<Model, WeakMap<Route, string | null>>();

/** "4.4 Mt/yr of containers at Brest–Małaszewicze (0.7 spare at 2024 volumes)"; kept for a shared (frozen) route. */
function capacityPhrase(model: Model, route: Route): string | null {
  if (!Object.isFrozen(route)) return routeCapacityPhrase(model, route);
  return entry(entry(capacityPhrases, model, () => new WeakMap()), route, () => routeCapacityPhrase(model, route));
}

function routeCapacityPhrase(model: Model, route: Route): string | null {
  const t = route.totals;
  const b = t.bottleneck;
  if (!b) return null;
  const where = b.kind === 'edge' ? edgeName(model, b.id) : nodeName(model, b.id);
  const spare = t.spareMtpa !== null && b.volume ? ` (${fmtMt(t.spareMtpa)} spare at ${b.volume.year} volumes)` : '';
  return `${fmtMt(b.capacityMtpa)} Mt/yr${b.scope === 'containers' ? ' of containers' : ''} at ${where}${spare}`;
}

const keySets = new WeakMap<Route, ReadonlySet<string>>();

/** The edge ids and node ids of a route, kept for a shared (frozen) route. */
function routeKeys(route: Route): ReadonlySet<string> {
  let keys = keySets.get(route);
  if (!keys) {
    keys = new Set([...route.legs.map((l) => l.edge), ...route.nodes]);
    if (Object.isFrozen(route)) keySets.set(route, keys);
  }
  return keys;
}

/**
 * Two or three sentences on a comparison: which corridor wins on the objective and by how much, with what
 * weighs on it; what holds each other corridor back (its largest dwell, ferry, sea or cost items); and the
 * capacity that limits each route. An empty list when no corridor has a route.
 */
export function explainCompare(model: Model, result: Pick<CompareResult, 'query' | 'corridors' | 'best'>): string[] {
  const objective = result.query.objective;
  const entries: Entry[] = result.corridors.flatMap((c) => {
    const v = c.route ? valueOf(c.route, objective) : null;
    return c.route && v !== null ? [{ name: shortName(c.name), route: c.route, value: v }] : [];
  });
  if (!entries.length) return [];
  entries.sort((a, b) => a.value - b.value);
  const bestRoute = result.best.route;
  const best = (bestRoute ? entries.find((e) => sameRoute(e.route, bestRoute)) : undefined) ?? (entries[0] as Entry);
  const others = entries.filter((e) => e !== best);
  const sentences: string[] = [];

  const runner = others[0];
  const own = items(model, best.route, objective)[0];
  // A best route that no single corridor gives (it changes corridors on the way) is named first.
  const mixedValue = bestRoute && !entries.some((e) => sameRoute(e.route, bestRoute)) ? valueOf(bestRoute, objective) : null;
  let first = '';
  if (bestRoute && mixedValue !== null) {
    const own = [...new Set(bestRoute.legs.flatMap((l) => (l.corridors.length === 1 && l.corridors[0] !== undefined ? [l.corridors[0]] : [])))];
    const names = own.map((c) => shortName(result.corridors.find((x) => x.corridor === c)?.name ?? c));
    first = `The ${SUPERLATIVE[objective]} route overall (${amount(mixedValue, objective)}) ${names.length > 1 ? `combines the ${andList(names)}` : 'changes corridors on the way'}; of the single corridors, `;
  }
  first += `${first ? 'the' : 'The'} ${best.name} is the ${SUPERLATIVE[objective]} at ${amount(best.value, objective)}`;
  if (runner) {
    const gap = objective === 'days' ? fmtDays(runner.value - best.value) : fmtInt(runner.value - best.value);
    first += Number(gap.replace(/,/g, '')) === 0 ? `, level with the ${runner.name}` : `, ${gap} ${AHEAD[objective]} the ${runner.name} (${amount(runner.value, objective)})`;
  }
  if (own) first += objective === 'days' ? `; its largest single item is ${own.text()}` : objective === 'cost' ? `; its largest cost is ${own.text()}` : `; it has ${own.text()}`;
  sentences.push(`${first}.`);

  if (others.length) {
    const shared = routeKeys(best.route);
    const parts = others.map((e) => {
      const top = items(model, e.route, objective)
        .filter((x) => !x.keys.every((k) => shared.has(k)))
        .slice(0, 2)
        .map((x) => x.text());
      const lead = `the ${e.name} (${diff(e.value - best.value, objective)})`;
      if (!top.length) return lead;
      return `${lead} ${objective === 'days' ? 'loses most to' : objective === 'cost' ? 'pays most for' : 'has'} ${andList(top)}`;
    });
    sentences.push(`Behind it: ${parts.join('; ')}.`);
  }

  const caps = [best, ...others].flatMap((e) => {
    const c = capacityPhrase(model, e.route);
    return c ? [{ name: e.name, c }] : [];
  }).map((x, i) => `the ${x.name} ${i === 0 ? 'carries at most ' : ''}${x.c}`);
  if (caps.length) sentences.push(`Capacity: ${caps.join('; ')}.`);
  return sentences;
}
