// The web app factory: Express 5 routes that check input with the core, call it and render server-side views.
// Importing this module has no side effects; only server.ts listens.
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { fileURLToPath } from 'node:url';
import {
  compare,
  compareScenario,
  formatCompare,
  formatScenarioCompare,
  routeQuery,
  corridorAlternatives,
  corridorDistributions,
  corridorThroughput,
  paretoRoutes,
  throughput,
  timeline,
  withAnalyses,
  PERT_METHOD,
  type Query,
  type CompareResult,
  type Model,
  type Scenario,
  type ScenarioCompareResult,
} from '../core/index.ts';
import { compareGeoJson, corridorColor, geojsonText } from '../core/output/geojson.ts';
import { loadObservationsFile, loadScenario, shippedScenarios } from '../core/load.ts';
import type { ObservationsFile } from '../core/index.ts';
import { calibrationPages } from './routes/calibration.ts';
import { mapFor } from './map-cache.ts';
import { openApiDocument } from './openapi.ts';
import { checkCompareRequest, formValues, queryString, type CompareRequest, type FieldError, type FormValues } from './params.ts';
import { createRenderer, trusted, type Render } from './render.ts';
import { ResponseCache, type CachedResponse } from './response-cache.ts';
import { networkPages } from './routes/network.ts';
import { formView, resultsView, type FormPage } from './view-model.ts';
import { alternativesView, distributionsView, paretoView, throughputView, timelineView } from './analysis-view.ts';

const TITLES: Record<FormPage, string> = { compare: 'Compare corridors', pareto: 'Trade-offs', capacity: 'Throughput', timeline: 'Timeline' };

/** What the app serves. */
export interface AppOptions {
  /** The base network model; requests with what-if edits work on copies of it. */
  model: Model;
  /** Shipped scenarios by id (default: those under networks/scenarios/). */
  scenarios?: ReadonlyMap<string, Scenario>;
  /** Published observations for /calibration (default: networks/observations.json). */
  observations?: ObservationsFile;
}

/** The longest request URL accepted, in characters. */
export const MAX_URL_LENGTH = 8192;

const STATIC_DIR = fileURLToPath(new URL('../../views/static/', import.meta.url));

/** Loads the shipped scenarios, checked against the model. */
export function loadShippedScenarios(model: Model): Map<string, Scenario> {
  return new Map(shippedScenarios().map((s) => [s.id, loadScenario(model, s.id).scenario]));
}

/** JSON text with <, > and & written as \u escapes, so that no echoed input can read as markup. */
export function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Builds the app for a network. */
export function createApp(options: AppOptions): express.Express {
  const base = options.model;
  const scenarios = options.scenarios ?? loadShippedScenarios(base);
  const render: Render = createRenderer();
  const network = base.network;
  const page = (res: Response, status: number, view: string, data: Record<string, unknown>) =>
    res.status(status).type('html').send(render(view, { network, ...data }));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.status(405).set('Allow', 'GET, HEAD').type('text/plain').send('Only GET and HEAD are supported.\n');
      return;
    }
    if (req.originalUrl.length > MAX_URL_LENGTH) {
      page(res, 414, 'error', { title: 'Request too long', heading: 'Request too long', message: `The address is longer than ${MAX_URL_LENGTH} characters.` });
      return;
    }
    next();
  });
  app.use('/static', express.static(STATIC_DIR, { index: false, maxAge: '1h' }));
  const corridorCss = network.corridors.map((c) => `.swatch-${c.id} { background: ${corridorColor(network, c.id)}; }`).join('\n');
  app.get('/static/corridors.css', (_req, res) => {
    res.type('text/css').send(`${corridorCss}\n.swatch-best { background: #333333; }\n`);
  });

  // Answers of the compare endpoints, keyed by path and the canonical form of the query they read.
  const cache = new ResponseCache();
  const cached = (produce: (req: Request) => CachedResponse) => (req: Request, res: Response) => {
    const key = `${req.path}?${queryString(formValues(req.query))}`;
    let answer = cache.get(key);
    if (!answer) {
      answer = produce(req);
      cache.set(key, answer);
    }
    res.status(answer.status).type(answer.type);
    if (answer.headers) res.set(answer.headers);
    res.send(answer.body);
  };
  const html = (status: number, view: string, data: Record<string, unknown>): CachedResponse => ({ status, type: 'html', body: render(view, { network, ...data }) });
  const json = (status: number, value: unknown): CachedResponse => ({ status, type: 'json', body: escapedJson(value) });

  /** Checks a compare request and runs it (with alternatives and distributions when asked); the errors when the input is bad. */
  const runCompare = (values: FormValues) => {
    const { request, errors } = checkCompareRequest(base, scenarios, values);
    if (!request) return { ok: false as const, errors };
    const model = request.whatIf ? request.whatIf.applied.model : base;
    const query = scenarioQuery(request);
    const result: CompareResult | ScenarioCompareResult = request.whatIf ? compareScenario(base, request.whatIf.applied, request.whatIf.info, request.query) : compare(base, request.query);
    const o = request.options;
    const alts = o.alternatives === undefined ? null : corridorAlternatives(model, query, o.alternatives);
    const dists = o.samples === undefined ? null : corridorDistributions(model, query, { samples: o.samples, seed: o.seed, ...(o.within !== undefined ? { withinDays: o.within } : {}) });
    return { ok: true as const, result, model, alts, dists, request };
  };

  /** The query to run on the what-if model: the scenario's year unless the query gives one. */
  const scenarioQuery = (request: CompareRequest): Query => {
    const year = request.query.year ?? request.whatIf?.applied.year;
    return year === undefined ? request.query : { ...request.query, year };
  };

  const compareView = (values: FormValues, errors: FieldError[], status: number, extra: Record<string, unknown> = {}, view: FormPage = 'compare') =>
    html(status, view, { title: errors.length ? 'Please check the form' : TITLES[view], form: formView(base, scenarios, values, errors, view), ...extra });

  app.get('/', (req, res) => {
    const values = formValues(req.query);
    if (values.from === '' && values.to === '') Object.assign(values, { from: 'xian', to: 'duisburg', samples: values.samples || '1000' });
    const answer = compareView(values, [], 200);
    res.status(answer.status).type(answer.type).send(answer.body);
  });

  app.get(
    '/compare',
    cached((req) => {
      const values = formValues(req.query);
      const out = runCompare(values);
      if (!out.ok) return compareView(values, out.errors, 400);
      const results = resultsView(base, out.result);
      return compareView(values, [], 200, {
        title: `${results.heading} · compare`,
        results,
        analysis: {
          alternatives: out.alts ? alternativesView(out.model, out.alts) : null,
          distributions: out.dists ? distributionsView(out.model, out.dists, out.request.options.within) : null,
        },
        map: trusted(mapFor(base, out.result)),
        links: { query: queryString(values) },
      });
    }),
  );

  const jsonError = (status: number, errors: FieldError[]) => json(status, { error: { status, message: errors.map((e) => e.message).join('; '), errors } });

  app.get(
    '/compare.csv',
    cached((req) => {
      const out = runCompare(formValues(req.query));
      if (!out.ok) return jsonError(400, out.errors);
      const text = out.request.whatIf ? formatScenarioCompare(out.result as ScenarioCompareResult, out.model.network, 'csv') : formatCompare(out.result, out.model.network, 'csv');
      return { status: 200, type: 'text/csv', body: text, headers: { 'Content-Disposition': 'attachment; filename="compare.csv"' } };
    }),
  );

  app.get(
    '/api/compare',
    cached((req) => {
      const out = runCompare(formValues(req.query));
      return out.ok ? json(200, withAnalyses(out.result, out.alts, out.dists)) : jsonError(400, out.errors);
    }),
  );

  app.get(
    '/api/compare.geojson',
    cached((req) => {
      const out = runCompare(formValues(req.query));
      return out.ok ? { status: 200, type: 'application/geo+json', body: geojsonText(compareGeoJson(out.model, out.result)) } : jsonError(400, out.errors);
    }),
  );

  app.get(
    '/api/route',
    cached((req) => {
      const values = formValues(req.query);
      const { request, errors } = checkCompareRequest(base, scenarios, values, { corridor: true });
      if (!request) return jsonError(400, errors);
      const model = request.whatIf ? request.whatIf.applied.model : base;
      const year = request.query.year ?? request.whatIf?.applied.year;
      return json(200, routeQuery(model, year === undefined ? request.query : { ...request.query, year }));
    }),
  );

  /** The pages and JSON of one analysis: check the request, run, render or answer JSON. */
  const analysisRoutes = <T>(view: FormPage, run: (model: Model, query: Query, request: CompareRequest) => T, toView: (model: Model, value: T, request: CompareRequest) => Record<string, unknown>, toJson: (value: T) => unknown) => {
    const compute = (values: FormValues) => {
      const { request, errors } = checkCompareRequest(base, scenarios, values, { corridor: view === 'capacity' });
      if (!request) return { ok: false as const, errors };
      const model = request.whatIf ? request.whatIf.applied.model : base;
      return { ok: true as const, request, model, value: run(model, scenarioQuery(request), request) };
    };
    app.get(
      `/${view}`,
      cached((req) => {
        const values = formValues(req.query);
        if (values.from === '' && values.to === '' && Object.keys(req.query as object).length === 0) return compareView({ ...values, from: 'xian', to: 'duisburg' }, [], 200, {}, view);
        const out = compute(values);
        if (!out.ok) return compareView(values, out.errors, 400, {}, view);
        const name = (id: string) => base.nodeById.get(id)?.name ?? id;
        return compareView(values, [], 200, {
          title: `${name(out.request.query.from)} → ${name(out.request.query.to)} · ${TITLES[view]}`,
          heading: `${name(out.request.query.from)} → ${name(out.request.query.to)}`,
          query: scenarioQuery(out.request),
          links: { query: queryString(values) },
          ...toView(out.model, out.value, out.request),
        }, view);
      }),
    );
    app.get(
      `/api/${view}`,
      cached((req) => {
        const out = compute(formValues(req.query));
        return out.ok ? json(200, toJson(out.value)) : jsonError(400, out.errors);
      }),
    );
  };
  analysisRoutes(
    'pareto',
    (model, query, request) => ({ criteria: request.options.criteria, ...paretoRoutes(model, query, request.options.criteria) }),
    (model, v) => ({ result: paretoView(model, v.routes, v.criteria), reason: v.reason, truncated: v.truncated }),
    (v) => v,
  );
  analysisRoutes(
    'capacity',
    (model, query) => (query.corridor !== undefined ? [throughput(model, query)] : corridorThroughput(model, query)),
    (model, v) => ({ rows: throughputView(model, v) }),
    (v) => v.map((t) => ({ ...t, unknownUnlimited: { ...t.unknownUnlimited, maxFlowMtpa: Number.isFinite(t.unknownUnlimited.maxFlowMtpa) ? t.unknownUnlimited.maxFlowMtpa : null } })),
  );
  analysisRoutes(
    'timeline',
    (model, query, request) => timeline(model, query, request.options.years[0], request.options.years[1]),
    (model, v) => ({ result: timelineView(model, v) }),
    (v) => v,
  );

  const methodPage = render('method', { network, title: 'Method', factors: base.factors, pert: PERT_METHOD });
  app.get('/method', (_req, res) => {
    res.type('html').send(methodPage);
  });

  const networkJson = escapedJson(network);
  app.get('/api/network', (_req, res) => {
    res.type('json').send(networkJson);
  });
  const openApiJson = escapedJson(openApiDocument(base, [...scenarios.keys()]));
  app.get('/api/openapi.json', (_req, res) => {
    res.type('json').send(openApiJson);
  });

  app.use(networkPages(base, scenarios, page));
  app.use(calibrationPages(base, options.observations ?? loadObservationsFile(base), page));

  const sendJsonError = (res: Response, status: number, errors: FieldError[]) => {
    const answer = jsonError(status, errors);
    res.status(answer.status).type(answer.type).send(answer.body);
  };
  app.use((req: Request, res: Response) => {
    if (req.path.startsWith('/api/')) sendJsonError(res, 404, [{ field: 'path', message: `no such endpoint: ${req.path}` }]);
    else page(res, 404, 'error', { title: 'Not found', heading: 'Not found', message: `There is no page at ${req.path}.` });
  });

  // Last: anything thrown is logged and answered without internals. Input errors never get here.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error(`corridors web: ${req.method} ${req.path}: ${err instanceof Error ? err.message : String(err)}`);
    const message = status === 500 ? 'Something went wrong on our side.' : 'The request could not be read.';
    if (res.headersSent) return;
    if (req.path.startsWith('/api/')) sendJsonError(res, status, [{ field: 'request', message }]);
    else res.status(status).type('text/plain').send(`${message}\n`);
  });
  return app;
}
