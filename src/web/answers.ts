// The answers of the compare and analysis endpoints, as pure functions of an endpoint and the canonical form values:
// the same code answers cheap requests on the main thread and heavy ones in the worker threads (heavy-worker.ts).
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
  capacityOutlook,
  type Query,
  type CompareResult,
  type Model,
  type Scenario,
  type ScenarioCompareResult,
} from '../core/index.ts';
import { compareGeoJson, geojsonText } from '../core/output/geojson.ts';
import { mapFor } from './map-cache.ts';
import { checkCompareRequest, queryString, type CompareRequest, type FieldError, type FormValues } from './params.ts';
import { fragment, type Render } from './render.ts';
import type { CachedResponse } from './response-cache.ts';
import { resultsView } from './view-model.ts';
import { formView, type FormPage, type FormRoute } from './form-view.ts';
import { queryHref } from './links.ts';
import { alternativesView, distributionsView, paretoView, throughputView, timelineView } from './analysis-view.ts';

/** The endpoints answered here, by path without the leading slash. */
export const ENDPOINTS = ['compare', 'compare.csv', 'api/compare', 'api/compare.geojson', 'api/route', 'pareto', 'api/pareto', 'capacity', 'api/capacity', 'timeline', 'api/timeline'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

const TITLES: Record<FormPage, string> = { compare: 'Compare corridors', pareto: 'Trade-offs', capacity: 'Throughput', timeline: 'Timeline' };
const ANALYSES = { pareto: 'pareto', 'api/pareto': 'pareto', capacity: 'capacity', 'api/capacity': 'capacity', timeline: 'timeline', 'api/timeline': 'timeline' } as const;

/** JSON text with <, > and & written as \u escapes, so that no echoed input can read as markup. */
export function escapedJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Where a compare page lives and when it is made: the report's head names both. */
export interface PageInfo {
  /** Scheme, host and port, e.g. "http://127.0.0.1:3000". */
  origin: string;
  /** YYYY-MM-DD. */
  made: string;
}

/** What the answers are computed on. */
export interface AnswerContext {
  model: Model;
  scenarios: ReadonlyMap<string, Scenario>;
  render: Render;
}

/** The answers of one app. */
export interface Answers {
  /** The full answer of an endpoint to canonical form values: a page, CSV or JSON, 200 or 400. A compare page names `page`. */
  answer(endpoint: Endpoint, values: FormValues, page?: PageInfo): CachedResponse;
  /** The 400 answer when the input is bad, without computing anything; null when the request is valid. */
  reject(endpoint: Endpoint, values: FormValues): CachedResponse | null;
  /** True for requests whose answer takes long enough to belong off the main thread: samples, alternatives, the analyses. */
  isHeavy(endpoint: Endpoint, values: FormValues): boolean;
  /** A form page without results (the start pages). */
  formPage(view: FormPage, values: FormValues): CachedResponse;
  /** An HTML or JSON error answer for an endpoint. */
  error(endpoint: Endpoint, status: number, errors: FieldError[], values: FormValues): CachedResponse;
}

/** Builds the answers for a model and its shipped scenarios. */
export function createAnswers({ model: base, scenarios, render }: AnswerContext): Answers {
  const network = base.network;
  const html = (status: number, view: string, data: Record<string, unknown>): CachedResponse => ({ status, type: 'html', body: render.parts(view, { network, ...data }) });
  const json = (status: number, value: unknown): CachedResponse => ({ status, type: 'json', body: escapedJson(value) });
  const jsonError = (status: number, errors: FieldError[]) => json(status, { error: { status, message: errors.map((e) => e.message).join('; '), errors } });
  const compareView = (values: FormValues, errors: FieldError[], status: number, extra: Record<string, unknown> = {}, view: FormPage = 'compare', routes: FormRoute[] | null = null) =>
    html(status, view, { title: errors.length ? 'Please check the form' : TITLES[view], form: formView(base, scenarios, values, errors, view, routes), ...extra });
  const viewOf = (endpoint: Endpoint): FormPage | null => (endpoint === 'compare' ? 'compare' : endpoint === 'pareto' || endpoint === 'capacity' || endpoint === 'timeline' ? endpoint : null);
  const error = (endpoint: Endpoint, status: number, errors: FieldError[], values: FormValues) => {
    const view = viewOf(endpoint);
    return view ? compareView(values, errors, status, {}, view) : jsonError(status, errors);
  };

  /** The query to run on the what-if model: the scenario's year unless the query gives one. */
  const scenarioQuery = (request: CompareRequest): Query => {
    const year = request.query.year ?? request.whatIf?.applied.year;
    return year === undefined ? request.query : { ...request.query, year };
  };
  const check = (endpoint: Endpoint, values: FormValues) => checkCompareRequest(base, scenarios, values, { corridor: endpoint === 'api/route' || endpoint === 'capacity' || endpoint === 'api/capacity' });

  /** Runs a checked compare request, with alternatives and distributions only when the output shows them. */
  const runCompare = (request: CompareRequest, analyses: boolean) => {
    const model = request.whatIf ? request.whatIf.applied.model : base;
    const query = scenarioQuery(request);
    const result: CompareResult | ScenarioCompareResult = request.whatIf ? compareScenario(base, request.whatIf.applied, request.whatIf.info, request.query) : compare(base, request.query);
    const o = request.options;
    const alts = !analyses || o.alternatives === undefined ? null : corridorAlternatives(model, query, o.alternatives);
    const dists = !analyses || o.samples === undefined ? null : corridorDistributions(model, query, { samples: o.samples, seed: o.seed, ...(o.within !== undefined ? { withinDays: o.within } : {}) });
    return { result, model, alts, dists };
  };

  const answerValid = (endpoint: Endpoint, values: FormValues, request: CompareRequest, page?: PageInfo): CachedResponse => {
    switch (endpoint) {
      case 'compare': {
        const out = runCompare(request, true);
        const query = queryString({ ...values, print: '' });
        const info = page ?? { origin: '', made: new Date().toISOString().slice(0, 10) };
        const results = resultsView(base, out.model, out.result, {
          query,
          url: `${info.origin}/compare${query ? `?${query}` : ''}`,
          made: info.made,
          edits: request.whatIf?.edits ?? [],
          scenarios,
          via: request.query.via ?? [],
        });
        const routes: FormRoute[] = out.result.corridors.flatMap((c) => (c.route ? [{ corridor: c.corridor, name: c.name, route: c.route }] : []));
        return compareView(
          values,
          [],
          200,
          {
            title: `${results.heading} · compare`,
            results,
            printSummary: values.print === 'summary',
            analysis: {
              alternatives: out.alts ? alternativesView(out.model, out.alts) : null,
              distributions: out.dists ? distributionsView(out.model, out.dists, request.options.within) : null,
            },
            map: fragment(mapFor(base, out.result)),
            links: { query: queryHref('', query) },
          },
          'compare',
          routes,
        );
      }
      case 'compare.csv': {
        const out = runCompare(request, false);
        const text = request.whatIf ? formatScenarioCompare(out.result as ScenarioCompareResult, out.model.network, 'csv') : formatCompare(out.result, out.model.network, 'csv');
        return { status: 200, type: 'text/csv', body: text, headers: { 'Content-Disposition': 'attachment; filename="compare.csv"' } };
      }
      case 'api/compare': {
        const out = runCompare(request, true);
        return json(200, withAnalyses(out.result, out.alts, out.dists));
      }
      case 'api/compare.geojson': {
        const out = runCompare(request, false);
        return { status: 200, type: 'application/geo+json', body: geojsonText(compareGeoJson(out.model, out.result)) };
      }
      case 'api/route': {
        const model = request.whatIf ? request.whatIf.applied.model : base;
        return json(200, routeQuery(model, scenarioQuery(request)));
      }
      default:
        return answerAnalysis(endpoint, values, request);
    }
  };

  /** The pages and JSON of /pareto, /capacity and /timeline. */
  const answerAnalysis = (endpoint: keyof typeof ANALYSES, values: FormValues, request: CompareRequest): CachedResponse => {
    const kind = ANALYSES[endpoint];
    const model = request.whatIf ? request.whatIf.applied.model : base;
    const query = scenarioQuery(request);
    let toView: () => Record<string, unknown>;
    let value: unknown;
    if (kind === 'pareto') {
      const v = { criteria: request.options.criteria, ...paretoRoutes(model, query, request.options.criteria) };
      value = v;
      toView = () => ({ result: paretoView(model, v.routes, v.criteria), reason: v.reason, truncated: v.truncated });
    } else if (kind === 'capacity') {
      const v = query.corridor !== undefined ? [throughput(model, query)] : corridorThroughput(model, query);
      value = v.map((t) => ({ ...t, unknownUnlimited: { ...t.unknownUnlimited, maxFlowMtpa: Number.isFinite(t.unknownUnlimited.maxFlowMtpa) ? t.unknownUnlimited.maxFlowMtpa : null } }));
      toView = () => {
        const corridors = query.corridor !== undefined ? [query.corridor] : model.corridorIds;
        return { rows: throughputView(model, v), outlooks: corridors.map((c) => capacityOutlook(model, query, c).text) };
      };
    } else {
      const v = timeline(model, query, request.options.years[0], request.options.years[1]);
      value = v;
      toView = () => ({ result: timelineView(model, v) });
    }
    if (endpoint.startsWith('api/')) return json(200, value);
    const name = (id: string) => base.nodeById.get(id)?.name ?? id;
    return compareView(
      values,
      [],
      200,
      {
        title: `${name(request.query.from)} → ${name(request.query.to)} · ${TITLES[kind]}`,
        heading: `${name(request.query.from)} → ${name(request.query.to)}`,
        query,
        links: { query: queryString(values) },
        ...toView(),
      },
      kind,
    );
  };

  return {
    answer(endpoint, values, page) {
      const { request, errors } = check(endpoint, values);
      return request ? answerValid(endpoint, values, request, page) : error(endpoint, 400, errors, values);
    },
    reject(endpoint, values) {
      const { request, errors } = check(endpoint, values);
      return request ? null : error(endpoint, 400, errors, values);
    },
    isHeavy(endpoint, values) {
      if (endpoint in ANALYSES) return true;
      return (endpoint === 'compare' || endpoint === 'api/compare') && (values.samples !== '' || values.alternatives !== '');
    },
    formPage: (view, values) => compareView(values, [], 200, {}, view),
    error,
  };
}
