// The web app factory: Express 5 routes that check input with the core, call it and render server-side views.
// Importing this module has no side effects; only server.ts listens. Cheap and cached requests are answered on the
// main thread; heavy ones (samples, alternatives, the analyses) go to a HeavyRunner, a worker-thread pool in the server.
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { DestinationStream } from 'pino';
import { fileURLToPath } from 'node:url';
import type { Model, ObservationsFile, Scenario } from '../core/index.ts';
import { corridorColor } from '../core/output/geojson.ts';
import { loadObservationsFile, loadScenario, shippedScenarios } from '../core/load.ts';
import { accessLog } from './access-log.ts';
import { createAnswers, escapedJson } from './answers.ts';
import { inlineRunner, type HeavyRunner } from './heavy-pool.ts';
import { formValues, type FieldError } from './params.ts';
import { createRenderer, type Render } from './render.ts';
import { analysisPages } from './routes/analyses.ts';
import { apiRoutes } from './routes/api.ts';
import { calibrationPages } from './routes/calibration.ts';
import { comparePages } from './routes/compare.ts';
import { endpointHandlers, sendAnswer } from './routes/endpoint.ts';
import { networkPages } from './routes/network.ts';

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

  // One route module per page family; the compare and analysis endpoints share one cache and the heavy pool.
  const endpoint = endpointHandlers(base, answers, heavy);
  app.use(comparePages(answers, endpoint));
  app.use(analysisPages(base, render, endpoint));
  app.use(apiRoutes(base, scenarios, endpoint));
  app.use(networkPages(base, scenarios, page));
  app.use(calibrationPages(base, options.observations ?? loadObservationsFile(base), page));

  const sendJsonError = (res: Response, status: number, errors: FieldError[]) => sendAnswer(res, answers.error('api/compare', status, errors, formValues({})));
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
