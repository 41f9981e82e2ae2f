// The reference rules of a network file, one record at a time: ids that must resolve, duplicates, ranges and
// periods in order, each edge's length against its nodes' positions, and nodes no edge touches.
import type { ValidationIssue } from '../errors.ts';
import { haversineKm } from './geo.ts';
import { jsonPath } from './json-path.ts';

/** A JSON object as read from a file, before validation. */
export type Rec = Record<string, unknown>;
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

/** What the rules know of a node id: its last valid position, and whether an edge names it. */
interface NodeState {
  lat: number;
  lon: number;
  positioned: boolean;
  touched: boolean;
}

/**
 * The reference rules, one record at a time: ids that must resolve, ranges in order, periods in order, the
 * geometry of an edge against its nodes' positions, and nodes no edge touches. Both validations run these
 * same rules (the reference pass of validate.ts and the single pass of single-pass.ts), so they report the same
 * issues. The sources, methods and corridors are collected first, then every node is checked, then every edge
 * (an edge reads the ids and positions the nodes leave), then the nodes no edge touched are reported.
 */
export class ReferenceRules {
  private readonly ids: { sources: IdLookup; methods: IdLookup; corridors: IdLookup };
  /** Every node id met so far. */
  private readonly nodes = new Map<string, NodeState>();
  private readonly file: string;
  private readonly asOfYear: number;

  constructor(file: string, data: Rec, ids: { sources: IdLookup; methods: IdLookup; corridors: IdLookup }) {
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
  private sources(out: ValidationIssue[], at: readonly PropertyKey[], list: unknown, max: number = MAX_SOURCES): void {
    if (!Array.isArray(list)) return;
    for (let j = 0; j < list.length; j++) {
      const s: unknown = list[j];
      if (typeof s === 'string' && !this.ids.sources.has(s)) this.add(out, [...at, 'sources', j], 'unknown_source', `unknown source id "${s}"`);
    }
    if (list.length > max) {
      this.warn(out, [...at, 'sources'], 'too_many_sources', `${list.length} sources; a figure cites at most ${max} (name a shared method in "method" instead of its inputs)`);
    }
  }

  /** Sources and method of a figure object (fieldBasis entry, perTrain, volume, period) at path `at`. */
  private provenance(out: ValidationIssue[], at: readonly PropertyKey[], v: unknown): void {
    if (!isRec(v)) return;
    this.sources(out, at, v.sources);
    const id = v.method;
    if (typeof id === 'string' && !this.ids.methods.has(id)) this.add(out, [...at, 'method'], 'unknown_method', `unknown method id "${id}"`);
  }

  private fieldBasis(out: ValidationIssue[], at: readonly PropertyKey[], fb: unknown): void {
    if (!isRec(fb)) return;
    for (const [field, v] of Object.entries(fb)) this.provenance(out, [...at, 'fieldBasis', field], v);
  }

  private range(out: ValidationIssue[], at: readonly PropertyKey[], field: PropertyKey, r: unknown): void {
    if (!isRec(r)) return;
    const { min, typical, max } = r;
    if (typeof min !== 'number' || typeof typical !== 'number' || typeof max !== 'number') return;
    if (!(min <= typical && typical <= max)) {
      this.add(out, [...at, field], 'range_order', `expected min <= typical <= max, got min ${min}, typical ${typical}, max ${max}`);
    }
  }

  /** Periods: after the network's as-of year, in increasing order, each with resolvable provenance. */
  private periods(out: ValidationIssue[], at: readonly PropertyKey[], periods: unknown, rangeField: string): void {
    if (!Array.isArray(periods)) return;
    let last = -Infinity;
    periods.forEach((p: unknown, j) => {
      if (!isRec(p)) return;
      const pat = [...at, 'periods', j];
      this.provenance(out, pat, p);
      this.provenance(out, [...pat, 'perTrain'], p.perTrain);
      this.range(out, pat, rangeField, p[rangeField]);
      const y = p.fromYear;
      if (typeof y !== 'number') return;
      if (Number.isFinite(this.asOfYear) && y <= this.asOfYear) {
        this.add(out, [...pat, 'fromYear'], 'period_not_future', `expected a year after the network's as-of year ${this.asOfYear}, got ${y} (today's value belongs in the base field)`);
      }
      if (y <= last) this.add(out, [...pat, 'fromYear'], 'period_order', `expected periods in increasing fromYear, got ${y} after ${last}`);
      last = y;
    });
  }

  /** The rules for methods[i]. */
  methodRecord(out: ValidationIssue[], m: Rec, i: number): void {
    this.sources(out, ['methods', i], m.sources, MAX_METHOD_SOURCES);
  }

  /** The rules for nodes[i]; also records its id and position for the edges. */
  nodeRecord(out: ValidationIssue[], n: Rec, i: number): void {
    const at = ['nodes', i];
    this.sources(out, at, n.sources);
    if (n.fieldBasis !== undefined) this.fieldBasis(out, at, n.fieldBasis);
    if (n.dwellDays !== undefined) this.range(out, at, 'dwellDays', n.dwellDays);
    if (n.dwellCostUsdPerFeu !== undefined) this.range(out, at, 'dwellCostUsdPerFeu', n.dwellCostUsdPerFeu);
    if (n.perTrain !== undefined) this.provenance(out, [...at, 'perTrain'], n.perTrain);
    if (n.volume !== undefined) this.provenance(out, [...at, 'volume'], n.volume);
    if (n.periods !== undefined) this.periods(out, at, n.periods, 'dwellDays');
    const id = n.id;
    if (typeof id !== 'string') return;
    let state = this.nodes.get(id);
    if (state === undefined) {
      state = { lat: 0, lon: 0, positioned: false, touched: false };
      this.nodes.set(id, state);
    }
    const { lat, lon } = n;
    if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      state.lat = lat;
      state.lon = lon;
      state.positioned = true;
    }
  }

  /** The rules for edges[i]; also marks its ends as touched. */
  edgeRecord(out: ValidationIssue[], e: Rec, i: number): void {
    const at = ['edges', i];
    this.sources(out, at, e.sources);
    if (e.fieldBasis !== undefined) this.fieldBasis(out, at, e.fieldBasis);
    const { from, to } = e;
    const a = typeof from === 'string' ? this.nodes.get(from) : undefined;
    const b = typeof to === 'string' ? this.nodes.get(to) : undefined;
    if (a) a.touched = true;
    else if (typeof from === 'string') this.add(out, [...at, 'from'], 'unknown_node', `unknown node id "${from}"`);
    if (b) b.touched = true;
    else if (typeof to === 'string') this.add(out, [...at, 'to'], 'unknown_node', `unknown node id "${to}"`);
    if (typeof from === 'string' && from === to) this.add(out, [...at, 'to'], 'self_loop', `edge starts and ends at "${from}"`);
    const corridors = e.corridors;
    if (Array.isArray(corridors)) {
      for (let j = 0; j < corridors.length; j++) {
        const c: unknown = corridors[j];
        if (typeof c === 'string' && !this.ids.corridors.has(c)) this.add(out, [...at, 'corridors', j], 'unknown_corridor', `unknown corridor id "${c}"`);
      }
    }
    if (typeof e.status === 'string' && e.status !== 'operational' && e.opensYear === undefined) {
      this.add(out, [...at, 'opensYear'], 'missing_opens_year', `missing; an edge with status "${e.status}" needs opensYear`);
    }
    this.range(out, at, 'transitDays', e.transitDays);
    if (e.costUsdPerFeu !== undefined) this.range(out, at, 'costUsdPerFeu', e.costUsdPerFeu);
    if (e.perTrain !== undefined) this.provenance(out, [...at, 'perTrain'], e.perTrain);
    if (e.volume !== undefined) this.provenance(out, [...at, 'volume'], e.volume);
    if (e.periods !== undefined) this.periods(out, at, e.periods, 'transitDays');
    // Geometry: no segment is shorter than the straight line between its ends; a rail line rarely winds to twice it.
    const distanceKm = e.distanceKm;
    if (a?.positioned && b?.positioned && typeof distanceKm === 'number' && Number.isFinite(distanceKm)) {
      const gc = haversineKm(a.lat, a.lon, b.lat, b.lon);
      if (distanceKm < gc * (1 - GEOMETRY_TOLERANCE)) {
        this.warn(out, [...at, 'distanceKm'], 'shorter_than_great_circle', `${KM_FORMAT.format(distanceKm)} km is shorter than the ${KM_FORMAT.format(gc)} km great-circle distance between "${String(from)}" and "${String(to)}": the length or a node's position is wrong`);
      } else if (e.mode === 'rail' && gc > 0 && distanceKm > gc * MAX_RAIL_DETOUR) {
        this.warn(out, [...at, 'distanceKm'], 'long_detour', `${KM_FORMAT.format(distanceKm)} km is more than ${MAX_RAIL_DETOUR}× the ${KM_FORMAT.format(gc)} km great-circle distance between "${String(from)}" and "${String(to)}"`);
      }
    }
  }

  /** After every edge: the nodes no edge touches. */
  isolatedNodes(out: ValidationIssue[], nodes: unknown): void {
    if (!Array.isArray(nodes)) return;
    for (let i = 0; i < nodes.length; i++) {
      const n: unknown = nodes[i];
      const id = isRec(n) ? idOf(n) : undefined;
      if (id !== undefined && !this.nodes.get(id)?.touched) this.add(out, ['nodes', i, 'id'], 'isolated_node', `no edge touches node "${id}"`);
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
