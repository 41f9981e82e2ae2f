// The route map of a comparison, drawn once per distinct set of routes and kept in a small cache.
import { shortName, type CompareResult, type Model, type ScenarioCompareResult } from '../core/index.ts';
import { renderMapSvg, type MapRoute } from './map.ts';
import { corridorColor } from '../core/output/geojson.ts';
import { flat } from './html.ts';

/** Maps kept: one per distinct set of routes (about 20 KB each). */
const LIMIT = 512;
const cache = new Map<string, string>();

/** The routes a comparison draws: each corridor's route, with the baselines dashed underneath for a what-if. */
export function mapRoutes(model: Model, result: CompareResult | ScenarioCompareResult): MapRoute[] {
  const routes: MapRoute[] = [];
  if ('scenario' in result) {
    for (const c of result.corridors) {
      if (c.baseline && c.delta.routeChanged) routes.push({ key: `${c.corridor}-baseline`, label: `${shortName(c.name)} (baseline)`, color: corridorColor(model.network, c.corridor), route: c.baseline, dashed: true });
    }
  }
  for (const c of result.corridors) {
    if (c.route) routes.push({ key: c.corridor, label: shortName(c.name), color: corridorColor(model.network, c.corridor), route: c.route });
  }
  return routes;
}

/** The SVG map for a comparison (cached by the routes it shows). */
export function mapFor(model: Model, result: CompareResult | ScenarioCompareResult): string {
  const routes = mapRoutes(model, result);
  const key = JSON.stringify([model.network.id, model.network.version, routes.map((r) => [r.key, r.color, r.dashed ?? false, r.route.legs.map((l) => l.edge)])]);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const svg = flat(renderMapSvg({ network: model.network, routes, title: `Routes from ${model.nodeById.get(result.query.from)?.name ?? result.query.from} to ${model.nodeById.get(result.query.to)?.name ?? result.query.to}` }));
  cache.set(key, svg);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value as string);
  return svg;
}
