// The OpenAPI 3.1 description of the JSON endpoints, served at /api/openapi.json.
import { z } from 'zod';
import { Network, OBJECTIVES, type Model } from '../core/index.ts';

const range = { type: 'object', required: ['typical', 'min', 'max'], properties: { typical: { type: 'number' }, min: { type: 'number' }, max: { type: 'number' } } };
const nullableRange = { oneOf: [range, { type: 'null' }] };

/** The OpenAPI document for this network (node and scenario ids are listed as examples, not as enums). */
export function openApiDocument(model: Model, scenarioIds: string[]): Record<string, unknown> {
  const param = (name: string, description: string, schema: Record<string, unknown>, required = false, explode = false) => ({
    name,
    in: 'query',
    required,
    description,
    schema,
    ...(explode ? { style: 'form', explode: true } : {}),
  });
  const queryParams = [
    param('from', 'Origin node id (see /api/network), e.g. xian.', { type: 'string', example: 'xian' }, true),
    param('to', 'Destination node id, e.g. duisburg.', { type: 'string', example: 'duisburg' }, true),
    param('objective', 'What the route minimises.', { type: 'string', enum: OBJECTIVES, default: 'days' }),
    param('year', 'Edges that open by this year count as operational.', { type: 'integer', minimum: 1900, maximum: 2100 }),
    param('cargoMtpa', 'Leave out edges whose known capacity is below this many million tonnes a year.', { type: 'number', minimum: 0 }),
    param('avoid', 'Comma-separated ISO 3166-1 alpha-2 codes of countries to avoid, e.g. RU,BY.', { type: 'string' }),
    param('tonnesPerFeu', 'Cargo tonnes per FEU for CO2e.', { type: 'number', minimum: 0, maximum: 30 }),
    param('scenario', `A shipped scenario id: ${scenarioIds.join(', ')}.`, { type: 'string' }),
    param('close', 'Close an edge, line, node or corridor (repeatable).', { type: 'array', items: { type: 'string' } }, false, true),
    param('open', 'Open a planned edge or line (repeatable).', { type: 'array', items: { type: 'string' } }, false, true),
    param('set', 'Set a figure: ID.field=value, e.g. sarakhs-razi.capacityMtpa=15 (repeatable).', { type: 'array', items: { type: 'string' } }, false, true),
  ];
  const compareParams = [
    ...queryParams,
    param('alternatives', 'Also give the K best loopless routes per corridor (Yen).', { type: 'integer', minimum: 1, maximum: 10 }),
    param('samples', 'Also give transit days as a distribution (PERT samples per corridor).', { type: 'integer', minimum: 100, maximum: 20000 }),
    param('seed', 'Seed of the sampling (same seed, same numbers).', { type: 'integer', minimum: 0, default: 1 }),
    param('within', 'Days for the probability of arriving within them.', { type: 'number', minimum: 0 }),
  ];
  const errorResponse = { description: 'Bad input: the message names the parameter and suggests the closest ids.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const busyResponse = { description: 'The queue of long computations (samples, alternatives, the analyses) is full; retry after the Retry-After header\'s seconds.', headers: { 'Retry-After': { schema: { type: 'integer' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const health = (summary: string, body: string, draining = false) => ({
    get: { summary, responses: { '200': { description: body, content: { 'application/json': { schema: { type: 'object' } } } }, ...(draining ? { '503': { description: 'Not ready: the server is draining before it stops.' } } : {}) } },
  });
  const networkSchema = z.toJSONSchema(Network, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  delete networkSchema.$schema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'corridors: China–Europe freight route comparison',
      version: '1',
      description: `Compare the corridors of the network ${model.network.id} ${model.network.version} (as of ${model.network.asOf}). Every figure carries its sources and basis. What-if edits apply to a copy of the network for one request only.`,
    },
    paths: {
      '/api/compare': {
        get: {
          summary: 'One best route per corridor and the overall best; with a scenario or edits, each corridor also has its baseline and the change; with alternatives or samples, each corridor also has its alternatives and its transit-day distribution.',
          parameters: compareParams,
          responses: { '200': { description: 'The comparison (same shape as `corridors compare --format json`).', content: { 'application/json': { schema: { $ref: '#/components/schemas/CompareResult' } } } }, '400': errorResponse, '503': busyResponse },
        },
      },
      '/api/compare.geojson': {
        get: {
          summary: 'The compared routes as GeoJSON: one LineString per leg, one Point per node.',
          parameters: queryParams,
          responses: { '200': { description: 'A GeoJSON FeatureCollection.', content: { 'application/geo+json': { schema: { type: 'object' } } } }, '400': errorResponse },
        },
      },
      '/api/route': {
        get: {
          summary: 'One best route with its legs, optionally on one corridor.',
          parameters: [...queryParams, param('corridor', 'Use only this corridor\'s edges.', { type: 'string' })],
          responses: { '200': { description: 'The route (same shape as `corridors route --format json`).', content: { 'application/json': { schema: { $ref: '#/components/schemas/RouteResult' } } } }, '400': errorResponse },
        },
      },
      '/api/pareto': {
        get: {
          summary: 'The Pareto set: the routes no other route beats on every criterion (multi-criteria label-setting search).',
          parameters: [...queryParams, param('criteria', 'Two to four of days, cost, co2, km (comma-separated or repeated); default days,cost,co2.', { type: 'string' })],
          responses: { '200': { description: '{ criteria, routes: [{ route, values, corridors }], reason, truncated }', content: { 'application/json': { schema: { type: 'object' } } } }, '400': errorResponse, '503': busyResponse },
        },
      },
      '/api/capacity': {
        get: {
          summary: 'Throughput per corridor (or one corridor): max-flow in Mt/yr with unknown capacities left out and unlimited, and the minimum cut.',
          parameters: [...queryParams, param('corridor', 'Only this corridor.', { type: 'string' })],
          responses: { '200': { description: 'A list of throughput results; maxFlowMtpa null where unbounded.', content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } }, '400': errorResponse, '503': busyResponse },
        },
      },
      '/api/timeline': {
        get: {
          summary: 'Per year, each corridor\'s best route figures as planned segments open.',
          parameters: [...queryParams, param('years', 'A range such as 2025-2032 (at most 50 years).', { type: 'string', default: '2025-2032' })],
          responses: { '200': { description: 'The timeline.', content: { 'application/json': { schema: { type: 'object' } } } }, '400': errorResponse, '503': busyResponse },
        },
      },
      '/api/network': {
        get: { summary: 'The whole network: sources, corridors, nodes and edges.', responses: { '200': { description: 'The network file.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Network' } } } } } },
      },
      '/healthz': health('Liveness: answers without doing any work.', '{"status":"ok"}'),
      '/readyz': health('Readiness: the network is loaded and the server takes requests (503 while it drains).', '{"status":"ready","network":"<id> <version>"}', true),
      '/compare.csv': {
        get: { summary: 'The comparison as CSV.', parameters: queryParams, responses: { '200': { description: 'CSV, one row per corridor.', content: { 'text/csv': { schema: { type: 'string' } } } }, '400': errorResponse } },
      },
    },
    components: {
      schemas: {
        Range: range,
        Leg: {
          type: 'object',
          required: ['edge', 'from', 'to', 'mode', 'distanceKm', 'transitDays', 'dwellDays', 'costUsdPerFeu', 'capacityMtpa', 'basis', 'sources'],
          properties: {
            edge: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, mode: { type: 'string', enum: ['rail', 'ferry', 'sea', 'road'] },
            distanceKm: { type: 'number' }, transitDays: range, dwellDays: nullableRange, costUsdPerFeu: nullableRange,
            capacityMtpa: { type: ['number', 'null'] }, co2KgPerFeu: { type: 'number' }, basis: { type: 'string', enum: ['measured', 'reported', 'estimated'] },
            sources: { type: 'array', items: { type: 'string' } }, estimated: { type: 'array', items: { type: 'string' } },
          },
        },
        Totals: {
          type: 'object',
          required: ['distanceKm', 'transitDays', 'costUsdPerFeu', 'co2KgPerFeu', 'capacityMtpa', 'bottleneckEdge', 'estimatedFigures'],
          properties: {
            distanceKm: { type: 'number' }, transitDays: range, costUsdPerFeu: nullableRange, costMissingEdges: { type: 'array', items: { type: 'string' } },
            co2KgPerFeu: { type: 'number' }, capacityMtpa: { type: ['number', 'null'] }, bottleneckEdge: { type: ['string', 'null'] },
            unknownCapacityEdges: { type: 'array', items: { type: 'string' } }, estimatedFigures: { type: 'integer' },
          },
        },
        Route: {
          type: 'object',
          required: ['nodes', 'legs', 'totals'],
          properties: { nodes: { type: 'array', items: { type: 'string' } }, legs: { type: 'array', items: { $ref: '#/components/schemas/Leg' } }, totals: { $ref: '#/components/schemas/Totals' } },
        },
        NullableRoute: { oneOf: [{ $ref: '#/components/schemas/Route' }, { type: 'null' }] },
        NetworkRef: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' }, asOf: { type: 'string' } } },
        CompareResult: {
          type: 'object',
          required: ['network', 'query', 'corridors', 'best'],
          properties: {
            network: { $ref: '#/components/schemas/NetworkRef' },
            query: { type: 'object' },
            corridors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['corridor', 'name', 'route', 'reason'],
                properties: {
                  corridor: { type: 'string' }, name: { type: 'string' }, route: { $ref: '#/components/schemas/NullableRoute' }, reason: { type: ['string', 'null'] },
                  baseline: { $ref: '#/components/schemas/NullableRoute' }, delta: { type: 'object' },
                },
              },
            },
            best: { type: 'object', properties: { corridor: { type: 'string' }, route: { $ref: '#/components/schemas/NullableRoute' }, reason: { type: ['string', 'null'] } } },
            scenario: { type: 'object' },
          },
        },
        RouteResult: {
          type: 'object',
          required: ['network', 'query', 'route', 'reason'],
          properties: { network: { $ref: '#/components/schemas/NetworkRef' }, query: { type: 'object' }, route: { $ref: '#/components/schemas/NullableRoute' }, reason: { type: ['string', 'null'] } },
        },
        Error: {
          type: 'object',
          properties: { error: { type: 'object', properties: { status: { type: 'integer' }, message: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } } } },
        },
        Network: networkSchema,
      },
    },
  };
}
