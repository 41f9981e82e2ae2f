// What each dwell on a route is: a gauge change (with the gauges), border formalities, a port transshipment,
// a wait for a ferry, terminal handling. Derived from the place's kind, its gauge-change flag and the modes
// of the legs on either side; the gauges from the countries on either side.
import type { Model } from '../network/model.ts';
import type { Mode, Range } from '../network/schema.ts';
import type { Route } from '../routing/route.ts';

/** What a dwell is for; a place can be several at once (a border with a gauge change). */
export type DwellKind = 'gauge-change' | 'border' | 'transshipment' | 'ferry-wait' | 'port' | 'terminal' | 'stop';

/** One dwell on a route: where, what, how long and what it costs. */
export interface Dwell {
  /** Index of the leg that ends at the place. */
  leg: number;
  node: string;
  name: string;
  kinds: DwellKind[];
  /** Track gauges before and after, mm, where the place changes gauge and both sides are known. */
  gauge: { from: number; to: number } | null;
  /** What it is, for people: "border and gauge change 1520→1435 mm". */
  what: string;
  days: Range;
  costUsdPerFeu: Range | null;
}

/** Countries on the 1,520 mm ("Russian") gauge; Finland's 1,524 mm counts with them. */
const BROAD_GAUGE: ReadonlyMap<string, number> = new Map<string, number>([
  ...['AM', 'AZ', 'BY', 'EE', 'GE', 'KG', 'KZ', 'LT', 'LV', 'MD', 'MN', 'RU', 'TJ', 'TM', 'UA', 'UZ'].map((c): [string, number] => [c, 1520]),
  ['FI', 1524],
]);
/** Countries on standard gauge (1,435 mm) that the corridors reach. */
const STANDARD_GAUGE = new Set([
  'AL', 'AT', 'BA', 'BE', 'BG', 'CH', 'CN', 'CZ', 'DE', 'DK', 'EG', 'FR', 'GB', 'GR', 'HR', 'HU', 'IR', 'IT', 'LU', 'ME', 'MK', 'NL', 'NO', 'PL', 'RO', 'RS', 'SE', 'SI', 'SK', 'TR',
]);

/** The main-line track gauge of a country, mm; null where not known here. */
export function gaugeOf(country: string): number | null {
  return BROAD_GAUGE.get(country) ?? (STANDARD_GAUGE.has(country) ? 1435 : null);
}

const MODE_WORD: Record<Mode, string> = { rail: 'rail', sea: 'ship', ferry: 'ferry', road: 'truck' };

/**
 * The dwell where leg `i` of a route ends, or null when none is counted there (the destination, or a place
 * without a dwell figure).
 */
export function dwellAt(model: Model, route: Route, i: number): Dwell | null {
  const leg = route.legs[i];
  if (!leg || !leg.dwellDays) return null;
  const node = model.nodeById.get(leg.to);
  const next = route.legs[i + 1];
  const kinds: DwellKind[] = [];
  let gauge: Dwell['gauge'] = null;
  const parts: string[] = [];
  const isBorder = node?.kind === 'border';
  if (isBorder) kinds.push('border');
  if (node?.gaugeChange) {
    kinds.push('gauge-change');
    const before = gaugeOf(model.nodeById.get(leg.from)?.country ?? '');
    const after = next ? gaugeOf(model.nodeById.get(next.to)?.country ?? '') : null;
    if (before !== null && after !== null && before !== after) gauge = { from: before, to: after };
    const g = gauge ? ` ${gauge.from}→${gauge.to} mm` : '';
    parts.push(isBorder ? `border and gauge change${g}` : `gauge change${g}`);
  } else if (isBorder) parts.push('border formalities');
  if (next && next.mode === 'ferry' && leg.mode !== 'ferry') {
    kinds.push('ferry-wait');
    parts.push(node?.kind === 'port' ? 'port: waiting for the ferry and loading' : 'waiting for the ferry');
  } else if (next && next.mode !== leg.mode) {
    kinds.push('transshipment');
    parts.push(`${node?.kind === 'port' ? 'port ' : ''}transshipment, ${MODE_WORD[leg.mode]} → ${MODE_WORD[next.mode]}`);
  } else if (node?.kind === 'port' && !parts.length) {
    kinds.push('port');
    parts.push('port call');
  }
  if (!parts.length) {
    kinds.push(node?.kind === 'terminal' ? 'terminal' : 'stop');
    parts.push(node?.kind === 'terminal' ? 'terminal handling' : 'stop');
  }
  return {
    leg: i,
    node: leg.to,
    name: node?.name ?? leg.to,
    kinds,
    gauge,
    what: parts.join('; '),
    days: { ...leg.dwellDays },
    costUsdPerFeu: leg.dwellCostUsdPerFeu ? { ...leg.dwellCostUsdPerFeu } : null,
  };
}

/** Every dwell counted on a route, in the order passed. */
export function routeDwells(model: Model, route: Route): Dwell[] {
  return route.legs.flatMap((_, i) => dwellAt(model, route, i) ?? []);
}
