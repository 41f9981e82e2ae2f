// `corridors pareto`, `corridors capacity` and `corridors timeline`: the analyses beyond one best route.
import { CRITERIA, paretoRoutes, type Criterion } from '../../core/analysis/pareto.ts';
import { corridorThroughput, throughput } from '../../core/analysis/throughput.ts';
import { timeline } from '../../core/analysis/timeline.ts';
import { QueryError } from '../../core/errors.ts';
import { formatPareto, formatThroughput, formatTimeline } from '../../core/output/format-analysis.ts';
import type { CliIo } from '../io.ts';
import { setupQuery, withScenarioYear, type QueryOptions } from '../setup.ts';

/** --criteria days,cost,co2 (2 to 4 distinct). */
function parseCriteria(text: string | undefined): Criterion[] {
  const list = (text ?? 'days,cost,co2').split(',').map((c) => c.trim()).filter((c) => c !== '');
  const bad = list.filter((c) => !CRITERIA.includes(c as Criterion));
  if (bad.length) throw new QueryError('criteria', `--criteria: expected some of ${CRITERIA.join(', ')}, got "${bad.join(',')}"`);
  const unique = [...new Set(list)] as Criterion[];
  if (unique.length < 2) throw new QueryError('criteria', `--criteria: expected 2 to 4 distinct criteria, got "${text ?? ''}"`);
  return unique;
}

/** --years 2025-2032. */
function parseYears(text: string | undefined): [number, number] {
  const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(text ?? '');
  if (!m) throw new QueryError('years', `--years: expected a range such as 2025-2032, got "${text ?? ''}"`);
  return [Number(m[1]), Number(m[2])];
}

/** Runs pareto; returns the exit code (1 when no route exists). */
export async function runPareto(o: QueryOptions & { criteria?: string }, io: CliIo): Promise<number> {
  const { format, query, whatIf, model } = await setupQuery(o);
  const criteria = parseCriteria(o.criteria);
  const result = paretoRoutes(model, withScenarioYear(query, whatIf), criteria);
  io.out(formatPareto({ from: query.from, to: query.to, criteria, ...result }, model.network, format, { width: io.width }));
  return result.routes.length ? 0 : 1;
}

/** Runs capacity; returns the exit code (1 when no corridor connects the two places). */
export async function runCapacity(o: QueryOptions, io: CliIo): Promise<number> {
  const { format, query, whatIf, model } = await setupQuery(o);
  const q = withScenarioYear(query, whatIf);
  const list = query.corridor !== undefined ? [throughput(model, q)] : corridorThroughput(model, q);
  io.out(formatThroughput(list, model.network, format, { width: io.width }));
  return list.some((t) => t.reason === null) ? 0 : 1;
}

/** Runs timeline; returns 0. */
export async function runTimeline(o: QueryOptions & { years?: string }, io: CliIo): Promise<number> {
  const { format, query, model } = await setupQuery(o);
  const [fromYear, toYear] = parseYears(o.years);
  io.out(formatTimeline(timeline(model, query, fromYear, toYear), model.network, format, { width: io.width }));
  return 0;
}
