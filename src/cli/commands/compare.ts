// `corridors compare`: every corridor's best route side by side, with a what-if against the baseline,
// alternatives and transit-time distributions when asked. The analyses load only when their flags are given.
import { compare } from '../../core/routing/compare.ts';
import { parseNumber, type Query } from '../../core/routing/query.ts';
import { formatCompare, formatScenarioCompare } from '../../core/output/format.ts';
import type { CorridorAlternatives, Alternative } from '../../core/analysis/alternatives.ts';
import type { CliIo } from '../io.ts';
import { setupQuery, withScenarioYear, type QueryOptions } from '../setup.ts';
import { UsageError } from '../usage.ts';

/** compare's options: the query options and the analyses'. */
export interface CompareOptions extends QueryOptions {
  alternatives?: string;
  samples?: string;
  seed?: string;
  within?: string;
}

/** --alternatives K, --samples N, --seed S, --within D; --seed or --within alone ask for 2,000 samples. */
function analysisOptions(o: CompareOptions) {
  const out: { alternatives?: number; samples?: number; seed: number; within?: number } = { seed: 1 };
  if (o.alternatives !== undefined) out.alternatives = parseNumber('--alternatives', o.alternatives, { min: 1, max: 10, integer: true });
  if (o.samples !== undefined) out.samples = parseNumber('--samples', o.samples, { min: 100, max: 100000, integer: true });
  if (o.seed !== undefined) out.seed = parseNumber('--seed', o.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  if (o.within !== undefined) out.within = parseNumber('--within', o.within, { min: 0, max: 1000 });
  if ((o.seed !== undefined || o.within !== undefined) && out.samples === undefined) out.samples = 2000;
  return out;
}

/** The alternatives result in the shape formatAlternatives reads. */
function alternativesView(query: Query, alts: { corridors: CorridorAlternatives[]; best: { alternatives: Alternative[]; reason: string | null } }) {
  return {
    from: query.from,
    to: query.to,
    objective: query.objective,
    corridors: [
      ...alts.corridors.map((c) => ({ corridor: c.corridor as string | null, name: c.name, alternatives: c.alternatives, reason: c.reason })),
      { corridor: null, name: 'Best overall', alternatives: alts.best.alternatives, reason: alts.best.reason },
    ],
  };
}

/** Runs compare; returns the exit code (1 when no corridor has a route). */
export async function runCompare(o: CompareOptions, io: CliIo): Promise<number> {
  if (o.corridor !== undefined) throw new UsageError('--corridor: compare covers every corridor; use "corridors route --corridor ID"');
  const geojson = o.format === 'geojson';
  const { format, base, query, whatIf, model: target } = await setupQuery(o, ['geojson']);
  const options = { width: io.width };
  const scenarioResult = whatIf ? (await import('../../core/analysis/diff.ts')).compareScenario(base, whatIf.applied, whatIf.info, query) : null;
  const result = scenarioResult ?? compare(base, query);
  const found = result.best.route !== null || (scenarioResult?.best.baseline ?? null) !== null;
  if (geojson) {
    const { compareGeoJson, geojsonText } = await import('../../core/output/geojson.ts');
    io.out(geojsonText(compareGeoJson(target, result)));
    return result.best.route ? 0 : 1;
  }
  const extras = analysisOptions(o);
  const scenarioQuery = withScenarioYear(query, whatIf);
  const alts = extras.alternatives === undefined ? null : (await import('../../core/analysis/alternatives.ts')).corridorAlternatives(target, scenarioQuery, extras.alternatives);
  const dists =
    extras.samples === undefined
      ? null
      : (await import('../../core/analysis/uncertainty.ts')).corridorDistributions(target, scenarioQuery, { samples: extras.samples, seed: extras.seed, ...(extras.within !== undefined ? { withinDays: extras.within } : {}) });
  if (format === 'json') {
    const { withAnalyses } = await import('../../core/analysis/compare-extras.ts');
    io.out(`${JSON.stringify(withAnalyses(result, alts, dists), null, 2)}\n`);
    return result.best.route ? 0 : 1;
  }
  const analyses = alts || dists ? await import('../../core/output/format-analysis.ts') : null;
  const altText = alts && analyses ? analyses.formatAlternatives(alternativesView(query, alts), target.network, format, options) : '';
  const distText =
    dists && analyses
      ? analyses.formatDistributions({ from: query.from, to: query.to, samples: extras.samples ?? 0, seed: extras.seed, withinDays: extras.within ?? null, corridors: dists }, target.network, format, options)
      : '';
  if (format === 'csv' && (alts || dists)) {
    io.out(alts ? altText : distText);
    return result.best.route ? 0 : 1;
  }
  if (scenarioResult) io.out(formatScenarioCompare(scenarioResult, base.network, format, options));
  else io.out(formatCompare(result, base.network, format, options));
  if (altText) io.out(`\n${altText}`);
  if (distText) io.out(`\n${distText}`);
  return found ? 0 : 1;
}
