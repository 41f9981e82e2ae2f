// The single-pass validation for large network files: one walk over the nodes and the edges checks each record
// against the schema with compiled checks and runs the reference rules on it, while it fills the id look-ups the
// model needs. A record the compiled checks do not accept is handed to its zod schema for the exact issues, so this
// pass and the two-pass validation (validate.ts) report the same issues in the same order.
import { z } from 'zod';
import type { ValidationIssue } from '../errors.ts';
import { ReferenceRules, collectIds, duplicateIssue, isRec, type Rec } from './reference-rules.ts';
import {
  Basis,
  CapacityScope,
  Edge,
  EdgeFields,
  LIMITS,
  Mode,
  Network,
  Node,
  NodeFields,
  NodeKind,
  Status,
  Traction,
  type Edge as EdgeT,
  type Network as NetworkT,
  type Node as NodeT,
} from './schema.ts';
import { keepLookups } from './model.ts';
import { zodIssueToIssue } from './zod-issues.ts';

/** Whether a value passes a check; a check never throws and never says yes where the zod schema says no. */
type Check = (v: unknown) => boolean;

const text: Check = (v) => typeof v === 'string';
const nonEmptyText: Check = (v) => typeof v === 'string' && v.length > 0;
const between = (min: number, max: number): Check => (v) => typeof v === 'number' && v >= min && v <= max;
const integerBetween = (min: number, max: number): Check => (v) => typeof v === 'number' && v >= min && v <= max && Number.isInteger(v);
const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => typeof v === 'string' && set.has(v);
};
const isTrue: Check = (v) => v === true;
const nullable = (check: Check): Check => (v) => v === null || check(v);
const arrayOf = (item: Check, minLength = 0): Check => (v) => {
  if (!Array.isArray(v) || v.length < minLength) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
};

/**
 * The schema's Id pattern, ^[a-z0-9]+(?:-[a-z0-9]+)*$, without a regular expression: lower-case letters and
 * digits in groups joined by single hyphens.
 */
export const isKebabId: Check = (v) => {
  if (typeof v !== 'string' || v.length === 0) return false;
  let previousHyphen = true;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 45) {
      if (previousHyphen) return false;
      previousHyphen = true;
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) previousHyphen = false;
    else return false;
  }
  return !previousHyphen;
};

const COUNTRY = /^[A-Z]{2}$/;
const country: Check = (v) => typeof v === 'string' && COUNTRY.test(v);

/** How many enumerable keys an object has, its prototype's included (as zod's strict objects count them). */
function keyCount(v: Rec): number {
  let n = 0;
  for (const _ in v) n++;
  return n;
}

/** A strict object: every required field present and passing, every other field known and passing (or undefined). */
function strict(required: Record<string, Check>, optional: Record<string, Check>): Check {
  const requiredList = Object.entries(required);
  const fields = new Map<string, Check | null>(Object.entries(optional));
  for (const [key] of requiredList) fields.set(key, null);
  return (v) => {
    if (!isRec(v)) return false;
    for (const [key, fieldCheck] of requiredList) if (!fieldCheck(v[key])) return false;
    for (const key in v) {
      const fieldCheck = fields.get(key);
      if (fieldCheck === undefined) return false;
      if (fieldCheck !== null) {
        const x = v[key];
        if (x !== undefined && !fieldCheck(x)) return false;
      }
    }
    return true;
  };
}

/** A record keyed by some of the given names, each value passing `value`. */
const partialRecord = (keys: readonly string[], value: Check): Check => {
  const known = new Set(keys);
  return (v) => {
    if (!isRec(v)) return false;
    for (const key in v) if (!known.has(key) || !value(v[key])) return false;
    return true;
  };
};

const ids = arrayOf(isKebabId);
const basis = oneOf(Basis.options);
/** A range object: exactly typical, min and max, each a number from 0 to `max` (the order is a reference rule). */
const range = (max: number): Check => (v) => {
  if (!isRec(v)) return false;
  const { typical, min, max: high } = v;
  return typeof typical === 'number' && typical >= 0 && typical <= max && typeof min === 'number' && min >= 0 && min <= max && typeof high === 'number' && high >= 0 && high <= max && keyCount(v) === 3;
};
const daysRange = range(LIMITS.days);
const costRange = range(LIMITS.costUsdPerFeu);
const capacity = between(0, LIMITS.capacityMtpa);
const provenance = { basis, sources: ids };
const provenanceExtras = { method: isKebabId, note: text };

/** The checks of the objects nested in a node or an edge. */
const fieldBasis = strict({ basis }, { sources: ids, method: isKebabId, note: text });
const perTrain = strict(
  { unit: oneOf(['train', 'sailing']), ...provenance },
  { wagons: between(0, LIMITS.perTrain), tonnes: between(0, LIMITS.perTrain), teu: between(0, LIMITS.perTrain), ...provenanceExtras },
);
const volume = strict({ mtpa: capacity, year: integerBetween(1900, 2100), ...provenance }, { scope: oneOf(CapacityScope.options), ...provenanceExtras });
const periodYear = integerBetween(1900, 2100);
const nodePeriods = arrayOf(strict({ fromYear: periodYear, ...provenance }, { capacityMtpa: nullable(capacity), dwellDays: daysRange, perTrain, ...provenanceExtras }));
const edgePeriods = arrayOf(strict({ fromYear: periodYear, ...provenance }, { capacityMtpa: nullable(capacity), transitDays: daysRange, perTrain, ...provenanceExtras }));
const nodeFieldBasis = partialRecord(NodeFields.options, fieldBasis);
const edgeFieldBasis = partialRecord(EdgeFields.options, fieldBasis);
const aliases = arrayOf(nonEmptyText);
const latitude = between(-90, 90);
const longitude = between(-180, 180);
const waypoints = arrayOf((v) => Array.isArray(v) && v.length === 2 && longitude(v[0]) && latitude(v[1]));
const nodeKind = oneOf(NodeKind.options);
const mode = oneOf(Mode.options);
const status = oneOf(Status.options);
const traction = oneOf(Traction.options);
const capacityScope = oneOf(CapacityScope.options);
const sourceIds = arrayOf(isKebabId, 1);
const nullableCapacity = nullable(capacity);
const teuPerYear = between(0, LIMITS.teuPerYear);
const distanceKm = between(0, LIMITS.distanceKm);
const opensYear = integerBetween(1800, 2100);

/** An optional field: absent (undefined) or passing its check. */
const opt = (value: unknown, check: Check): 0 | 1 | -1 => (value === undefined ? 0 : check(value) ? 1 : -1);

/**
 * The Node schema as one function over a parsed JSON object: each field read once by name (records of one shape
 * share the engine's fast property access), then the key count shows there is no field the schema does not know.
 */
export function nodeOk(v: unknown): boolean {
  if (!isRec(v)) return false;
  const n = v;
  if (!isKebabId(n.id) || !nonEmptyText(n.name) || !country(n.country) || !latitude(n.lat) || !longitude(n.lon)) return false;
  if (!nodeKind(n.kind) || !basis(n.basis) || !sourceIds(n.sources)) return false;
  let known = 8;
  let r: number;
  if ((r = opt(n.aliases, aliases)) < 0) return false;
  known += r;
  if ((r = opt(n.dwellDays, daysRange)) < 0) return false;
  known += r;
  if ((r = opt(n.dwellCostUsdPerFeu, costRange)) < 0) return false;
  known += r;
  if ((r = opt(n.gaugeChange, isTrue)) < 0) return false;
  known += r;
  if ((r = opt(n.capacityMtpa, nullableCapacity)) < 0) return false;
  known += r;
  if ((r = opt(n.capacityScope, capacityScope)) < 0) return false;
  known += r;
  if ((r = opt(n.capacityTeuPerYear, teuPerYear)) < 0) return false;
  known += r;
  if ((r = opt(n.perTrain, perTrain)) < 0) return false;
  known += r;
  if ((r = opt(n.volume, volume)) < 0) return false;
  known += r;
  if ((r = opt(n.periods, nodePeriods)) < 0) return false;
  known += r;
  if ((r = opt(n.fieldBasis, nodeFieldBasis)) < 0) return false;
  known += r;
  if ((r = opt(n.note, text)) < 0) return false;
  known += r;
  return keyCount(n) === known;
}

/** The Edge schema as one function over a parsed JSON object (see nodeOk). */
export function edgeOk(v: unknown): boolean {
  if (!isRec(v)) return false;
  const e = v;
  if (!isKebabId(e.id) || !isKebabId(e.from) || !isKebabId(e.to) || !mode(e.mode) || !distanceKm(e.distanceKm) || !daysRange(e.transitDays)) return false;
  if (!nullableCapacity(e.capacityMtpa) || !status(e.status) || !sourceIds(e.corridors) || !basis(e.basis) || !sourceIds(e.sources)) return false;
  let known = 11;
  let r: number;
  if ((r = opt(e.name, nonEmptyText)) < 0) return false;
  known += r;
  if ((r = opt(e.line, isKebabId)) < 0) return false;
  known += r;
  if ((r = opt(e.capacityScope, capacityScope)) < 0) return false;
  known += r;
  if ((r = opt(e.capacityTeuPerYear, teuPerYear)) < 0) return false;
  known += r;
  if ((r = opt(e.perTrain, perTrain)) < 0) return false;
  known += r;
  if ((r = opt(e.volume, volume)) < 0) return false;
  known += r;
  if ((r = opt(e.periods, edgePeriods)) < 0) return false;
  known += r;
  if ((r = opt(e.costUsdPerFeu, costRange)) < 0) return false;
  known += r;
  if ((r = opt(e.traction, traction)) < 0) return false;
  known += r;
  if ((r = opt(e.opensYear, opensYear)) < 0) return false;
  known += r;
  if ((r = opt(e.fieldBasis, edgeFieldBasis)) < 0) return false;
  known += r;
  if ((r = opt(e.waypoints, waypoints)) < 0) return false;
  known += r;
  if ((r = opt(e.note, text)) < 0) return false;
  known += r;
  return keyCount(e) === known;
}

/** The network's own fields and its small lists, checked by zod; the nodes and the edges are left to the single pass. */
const NetworkHead = Network.extend({ nodes: z.unknown().optional(), edges: z.unknown().optional() });
/** The lists themselves (an array of at least 2 nodes, of at least 1 edge), checked by zod only when they fail. */
const LISTS = { nodes: z.array(z.unknown()).min(2), edges: z.array(z.unknown()).min(1) };
/** The order in which zod reports the network's fields; unknown fields come last. */
const FIELD_ORDER = new Map(Object.keys(Network.shape).map((key, i) => [key, i]));

/** Where a record's own issues go among the head's: before the first issue at or after the record's list. */
function insertAt(head: readonly ValidationIssue[], headPaths: readonly (PropertyKey | undefined)[], key: string): number {
  const rank = FIELD_ORDER.get(key) ?? Infinity;
  const at = headPaths.findIndex((first) => (first === undefined ? Infinity : (FIELD_ORDER.get(String(first)) ?? Infinity)) >= rank);
  return at === -1 ? head.length : at;
}

const EMPTY: Rec = Object.freeze({});

/**
 * Validates parsed network data in one pass over its nodes and edges: the same issues as the two-pass validation
 * (checkNetworkInTwoPasses in validate.ts), in the same order. A valid network is the input itself (no copy, its
 * fields in the file's order); the node and edge look-ups built on the way are kept for createModel.
 */
export function checkNetworkSinglePass(data: unknown, file = '<input>'): { network: NetworkT | null; issues: ValidationIssue[] } {
  const head = NetworkHead.safeParse(data, { reportInput: true });
  const headIssues: ValidationIssue[] = [];
  const headPaths: (PropertyKey | undefined)[] = [];
  if (!head.success) {
    for (const issue of head.error.issues) {
      for (const located of zodIssueToIssue(file, issue)) {
        headIssues.push(located);
        headPaths.push(issue.path[0]);
      }
    }
  }
  if (!isRec(data)) return { network: null, issues: headIssues };

  const duplicates: ValidationIssue[] = [];
  const sources = collectIds(file, 'sources', data.sources, duplicates);
  const methods = collectIds(file, 'methods', data.methods, duplicates);
  const corridors = collectIds(file, 'corridors', data.corridors, duplicates);
  const nodeById = new Map<string, Rec>();
  const edgeById = new Map<string, Rec>();
  const rules = new ReferenceRules(file, data, { sources, methods, corridors });
  const methodIssues: ValidationIssue[] = [];
  if (Array.isArray(data.methods)) data.methods.forEach((m: unknown, i) => rules.methodRecord(methodIssues, isRec(m) ? m : EMPTY, i));

  const nodeScan = scanRecords(file, 'nodes', data.nodes, nodeOk, Node, nodeById, (out, r, i) => rules.nodeRecord(out, r, i));
  const edgeScan = scanRecords(file, 'edges', data.edges, edgeOk, Edge, edgeById, (out, r, i) => rules.edgeRecord(out, r, i));
  const nodes = data.nodes;
  const isolated: ValidationIssue[] = [];
  rules.isolatedNodes(isolated, nodes);

  // The schema's issues in zod's order: the head's fields in schema order, each list's records before the list's own issues.
  const schema = [...headIssues];
  const paths = [...headPaths];
  for (const [key, list] of [
    ['nodes', [...nodeScan.schema, ...nodeScan.list]],
    ['edges', [...edgeScan.schema, ...edgeScan.list]],
  ] as const) {
    const at = insertAt(schema, paths, key);
    schema.splice(at, 0, ...list);
    paths.splice(at, 0, ...list.map(() => key));
  }
  const issues = [...schema, ...duplicates, ...nodeScan.duplicates, ...edgeScan.duplicates, ...methodIssues, ...nodeScan.issues, ...edgeScan.issues, ...isolated];
  if (!issues.every((i) => i.severity === 'warning')) return { network: null, issues };
  const network = data as NetworkT;
  keepLookups(network, { nodeById: nodeById as Map<string, NodeT>, edgeById: edgeById as Map<string, EdgeT> });
  return { network, issues };
}

/**
 * One pass over the nodes or the edges: each record's schema issues (by zod, only where the fast check fails), its
 * id kept (a duplicate reported), and its reference rules; plus the list's own issues.
 */
function scanRecords(
  file: string,
  key: 'nodes' | 'edges',
  value: unknown,
  ok: (v: unknown) => boolean,
  recordSchema: z.ZodType,
  byId: Map<string, Rec>,
  rules: (out: ValidationIssue[], r: Rec, i: number) => void,
): { schema: ValidationIssue[]; list: ValidationIssue[]; duplicates: ValidationIssue[]; issues: ValidationIssue[] } {
  const schema: ValidationIssue[] = [];
  const duplicates: ValidationIssue[] = [];
  const issues: ValidationIssue[] = [];
  const list = listIssues(file, key, value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const x: unknown = value[i];
      if (!ok(x)) recordIssues(schema, file, recordSchema, x, key, i);
      const r = isRec(x) ? x : EMPTY;
      const id = r.id;
      if (typeof id === 'string') {
        // One hash look-up: the map does not grow when the id is already there.
        const before = byId.size;
        byId.set(id, r);
        if (byId.size === before) duplicates.push(duplicateIssue(file, key, i, id));
      }
      rules(issues, r, i);
    }
  }
  return { schema, list, duplicates, issues };
}

/** The issues of the nodes or the edges list itself (not an array, too short), by zod, when there are any. */
function listIssues(file: string, key: 'nodes' | 'edges', value: unknown): ValidationIssue[] {
  if (Array.isArray(value) && value.length >= (key === 'nodes' ? 2 : 1)) return [];
  const parsed = LISTS[key].safeParse(value, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues.flatMap((issue) => zodIssueToIssue(file, issue, [key]));
}

/** A record's schema issues by its zod schema, located in the file. */
function recordIssues(out: ValidationIssue[], file: string, schema: z.ZodType, record: unknown, key: string, i: number): void {
  const parsed = schema.safeParse(record, { reportInput: true });
  if (!parsed.success) for (const issue of parsed.error.issues) out.push(...zodIssueToIssue(file, issue, [key, i]));
}
