// A comparison with its optional analyses merged in: each corridor entry (and the best) gains
// `alternatives` and `distribution` when they were asked for. The shape the CLI's and the API's JSON share.
import type { Alternative, CorridorAlternatives } from './alternatives.ts';
import type { CompareResult } from '../routing/compare.ts';
import type { ScenarioCompareResult } from './diff.ts';
import type { CorridorDistribution } from './uncertainty.ts';

/** Merges alternatives and distributions into a comparison (the inputs are not changed). */
export function withAnalyses<T extends CompareResult | ScenarioCompareResult>(
  result: T,
  alts: { corridors: CorridorAlternatives[]; best: { alternatives: Alternative[] } } | null,
  dists: CorridorDistribution[] | null,
): T {
  if (!alts && !dists) return result;
  const distFor = (id: string) => dists?.find((d) => d.corridor === id)?.distribution ?? null;
  return {
    ...result,
    corridors: result.corridors.map((c) => ({
      ...c,
      ...(alts ? { alternatives: alts.corridors.find((a) => a.corridor === c.corridor)?.alternatives ?? [] } : {}),
      ...(dists ? { distribution: distFor(c.corridor) } : {}),
    })),
    best: { ...result.best, ...(alts ? { alternatives: alts.best.alternatives } : {}), ...(dists ? { distribution: distFor('best') } : {}) },
  };
}
