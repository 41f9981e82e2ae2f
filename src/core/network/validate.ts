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
/** Whether a value is a JSON object (not null, not an array). */
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The records of a list as the reference rules see them: a non-object entry counts as an empty record. */
export const records = (v: unknown): Rec[] => (Array.isArray(v) ? v.map((x) => (isRec(x) ? x : {})) : []);
const idOf = (r: Rec): string | undefined => (typeof r.id === 'string' ? r.id : undefined);

/** Most sources one record or one figure may cite; a figure made by a shared method cites the method instead. */
export const MAX_SOURCES = 6;
/** Most input sources one method may cite. */
export const MAX_METHOD_SOURCES = 24;
/** An edge may be this fraction shorter than the great-circle distance between its nodes (rounded coordinates). */
export const GEOMETRY_TOLERANCE = 0.01;
/** A rail edge longer than this multiple of the great-circle distance gets a warning. */
export const MAX_RAIL_DETOUR = 2;

/** The id collections the reference rules check duplicates in, in the order they report them. */
export const ID_COLLECTIONS = ['sources', 'methods', 'corridors', 'nodes', 'edges'] as const;
/** Something ids can be looked up in: a Set of ids or a Map keyed by id. */
interface IdLookup {
  has(id: string): boolean;
}
/** One decimal, thousands separated: 1,234.5. */
const KM_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * The reference rules, one record at a time: ids that must resolve, ranges in order, periods in order, the
 * geometry of an edge against its nodes' positions, and nodes no edge touches. Both validations run these
 * same rules (this module's reference pass and the single pass of validate-fast.ts), so they report the same
 * issues. Nodes must be checked before edges (edges read the positions the nodes leave) and every id
 * collection must be complete before the records that refer to it are checked.
 */
export class ReferenceRules {
  /** The source, method, corridor and node ids of the network. */
  readonly ids: { sources: IdLookup; methods: IdLookup; corridors: IdLookup; nodes: IdLookup };
  /** Valid positions of the nodes checked so far, by id. */
  readonly position = new Map<string, { lat: number; lon: number }>();
  /** Node ids some edge names as an end. */
  readonly touched = new Set<string>();
  private readonly file: string;
  private readonly asOfYear: number;

  constructor(file: string, data: Rec, ids: ReferenceRules['ids']) {
    this.file = file;
    this.ids = ids;
    this.asOfYear = typeof data.asOf === 'string' ? Number(data.asOf.slice(0, 4)) : Number.NaN;
  }

  private add(out: ValidationIssue[], path: readonly PropertyKey[], code: string, message: string): void {
    out.push({ file: this.file, jsonPath: jsonPath(path), code, message });
  }

  // TRANSITION: while the region data work is merged these rules warn; they become errors after the merge.
  private warn(out: ValidationIssue[], path: readonly PropertyKey[], code: string, message: string): void {
    out.push({ file: this.file, jsonPath: jsonPath(path), code, message, severity: 'warning' });
  }

  /** A record or a figure cites the sources it rests on, no more: a shared method is cited by its id. */
  private sources(out: ValidationIssue[], path: readonly PropertyKey[], list: unknown, max: number = MAX_SOURCES): void {
    if (!Array.isArray(list)) return;
    for (let j = 0; j < list.length; j++) {
      const s: unknown = list[j];
      if (typeof s === 'string' && !this.ids.sources.has(s)) this.add(out, [...path, j], 'unknown_source', `unknown source id "${s}"`);
    }
    if (list.length > max) {
      this.warn(out, path, 'too_many_sources', `${list.length} sources; a figure cites at most ${max} (name a shared method in "method" instead of its inputs)`);
    }
  }

  private method(out: ValidationIssue[], path: readonly PropertyKey[], id: unknown): void {
    if (typeof id === 'string' && !this.ids.methods.has(id)) this.add(out, path, 'unknown_method', `unknown method id "${id}"`);
  }

  /** Sources and method of a figure object (fieldBasis entry, perTrain, volume, period). */
  private provenance(out: ValidationIssue[], path: readonly PropertyKey[], v: unknown): void {
    if (!isRec(v)) return;
    this.sources(out, [...path, 'sources'], v.sources);
    this.method(out, [...path, 'method'], v.method);
  }

  private fieldBasis(out: ValidationIssue[], path: readonly PropertyKey[], fb: unknown): void {
    if (!isRec(fb)) return;
    for (const [field, v] of Object.entries(fb)) this.provenance(out, [...path, field], v);
  }

  private range(out: ValidationIssue[], path: readonly PropertyKey[], r: unknown): void {
    if (!isRec(r)) return;
    const { min, typical, max } = r;
    if (typeof min !== 'number' || typeof typical !== 'number' || typeof max !== 'number') return;
    if (!(min <= typical && typical <= max)) {
      this.add(out, path, 'range_order', `expected min <= typical <= max, got min ${min}, typical ${typical}, max ${max}`);
    }
  }

  /** Periods: after the network's as-of year, in increasing order, each with resolvable provenance. */
  private periods(out: ValidationIssue[], path: readonly PropertyKey[], periods: unknown, rangeField: string): void {
    if (!Array.isArray(periods)) return;
    let last = -Infinity;
    periods.forEach((p: unknown, j) => {
      if (!isRec(p)) return;
      this.provenance(out, [...path, j], p);
      this.provenance(out, [...path, j, 'perTrain'], p.perTrain);
      this.range(out, [...path, j, rangeField], p[rangeField]);
      const y = p.fromYear;
      if (typeof y !== 'number') return;
      if (Number.isFinite(this.asOfYear) && y <= this.asOfYear) {
        this.add(out, [...path, j, 'fromYear'], 'period_not_future', `expected a year after the network's as-of year ${this.asOfYear}, got ${y} (today's value belongs in the base field)`);
      }
      if (y <= last) this.add(out, [...path, j, 'fromYear'], 'period_order', `expected periods in increasing fromYear, got ${y} after ${last}`);
      last = y;
    });
  }

  /** The rules for methods[i]. */
  methodRecord(out: ValidationIssue[], m: Rec, i: number): void {
    this.sources(out, ['methods', i, 'sources'], m.sources, MAX_METHOD_SOURCES);
  }

  /** The rules for nodes[i]; also records its position for the edges' geometry. */
  nodeRecord(out: ValidationIssue[], n: Rec, i: number): void {
    this.sources(out, ['nodes', i, 'sources'], n.sources);
    if (n.fieldBasis !== undefined) this.fieldBasis(out, ['nodes', i, 'fieldBasis'], n.fieldBasis);
    if (n.dwellDays !== undefined) this.range(out, ['nodes', i, 'dwellDays'], n.dwellDays);
    if (n.dwellCostUsdPerFeu !== undefined) this.range(out, ['nodes', i, 'dwellCostUsdPerFeu'], n.dwellCostUsdPerFeu);
    if (n.perTrain !== undefined) this.provenance(out, ['nodes', i, 'perTrain'], n.perTrain);
    if (n.volume !== undefined) this.provenance(out, ['nodes', i, 'volume'], n.volume);
    if (n.periods !== undefined) this.periods(out, ['nodes', i, 'periods'], n.periods, 'dwellDays');
    const id = idOf(n);
    const { lat, lon } = n;
    if (id !== undefined && typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) this.position.set(id, { lat, lon });
  }

  /** The rules for edges[i]; also marks its ends as touched. */
  edgeRecord(out: ValidationIssue[], e: Rec, i: number): void {
    this.sources(out, ['edges', i, 'sources'], e.sources);
    if (e.fieldBasis !== undefined) this.fieldBasis(out, ['edges', i, 'fieldBasis'], e.fieldBasis);
    const { from, to } = e;
    if (typeof from === 'string') {
      this.touched.add(from);
      if (!this.ids.nodes.has(from)) this.add(out, ['edges', i, 'from'], 'unknown_node', `unknown node id "${from}"`);
    }
    if (typeof to === 'string') {
      this.touched.add(to);
      if (!this.ids.nodes.has(to)) this.add(out, ['edges', i, 'to'], 'unknown_node', `unknown node id "${to}"`);
    }
    if (typeof from === 'string' && from === to) this.add(out, ['edges', i, 'to'], 'self_loop', `edge starts and ends at "${from}"`);
    const corridors = e.corridors;
    if (Array.isArray(corridors)) {
      for (let j = 0; j < corridors.length; j++) {
        const c: unknown = corridors[j];
        if (typeof c === 'string' && !this.ids.corridors.has(c)) this.add(out, ['edges', i, 'corridors', j], 'unknown_corridor', `unknown corridor id "${c}"`);
      }
    }
    if (typeof e.status === 'string' && e.status !== 'operational' && e.opensYear === undefined) {
      this.add(out, ['edges', i, 'opensYear'], 'missing_opens_year', `missing; an edge with status "${e.status}" needs opensYear`);
    }
    this.range(out, ['edges', i, 'transitDays'], e.transitDays);
    if (e.costUsdPerFeu !== undefined) this.range(out, ['edges', i, 'costUsdPerFeu'], e.costUsdPerFeu);
    if (e.perTrain !== undefined) this.provenance(out, ['edges', i, 'perTrain'], e.perTrain);
    if (e.volume !== undefined) this.provenance(out, ['edges', i, 'volume'], e.volume);
    if (e.periods !== undefined) this.periods(out, ['edges', i, 'periods'], e.periods, 'transitDays');
    // Geometry: no segment is shorter than the straight line between its ends; a rail line rarely winds to twice it.
    const a = typeof from === 'string' ? this.position.get(from) : undefined;
    const b = typeof to === 'string' ? this.position.get(to) : undefined;
    const distanceKm = e.distanceKm;
    if (a && b && typeof distanceKm === 'number' && Number.isFinite(distanceKm)) {
      const gc = haversineKm(a.lat, a.lon, b.lat, b.lon);
      if (distanceKm < gc * (1 - GEOMETRY_TOLERANCE)) {
        this.warn(out, ['edges', i, 'distanceKm'], 'shorter_than_great_circle', `${KM_FORMAT.format(distanceKm)} km is shorter than the ${KM_FORMAT.format(gc)} km great-circle distance between "${String(from)}" and "${String(to)}": the length or a node's position is wrong`);
      } else if (e.mode === 'rail' && gc > 0 && distanceKm > gc * MAX_RAIL_DETOUR) {
        this.warn(out, ['edges', i, 'distanceKm'], 'long_detour', `${KM_FORMAT.format(distanceKm)} km is more than ${MAX_RAIL_DETOUR}× the ${KM_FORMAT.format(gc)} km great-circle distance between "${String(from)}" and "${String(to)}"`);
      }
    }
  }

  /** After every edge: the nodes no edge touches. */
  isolatedNodes(out: ValidationIssue[], nodes: unknown): void {
    if (!Array.isArray(nodes)) return;
    for (let i = 0; i < nodes.length; i++) {
      const n: unknown = nodes[i];
      const id = isRec(n) ? idOf(n) : undefined;
      if (id !== undefined && !this.touched.has(id)) this.add(out, ['nodes', i, 'id'], 'isolated_node', `no edge touches node "${id}"`);
    }
  }
}

/** The issue for the second and later uses of an id in one collection. */
export function duplicateIssue(file: string, key: (typeof ID_COLLECTIONS)[number], i: number, id: string): ValidationIssue {
  return { file, jsonPath: jsonPath([key, i, 'id']), code: 'duplicate_id', message: `duplicate id "${id}" in ${key}` };
}

/** The ids of one collection; an issue for each later use of an id. */
export function collectIds(file: string, key: (typeof ID_COLLECTIONS)[number], list: unknown, out: ValidationIssue[]): Set<string> {
  const seen = new Set<string>();
  records(list).forEach((r, i) => {
    const id = idOf(r);
    if (id === undefined) return;
    if (seen.has(id)) out.push(duplicateIssue(file, key, i, id));
    seen.add(id);
  });
  return seen;
}

/** The reference pass, run on the raw data so it reports even when the schema pass also failed. */
function referenceIssues(file: string, data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRec(data)) return issues;
  const sources = collectIds(file, 'sources', data.sources, issues);
  const methods = collectIds(file, 'methods', data.methods, issues);
  const corridors = collectIds(file, 'corridors', data.corridors, issues);
  const nodes = collectIds(file, 'nodes', data.nodes, issues);
  collectIds(file, 'edges', data.edges, issues);
  const rules = new ReferenceRules(file, data, { sources, methods, corridors, nodes });
  records(data.methods).forEach((m, i) => rules.methodRecord(issues, m, i));
  records(data.nodes).forEach((n, i) => rules.nodeRecord(issues, n, i));
  records(data.edges).forEach((e, i) => rules.edgeRecord(issues, e, i));
  rules.isolatedNodes(issues, data.nodes);
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
