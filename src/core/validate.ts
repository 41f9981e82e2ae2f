// Network validation: a schema pass (zod) and a reference pass (ids that must resolve, ranges in
// order, opening years, untouched nodes). Both passes collect every problem with its JSON path.
import type { z } from 'zod';
import { DataValidationError, type ValidationIssue } from './errors.ts';
import { describeValue, jsonPath } from './json-path.ts';
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

/** The reference pass, run on the raw data so it reports even when the schema pass also failed. */
function referenceIssues(file: string, data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRec(data)) return issues;
  const add = (path: PropertyKey[], code: string, message: string) => issues.push({ file, jsonPath: jsonPath(path), code, message });

  const ids: Record<string, Set<string>> = {};
  for (const key of ['sources', 'corridors', 'nodes', 'edges']) {
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

  const checkSources = (path: PropertyKey[], list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((s, j) => {
      if (typeof s === 'string' && !sources.has(s)) add([...path, j], 'unknown_source', `unknown source id "${s}"`);
    });
  };
  const checkFieldBasis = (path: PropertyKey[], fb: unknown) => {
    if (!isRec(fb)) return;
    for (const [field, v] of Object.entries(fb)) if (isRec(v)) checkSources([...path, field, 'sources'], v.sources);
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
  records(data.nodes).forEach((n, i) => {
    checkSources(['nodes', i, 'sources'], n.sources);
    checkFieldBasis(['nodes', i, 'fieldBasis'], n.fieldBasis);
    checkRange(['nodes', i, 'dwellDays'], n.dwellDays);
    checkRange(['nodes', i, 'dwellCostUsdPerFeu'], n.dwellCostUsdPerFeu);
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
  return { network: parsed.success && issues.length === 0 ? parsed.data : null, issues };
}

/**
 * Validates parsed network data and returns it typed.
 * @throws DataValidationError (code INVALID_DATA) listing every problem.
 */
export function parseNetwork(data: unknown, file = '<input>'): NetworkT {
  const { network, issues } = checkNetwork(data, file);
  if (!network) throw new DataValidationError(issues);
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
