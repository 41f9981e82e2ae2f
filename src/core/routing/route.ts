// A route as an explicit result built from legs; totals are computed in one place (sumTotals).
import { co2KgPerFeu, factorForEdge } from './emissions.ts';
import type { Model } from '../network/model.ts';
import type { Basis, Edge, Node, PerTrain, Range, Volume } from '../network/schema.ts';
import type { Days, Km, KgCo2e, Mtpa, UsdPerFeu } from '../units.ts';
import { entry } from '../memo.ts';

/** One hop of a route, in the direction of travel. */
export interface Leg {
  edge: string;
  name: string;
  from: string;
  to: string;
  mode: Edge['mode'];
  line: string | null;
  traction: Edge['traction'] | null;
  status: Edge['status'];
  corridors: string[];
  distanceKm: Km;
  /** The spread of the length: the figure itself where sourced; for an estimate, the spread its method showed against sourced lengths. */
  distanceKmRange: { min: Km; max: Km };
  transitDays: Range;
  /** Dwell at the `to` node when the route passes through it; null at the destination or where none is given. */
  dwellDays: Range | null;
  /** USD per FEU for the segment; null when the network has no cost figure for it. */
  costUsdPerFeu: Range | null;
  /** USD per FEU charged at the `to` node when passing through; null when none is given. */
  dwellCostUsdPerFeu: Range | null;
  capacityMtpa: Mtpa | null;
  /** What the segment's capacity counts: all cargo or containers only. */
  capacityScope: 'all' | 'containers';
  /** The volume the segment carried in a recent year, where published. */
  volume: Volume | null;
  /** The most one train (or sailing) can carry on the segment, where published. */
  perTrain: PerTrain | null;
  /** Throughput of the `to` node (port, border crossing, terminal), Mt/yr, counted whether the route passes through or ends there; null where unknown or none. */
  nodeCapacityMtpa: Mtpa | null;
  /** The volume the `to` node handled in a recent year, where published. */
  nodeVolume: Volume | null;
  /** A sea leg: its capacity is not limiting at the scale of a corridor comparison. */
  unlimited: boolean;
  co2KgPerFeu: KgCo2e;
  /** Emission factor ids used for this leg. */
  emissionFactors: string[];
  basis: Basis;
  sources: string[];
  /** Sources of the dwell figures at `to` (empty when no dwell is counted). */
  dwellSources: string[];
  /** Which of this leg's figures are estimated: distanceKm, transitDays, costUsdPerFeu, capacityMtpa, dwellDays, dwellCostUsdPerFeu. */
  estimated: string[];
}

/** The segment or place that limits a route's annual tonnage. */
export interface Bottleneck {
  kind: 'edge' | 'node';
  /** Edge or node id. */
  id: string;
  name: string;
  capacityMtpa: Mtpa;
  /** What the capacity counts. */
  scope: 'all' | 'containers';
  /** Volume carried there in `volume.year`, where published. */
  volume: Volume | null;
}

/** The smallest per-train (or per-sailing) limit along a route, and the segment that sets it. */
export interface PerTrainLimit {
  wagons: number | null;
  tonnes: number | null;
  teu: number | null;
  /** The edge whose limit binds first (the smallest TEU limit, else tonnes, else wagons); null when none is known. */
  edge: string | null;
}

/** Sums over the legs and dwells of a route. */
export interface Totals {
  distanceKm: Km;
  /** The sum of the legs' length spreads. */
  distanceKmRange: { min: Km; max: Km };
  transitDays: { typical: Days; min: Days; max: Days };
  /** null when any leg lacks a cost figure (see costMissingEdges): an unknown cost is never shown as zero. */
  costUsdPerFeu: { typical: UsdPerFeu; min: UsdPerFeu; max: UsdPerFeu } | null;
  costMissingEdges: string[];
  co2KgPerFeu: KgCo2e;
  /** The smallest known capacity on the route, Mt/yr; null when no leg has a known capacity. */
  capacityMtpa: Mtpa | null;
  /** The edge that sets capacityMtpa; null when none does (no known capacity, or a node is the bottleneck). */
  bottleneckEdge: string | null;
  /** The edge or node that sets capacityMtpa; null when no leg or node has a known capacity. */
  bottleneck: Bottleneck | null;
  /** Capacity left at the bottleneck: its capacity less its published volume; null when that volume is not known. */
  spareMtpa: Mtpa | null;
  /** Rail, ferry and road legs of unknown capacity (sea legs are not limiting and not listed). */
  unknownCapacityEdges: string[];
  /** Sea legs, whose capacity is not limiting at this scale. */
  unlimitedEdges: string[];
  /** The smallest per-train or per-sailing limit along the route. */
  perTrain: PerTrainLimit;
  /** Places passed through with a dwell but no dwell-cost figure: the cost total leaves their charges out. */
  dwellCostMissingNodes: string[];
  /** How many figures used by this route are estimated rather than measured or reported. */
  estimatedFigures: number;
  legs: number;
}

/** A route: the nodes it visits, its legs and their totals. */
export interface Route {
  nodes: string[];
  /** In travel order. In a shared route (sharedRoute) each leg is frozen and shared with the model's other shared routes. */
  legs: Leg[];
  totals: Totals;
  /** The corridors that contain every leg of this route. */
  corridors: string[];
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function estimatedField(record: { basis: Basis; fieldBasis?: Partial<Record<string, { basis: Basis }>> | undefined }, field: string) {
  return (record.fieldBasis?.[field]?.basis ?? record.basis) === 'estimated';
}

function sourcesOf(record: { sources: string[]; fieldBasis?: Partial<Record<string, { sources?: string[] | undefined }>> | undefined }) {
  const all = new Set(record.sources);
  for (const fb of Object.values(record.fieldBasis ?? {})) for (const s of fb?.sources ?? []) all.add(s);
  return [...all];
}

/** Builds one leg for travelling `edge` from `fromId`; `passThrough` says whether the dwell at the far end counts. */
export function buildLeg(model: Model, edge: Edge, fromId: string, passThrough: boolean, tonnesPerFeu: number): Leg {
  const toId = edge.from === fromId ? edge.to : edge.from;
  const fromNode = model.nodeById.get(fromId) as Node;
  const toNode = model.nodeById.get(toId) as Node;
  const factor = factorForEdge(model.factors, edge, fromNode, toNode);
  const dwellDays = passThrough ? (toNode.dwellDays ?? null) : null;
  const nodeCapacity = toNode.capacityMtpa ?? null;
  const kmMethod = estimatedField(edge, 'distanceKm') ? edge.fieldBasis?.distanceKm?.method : undefined;
  const spread = (kmMethod !== undefined ? model.network.methods?.find((m) => m.id === kmMethod)?.relativeRange : undefined) ?? { min: 1, max: 1 };
  const dwellCost = passThrough ? (toNode.dwellCostUsdPerFeu ?? null) : null;
  const estimated: string[] = [];
  if (estimatedField(edge, 'distanceKm')) estimated.push('distanceKm');
  if (estimatedField(edge, 'transitDays')) estimated.push('transitDays');
  if (edge.costUsdPerFeu && estimatedField(edge, 'costUsdPerFeu')) estimated.push('costUsdPerFeu');
  if (edge.capacityMtpa !== null && estimatedField(edge, 'capacityMtpa')) estimated.push('capacityMtpa');
  if (nodeCapacity !== null && estimatedField(toNode, 'capacityMtpa')) estimated.push('nodeCapacityMtpa');
  if (dwellDays && estimatedField(toNode, 'dwellDays')) estimated.push('dwellDays');
  if (dwellCost && estimatedField(toNode, 'dwellCostUsdPerFeu')) estimated.push('dwellCostUsdPerFeu');
  return {
    edge: edge.id,
    name: edge.name ?? `${fromNode.name}–${toNode.name}`,
    from: fromId,
    to: toId,
    mode: edge.mode,
    line: edge.line ?? null,
    traction: edge.traction ?? null,
    status: edge.status,
    corridors: [...edge.corridors],
    distanceKm: edge.distanceKm,
    distanceKmRange: { min: round(edge.distanceKm * spread.min), max: round(edge.distanceKm * spread.max) },
    transitDays: { ...edge.transitDays },
    dwellDays: dwellDays ? { ...dwellDays } : null,
    costUsdPerFeu: edge.costUsdPerFeu ? { ...edge.costUsdPerFeu } : null,
    dwellCostUsdPerFeu: dwellCost ? { ...dwellCost } : null,
    capacityMtpa: edge.capacityMtpa,
    capacityScope: edge.capacityScope ?? 'all',
    volume: edge.volume ? structuredClone(edge.volume) : null,
    perTrain: edge.perTrain ? structuredClone(edge.perTrain) : null,
    nodeCapacityMtpa: nodeCapacity,
    nodeVolume: toNode.volume ? structuredClone(toNode.volume) : null,
    unlimited: edge.mode === 'sea',
    co2KgPerFeu: round(co2KgPerFeu(edge.distanceKm, factor.gramsCo2ePerTonneKm, tonnesPerFeu)),
    emissionFactors: factor.factorIds,
    basis: edge.basis,
    sources: sourcesOf(edge),
    dwellSources: dwellDays || dwellCost ? sourcesOf(toNode) : [],
    estimated,
  };
}

/** The smallest per-train limit of a list of legs, and the edge whose limit binds first. */
export function perTrainLimit(legs: readonly Leg[]): PerTrainLimit {
  const out: PerTrainLimit = { wagons: null, tonnes: null, teu: null, edge: null };
  const setter: Record<'wagons' | 'tonnes' | 'teu', string | null> = { wagons: null, tonnes: null, teu: null };
  for (const leg of legs) {
    for (const k of ['wagons', 'tonnes', 'teu'] as const) {
      const v = leg.perTrain?.[k];
      if (v === undefined) continue;
      const cur = out[k];
      if (cur === null || v < cur) {
        out[k] = v;
        setter[k] = leg.edge;
      }
    }
  }
  out.edge = setter.teu ?? setter.tonnes ?? setter.wagons;
  return out;
}

/** The totals of a list of legs: the one place where route figures are added up. */
export function sumTotals(
  legs: readonly Leg[],
  names: { edge?: (id: string) => string; node?: (id: string) => string } = {},
  origin: { id: string; capacityMtpa: Mtpa | null; volume: Volume | null } | null = null,
): Totals {
  const days = { typical: 0, min: 0, max: 0 };
  const cost = { typical: 0, min: 0, max: 0 };
  const costMissingEdges: string[] = [];
  const unknownCapacityEdges: string[] = [];
  let distanceKm = 0;
  let kmMin = 0;
  let kmMax = 0;
  let co2 = 0;
  // The bottleneck is the first place with the smallest known capacity, in travel order (each leg's segment, then
  // its far end, then the origin); it is named and its volume copied once, when the walk is done.
  let capacity: number | null = null;
  let limit: { kind: 'edge' | 'node'; leg: Leg | null; id: string } | null = null;
  const unlimitedEdges: string[] = [];
  const dwellCostMissingNodes: string[] = [];
  let estimatedFigures = 0;
  for (const leg of legs) {
    distanceKm += leg.distanceKm;
    kmMin += leg.distanceKmRange.min;
    kmMax += leg.distanceKmRange.max;
    co2 += leg.co2KgPerFeu;
    const dd = leg.dwellDays;
    const dc = leg.dwellCostUsdPerFeu;
    const c = leg.costUsdPerFeu;
    days.typical += leg.transitDays.typical + (dd?.typical ?? 0);
    days.min += leg.transitDays.min + (dd?.min ?? 0);
    days.max += leg.transitDays.max + (dd?.max ?? 0);
    cost.typical += (c?.typical ?? 0) + (dc?.typical ?? 0);
    cost.min += (c?.min ?? 0) + (dc?.min ?? 0);
    cost.max += (c?.max ?? 0) + (dc?.max ?? 0);
    if (!c) costMissingEdges.push(leg.edge);
    if (dd && !dc) dwellCostMissingNodes.push(leg.to);
    if (leg.capacityMtpa === null) (leg.unlimited ? unlimitedEdges : unknownCapacityEdges).push(leg.edge);
    else if (capacity === null || leg.capacityMtpa < capacity) {
      capacity = leg.capacityMtpa;
      limit = { kind: 'edge', leg, id: leg.edge };
    }
    if (leg.nodeCapacityMtpa !== null && (capacity === null || leg.nodeCapacityMtpa < capacity)) {
      capacity = leg.nodeCapacityMtpa;
      limit = { kind: 'node', leg, id: leg.to };
    }
    estimatedFigures += leg.estimated.length;
  }
  // A place's capacity counts on every route that starts, passes through or ends at it.
  if (origin && origin.capacityMtpa !== null && (capacity === null || origin.capacityMtpa < capacity)) {
    capacity = origin.capacityMtpa;
    limit = { kind: 'node', leg: null, id: origin.id };
  }
  let bottleneck: Bottleneck | null = null;
  if (limit !== null && capacity !== null) {
    const { kind, leg, id } = limit;
    const volume = kind === 'edge' ? (leg?.volume ?? null) : leg ? leg.nodeVolume : (origin?.volume ?? null);
    bottleneck = {
      kind,
      id,
      name: kind === 'edge' ? (names.edge?.(id) ?? leg?.name ?? id) : (names.node?.(id) ?? id),
      capacityMtpa: capacity,
      scope: kind === 'edge' ? (leg?.capacityScope ?? 'all') : 'all',
      volume: volume ? structuredClone(volume) : null,
    };
  }
  const b = bottleneck as Bottleneck | null;
  const spare = b?.volume ? Math.max(0, round(b.capacityMtpa - b.volume.mtpa)) : null;
  const r3 = (o: { typical: number; min: number; max: number }) => ({ typical: round(o.typical), min: round(o.min), max: round(o.max) });
  return {
    distanceKm: round(distanceKm),
    distanceKmRange: { min: round(kmMin), max: round(kmMax) },
    transitDays: r3(days),
    costUsdPerFeu: costMissingEdges.length ? null : r3(cost),
    costMissingEdges,
    co2KgPerFeu: round(co2),
    capacityMtpa: capacity,
    bottleneckEdge: b?.kind === 'edge' ? b.id : null,
    bottleneck: b,
    spareMtpa: spare,
    unknownCapacityEdges,
    unlimitedEdges,
    perTrain: perTrainLimit(legs),
    dwellCostMissingNodes,
    estimatedFigures,
    legs: legs.length,
  };
}

/** Freezes a leg and everything in it, so that the legs routes share cannot be edited through any one of them. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** How many tonnes-per-FEU figures a model keeps legs for; the oldest figure's legs are dropped first. */
const LEG_CACHE_LOADS = 8;
/** Per model and tonnes per FEU, each edge's four legs: from its `from` end or its `to` end, passing through or ending. */
const legCache = new WeakMap<Model, Map<number, Map<Edge, (Leg | undefined)[]>>>();

/**
 * The leg of one hop of a model's network, built once per model, edge, direction, pass-through and tonnes per
 * FEU and then shared, frozen, by every route that travels it (models are never changed once made, so an entry
 * never goes stale; a what-if works on a model of its own).
 */
function modelLeg(model: Model, edge: Edge, fromId: string, passThrough: boolean, tonnesPerFeu: number): Leg {
  // A hop that does not start at either end of its edge is built as given and not kept.
  if (fromId !== edge.from && fromId !== edge.to) return buildLeg(model, edge, fromId, passThrough, tonnesPerFeu);
  const perModel = entry(legCache, model, () => new Map());
  const legs = entry(perModel, tonnesPerFeu, () => {
    // A new load: the oldest one is dropped when the model keeps its most.
    if (perModel.size >= LEG_CACHE_LOADS) perModel.delete(perModel.keys().next().value as number);
    return new Map();
  });
  const four = entry(legs, edge, () => [undefined, undefined, undefined, undefined]);
  const slot = (fromId === edge.from ? 0 : 2) + (passThrough ? 0 : 1);
  let leg = four[slot];
  if (!leg) {
    leg = deepFreeze(buildLeg(model, edge, fromId, passThrough, tonnesPerFeu));
    four[slot] = leg;
  }
  return leg;
}

/** Builds a route from the node path and the id of the edge priced on each hop. */
export function buildRoute(model: Model, nodes: readonly string[], edgeIds: readonly string[], tonnesPerFeu: number): Route {
  return assembleRoute(model, nodes, edgeIds, (edge, from, passThrough) => buildLeg(model, edge, from, passThrough, tonnesPerFeu));
}

function assembleRoute(model: Model, nodes: readonly string[], edgeIds: readonly string[], leg: (edge: Edge, from: string, passThrough: boolean) => Leg): Route {
  const legs = edgeIds.map((id, i) => {
    const edge = model.edgeById.get(id);
    const from = nodes[i];
    if (!edge || from === undefined) throw new Error(`route: hop ${i} has no edge "${id}"`);
    return leg(edge, from, i < edgeIds.length - 1);
  });
  const corridors = model.corridorIds.filter((c) => legs.every((l) => l.corridors.includes(c)));
  const nodeName = (id: string) => model.nodeById.get(id)?.name ?? id;
  const first = model.nodeById.get(nodes[0] ?? '');
  const origin = first ? { id: first.id, capacityMtpa: first.capacityMtpa ?? null, volume: first.volume ?? null } : null;
  return { nodes: [...nodes], legs, totals: sumTotals(legs, { node: nodeName }, origin), corridors };
}

/** How many routes a model keeps (one per path and tonnes per FEU), the least recently used dropped first. */
const ROUTE_CACHE_LIMIT = 2048;
const routeCache = new WeakMap<Model, Map<string, Route>>();

/**
 * The route along a path of a model, built once per model, path and tonnes per FEU and then shared, frozen, by
 * every answer that finds that path (the same route serves every query whose search ends in it); its legs are the
 * model's shared legs. Equal to buildRoute's route, which is built afresh each time and can be changed.
 */
export function sharedRoute(model: Model, nodes: readonly string[], edgeIds: readonly string[], tonnesPerFeu: number): Route {
  const perModel = entry(routeCache, model, () => new Map());
  // The origin and the edges fix the path; the nodes are checked against the kept route's.
  const key = `${tonnesPerFeu} ${nodes[0]} ${edgeIds.join(',')}`;
  let route = perModel.get(key);
  if (route && (route.nodes.length !== nodes.length || route.nodes.some((n, i) => n !== nodes[i]))) return buildRoute(model, nodes, edgeIds, tonnesPerFeu);
  if (route) {
    // Most recently used last.
    perModel.delete(key);
  } else {
    route = deepFreeze(assembleRoute(model, nodes, edgeIds, (edge, from, passThrough) => modelLeg(model, edge, from, passThrough, tonnesPerFeu)));
    if (perModel.size >= ROUTE_CACHE_LIMIT) perModel.delete(perModel.keys().next().value as string);
  }
  perModel.set(key, route);
  return route;
}
