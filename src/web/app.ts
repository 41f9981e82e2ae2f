// The web app factory: Express 5 routes that check input with the core, call it and render server-side views.
// Importing this module has no side effects; only server.ts listens. Cheap and cached requests are answered on the
// main thread; heavy ones (samples, alternatives, the analyses) go to a HeavyRunner, a worker-thread pool in the server.
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { fileURLToPath } from 'node:url';
import { PERT_METHOD, type Model, type ObservationsFile, type Scenario } from '../core/index.ts';
import { corridorColor } from '../core/output/geojson.ts';
import { loadObservationsFile, loadScenario, shippedScenarios } from '../core/load.ts';
import { accessLog } from './access-log.ts';
import { createAnswers, escapedJson, type Endpoint } from './answers.ts';
import { inlineRunner, QueueFullError, type HeavyRunner } from './heavy-pool.ts';
import { calibrationPages } from './routes/calibration.ts';
import { openApiDocument } from './openapi.ts';
import { canonicalValues, formValues, queryString, type FieldError } from './params.ts';
import { createRenderer, type Render } from './render.ts';
import { ResponseCache, type CachedResponse } from './response-cache.ts';
import { networkPages } from './routes/network.ts';
import type { FormPage } from './view-model.ts';

export { escapedJson };

/** What the app serves. */
export interface AppOptions {
  /** The base network model; requests with what-if edits work on copies of it. */
  model: Model;
  /** Shipped scenarios by id (default: those under networks/scenarios/). */
  scenarios?: ReadonlyMap<string, Scenario>;
  /** Where heavy requests run (default: on the main thread, one after another). */
  heavy?: HeavyRunner;
  /** Access log lines as JSON: true for stdout, a stream, or off (the default). */
  accessLog?: boolean | DestinationStream;
  /** Whether the app takes traffic; /readyz answers 503 once it returns false (the server is draining). */
  ready?: () => boolean;
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

/** Builds the app for a network. */
export function createApp(options: AppOptions): express.Express {
  const base = options.model;
  const scenarios = options.scenarios ?? loadShippedScenarios(base);
  const render: Render = createRenderer();
  const network = base.network;
  const answers = createAnswers({ model: base, scenarios, render });
  const heavy = options.heavy ?? inlineRunner(answers);
  const ready = options.ready ?? (() => true);
  const page = (res: Response, status: number, view: string, data: Record<string, unknown>) =>
    res.status(status).type('html').send(render(view, { network, ...data }));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.accessLog) app.use(accessLog(options.accessLog === true ? undefined : options.accessLog));

  // Health checks for load balancers: liveness does no work; readiness says the network is loaded and the server
  // is not draining.
  app.get('/healthz', (_req, res) => {
    res.type('json').send('{"status":"ok"}');
  });
  app.get('/readyz', (_req, res) => {
    const up = ready();
    res.status(up ? 200 : 503).type('json').send(JSON.stringify({ status: up ? 'ready' : 'draining', network: `${network.id} ${network.version}` }));
  });

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

  // Answers of the compare and analysis endpoints, keyed by endpoint and the canonical query (trimmed, ids
  // resolved). Identical heavy requests in flight share one computation.
  const cache = new ResponseCache();
  const inFlight = new Map<string, Promise<CachedResponse>>();
  const send = (res: Response, answer: CachedResponse) => {
    res.status(answer.status).type(answer.type);
    if (answer.headers) res.set(answer.headers);
    res.send(answer.body);
  };
  const busy = (endpoint: Endpoint, err: QueueFullError, values: ReturnType<typeof formValues>): CachedResponse => {
    const errors: FieldError[] = [{ field: 'request', message: `The server is busy with other long computations; please try again in ${err.retryAfterS} s.` }];
    const answer = answers.error(endpoint, 503, errors, values);
    return { ...answer, headers: { ...answer.headers, 'Retry-After': String(err.retryAfterS) } };
  };
  const endpoint = (name: Endpoint) => async (req: Request, res: Response) => {
    const values = canonicalValues(base, formValues(req.query));
    const view = name === 'pareto' || name === 'capacity' || name === 'timeline' ? (name as FormPage) : null;
    if (view && values.from === '' && values.to === '' && Object.keys(req.query as object).length === 0) {
      send(res, answers.formPage(view, { ...values, from: 'xian', to: 'duisburg' }));
      return;
    }
    const key = `${name}?${queryString(values)}`;
    const hit = cache.get(key);
    if (hit) {
      send(res, hit);
      return;
    }
    let answer: CachedResponse;
    if (!answers.isHeavy(name, values)) answer = answers.answer(name, values);
    else {
      // Bad input is answered here, cheaply; only valid heavy requests wait for a thread.
      const rejected = answers.reject(name, values);
      if (rejected) answer = rejected;
      else {
        let pending = inFlight.get(key);
        if (!pending) {
          pending = heavy.run({ endpoint: name, values });
          inFlight.set(key, pending);
          const forget = () => inFlight.delete(key);
          pending.then(forget, forget);
        }
        try {
          answer = await pending;
        } catch (err) {
          if (err instanceof QueueFullError) {
            send(res, busy(name, err, values));
            return;
          }
          throw err;
        }
      }
    }
    if (answer.status < 500) cache.set(key, answer);
    send(res, answer);
  };

  app.get('/', (req, res) => {
    const values = formValues(req.query);
    if (values.from === '' && values.to === '') Object.assign(values, { from: 'xian', to: 'duisburg', samples: values.samples || '1000' });
    send(res, answers.formPage('compare', values));
  });
  for (const name of ['compare', 'compare.csv', 'api/compare', 'api/compare.geojson', 'api/route', 'pareto', 'api/pareto', 'capacity', 'api/capacity', 'timeline', 'api/timeline'] as const) {
    app.get(`/${name}`, endpoint(name));
  }

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
  app.use(calibrationPages(base, options.observations ?? loadObservationsFile(base), page));

  const sendJsonError = (res: Response, status: number, errors: FieldError[]) => send(res, answers.error('api/compare', status, errors, formValues({})));
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
