// One sentence per corridor on what limits its throughput and when that changes: the minimum cut by name,
// figure and basis today, then the first later year in which an opening or a period's new figure moves it.
import { throughput, type CutEdge, type Throughput, type ThroughputQuery } from '../analysis/throughput.ts';
import type { Model } from '../network/model.ts';
import { modelAtYear } from '../network/periods.ts';
import type { Basis } from '../network/schema.ts';
import { fmtMt } from './format-number.ts';
import { corridorName, edgeName } from './names.ts';
import { shortName } from './format.ts';

/** A segment of the minimum cut with its capacity's basis. */
export interface CutSegment extends CutEdge {
  basis: Basis;
}

/** What limits a corridor's throughput now, and the first change the data foresees. */
export interface CapacityOutlook {
  corridor: string;
  /** The year the figures describe: the query's year, else the network's as-of year. */
  year: number;
  /** Which bound the sentence uses: known capacities only where that carries anything, else unknown ones unlimited. */
  bound: 'known-only' | 'unknown-unlimited';
  maxFlowMtpa: number;
  cut: CutSegment[];
  /** The first later year in which the figure changes, with the new figure and cut; null when none is planned. */
  change: { year: number; maxFlowMtpa: number; cut: CutSegment[]; because: string[] } | null;
  /** The sentence for people. */
  text: string;
}

/** How far ahead the outlook looks for planned changes, years. */
export const OUTLOOK_YEARS = 25;

function boundOf(t: Throughput): { bound: CapacityOutlook['bound']; flow: number; cut: CutEdge[] } {
  if (t.knownOnly.maxFlowMtpa > 0) return { bound: 'known-only', flow: t.knownOnly.maxFlowMtpa, cut: t.knownOnly.minCut.filter((c) => c.capacityMtpa > 0) };
  return { bound: 'unknown-unlimited', flow: t.unknownUnlimited.maxFlowMtpa, cut: t.unknownUnlimited.minCut };
}

function withBasis(model: Model, cut: readonly CutEdge[]): CutSegment[] {
  return cut.map((c) => {
    // A cut may hold a place (a port, a border crossing) with a capacity of its own.
    const place = (c as { kind?: string }).kind === 'node' ? model.nodeById.get(c.edge) : undefined;
    const e = place ? undefined : model.edgeById.get(c.edge);
    const record = place ?? e;
    const name = place ? `${place.name} (the place)` : e ? edgeName(model, e) : c.name;
    return { ...c, name, basis: record?.fieldBasis?.capacityMtpa?.basis ?? record?.basis ?? 'estimated' };
  });
}

const cutText = (cut: readonly CutSegment[]) => cut.map((c) => `${c.name} (${fmtMt(c.capacityMtpa)} Mt/yr, ${c.basis})`).join(', ');

/**
 * What limits one corridor's throughput between the query's two places and when that changes. The years
 * looked at are those in which one of the corridor's segments opens or a segment or place takes a new
 * figure (its `periods`), up to OUTLOOK_YEARS ahead; the first year whose maximum flow differs is reported.
 * @throws as `throughput` (unknown ends, the same place twice).
 */
export function capacityOutlook(model: Model, query: ThroughputQuery, corridor: string): CapacityOutlook {
  const year = query.year ?? Number(model.network.asOf.slice(0, 4));
  const at = (y: number) => {
    const m = modelAtYear(model, y);
    return { m, t: throughput(m, { ...query, corridor, year: y }) };
  };
  const now = at(year);
  const head = shortName(corridorName(model, corridor));
  const b = boundOf(now.t);
  const cut = withBasis(now.m, b.cut);
  const onCorridor = model.network.edges.filter((e) => e.corridors.includes(corridor));
  const years = new Set<number>();
  for (const e of onCorridor) {
    if (e.status !== 'operational' && e.opensYear !== undefined) years.add(e.opensYear);
    for (const p of e.periods ?? []) years.add(p.fromYear);
  }
  const ends = new Set(onCorridor.flatMap((e) => [e.from, e.to]));
  for (const n of model.network.nodes) if (ends.has(n.id)) for (const p of n.periods ?? []) years.add(p.fromYear);
  const later = [...years].filter((y) => y > year && y <= year + OUTLOOK_YEARS).sort((x, y) => x - y);

  let change: CapacityOutlook['change'] = null;
  if (now.t.reason === null) {
    for (const y of later) {
      const next = at(y);
      const nb = boundOf(next.t);
      if (nb.bound === b.bound && Math.abs(nb.flow - b.flow) < 1e-9) continue;
      const because = [
        ...onCorridor.filter((e) => e.status !== 'operational' && e.opensYear === y).map((e) => `${edgeName(model, e)} opens`),
        ...onCorridor.filter((e) => (e.periods ?? []).some((p) => p.fromYear === y)).map((e) => `${edgeName(model, e)} takes its ${y} figures`),
      ];
      change = { year: y, maxFlowMtpa: nb.flow, cut: withBasis(next.m, nb.cut), because };
      break;
    }
  }

  let text: string;
  if (now.t.reason !== null) text = `${head}: no route between the two places.`;
  else if (!Number.isFinite(b.flow)) {
    text = `${head}: no known limit, since segments without a capacity figure join the two places (${now.t.unknownCapacityEdges.length} of them)`;
  } else {
    const upper = now.t.unknownUnlimited.maxFlowMtpa;
    text =
      b.bound === 'known-only'
        ? `${head}: ${fmtMt(b.flow)} Mt/yr over the segments whose capacity is known, set by ${cutText(cut)}${Number.isFinite(upper) && upper > b.flow + 1e-9 ? ` (up to ${fmtMt(upper)} if the segments without a figure carry more)` : ''}`
        : `${head}: at most ${fmtMt(b.flow)} Mt/yr, set by ${cutText(cut)}${now.t.unknownCapacityEdges.length ? `; ${now.t.unknownCapacityEdges.length} segments without a figure could lower it` : ''}`;
  }
  if (now.t.reason === null) {
    if (change) {
      const dir = change.maxFlowMtpa > b.flow ? 'rises' : 'falls';
      const flow = Number.isFinite(change.maxFlowMtpa) ? `${fmtMt(change.maxFlowMtpa)} Mt/yr` : 'no known limit';
      const why = change.because.length ? ` as ${change.because.slice(0, 2).join(' and ')}` : '';
      const then = change.cut.length ? `, then set by ${cutText(change.cut)}` : '';
      text += `. From ${change.year} it ${dir} to ${flow}${why}${then}.`;
    } else text += `. No change is planned in the data up to ${year + OUTLOOK_YEARS}.`;
  }
  return { corridor, year, bound: b.bound, maxFlowMtpa: b.flow, cut, change, text };
}
