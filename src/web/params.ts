// Reading a compare request's query string: every value is untrusted until the core has checked it.
import {
  CorridorsError,
  QueryError,
  applyScenario,
  checkQuery,
  isScenarioError,
  parseAdhocEdits,
  type Applied,
  type Model,
  type Query,
  type Scenario,
  type ValidationIssue,
  UnknownIdError,
  closest,
  exactMatches,
  CRITERIA,
  MAX_ALTERNATIVES,
  MAX_TIMELINE_YEARS,
  parseNumber,
  type Criterion,
} from '../core/index.ts';

/** The most what-if edits (close + open + set) one request may carry. */
export const MAX_EDITS = 20;
/** The longest single value accepted in a query parameter. */
export const MAX_VALUE_LENGTH = 200;
/** The most samples one web request may ask for. */
export const MAX_WEB_SAMPLES = 20000;

/** The form as the user typed it, kept to re-render it. */
export interface FormValues {
  from: string;
  to: string;
  objective: string;
  year: string;
  cargoMtpa: string;
  scenario: string;
  avoid: string;
  corridor: string;
  tonnesPerFeu: string;
  close: string[];
  open: string[];
  set: string[];
  alternatives: string;
  samples: string;
  seed: string;
  within: string;
  criteria: string;
  years: string;
}

/** One message for the user, tied to a form field where possible. */
export interface FieldError {
  field: string;
  message: string;
}

const one = (v: unknown): string => {
  if (Array.isArray(v)) return one(v[v.length - 1]);
  return typeof v === 'string' ? v : '';
};
const many = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '');

/** Reads the known parameters from an untrusted query object. */
export function formValues(query: unknown): FormValues {
  const q = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  return {
    from: one(q.from),
    to: one(q.to),
    objective: one(q.objective) || 'days',
    year: one(q.year),
    cargoMtpa: one(q.cargoMtpa),
    scenario: one(q.scenario),
    avoid: many(q.avoid).join(','),
    corridor: one(q.corridor),
    tonnesPerFeu: one(q.tonnesPerFeu),
    close: many(q.close),
    open: many(q.open),
    set: many(q.set),
    alternatives: one(q.alternatives),
    samples: one(q.samples),
    seed: one(q.seed),
    within: one(q.within),
    criteria: many(q.criteria).join(','),
    years: one(q.years),
  };
}

/** The parameters of a form in the order they appear in links: single values, then the repeatable edits, then the analyses. */
const SINGLE = ['from', 'to', 'objective', 'year', 'cargoMtpa', 'scenario', 'avoid', 'corridor', 'tonnesPerFeu'] as const;
const REPEATED = ['close', 'open', 'set'] as const;
const ANALYSIS = ['alternatives', 'samples', 'seed', 'within', 'criteria', 'years'] as const;

/** The canonical query string that reproduces a form (links, downloads and the response-cache key); empty values are left out. */
export function queryString(v: FormValues): string {
  const p = new URLSearchParams();
  const add = (k: string, val: string) => {
    if (val !== '') p.append(k, val);
  };
  for (const k of SINGLE) add(k, v[k]);
  for (const k of REPEATED) for (const x of v[k]) add(k, x);
  for (const k of ANALYSIS) add(k, v[k]);
  return p.toString();
}

/**
 * The canonical form of a request: every value trimmed, node and corridor names resolved to their ids, countries
 * upper-cased, unique and sorted, criteria without blanks. The response cache is keyed by it and answers are
 * computed from it, so "xian", " xian " and "Xi'an" share one entry and one answer. A value that resolves to no
 * id is kept (trimmed), so that its error message quotes it.
 */
export function canonicalValues(model: Model, v: FormValues): FormValues {
  const resolve = <T extends { id: string; name: string }>(text: string, candidates: readonly T[]) => {
    const t = text.trim();
    if (t === '' || candidates.some((c) => c.id === t)) return t;
    const hits = exactMatches(t, candidates);
    return hits.length === 1 && hits[0] ? hits[0].id : t;
  };
  const list = (text: string, map: (x: string) => string) => text.split(',').map((x) => map(x.trim())).filter((x) => x !== '');
  return {
    from: resolve(v.from, model.network.nodes),
    to: resolve(v.to, model.network.nodes),
    objective: v.objective.trim() || 'days',
    year: v.year.trim(),
    cargoMtpa: v.cargoMtpa.trim(),
    scenario: v.scenario.trim(),
    avoid: [...new Set(list(v.avoid, (x) => x.toUpperCase()))].sort().join(','),
    corridor: resolve(v.corridor, model.network.corridors),
    tonnesPerFeu: v.tonnesPerFeu.trim(),
    close: v.close.map((x) => x.trim()),
    open: v.open.map((x) => x.trim()),
    set: v.set.map((x) => x.trim()),
    alternatives: v.alternatives.trim(),
    samples: v.samples.trim(),
    seed: v.seed.trim(),
    within: v.within.trim(),
    criteria: list(v.criteria, (x) => x).join(','),
    years: v.years.trim(),
  };
}

/** The options of the analyses beyond the best route, checked. */
export interface AnalysisOptions {
  alternatives?: number;
  samples?: number;
  seed: number;
  within?: number;
  criteria: Criterion[];
  years: [number, number];
}

/** A checked compare request: the query, the what-if model when the request carries edits, and analysis options. */
export interface CompareRequest {
  query: Query;
  whatIf: { applied: Applied; info: { id: string; name: string; description: string } } | null;
  options: AnalysisOptions;
}

/** Checks the analysis options; errors are added to the list. */
function checkOptions(v: FormValues, errors: FieldError[]): AnalysisOptions {
  const options: AnalysisOptions = { seed: 1, criteria: ['days', 'cost', 'co2'], years: [2025, 2032] };
  const num = (field: keyof FormValues, limits: { min: number; max: number; integer?: boolean }, set: (n: number) => void) => {
    const raw = v[field];
    if (typeof raw !== 'string' || raw.trim() === '') return;
    try {
      set(parseNumber(field, raw, limits));
    } catch (err) {
      if (err instanceof QueryError) errors.push({ field, message: err.message });
      else throw err;
    }
  };
  num('alternatives', { min: 1, max: MAX_ALTERNATIVES, integer: true }, (n) => (options.alternatives = n));
  num('samples', { min: 100, max: MAX_WEB_SAMPLES, integer: true }, (n) => (options.samples = n));
  num('seed', { min: 0, max: 2 ** 32 - 1, integer: true }, (n) => (options.seed = n));
  num('within', { min: 0, max: 1000 }, (n) => (options.within = n));
  if (v.criteria.trim() !== '') {
    const list = [...new Set(v.criteria.split(',').map((c) => c.trim()).filter((c) => c !== ''))];
    const bad = list.filter((c) => !CRITERIA.includes(c as Criterion));
    if (bad.length) errors.push({ field: 'criteria', message: `criteria: expected some of ${CRITERIA.join(', ')}, got ${JSON.stringify(bad.join(','))}` });
    else if (list.length < 2) errors.push({ field: 'criteria', message: 'criteria: choose at least two' });
    else options.criteria = list as Criterion[];
  }
  if (v.years.trim() !== '') {
    const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(v.years);
    const from = Number(m?.[1]);
    const to = Number(m?.[2]);
    if (!m || from > to || to - from >= MAX_TIMELINE_YEARS || from < 1900 || to > 2100) {
      errors.push({ field: 'years', message: `years: expected a range such as 2025-2032 of at most ${MAX_TIMELINE_YEARS} years, got ${JSON.stringify(v.years)}` });
    } else options.years = [from, to];
  }
  return options;
}

const FIELD_OF: Record<string, string> = { avoidCountries: 'avoid' };

function issueMessage(i: ValidationIssue): string {
  return i.jsonPath === '$' ? `${i.file}: ${i.message}` : `${i.file} ${i.jsonPath}: ${i.message}`;
}

/**
 * Checks a request against the base model: the query, the scenario and the ad-hoc edits, all at once.
 * Edits are applied to a copy of the model made for this request only.
 */
export function checkCompareRequest(
  base: Model,
  scenarios: ReadonlyMap<string, Scenario>,
  values: FormValues,
  opts: { corridor?: boolean } = {},
): { request: CompareRequest | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const long = (Object.entries(values) as [string, string | string[]][]).find(([, v]) => (Array.isArray(v) ? v : [v]).some((x) => x.length > MAX_VALUE_LENGTH));
  if (long) return { request: null, errors: [{ field: long[0], message: `${long[0]}: a value is longer than ${MAX_VALUE_LENGTH} characters` }] };
  const editCount = values.close.length + values.open.length + values.set.length;
  if (editCount > MAX_EDITS) errors.push({ field: 'edits', message: `too many edits: ${editCount}; at most ${MAX_EDITS} close, open and set edits together` });

  const { query, errors: queryErrors } = checkQuery(
    base,
    {
      from: values.from,
      to: values.to,
      objective: values.objective,
      year: values.year,
      cargoMtpa: values.cargoMtpa,
      avoidCountries: values.avoid,
      tonnesPerFeu: values.tonnesPerFeu,
      ...(opts.corridor ? { corridor: values.corridor } : {}),
    },
    { avoidCountries: 'avoid' },
  );
  for (const e of queryErrors) {
    const field = e instanceof QueryError ? e.field : 'field' in e && typeof e.field === 'string' ? e.field : 'query';
    errors.push({ field: FIELD_OF[field] ?? field, message: e.message });
  }

  let whatIf: CompareRequest['whatIf'] = null;
  const hasEdits = editCount > 0 && editCount <= MAX_EDITS;
  if (values.scenario !== '' || hasEdits) {
    try {
      const loaded = values.scenario !== '' ? shippedScenario(scenarios, values.scenario) : null;
      const extra = hasEdits ? parseAdhocEdits(base, values, { close: 'close', open: 'open', set: 'set' }) : [];
      const applied = applyScenario(base, loaded, loaded ? `scenario ${loaded.id}` : '', extra);
      const info = loaded
        ? { id: loaded.id + (hasEdits ? '+edits' : ''), name: loaded.name + (hasEdits ? ' with edits' : ''), description: loaded.description }
        : { id: 'edits', name: 'What-if edits', description: 'Edits made on this page.' };
      whatIf = { applied, info };
    } catch (err) {
      if (isScenarioError(err)) {
        for (const i of err.issues) errors.push({ field: i.file.split(' ')[0] ?? 'edits', message: issueMessage(i) });
      } else if (err instanceof CorridorsError) errors.push({ field: 'scenario', message: err.message });
      else throw err;
    }
  }
  const options = checkOptions(values, errors);
  if (errors.length || !query) return { request: null, errors };
  return { request: { query, whatIf, options }, errors };
}

/** Only shipped scenarios may be named from the web, never a file path. @throws UnknownIdError with the closest ids. */
function shippedScenario(scenarios: ReadonlyMap<string, Scenario>, id: string): Scenario {
  const found = scenarios.get(id);
  if (found) return found;
  const all = [...scenarios.values()].map((s) => ({ id: s.id, name: s.name }));
  throw new UnknownIdError('scenario', id, closest(id, all), 'scenario');
}
