// Route queries: what a user asks (origin, destination, objective, filters), checked against a model.
import { CorridorsError, QueryError, UnknownIdError } from '../errors.ts';
import type { Model } from '../network/model.ts';
import type { Mode } from '../network/schema.ts';
import { closest, exactMatches } from './suggest.ts';

/** What a route minimises: transit days, USD per FEU, km, or kg CO2e per FEU. */
export type Objective = 'days' | 'cost' | 'km' | 'co2';
export const OBJECTIVES: readonly Objective[] = ['days', 'cost', 'km', 'co2'];

/** A checked route query. */
export interface Query {
  from: string;
  to: string;
  objective: Objective;
  /** Only edges tagged with this corridor; absent for the overall best route. */
  corridor?: string;
  /** Edges that open by this year count as operational. */
  year?: number;
  /** Leave out edges whose known capacity is below this, million tonnes a year. */
  cargoMtpa?: number;
  /** ISO 3166-1 alpha-2 codes of countries whose nodes are left out. */
  avoidCountries: string[];
  /** Cargo tonnes per FEU for the CO2 figures; the emission-factor file's default when absent. */
  tonnesPerFeu?: number;
  /** Node ids the route must pass, in order (a pinned routing, e.g. the train a source reported). */
  via?: string[];
  /** Only segments of these modes (e.g. sea for a port-to-port figure); absent for all. */
  modes?: Mode[];
}

/** Raw query values as they come from a command line, a form or JSON. */
export interface QueryInput {
  from?: unknown;
  to?: unknown;
  objective?: unknown;
  corridor?: unknown;
  year?: unknown;
  cargoMtpa?: unknown;
  avoidCountries?: unknown;
  tonnesPerFeu?: unknown;
  via?: unknown;
}

/** Most places a route may be pinned through. */
export const MAX_VIA = 8;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Parses a number from a number or a decimal string; throws QueryError naming the field. */
export function parseNumber(field: string, value: unknown, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) n = Number(value);
  else throw new QueryError(field, `${field}: expected a number, got ${JSON.stringify(value)}`);
  if (!Number.isFinite(n)) throw new QueryError(field, `${field}: expected a finite number, got ${JSON.stringify(value)}`);
  if (opts.integer && !Number.isInteger(n)) throw new QueryError(field, `${field}: expected a whole number, got ${JSON.stringify(value)}`);
  if (opts.min !== undefined && n < opts.min) throw new QueryError(field, `${field}: expected at least ${opts.min}, got ${n}`);
  if (opts.max !== undefined && n > opts.max) throw new QueryError(field, `${field}: expected at most ${opts.max}, got ${n}`);
  return n;
}

/**
 * Resolves a node reference: an exact id, or a name or alias that matches exactly once ignoring case and diacritics.
 * @throws UnknownIdError with the closest ids.
 */
export function resolveNode(model: Model, text: string, field = 'node'): string {
  if (model.nodeById.has(text)) return text;
  const candidates = model.network.nodes;
  const exact = exactMatches(text, candidates);
  if (exact.length === 1 && exact[0]) return exact[0].id;
  const near = exact.length > 1 ? exact : closest(text, candidates);
  throw new UnknownIdError('node', text, near.map((n) => ({ id: n.id, name: n.name })), field);
}

/** Resolves a corridor id (or its name). @throws UnknownIdError with the closest ids. */
export function resolveCorridor(model: Model, text: string, field = 'corridor'): string {
  if (model.corridorIds.includes(text)) return text;
  const exact = exactMatches(text, model.network.corridors);
  if (exact.length === 1 && exact[0]) return exact[0].id;
  const near = closest(text, model.network.corridors);
  throw new UnknownIdError('corridor', text, (near.length ? near : model.network.corridors).map((c) => ({ id: c.id, name: c.name })), field);
}

/** Field names as the user sees them (command-line flags or form fields). */
export type FieldNames = Partial<Record<keyof QueryInput, string>>;

/**
 * Checks a raw query; returns the query or every error found.
 * Errors are QueryError (BAD_QUERY) or UnknownIdError (UNKNOWN_ID).
 */
export function checkQuery(model: Model, input: QueryInput, names: FieldNames = {}): { query: Query | null; errors: CorridorsError[] } {
  const errors: CorridorsError[] = [];
  const name = (k: keyof QueryInput) => names[k] ?? k;
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof CorridorsError) errors.push(err);
      else throw err;
      return undefined;
    }
  };
  const node = (k: 'from' | 'to') =>
    attempt(() => {
      const v = input[k];
      if (blank(v)) throw new QueryError(name(k), `${name(k)}: required (a node id such as "xian")`);
      if (typeof v !== 'string') throw new QueryError(name(k), `${name(k)}: expected a node id, got ${JSON.stringify(v)}`);
      return resolveNode(model, v.trim(), name(k));
    });
  const from = node('from');
  const to = node('to');
  const objective = attempt(() => {
    const v = input.objective;
    if (blank(v)) return 'days' as Objective;
    const found = OBJECTIVES.find((o) => o === v);
    if (!found) throw new QueryError(name('objective'), `${name('objective')}: expected one of ${OBJECTIVES.join(', ')}, got ${JSON.stringify(v)}`);
    return found;
  });
  const corridor = attempt(() => (blank(input.corridor) ? undefined : resolveCorridor(model, String(input.corridor).trim(), name('corridor'))));
  const year = attempt(() => (blank(input.year) ? undefined : parseNumber(name('year'), input.year, { min: 1900, max: 2100, integer: true })));
  const cargoMtpa = attempt(() => (blank(input.cargoMtpa) ? undefined : parseNumber(name('cargoMtpa'), input.cargoMtpa, { min: 0, max: 1000 })));
  const tonnesPerFeu = attempt(() =>
    blank(input.tonnesPerFeu) ? undefined : parseNumber(name('tonnesPerFeu'), input.tonnesPerFeu, { min: 0, max: 30 }),
  );
  const avoidCountries =
    attempt(() => {
      const v = input.avoidCountries;
      if (blank(v)) return [];
      const list = (Array.isArray(v) ? v : String(v).split(',')).map((c) => String(c).trim().toUpperCase()).filter((c) => c !== '');
      const bad = list.filter((c) => !/^[A-Z]{2}$/.test(c));
      if (bad.length) {
        throw new QueryError(name('avoidCountries'), `${name('avoidCountries')}: expected ISO 3166-1 alpha-2 codes such as RU,BY, got ${JSON.stringify(bad.join(','))}`);
      }
      return [...new Set(list)].sort();
    }) ?? [];
  const via =
    attempt(() => {
      const v = input.via;
      if (blank(v)) return [];
      const list = (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter((x) => x !== '');
      if (list.length > MAX_VIA) throw new QueryError(name('via'), `${name('via')}: at most ${MAX_VIA} places, got ${list.length}`);
      return list.map((x) => resolveNode(model, x, name('via')));
    }) ?? [];
  if (from !== undefined && to !== undefined && from === to) {
    errors.push(new QueryError(name('to'), `${name('to')}: origin and destination are the same node ("${from}")`));
  }
  if (errors.length || from === undefined || to === undefined || objective === undefined) return { query: null, errors };
  const query: Query = { from, to, objective, avoidCountries };
  if (corridor !== undefined) query.corridor = corridor;
  if (year !== undefined) query.year = year;
  if (cargoMtpa !== undefined) query.cargoMtpa = cargoMtpa;
  if (tonnesPerFeu !== undefined) query.tonnesPerFeu = tonnesPerFeu;
  if (via.length) query.via = via;
  return { query, errors };
}

/** Checks a raw query. @throws the first QueryError or UnknownIdError found. */
export function parseQuery(model: Model, input: QueryInput, names: FieldNames = {}): Query {
  const { query, errors } = checkQuery(model, input, names);
  if (!query) throw errors[0] ?? new QueryError('query', 'invalid query');
  return query;
}
