// A validated network with its emission factors and id look-ups, prepared once and then read only.
import type { Edge, EmissionFactors, Network, Node } from './schema.ts';

/** A network ready for routing: the data plus look-up maps. Never mutated after creation. */
export interface Model {
  readonly network: Network;
  readonly factors: EmissionFactors;
  readonly nodeById: ReadonlyMap<string, Node>;
  readonly edgeById: ReadonlyMap<string, Edge>;
  readonly corridorIds: readonly string[];
  /** Edges closed by a what-if edit, with the reason shown to the user; filtered out, never weighted Infinity. */
  readonly closedEdges: ReadonlyMap<string, string>;
  /** Nodes closed by a what-if edit, with the reason. */
  readonly closedNodes: ReadonlyMap<string, string>;
}

/** Closures a scenario adds on top of the network. */
export interface Closures {
  edges?: ReadonlyMap<string, string>;
  nodes?: ReadonlyMap<string, string>;
}

/** Node and edge look-ups of a network, by id. */
export interface Lookups {
  readonly nodeById: ReadonlyMap<string, Node>;
  readonly edgeById: ReadonlyMap<string, Edge>;
}

/** Look-ups built while a network was validated (the single pass builds them), by network object. */
const prepared = new WeakMap<Network, Lookups>();

/**
 * Keeps the look-ups a validation built for a network, so that createModel reuses them instead of walking the
 * records again. The network must not change afterwards (no network a model reads ever does).
 */
export function keepLookups(network: Network, lookups: Lookups): void {
  prepared.set(network, lookups);
}

function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of records) map.set(r.id, r);
  return map;
}

/** Builds the look-up maps for a validated network and emission-factor set. */
export function createModel(network: Network, factors: EmissionFactors, closures: Closures = {}): Model {
  const lookups = prepared.get(network);
  return {
    network,
    factors,
    nodeById: lookups?.nodeById ?? byId(network.nodes),
    edgeById: lookups?.edgeById ?? byId(network.edges),
    corridorIds: network.corridors.map((c) => c.id),
    closedEdges: new Map(closures.edges ?? []),
    closedNodes: new Map(closures.nodes ?? []),
  };
}
