// What-if edits applied to a copy of the network: the base network is never changed, every edit is checked
// first, and one bad edit rejects the whole set (nothing is half-applied).
import { CorridorsError, DataValidationError, type ValidationIssue } from '../errors.ts';
import { jsonPath } from './json-path.ts';
import { parseJsonText } from './json-text.ts';
import { createModel, type Model } from './model.ts';
import { Edit as EditSchema, Scenario, type Edit, type NumericField, FIGURE_LIMITS, figureProblem, shown, SETTABLE_EDGE_FIELDS, SETTABLE_NODE_FIELDS } from './scenario-schema.ts';
import type { Edge, Network, Node, Range } from './schema.ts';
import { closest } from '../routing/suggest.ts';
import { zodIssueToIssue } from './validate.ts';

/** A scenario or edit list is invalid; `issues` names the file (or flag) and JSON path of each problem. Code INVALID_SCENARIO. */
export class ScenarioError extends DataValidationError {
  constructor(issues: ValidationIssue[]) {
    super(issues, 'INVALID_SCENARIO');
  }
}

/** One edit with where it came from, for error reports. */
export interface LocatedEdit {
  edit: Edit;
  /** The scenario file, or the command-line flag or form field the edit came from. */
  file: string;
  /** JSON path of the edit inside the file ([] for a flag). */
  path: PropertyKey[];
}

/** A network with edits applied: the model to route on and what changed. */
export interface Applied {
  model: Model;
  /** One readable line per edit. */
  changes: string[];
  /** The scenario's year, when it sets one. */
  year?: number;
}

const RANGE_FIELDS = new Set(['transitDays', 'costUsdPerFeu', 'dwellDays', 'dwellCostUsdPerFeu']);

/**
 * Checks a parsed scenario file against the schema and the network's source ids.
 * @throws ScenarioError with every problem.
 */
export function parseScenario(model: Model, data: unknown, file = '<input>'): Scenario {
  const parsed = Scenario.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ScenarioError(parsed.error.issues.flatMap((i) => zodIssueToIssue(file, i)));
  const known = new Set(model.network.sources.map((s) => s.id));
  const issues: ValidationIssue[] = [];
  parsed.data.sources.forEach((s, i) => {
    if (!known.has(s)) issues.push({ file, jsonPath: `$.sources[${i}]`, code: 'unknown_source', message: `unknown source id "${s}"` });
  });
  if (issues.length) throw new ScenarioError(issues);
  return parsed.data;
}

/** The edits of a scenario, located in its file. */
export function scenarioEdits(scenario: Scenario, file: string): LocatedEdit[] {
  return scenario.edits.map((edit, i) => ({ edit, file, path: ['edits', i] }));
}

const hint = (items: { id: string; name: string }[]) =>
  items.length ? `; did you mean ${items.map((s) => (s.name && s.name !== s.id ? `${s.id} (${s.name})` : s.id)).join(', ')}?` : '';

/**
 * Applies edits to a copy of a model's network. `label` names the scenario in the reasons shown for closures.
 * @throws ScenarioError listing every bad edit (unknown ids with the closest ones, bad fields or values).
 */
export function applyEdits(base: Model, edits: readonly LocatedEdit[], label: string, sources: readonly string[] = []): Applied {
  const edges: Edge[] = [...base.network.edges];
  const nodes: Node[] = [...base.network.nodes];
  const closedEdges = new Map(base.closedEdges);
  const closedNodes = new Map(base.closedNodes);
  const issues: ValidationIssue[] = [];
  const changes: string[] = [];
  const sourceIds = sources.length ? { sources: [...sources] } : {};

  for (const { edit, file, path } of edits) {
    const fail = (sub: PropertyKey[], code: string, message: string) => issues.push({ file, jsonPath: jsonPath([...path, ...sub]), code, message });
    const where = edit.note ? ` (${edit.note})` : '';
    if (edit.op === 'add-edge') {
      const e = edit.edge;
      if (edges.some((x) => x.id === e.id)) fail(['edge', 'id'], 'duplicate_id', `an edge "${e.id}" already exists`);
      for (const end of ['from', 'to'] as const) {
        if (!nodes.some((n) => n.id === e[end])) fail(['edge', end], 'unknown_node', `unknown node "${e[end]}"${hint(closest(e[end], nodes))}`);
      }
      e.corridors.forEach((c, j) => {
        if (!base.corridorIds.includes(c)) fail(['edge', 'corridors', j], 'unknown_corridor', `unknown corridor "${c}"; corridors: ${base.corridorIds.join(', ')}`);
      });
      const known = new Set(base.network.sources.map((s) => s.id));
      e.sources.forEach((s, j) => {
        if (!known.has(s)) fail(['edge', 'sources', j], 'unknown_source', `unknown source id "${s}"`);
      });
      for (const field of ['transitDays', 'costUsdPerFeu'] as const) {
        const r = e[field];
        if (r && !(r.min <= r.typical && r.typical <= r.max)) fail(['edge', field], 'range_order', `expected min <= typical <= max, got min ${r.min}, typical ${r.typical}, max ${r.max}`);
      }
      if (e.status !== 'operational' && e.opensYear === undefined) fail(['edge', 'opensYear'], 'missing_opens_year', `missing; an edge with status "${e.status}" needs opensYear`);
      if (e.from === e.to) fail(['edge', 'to'], 'self_loop', `edge starts and ends at "${e.from}"`);
      edges.push(structuredClone(e));
      changes.push(`added ${e.id} (${e.from}–${e.to}, ${e.mode}, ${e.distanceKm} km)${where}`);
      continue;
    }
    const targets = (['edge', 'node', 'line', 'corridor'] as const).filter((k) => k in edit && (edit as Record<string, unknown>)[k] !== undefined);
    if (targets.length !== 1) {
      fail([], 'bad_target', `expected exactly one target (edge, node, line${edit.op === 'close' ? ' or corridor' : ''}), got ${targets.length ? targets.join(' and ') : 'none'}`);
      continue;
    }
    const kind = targets[0] as 'edge' | 'node' | 'line' | 'corridor';
    const id = String((edit as Record<string, unknown>)[kind]);
    // Resolve the target to edge indexes or a node index.
    let edgeIdx: number[] = [];
    let nodeIdx = -1;
    if (kind === 'edge') {
      const i = edges.findIndex((e) => e.id === id);
      if (i < 0) {
        fail([kind], 'unknown_id', `unknown edge "${id}"${hint(closest(id, edges.map((e) => ({ id: e.id, name: e.name ?? e.id }))))}`);
        continue;
      }
      edgeIdx = [i];
    } else if (kind === 'line') {
      edgeIdx = edges.flatMap((e, i) => (e.line === id ? [i] : []));
      if (!edgeIdx.length) {
        const lines = [...new Set(edges.flatMap((e) => (e.line ? [e.line] : [])))];
        fail([kind], 'unknown_id', `unknown line "${id}"${hint(closest(id, lines.map((l) => ({ id: l, name: l }))))}`);
        continue;
      }
    } else if (kind === 'corridor') {
      if (!base.corridorIds.includes(id)) {
        fail([kind], 'unknown_id', `unknown corridor "${id}"${hint(closest(id, base.network.corridors))}`);
        continue;
      }
      edgeIdx = edges.flatMap((e, i) => (e.corridors.length === 1 && e.corridors[0] === id ? [i] : []));
    } else {
      nodeIdx = nodes.findIndex((n) => n.id === id);
      if (nodeIdx < 0) {
        fail([kind], 'unknown_id', `unknown node "${id}"${hint(closest(id, nodes))}`);
        continue;
      }
    }

    if (edit.op === 'close') {
      const reason = `closed by ${label}${where}`;
      if (nodeIdx >= 0) closedNodes.set(id, reason);
      for (const i of edgeIdx) closedEdges.set((edges[i] as Edge).id, reason);
      changes.push(`closed ${kind} ${id}${kind === 'corridor' || kind === 'line' ? ` (${edgeIdx.length} segments)` : ''}${where}`);
      continue;
    }
    if (edit.op === 'open') {
      for (const i of edgeIdx) {
        const e = edges[i] as Edge;
        if (e.status !== 'operational') edges[i] = { ...structuredClone(e), status: 'operational' };
        closedEdges.delete(e.id);
      }
      changes.push(`opened ${kind} ${id}${where}`);
      continue;
    }

    // set and scale
    const field = edit.field;
    const onNode = nodeIdx >= 0;
    const allowed: readonly string[] = onNode ? SETTABLE_NODE_FIELDS : SETTABLE_EDGE_FIELDS;
    if (!allowed.includes(field) || (edit.op === 'scale' && field === 'traction')) {
      fail(['field'], 'bad_field', `field "${field}" cannot be ${edit.op === 'set' ? 'set' : 'scaled'} on a ${onNode ? 'node' : 'edge or line'}; fields: ${allowed.filter((f) => edit.op === 'set' || f !== 'traction').join(', ')}`);
      continue;
    }
    let apply: (old: unknown) => unknown;
    let text: string;
    if (edit.op === 'set') {
      const v = edit.value;
      if (field === 'traction') {
        if (v !== 'electric' && v !== 'diesel') {
          fail(['value'], 'bad_value', `traction: expected "electric" or "diesel", got ${JSON.stringify(v)}`);
          continue;
        }
      } else if (field === 'capacityMtpa') {
        if (v !== null && typeof v !== 'number') {
          fail(['value'], 'bad_value', `capacityMtpa: expected a number of Mt/yr or null, got ${JSON.stringify(v)}`);
          continue;
        }
      } else if (field === 'distanceKm') {
        if (typeof v !== 'number') {
          fail(['value'], 'bad_value', `distanceKm: expected a number of km, got ${JSON.stringify(v)}`);
          continue;
        }
      } else {
        if (typeof v === 'number') {
          // a single number sets typical, min and max alike
        } else if (v !== null && typeof v === 'object') {
          if (!(v.min <= v.typical && v.typical <= v.max)) {
            fail(['value'], 'range_order', `expected min <= typical <= max, got min ${v.min}, typical ${v.typical}, max ${v.max}`);
            continue;
          }
        } else {
          fail(['value'], 'bad_value', `${field}: expected a number or a {typical, min, max} range, got ${JSON.stringify(v)}`);
          continue;
        }
      }
      const problem = field === 'traction' ? null : figureProblem(field, v);
      if (problem) {
        fail(['value'], 'out_of_bounds', problem);
        continue;
      }
      const value = RANGE_FIELDS.has(field) && typeof v === 'number' ? { typical: v, min: v, max: v } : v;
      apply = () => structuredClone(value);
      text = `set ${field} of ${kind} ${id} to ${JSON.stringify(value)}${where}`;
    } else {
      const f = edit.factor;
      apply = (old) => {
        if (old === null || old === undefined) return old;
        if (typeof old === 'number') return old * f;
        const r = old as Range;
        return { typical: r.typical * f, min: r.min * f, max: r.max * f };
      };
      text = `scaled ${field} of ${kind} ${id} by ${f}${where}`;
      // The scaled figure must stay within the same bounds as a set one, or sums and samples could overflow.
      const records: (Node | Edge)[] = onNode ? [nodes[nodeIdx] as Node] : edgeIdx.map((i) => edges[i] as Edge);
      // Planned values of the field (periods) are scaled with it, so they are checked too.
      const values = records.flatMap((record) => {
        const periods = ((record as { periods?: Record<string, unknown>[] }).periods ?? []).filter((p) => field in p);
        return [(record as Record<string, unknown>)[field], ...periods.map((p) => p[field])];
      });
      const problem = values
        .map((old) => {
          const next = apply(old);
          return next === null || next === undefined ? null : figureProblem(field as NumericField, next);
        })
        .find((p) => p !== null);
      if (problem) {
        fail(['factor'], 'out_of_bounds', `scaling by ${shown(f)}: ${problem}`);
        continue;
      }
    }
    const provenance = { basis: 'estimated' as const, ...sourceIds, note: `${text} (what-if)` };
    /** A copy of a node or edge with the field replaced (or removed) and its provenance marked as a what-if. */
    const edited = <T extends Node | Edge>(record: T): T => {
      const copy: Record<string, unknown> = structuredClone(record);
      const next = apply(copy[field]);
      if (next === undefined) delete copy[field];
      else copy[field] = next;
      // A planned value of the same field follows the edit: a set holds for every year, a scale scales it too.
      const periods = copy.periods as Record<string, unknown>[] | undefined;
      if (periods) {
        const kept = periods.filter((p) => {
          if (field in p) {
            if (edit.op === 'set') delete p[field];
            else p[field] = apply(p[field]);
          }
          return ['capacityMtpa', 'transitDays', 'dwellDays', 'perTrain'].some((k) => k in p);
        });
        if (kept.length) copy.periods = kept;
        else delete copy.periods;
      }
      copy.fieldBasis = { ...((copy.fieldBasis as object | undefined) ?? {}), [field]: provenance };
      return copy as T;
    };
    if (onNode) nodes[nodeIdx] = edited(nodes[nodeIdx] as Node);
    else for (const i of edgeIdx) edges[i] = edited(edges[i] as Edge);
    changes.push(text);
  }
  if (issues.length) throw new ScenarioError(issues);

  // Every edit was checked above (targets, fields, values, a new edge's ends, corridors and sources), so the
  // copy is valid without a second full validation (tests/core/apply-scenario.test.ts checks this property).
  const network: Network = { ...base.network, nodes, edges };
  return { model: createModel(network, base.factors, { edges: closedEdges, nodes: closedNodes }), changes };
}

/**
 * Applies a scenario (and then any further edits) to a copy of the model.
 * @throws ScenarioError.
 */
export function applyScenario(base: Model, scenario: Scenario | null, file: string, extra: readonly LocatedEdit[] = []): Applied {
  const edits = [...(scenario ? scenarioEdits(scenario, file) : []), ...extra];
  const label = scenario ? `scenario "${scenario.id}"` : 'what-if edit';
  const applied = applyEdits(base, edits, label, scenario?.sources ?? []);
  return scenario?.year !== undefined ? { ...applied, year: scenario.year } : applied;
}

/** Ad-hoc edits as typed on a command line or in a form: `--close ID`, `--open ID`, `--set ID.field=value`. */
export interface AdhocEdits {
  close?: readonly string[];
  open?: readonly string[];
  set?: readonly string[];
}

/** Field names for ad-hoc edit errors, e.g. "--close" or "close". */
export interface AdhocNames {
  close: string;
  open: string;
  set: string;
}

/** Deepest nesting accepted in a value typed after "=" (a range needs 1). */
const MAX_VALUE_DEPTH = 8;

/** Parses a value typed after "=": a number, null, a word, or a JSON range; or says why it cannot be used. */
function parseValue(text: string): { value: unknown; problem?: string } {
  const t = text.trim();
  if (/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? { value: n } : { value: n, problem: `${t.length > 24 ? `${t.slice(0, 20)}… (${t.length} characters)` : t} is too large for a number` };
  }
  if (t === 'null') return { value: null };
  if (t.startsWith('{')) {
    try {
      const { value, issues } = parseJsonText(t, '', MAX_VALUE_DEPTH);
      const first = issues[0];
      return first ? { value, problem: `${first.jsonPath === '$' ? '' : `${first.jsonPath.slice(2)}: `}${first.message}` } : { value };
    } catch {
      return { value: t };
    }
  }
  return { value: t };
}

/**
 * Turns typed ad-hoc edits into located edits. An id for close may be an edge, a line, a node or a
 * corridor (tried in that order); for open, an edge or a line.
 * @throws ScenarioError naming the flag and the closest ids.
 */
export function parseAdhocEdits(model: Model, input: AdhocEdits, names: AdhocNames = { close: '--close', open: '--open', set: '--set' }): LocatedEdit[] {
  const out: LocatedEdit[] = [];
  const issues: ValidationIssue[] = [];
  const edgeIds = new Set(model.network.edges.map((e) => e.id));
  const lineIds = new Set(model.network.edges.flatMap((e) => (e.line ? [e.line] : [])));
  const nodeIds = new Set(model.network.nodes.map((n) => n.id));
  const everything = [
    ...model.network.edges.map((e) => ({ id: e.id, name: e.name ?? e.id })),
    ...[...lineIds].map((l) => ({ id: l, name: `line ${l}` })),
    ...model.network.nodes,
    ...model.network.corridors,
  ];
  const fail = (flag: string, raw: string, message: string) => issues.push({ file: `${flag} ${raw}`, jsonPath: '$', code: 'bad_edit', message });
  const targetOf = (raw: string, kinds: ('edge' | 'line' | 'node' | 'corridor')[]): Record<string, string> | null => {
    if (kinds.includes('edge') && edgeIds.has(raw)) return { edge: raw };
    if (kinds.includes('line') && lineIds.has(raw)) return { line: raw };
    if (kinds.includes('node') && nodeIds.has(raw)) return { node: raw };
    if (kinds.includes('corridor') && model.corridorIds.includes(raw)) return { corridor: raw };
    return null;
  };
  const unknown = (kinds: string) => (raw: string) => `unknown ${kinds} "${raw}"${hint(closest(raw, everything))}`;
  for (const raw of input.close ?? []) {
    const t = targetOf(raw.trim(), ['edge', 'line', 'node', 'corridor']);
    if (!t) fail(names.close, raw, unknown('edge, line, node or corridor')(raw));
    else out.push({ edit: { op: 'close', ...t } as Edit, file: `${names.close} ${raw}`, path: [] });
  }
  for (const raw of input.open ?? []) {
    const t = targetOf(raw.trim(), ['edge', 'line']);
    if (!t) fail(names.open, raw, unknown('edge or line')(raw));
    else out.push({ edit: { op: 'open', ...t } as Edit, file: `${names.open} ${raw}`, path: [] });
  }
  for (const raw of input.set ?? []) {
    const m = /^\s*([a-z0-9-]+)\.([A-Za-z]+)\s*=\s*(.+)$/.exec(raw);
    if (!m) {
      fail(names.set, raw, 'expected ID.field=value, e.g. sarakhs-razi.capacityMtpa=15');
      continue;
    }
    const [, id = '', field = '', value = ''] = m;
    const t = targetOf(id, ['edge', 'line', 'node']);
    if (!t) {
      fail(names.set, raw, unknown('edge, line or node')(id));
      continue;
    }
    const all = [...SETTABLE_EDGE_FIELDS, ...SETTABLE_NODE_FIELDS] as string[];
    if (!all.includes(field)) {
      fail(names.set, raw, `unknown field "${field}"; fields: ${all.join(', ')}`);
      continue;
    }
    const typed = parseValue(value);
    if (typed.problem) {
      fail(names.set, raw, `${field}: ${typed.problem}`);
      continue;
    }
    const parsed = EditSchema.safeParse({ op: 'set', ...t, field, value: typed.value });
    if (!parsed.success) {
      // A number or range out of the field's bounds gets its own message; anything else the general one.
      const bounds = field in FIGURE_LIMITS && typeof typed.value !== 'string' ? figureProblem(field as NumericField, typed.value) : null;
      fail(names.set, raw, bounds ?? `expected a number >= 0, a {"typical","min","max"} range, null or electric/diesel, got ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`);
      continue;
    }
    out.push({ edit: parsed.data, file: `${names.set} ${raw}`, path: [] });
  }
  if (issues.length) throw new ScenarioError(issues);
  return out;
}

/** True for the errors a scenario or an edit list can raise (to map them to exit 2 / HTTP 400). */
export function isScenarioError(err: unknown): err is ScenarioError {
  return err instanceof CorridorsError && err.code === 'INVALID_SCENARIO';
}
