// CO2e per FEU of a segment: distance × well-to-wheel intensity of its mode × tonnes per FEU (GLEC / ISO 14083).
import type { Edge, EmissionFactor, EmissionFactors, Node } from '../network/schema.ts';
import type { KgCo2e, Tonnes } from '../units.ts';

/** The factor that applies to one edge, and why. */
export interface AppliedFactor {
  /** g CO2e per tonne-km, well-to-wheel. */
  gramsCo2ePerTonneKm: number;
  /** Factor ids used (two when an electric line crosses a border and the countries' factors are averaged). */
  factorIds: string[];
}

function pick(factors: EmissionFactors, mode: Edge['mode'], traction: Edge['traction'], country?: string): EmissionFactor | undefined {
  const rows = factors.factors.filter((f) => f.mode === mode && (traction === undefined || f.traction === undefined || f.traction === traction));
  if (country !== undefined) {
    const local = rows.find((f) => f.country === country && (traction === undefined || f.traction === traction));
    if (local) return local;
  }
  return rows.find((f) => f.country === undefined && (traction === undefined || f.traction === traction)) ?? rows.find((f) => f.country === undefined);
}

/**
 * The emission factor for an edge. Rail with unknown traction uses the diesel factor (the higher one, so
 * an unknown is never flattered); electric rail uses the country's grid factor where the data has one,
 * averaging the two end countries of a cross-border segment.
 * @throws Error when the factor set has no row for the edge's mode (a data error caught by tests).
 */
export function factorForEdge(factors: EmissionFactors, edge: Edge, from: Node, to: Node): AppliedFactor {
  const traction = edge.mode === 'rail' ? (edge.traction ?? 'diesel') : undefined;
  const a = pick(factors, edge.mode, traction, from.country);
  const b = pick(factors, edge.mode, traction, to.country);
  if (!a || !b) throw new Error(`emissions: no emission factor for mode "${edge.mode}"${traction ? ` (${traction})` : ''}`);
  if (a.id === b.id) return { gramsCo2ePerTonneKm: a.gramsCo2ePerTonneKm, factorIds: [a.id] };
  return { gramsCo2ePerTonneKm: (a.gramsCo2ePerTonneKm + b.gramsCo2ePerTonneKm) / 2, factorIds: [a.id, b.id] };
}

/** kg CO2e per FEU for a distance at an intensity and a load: km × g/t·km × t ÷ 1000. */
export function co2KgPerFeu(distanceKm: number, gramsCo2ePerTonneKm: number, tonnesPerFeu: Tonnes): KgCo2e {
  return (distanceKm * gramsCo2ePerTonneKm * tonnesPerFeu) / 1000;
}
