// Network validation: a schema pass (zod) and a reference pass (ids that must resolve, ranges in
// order, opening years, untouched nodes), both collecting every problem with its JSON path; for large files
// one pass that does both (single-pass.ts) and reports the same.
import { DataValidationError, type ValidationIssue } from '../errors.ts';
import { ReferenceRules, collectIds, isRec, records } from './reference-rules.ts';
import { Network, EmissionFactors } from './schema.ts';
import type { Network as NetworkT, EmissionFactors as EmissionFactorsT } from './schema.ts';
import { checkNetworkSinglePass } from './single-pass.ts';
import { zodIssueToIssue } from './zod-issues.ts';

export { zodIssueToIssue } from './zod-issues.ts';
export { GEOMETRY_TOLERANCE, MAX_METHOD_SOURCES, MAX_RAIL_DETOUR, MAX_SOURCES } from './reference-rules.ts';
export { checkNetworkSinglePass } from './single-pass.ts';

/** The reference pass, run on the raw data so it reports even when the schema pass also failed. */
function referenceIssues(file: string, data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRec(data)) return issues;
  const sources = collectIds(file, 'sources', data.sources, issues);
  const methods = collectIds(file, 'methods', data.methods, issues);
  const corridors = collectIds(file, 'corridors', data.corridors, issues);
  collectIds(file, 'nodes', data.nodes, issues);
  collectIds(file, 'edges', data.edges, issues);
  const rules = new ReferenceRules(file, data, { sources, methods, corridors });
  records(data.methods).forEach((m, i) => rules.methodRecord(issues, m, i));
  records(data.nodes).forEach((n, i) => rules.nodeRecord(issues, n, i));
  records(data.edges).forEach((e, i) => rules.edgeRecord(issues, e, i));
  rules.isolatedNodes(issues, data.nodes);
  return issues;
}

/**
 * Validates parsed network data in two passes, the zod schema over the whole file and then the reference rules;
 * returns the typed network (a copy) or every problem found.
 */
export function checkNetworkInTwoPasses(data: unknown, file = '<input>'): { network: NetworkT | null; issues: ValidationIssue[] } {
  const parsed = Network.safeParse(data, { reportInput: true });
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((i) => zodIssueToIssue(file, i));
  issues.push(...referenceIssues(file, data));
  const errors = issues.filter((i) => i.severity !== 'warning');
  return { network: parsed.success && errors.length === 0 ? parsed.data : null, issues };
}

/** From this many nodes and edges together, a network is checked in one pass (same issues, several times faster). */
export const SINGLE_PASS_MIN_RECORDS = 5_000;

/**
 * Validates parsed network data; returns the typed network or every problem found (errors and warnings), each
 * with its file and JSON path. Large networks (SINGLE_PASS_MIN_RECORDS) are checked in one pass and returned as
 * given, smaller ones by the schema and then the reference rules and returned as the schema's copy; both report
 * the same issues.
 */
export function checkNetwork(data: unknown, file = '<input>'): { network: NetworkT | null; issues: ValidationIssue[] } {
  const size = isRec(data) && Array.isArray(data.nodes) && Array.isArray(data.edges) ? data.nodes.length + data.edges.length : 0;
  if (size < SINGLE_PASS_MIN_RECORDS) return checkNetworkInTwoPasses(data, file);
  return checkNetworkSinglePass(data, file);
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
