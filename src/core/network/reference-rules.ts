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

/** The path below the current record: none for the record itself. */
const HERE: readonly PropertyKey[] = Object.freeze([]);

/**
 * The reference rules, one record at a time: ids that must resolve, ranges in order, periods in order, the
 * geometry of an edge against its nodes' positions, and nodes no edge touches. Both validations run these
 * same rules (the reference pass of validate.ts and the single pass of single-pass.ts), so they report the same
 * issues. The sources, methods and corridors are collected first, then every node is checked, then every edge
 * (an edge reads the ids and positions the nodes leave), then the nodes no edge touched are reported. A path is
 * built only for an issue, so a clean record costs no allocation.
 */
export class ReferenceRules {
  private readonly ids: { sources: IdLookup; methods: IdLookup; corridors: IdLookup };
  /** Every node id met so far, with its slot in the arrays below. */
  private readonly slotOf = new Map<string, number>();
  /** Per slot: the last valid position of the node id, whether it has one, whether an edge names it. */
  private lat: Float64Array;
  private lon: Float64Array;
  private positioned: Uint8Array;
  private touched: Uint8Array;
  private readonly file: string;
  private readonly asOfYear: number;
  /** The record being checked: its list and its index. */
  private list = 'nodes';
  private index = 0;

  constructor(file: string, data: Rec, ids: { sources: IdLookup; methods: IdLookup; corridors: IdLookup }) {
    this.file = file;
    this.ids = ids;
    this.asOfYear = typeof data.asOf === 'string' ? Number(data.asOf.slice(0, 4)) : Number.NaN;
    const capacity = Array.isArray(data.nodes) ? Math.max(1, data.nodes.length) : 1;
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.positioned = new Uint8Array(capacity);
    this.touched = new Uint8Array(capacity);
  }

  /** The JSON path of something in the current record. */
  private path(below: readonly PropertyKey[], ...more: PropertyKey[]): PropertyKey[] {
    return [this.list, this.index, ...below, ...more];
  }

  private add(out: ValidationIssue[], path: readonly PropertyKey[], code: string, message: string): void {
    out.push({ file: this.file, jsonPath: jsonPath(path), code, message });
  }

  /** A warning: printed, but the file stays valid. */
  private warn(out: ValidationIssue[], path: readonly PropertyKey[], code: string, message: string): void {
    out.push({ file: this.file, jsonPath: jsonPath(path), code, message, severity: 'warning' });
  }

  /** A record or a figure cites the sources it rests on, no more: a shared method is cited by its id. */
  private sources(out: ValidationIssue[], below: readonly PropertyKey[], list: unknown, max: number = MAX_SOURCES): void {
    if (!Array.isArray(list)) return;
    for (let j = 0; j < list.length; j++) {
      const s: unknown = list[j];
      if (typeof s === 'string' && !this.ids.sources.has(s)) this.add(out, this.path(below, 'sources', j), 'unknown_source', `unknown source id "${s}"`);
    }
    if (list.length > max) {
      this.add(out, this.path(below, 'sources'), 'too_many_sources', `${list.length} sources; a figure cites at most ${max} (name a shared method in "method" instead of its inputs)`);
    }
  }

  /** Sources and method of a figure object (fieldBasis entry, perTrain, volume, period). */
  private provenance(out: ValidationIssue[], below: readonly PropertyKey[], v: unknown): void {
    if (!isRec(v)) return;
    this.sources(out, below, v.sources);
    const id = v.method;
    if (typeof id === 'string' && !this.ids.methods.has(id)) this.add(out, this.path(below, 'method'), 'unknown_method', `unknown method id "${id}"`);
  }

  private fieldBasis(out: ValidationIssue[], fb: unknown): void {
    if (!isRec(fb)) return;
    for (const [field, v] of Object.entries(fb)) this.provenance(out, ['fieldBasis', field], v);
  }

  private range(out: ValidationIssue[], below: readonly PropertyKey[], field: PropertyKey, r: unknown): void {
    if (!isRec(r)) return;
    const { min, typical, max } = r;
    if (typeof min !== 'number' || typeof typical !== 'number' || typeof max !== 'number') return;
    if (!(min <= typical && typical <= max)) {
      this.add(out, this.path(below, field), 'range_order', `expected min <= typical <= max, got min ${min}, typical ${typical}, max ${max}`);
    }
  }

  /** Periods: after the network's as-of year, in increasing order, each with resolvable provenance. */
  private periods(out: ValidationIssue[], periods: unknown, rangeField: string): void {
    if (!Array.isArray(periods)) return;
    let last = -Infinity;
    periods.forEach((p: unknown, j) => {
      if (!isRec(p)) return;
      const below = ['periods', j];
      this.provenance(out, below, p);
      this.provenance(out, [...below, 'perTrain'], p.perTrain);
      this.range(out, below, rangeField, p[rangeField]);
      const y = p.fromYear;
      if (typeof y !== 'number') return;
      if (Number.isFinite(this.asOfYear) && y <= this.asOfYear) {
        this.add(out, this.path(below, 'fromYear'), 'period_not_future', `expected a year after the network's as-of year ${this.asOfYear}, got ${y} (today's value belongs in the base field)`);
      }
      if (y <= last) this.add(out, this.path(below, 'fromYear'), 'period_order', `expected periods in increasing fromYear, got ${y} after ${last}`);
      last = y;
    });
  }

  /** The rules for methods[i]. */
  methodRecord(out: ValidationIssue[], m: Rec, i: number): void {
    this.list = 'methods';
    this.index = i;
    this.sources(out, HERE, m.sources, MAX_METHOD_SOURCES);
  }

  /** The rules for nodes[i]; also records its id and position for the edges. */
  nodeRecord(out: ValidationIssue[], n: Rec, i: number): void {
    this.list = 'nodes';
    this.index = i;
    this.sources(out, HERE, n.sources);
    if (n.fieldBasis !== undefined) this.fieldBasis(out, n.fieldBasis);
    if (n.dwellDays !== undefined) this.range(out, HERE, 'dwellDays', n.dwellDays);
    if (n.dwellCostUsdPerFeu !== undefined) this.range(out, HERE, 'dwellCostUsdPerFeu', n.dwellCostUsdPerFeu);
    if (n.perTrain !== undefined) this.provenance(out, ['perTrain'], n.perTrain);
    if (n.volume !== undefined) this.provenance(out, ['volume'], n.volume);
    if (n.periods !== undefined) this.periods(out, n.periods, 'dwellDays');
    const id = n.id;
    if (typeof id !== 'string') return;
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.slotOf.size;
      if (slot === this.touched.length) this.grow();
      this.slotOf.set(id, slot);
    }
    const { lat, lon } = n;
    if (typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      this.lat[slot] = lat;
      this.lon[slot] = lon;
      this.positioned[slot] = 1;
    }
  }

  /** Doubles the per-slot arrays (only when nodes are checked beyond the count the constructor saw). */
  private grow(): void {
    const size = this.touched.length * 2;
    const copy = <T extends Float64Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.lat = copy(this.lat, new Float64Array(size));
    this.lon = copy(this.lon, new Float64Array(size));
    this.positioned = copy(this.positioned, new Uint8Array(size));
    this.touched = copy(this.touched, new Uint8Array(size));
  }

  /** The rules for edges[i]; also marks its ends as touched. */
  edgeRecord(out: ValidationIssue[], e: Rec, i: number): void {
    this.list = 'edges';
    this.index = i;
    this.sources(out, HERE, e.sources);
    if (e.fieldBasis !== undefined) this.fieldBasis(out, e.fieldBasis);
    const { from, to } = e;
    const a = typeof from === 'string' ? this.slotOf.get(from) : undefined;
    const b = typeof to === 'string' ? this.slotOf.get(to) : undefined;
    if (a !== undefined) this.touched[a] = 1;
    else if (typeof from === 'string') this.add(out, this.path(HERE, 'from'), 'unknown_node', `unknown node id "${from}"`);
    if (b !== undefined) this.touched[b] = 1;
    else if (typeof to === 'string') this.add(out, this.path(HERE, 'to'), 'unknown_node', `unknown node id "${to}"`);
    if (typeof from === 'string' && from === to) this.add(out, this.path(HERE, 'to'), 'self_loop', `edge starts and ends at "${from}"`);
    const corridors = e.corridors;
    if (Array.isArray(corridors)) {
      for (let j = 0; j < corridors.length; j++) {
        const c: unknown = corridors[j];
        if (typeof c === 'string' && !this.ids.corridors.has(c)) this.add(out, this.path(HERE, 'corridors', j), 'unknown_corridor', `unknown corridor id "${c}"`);
      }
    }
    if (typeof e.status === 'string' && e.status !== 'operational' && e.opensYear === undefined) {
      this.add(out, this.path(HERE, 'opensYear'), 'missing_opens_year', `missing; an edge with status "${e.status}" needs opensYear`);
    }
    this.range(out, HERE, 'transitDays', e.transitDays);
    if (e.costUsdPerFeu !== undefined) this.range(out, HERE, 'costUsdPerFeu', e.costUsdPerFeu);
    if (e.perTrain !== undefined) this.provenance(out, ['perTrain'], e.perTrain);
    if (e.volume !== undefined) this.provenance(out, ['volume'], e.volume);
    if (e.periods !== undefined) this.periods(out, e.periods, 'transitDays');
    // Geometry: no segment is shorter than the straight line between its ends; a rail line rarely winds to twice it.
    const distanceKm = e.distanceKm;
    if (a !== undefined && b !== undefined && this.positioned[a] && this.positioned[b] && typeof distanceKm === 'number' && Number.isFinite(distanceKm)) {
      const gc = haversineKm(this.lat[a] as number, this.lon[a] as number, this.lat[b] as number, this.lon[b] as number);
      if (distanceKm < gc * (1 - GEOMETRY_TOLERANCE)) {
        this.add(out, this.path(HERE, 'distanceKm'), 'shorter_than_great_circle', `${KM_FORMAT.format(distanceKm)} km is shorter than the ${KM_FORMAT.format(gc)} km great-circle distance between "${String(from)}" and "${String(to)}": the length or a node's position is wrong`);
      } else if (e.mode === 'rail' && gc > 0 && distanceKm > gc * MAX_RAIL_DETOUR) {
        this.warn(out, this.path(HERE, 'distanceKm'), 'long_detour', `${KM_FORMAT.format(distanceKm)} km is more than ${MAX_RAIL_DETOUR}× the ${KM_FORMAT.format(gc)} km great-circle distance between "${String(from)}" and "${String(to)}"`);
      }
    }
  }

  /** After every edge: the nodes no edge touches. */
  isolatedNodes(out: ValidationIssue[], nodes: unknown): void {
    if (!Array.isArray(nodes)) return;
    for (let i = 0; i < nodes.length; i++) {
      const n: unknown = nodes[i];
      const id = isRec(n) ? idOf(n) : undefined;
      if (id === undefined) continue;
      const slot = this.slotOf.get(id);
      if (slot === undefined || !this.touched[slot]) this.add(out, ['nodes', i, 'id'], 'isolated_node', `no edge touches node "${id}"`);
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
