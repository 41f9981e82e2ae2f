// The JSON API: the comparison, routes and analyses as the CLI prints them, the network, and its OpenAPI description.
import { Router } from 'express';
import type { Model, Scenario } from '../../core/index.ts';
import { escapedJson } from '../answers.ts';
import { openApiDocument } from '../openapi.ts';
import type { EndpointHandlers } from './endpoint.ts';

export function apiRoutes(base: Model, scenarios: ReadonlyMap<string, Scenario>, endpoint: EndpointHandlers): Router {
  const router = Router();
  for (const name of ['api/compare', 'api/compare.geojson', 'api/route', 'api/pareto', 'api/capacity', 'api/timeline'] as const) router.get(`/${name}`, endpoint(name));
  const networkJson = escapedJson(base.network);
  router.get('/api/network', (_req, res) => {
    res.type('json').send(networkJson);
  });
  const openApiJson = escapedJson(openApiDocument(base, [...scenarios.keys()]));
  router.get('/api/openapi.json', (_req, res) => {
    res.type('json').send(openApiJson);
  });
  return router;
}
