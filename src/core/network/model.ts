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

/** Builds the look-up maps for a validated network and emission-factor set. */
export function createModel(network: Network, factors: EmissionFactors, closures: Closures = {}): Model {
  return {
    network,
    factors,
    nodeById: new Map(network.nodes.map((n) => [n.id, n])),
    edgeById: new Map(network.edges.map((e) => [e.id, e])),
    corridorIds: network.corridors.map((c) => c.id),
    closedEdges: new Map(closures.edges ?? []),
    closedNodes: new Map(closures.nodes ?? []),
  };
}
