// How a what-if route differs from the baseline, stretch by stretch and in names: "Marand–Cheshmeh Soraya
// replaces Lake Van rail ferry (Tatvan–Van)", "now via Poti and Constanța instead of Kars and Erzurum".
import type { Model } from '../network/model.ts';
import type { Leg, Route } from '../routing/route.ts';
import { fmtDays } from './format-number.ts';
import { edgeName, nodeName } from './names.ts';
import { commonPlaces } from './route-text.ts';

/** A stretch between two places both routes pass, where they take different segments. */
export interface RouteStretch {
  /** The place where the routes part, and where they meet again (node ids). */
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** Segments of the baseline that the what-if route leaves, in travel order. */
  removed: { id: string; name: string }[];
  /** Segments the what-if route takes instead. */
  added: { id: string; name: string }[];
  /** Typical days of the what-if stretch less the baseline's (legs and the dwell inside the stretch). */
  daysDelta: number;
  /** One phrase for people, e.g. "Marand–Cheshmeh Soraya replaces Lake Van rail ferry (Tatvan–Van)". */
  text: string;
}

/** The change of one corridor's route. */
export interface RouteChange {
  status: 'same' | 'changed' | 'lost' | 'gained' | 'none';
  stretches: RouteStretch[];
  /** One line for people: the stretches' phrases, or why the route was lost or gained. */
  text: string;
}

/** Typical days of legs i..k-1 of a route, with the dwell at every place inside (not at the stretch's end). */
function stretchDays(legs: readonly Leg[]): number {
  return legs.reduce((sum, l, k) => sum + l.transitDays.typical + (k < legs.length - 1 ? (l.dwellDays?.typical ?? 0) : 0), 0);
}

const isWater = (l: Leg) => l.mode === 'ferry' || l.mode === 'sea';

/** The places inside a stretch worth naming: borders, ports and gauge changes first, at most two. */
function viaPlaces(model: Model, legs: readonly Leg[]): string[] {
  const inner = legs.slice(0, -1).map((l) => l.to);
  const notable = inner.filter((id) => {
    const n = model.nodeById.get(id);
    return n !== undefined && (n.kind === 'border' || n.kind === 'port' || n.gaugeChange === true);
  });
  const pick = (notable.length ? notable : inner).slice(0, 2);
  return pick.map((id) => nodeName(model, id));
}

const andList = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/**
 * The phrase for one stretch. A segment the what-if opened (or added) is named as replacing the baseline's
 * closed (or ferry, or sea) segment; otherwise the stretch reads "now via … instead of …", naming a ferry or sea
 * leg or a closed segment where there is one, else the borders and ports passed.
 */
function stretchText(base: Model, whatIf: Model, removed: readonly Leg[], added: readonly Leg[]): string {
  const closed = removed.find((l) => whatIf.closedEdges.has(l.edge) || whatIf.closedNodes.has(l.to) || !whatIf.edgeById.has(l.edge));
  const opened = added.find((l) => {
    const before = base.edgeById.get(l.edge);
    return before === undefined || before.status !== 'operational';
  });
  const oldKey = closed ?? removed.find(isWater);
  const newKey = opened ?? added.find(isWater);
  const legName = (l: Leg) => edgeName(whatIf, l.edge);
  if (opened && oldKey) return `${legName(opened)} replaces ${legName(oldKey)}`;
  const describe = (legs: readonly Leg[], key: Leg | undefined) => {
    if (key) return `${legName(key)}${key === closed ? ' (closed)' : ''}`;
    const places = viaPlaces(whatIf, legs);
    return places.length ? andList(places) : legs.map(legName).join(', ');
  };
  if (!removed.length) return `now also via ${describe(added, newKey)}`;
  if (!added.length) return `no longer via ${describe(removed, oldKey)}`;
  return `now via ${describe(added, newKey)} instead of ${describe(removed, oldKey)}`;
}

/**
 * Describes how a corridor's what-if route differs from its baseline route, by stretches between the places
 * both pass, in names. `base` is the baseline model, `whatIf` the edited one (names, closures and openings
 * are read from them). Either route may be null.
 */
export function describeRouteChange(base: Model, whatIf: Model, baseline: Route | null, scenario: Route | null, scenarioReason: string | null = null): RouteChange {
  if (!baseline && !scenario) return { status: 'none', stretches: [], text: 'No route in either' };
  if (baseline && !scenario) {
    const closed = baseline.legs.filter((l) => whatIf.closedEdges.has(l.edge) || !whatIf.edgeById.has(l.edge));
    const closedPlaces = baseline.nodes.filter((n) => whatIf.closedNodes.has(n));
    const names = [...closedPlaces.map((n) => nodeName(base, n)), ...closed.map((l) => edgeName(base, l.edge))];
    const list = names.length > 2 ? `${names.slice(0, 2).join(', ')} and ${names.length - 2} more` : andList(names);
    const text = names.length ? `No route once ${list} ${names.length === 1 ? 'is' : 'are'} closed` : `No route${scenarioReason ? `: ${scenarioReason}` : ''}`;
    return { status: 'lost', stretches: [], text };
  }
  if (!baseline && scenario) {
    const opened = scenario.legs.filter((l) => base.edgeById.get(l.edge)?.status !== 'operational').map((l) => edgeName(whatIf, l.edge));
    return { status: 'gained', stretches: [], text: opened.length ? `a route opens via ${andList(opened.slice(0, 3))}` : 'a route opens' };
  }
  const b = baseline as Route;
  const s = scenario as Route;
  if (b.legs.map((l) => l.edge).join(' ') === s.legs.map((l) => l.edge).join(' ')) return { status: 'same', stretches: [], text: 'same route' };
  const pairs = commonPlaces(b.nodes, s.nodes);
  const stretches: RouteStretch[] = [];
  for (let k = 0; k + 1 < pairs.length; k++) {
    const [i0, j0] = pairs[k] as [number, number];
    const [i1, j1] = pairs[k + 1] as [number, number];
    const removed = b.legs.slice(i0, i1);
    const added = s.legs.slice(j0, j1);
    const same = removed.length === added.length && removed.every((l, x) => l.edge === added[x]?.edge);
    if (same) continue;
    const from = b.nodes[i0] as string;
    const to = b.nodes[i1] as string;
    stretches.push({
      from,
      to,
      fromName: nodeName(base, from),
      toName: nodeName(base, to),
      removed: removed.map((l) => ({ id: l.edge, name: edgeName(base, l.edge) })),
      added: added.map((l) => ({ id: l.edge, name: edgeName(whatIf, l.edge) })),
      daysDelta: Math.round((stretchDays(added) - stretchDays(removed)) * 1e6) / 1e6,
      text: stretchText(base, whatIf, removed, added),
    });
  }
  const text = stretches.map((x) => `${x.fromName} → ${x.toName}: ${x.text} (${x.daysDelta >= 0 ? '+' : '−'}${fmtDays(Math.abs(x.daysDelta))} days)`).join('; ');
  return { status: 'changed', stretches, text };
}
