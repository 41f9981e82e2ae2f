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
  type CompareResult,
  type Model,
  type Scenario,
  type ScenarioCompareResult,
} from '../core/index.ts';
import { compareGeoJson, corridorColor, geojsonText } from '../core/geojson.ts';
import { loadScenario, shippedScenarios } from '../core/load.ts';
import { mapFor } from './map-cache.ts';
import { openApiDocument } from './openapi.ts';
import { checkCompareRequest, formValues, queryString, type FieldError, type FormValues } from './params.ts';
import { createRenderer, trusted, type Render } from './render.ts';
import { ResponseCache, type CachedResponse } from './response-cache.ts';
import { networkPages } from './routes/network.ts';
import { formView, resultsView } from './view-model.ts';

/** What the app serves. */
export interface AppOptions {
  /** The base network model; requests with what-if edits work on copies of it. */
  model: Model;
  /** Shipped scenarios by id (default: those under networks/scenarios/). */
  scenarios?: ReadonlyMap<string, Scenario>;
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

  /** Checks a compare request and runs it; null with the errors when the input is bad. */
  const runCompare = (values: FormValues): { result: CompareResult | ScenarioCompareResult; model: Model } | { errors: FieldError[] } => {
    const { request, errors } = checkCompareRequest(base, scenarios, values);
    if (!request) return { errors };
    if (request.whatIf) {
      return { result: compareScenario(base, request.whatIf.applied, request.whatIf.info, request.query), model: request.whatIf.applied.model };
    }
    return { result: compare(base, request.query), model: base };
  };

  const compareView = (values: FormValues, errors: FieldError[], status: number, extra: Record<string, unknown> = {}) =>
    html(status, 'compare', { title: errors.length ? 'Please check the form' : 'Compare corridors', form: formView(base, scenarios, values, errors), ...extra });

  app.get('/', (req, res) => {
    const values = formValues(req.query);
    if (values.from === '' && values.to === '') Object.assign(values, { from: 'xian', to: 'duisburg' });
    const answer = compareView(values, [], 200);
    res.status(answer.status).type(answer.type).send(answer.body);
  });

  app.get(
    '/compare',
    cached((req) => {
      const values = formValues(req.query);
      const out = runCompare(values);
      if ('errors' in out) return compareView(values, out.errors, 400);
      const results = resultsView(base, out.result);
      return compareView(values, [], 200, {
        title: `${results.heading} · compare`,
        results,
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
      if ('errors' in out) return jsonError(400, out.errors);
      const text = 'scenario' in out.result ? formatScenarioCompare(out.result, out.model.network, 'csv') : formatCompare(out.result, out.model.network, 'csv');
      return { status: 200, type: 'text/csv', body: text, headers: { 'Content-Disposition': 'attachment; filename="compare.csv"' } };
    }),
  );

  app.get(
    '/api/compare',
    cached((req) => {
      const out = runCompare(formValues(req.query));
      return 'errors' in out ? jsonError(400, out.errors) : json(200, out.result);
    }),
  );

  app.get(
    '/api/compare.geojson',
    cached((req) => {
      const out = runCompare(formValues(req.query));
      return 'errors' in out ? jsonError(400, out.errors) : { status: 200, type: 'application/geo+json', body: geojsonText(compareGeoJson(out.model, out.result)) };
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

  const networkJson = escapedJson(network);
  app.get('/api/network', (_req, res) => {
    res.type('json').send(networkJson);
  });
  const openApiJson = escapedJson(openApiDocument(base, [...scenarios.keys()]));
  app.get('/api/openapi.json', (_req, res) => {
    res.type('json').send(openApiJson);
  });

  app.use(networkPages(base, scenarios, page));

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
