// Network validation: a schema pass (zod) and a reference pass (ids that must resolve, ranges in
// order, opening years, untouched nodes). Both passes collect every problem with its JSON path.
import type { z } from 'zod';
import { DataValidationError, type ValidationIssue } from '../errors.ts';
import { describeValue, jsonPath } from './json-path.ts';
import { haversineKm } from './geo.ts';
import { Network, EmissionFactors } from './schema.ts';
import type { Network as NetworkT, EmissionFactors as EmissionFactorsT } from './schema.ts';

const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' };

/** Turns one zod issue into a located, readable issue. */
export function zodIssueToIssue(file: string, issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  const path = [...prefix, ...issue.path];
  const input = 'input' in issue ? issue.input : undefined;
  const at = jsonPath(path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = ARTICLE[issue.expected] ?? `a ${issue.expected}`;
      const message = input === undefined ? `missing; expected ${expected}` : `expected ${expected}, got ${describeValue(input)}`;
      return [{ file, jsonPath: at, code: 'invalid_type', message }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        jsonPath: jsonPath([...path, key]),
        code: 'unknown_field',
        message: `unknown field "${key}"`,
      }));
    case 'invalid_value':
      return [
        {
          file,
          jsonPath: at,
          code: 'invalid_value',
          message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(input)}`,
        },
      ];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const what =
        issue.origin === 'array'
          ? `expected ${word === '>=' ? 'at least' : 'at most'} ${String(bound)} item${bound === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? `expected ${word === '>=' ? 'at least' : 'at most'} ${String(bound)} characters`
            : `expected a number ${word} ${String(bound)}`;
      const got = issue.origin === 'array' && Array.isArray(input) ? `${input.length} item(s)` : describeValue(input);
      return [{ file, jsonPath: at, code: issue.code, message: `${what}, got ${got}` }];
    }
    case 'invalid_format':
      return [{ file, jsonPath: at, code: 'invalid_format', message: `${issue.message}, got ${describeValue(input)}` }];
    default:
      return [{ file, jsonPath: at, code: issue.code, message: issue.message }];
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Rec[] => (Array.isArray(v) ? v.map((x) => (isRec(x) ? x : {})) : []);
const idOf = (r: Rec): string | undefined => (typeof r.id === 'string' ? r.id : undefined);

/** Most sources one record or one figure may cite; a figure made by a shared method cites the method instead. */
export const MAX_SOURCES = 6;
/** Most input sources one method may cite. */
export const MAX_METHOD_SOURCES = 24;
/** An edge may be this fraction shorter than the great-circle distance between its nodes (rounded coordinates). */
export const GEOMETRY_TOLERANCE = 0.01;
/** A rail edge longer than this multiple of the great-circle distance gets a warning. */
export const MAX_RAIL_DETOUR = 2;

/** The reference pass, run on the raw data so it reports even when the schema pass also failed. */
function referenceIssues(file: string, data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRec(data)) return issues;
  const add = (path: PropertyKey[], code: string, message: string) => issues.push({ file, jsonPath: jsonPath(path), code, message });

  const ids: Record<string, Set<string>> = {};
  for (const key of ['sources', 'methods', 'corridors', 'nodes', 'edges']) {
    const seen = new Set<string>();
    records(data[key]).forEach((r, i) => {
      const id = idOf(r);
      if (id === undefined) return;
      if (seen.has(id)) add([key, i, 'id'], 'duplicate_id', `duplicate id "${id}" in ${key}`);
      seen.add(id);
    });
    ids[key] = seen;
  }
  const sources = ids.sources ?? new Set<string>();
  const nodes = ids.nodes ?? new Set<string>();
  const corridors = ids.corridors ?? new Set<string>();
  const methods = ids.methods ?? new Set<string>();

  /** A record or a figure cites the sources it rests on, no more: a shared method is cited by its id. */
  const checkSources = (path: PropertyKey[], list: unknown, max: number = MAX_SOURCES) => {
    if (!Array.isArray(list)) return;
    list.forEach((s, j) => {
      if (typeof s === 'string' && !sources.has(s)) add([...path, j], 'unknown_source', `unknown source id "${s}"`);
    });
    if (list.length > max) {
      add(path, 'too_many_sources', `${list.length} sources; a figure cites at most ${max} (name a shared method in "method" instead of its inputs)`);
    }
  };
  const checkMethod = (path: PropertyKey[], id: unknown) => {
    if (typeof id === 'string' && !methods.has(id)) add(path, 'unknown_method', `unknown method id "${id}"`);
  };
  /** Sources and method of a figure object (fieldBasis entry, perTrain, volume, period). */
  const checkProvenance = (path: PropertyKey[], v: unknown) => {
    if (!isRec(v)) return;
    checkSources([...path, 'sources'], v.sources);
    checkMethod([...path, 'method'], v.method);
  };
  const checkFieldBasis = (path: PropertyKey[], fb: unknown) => {
    if (!isRec(fb)) return;
    for (const [field, v] of Object.entries(fb)) checkProvenance([...path, field], v);
  };
  const asOfYear = typeof data.asOf === 'string' ? Number(data.asOf.slice(0, 4)) : Number.NaN;
  /** Periods: after the network's as-of year, in increasing order, each with resolvable provenance. */
  const checkPeriods = (path: PropertyKey[], periods: unknown, rangeField: string) => {
    if (!Array.isArray(periods)) return;
    let last = -Infinity;
    periods.forEach((p, j) => {
      if (!isRec(p)) return;
      checkProvenance([...path, j], p);
      checkProvenance([...path, j, 'perTrain'], p.perTrain);
      checkRange([...path, j, rangeField], p[rangeField]);
      const y = p.fromYear;
      if (typeof y !== 'number') return;
      if (Number.isFinite(asOfYear) && y <= asOfYear) {
        add([...path, j, 'fromYear'], 'period_not_future', `expected a year after the network's as-of year ${asOfYear}, got ${y} (today's value belongs in the base field)`);
      }
      if (y <= last) add([...path, j, 'fromYear'], 'period_order', `expected periods in increasing fromYear, got ${y} after ${last}`);
      last = y;
    });
  };
  const checkRange = (path: PropertyKey[], r: unknown) => {
    if (!isRec(r)) return;
    const { min, typical, max } = r;
    if (typeof min !== 'number' || typeof typical !== 'number' || typeof max !== 'number') return;
    if (!(min <= typical && typical <= max)) {
      add(path, 'range_order', `expected min <= typical <= max, got min ${min}, typical ${typical}, max ${max}`);
    }
  };

  const touched = new Set<string>();
  records(data.methods).forEach((m, i) => checkSources(['methods', i, 'sources'], m.sources, MAX_METHOD_SOURCES));
  const position = new Map<string, { lat: number; lon: number }>();
  records(data.nodes).forEach((n, i) => {
    checkSources(['nodes', i, 'sources'], n.sources);
    checkFieldBasis(['nodes', i, 'fieldBasis'], n.fieldBasis);
    checkRange(['nodes', i, 'dwellDays'], n.dwellDays);
    checkRange(['nodes', i, 'dwellCostUsdPerFeu'], n.dwellCostUsdPerFeu);
    checkProvenance(['nodes', i, 'perTrain'], n.perTrain);
    checkProvenance(['nodes', i, 'volume'], n.volume);
    checkPeriods(['nodes', i, 'periods'], n.periods, 'dwellDays');
    const id = idOf(n);
    if (id !== undefined && typeof n.lat === 'number' && typeof n.lon === 'number' && Math.abs(n.lat) <= 90 && Math.abs(n.lon) <= 180) position.set(id, { lat: n.lat, lon: n.lon });
  });
  records(data.edges).forEach((e, i) => {
    checkSources(['edges', i, 'sources'], e.sources);
    checkFieldBasis(['edges', i, 'fieldBasis'], e.fieldBasis);
    for (const end of ['from', 'to'] as const) {
      const id = e[end];
      if (typeof id !== 'string') continue;
      touched.add(id);
      if (!nodes.has(id)) add(['edges', i, end], 'unknown_node', `unknown node id "${id}"`);
    }
    if (typeof e.from === 'string' && e.from === e.to) add(['edges', i, 'to'], 'self_loop', `edge starts and ends at "${e.from}"`);
    if (Array.isArray(e.corridors)) {
      e.corridors.forEach((c, j) => {
        if (typeof c === 'string' && !corridors.has(c)) add(['edges', i, 'corridors', j], 'unknown_corridor', `unknown corridor id "${c}"`);
      });
    }
    if (typeof e.status === 'string' && e.status !== 'operational' && e.opensYear === undefined) {
      add(['edges', i, 'opensYear'], 'missing_opens_year', `missing; an edge with status "${e.status}" needs opensYear`);
    }
    checkRange(['edges', i, 'transitDays'], e.transitDays);
    checkRange(['edges', i, 'costUsdPerFeu'], e.costUsdPerFeu);
    checkProvenance(['edges', i, 'perTrain'], e.perTrain);
    checkProvenance(['edges', i, 'volume'], e.volume);
    checkPeriods(['edges', i, 'periods'], e.periods, 'transitDays');
    // Geometry: no segment is shorter than the straight line between its ends; a rail line rarely winds to twice it.
    const a = typeof e.from === 'string' ? position.get(e.from) : undefined;
    const b = typeof e.to === 'string' ? position.get(e.to) : undefined;
    if (a && b && typeof e.distanceKm === 'number' && Number.isFinite(e.distanceKm)) {
      const gc = haversineKm(a.lat, a.lon, b.lat, b.lon);
      const km = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 1 });
      if (e.distanceKm < gc * (1 - GEOMETRY_TOLERANCE)) {
        add(['edges', i, 'distanceKm'], 'shorter_than_great_circle', `${km(e.distanceKm)} km is shorter than the ${km(gc)} km great-circle distance between "${String(e.from)}" and "${String(e.to)}": the length or a node's position is wrong`);
      } else if (e.mode === 'rail' && gc > 0 && e.distanceKm > gc * MAX_RAIL_DETOUR) {
        issues.push({
          file,
          jsonPath: jsonPath(['edges', i, 'distanceKm']),
          code: 'long_detour',
          severity: 'warning',
          message: `${km(e.distanceKm)} km is more than ${MAX_RAIL_DETOUR}× the ${km(gc)} km great-circle distance between "${String(e.from)}" and "${String(e.to)}"`,
        });
      }
    }
  });
  records(data.nodes).forEach((n, i) => {
    const id = idOf(n);
    if (id !== undefined && !touched.has(id)) add(['nodes', i, 'id'], 'isolated_node', `no edge touches node "${id}"`);
  });
  return issues;
}

/** Validates parsed network data; returns the typed network or every problem found. */
export function checkNetwork(data: unknown, file = '<input>'): { network: NetworkT | null; issues: ValidationIssue[] } {
  const parsed = Network.safeParse(data, { reportInput: true });
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((i) => zodIssueToIssue(file, i));
  issues.push(...referenceIssues(file, data));
  const errors = issues.filter((i) => i.severity !== 'warning');
  return { network: parsed.success && errors.length === 0 ? parsed.data : null, issues };
}

/**
 * Validates parsed network data and returns it typed.
 * @throws DataValidationError (code INVALID_DATA) listing every problem.
 */
export function parseNetwork(data: unknown, file = '<input>'): NetworkT {
  const { network, issues } = checkNetwork(data, file);
  if (!network) throw new DataValidationError(issues.filter((i) => i.severity !== 'warning'));
  return network;
}

/**
 * Validates an emission-factor file: schema, unknown source ids, duplicate factor ids.
 * @throws DataValidationError (code INVALID_DATA).
 */
export function parseEmissionFactors(data: unknown, file = '<input>'): EmissionFactorsT {
  const parsed = EmissionFactors.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new DataValidationError(parsed.error.issues.flatMap((i) => zodIssueToIssue(file, i)));
  const sources = new Set(parsed.data.sources.map((s) => s.id));
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  parsed.data.factors.forEach((f, i) => {
    if (seen.has(f.id)) issues.push({ file, jsonPath: `$.factors[${i}].id`, code: 'duplicate_id', message: `duplicate id "${f.id}"` });
    seen.add(f.id);
    f.sources.forEach((s, j) => {
      if (!sources.has(s)) issues.push({ file, jsonPath: `$.factors[${i}].sources[${j}]`, code: 'unknown_source', message: `unknown source id "${s}"` });
    });
  });
  parsed.data.tonnesPerFeu.sources.forEach((s, j) => {
    if (!sources.has(s)) issues.push({ file, jsonPath: `$.tonnesPerFeu.sources[${j}]`, code: 'unknown_source', message: `unknown source id "${s}"` });
  });
  if (issues.length) throw new DataValidationError(issues);
  return parsed.data;
}

/**
 * Leftovers in a valid network, as warnings: sources no figure cites and methods no figure names.
 * `corridors validate` prints them; they never make a file invalid.
 */
export function housekeepingIssues(network: NetworkT, file = '<input>'): ValidationIssue[] {
  const cited = new Set<string>();
  const used = new Set<string>();
  const note = (p: { sources?: string[] | undefined; method?: string | undefined } | undefined) => {
    for (const s of p?.sources ?? []) cited.add(s);
    if (p?.method !== undefined) used.add(p.method);
  };
  for (const r of [...network.nodes, ...network.edges]) {
    note(r);
    for (const fb of Object.values(r.fieldBasis ?? {})) note(fb);
    note(r.perTrain);
    note(r.volume);
    for (const p of r.periods ?? []) {
      note(p);
      note(p.perTrain);
    }
  }
  for (const m of network.methods ?? []) for (const s of m.sources) cited.add(s);
  const issues: ValidationIssue[] = [];
  network.sources.forEach((s, i) => {
    if (!cited.has(s.id)) issues.push({ file, jsonPath: `$.sources[${i}].id`, code: 'uncited_source', message: `no figure cites source "${s.id}"`, severity: 'warning' });
  });
  (network.methods ?? []).forEach((m, i) => {
    if (!used.has(m.id)) issues.push({ file, jsonPath: `$.methods[${i}].id`, code: 'unused_method', message: `no figure names method "${m.id}"`, severity: 'warning' });
  });
  return issues;
}
