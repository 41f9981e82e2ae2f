// `corridors route`: one best route (on one corridor with --corridor) with its legs.
import { routeQuery } from '../../core/routing/compare.ts';
import { formatRoute } from '../../core/output/format.ts';
import type { CliIo } from '../io.ts';
import { setupQuery, withScenarioYear, type QueryOptions } from '../setup.ts';

/** Runs route; returns the exit code (1 when there is no route). */
export async function runRoute(o: QueryOptions, io: CliIo): Promise<number> {
  const { format, query, whatIf, model } = await setupQuery(o);
  const result = routeQuery(model, withScenarioYear(query, whatIf));
  io.out(formatRoute(result, model.network, format, { width: io.width }));
  return result.route ? 0 : 1;
}
