// The corridor comparison: one best route per corridor plus the overall best, in the JSON shape the CLI and API share.
import type { Model } from '../network/model.ts';
import type { Query } from './query.ts';
import { findRoute, tonnesFor, type RouteResult } from './shortest-route.ts';
import type { Route } from './route.ts';

/** Which network a result was computed on. */
export interface NetworkRef {
  id: string;
  name: string;
  version: string;
  asOf: string;
}

/** The query as echoed in results, with defaults filled in. */
export interface QueryEcho {
  from: string;
  to: string;
  objective: Query['objective'];
  corridor?: string;
  year: number | null;
  cargoMtpa: number | null;
  avoidCountries: string[];
  tonnesPerFeu: number;
  /** Places the routes must pass, in order; empty when none. */
  via: string[];
}

export interface CorridorResult {
  corridor: string;
  name: string;
  route: Route | null;
  reason: string | null;
}

export interface CompareResult {
  network: NetworkRef;
  query: QueryEcho;
  corridors: CorridorResult[];
  best: { corridor?: string; corridors: string[]; route: Route | null; reason: string | null };
}

export interface RouteQueryResult {
  network: NetworkRef;
  query: QueryEcho;
  route: Route | null;
  reason: string | null;
}

/** The network reference block of a result. */
export function networkRef(model: Model): NetworkRef {
  const { id, name, version, asOf } = model.network;
  return { id, name, version, asOf };
}

/** The query block of a result. */
export function echoQuery(model: Model, query: Query): QueryEcho {
  const echo: QueryEcho = {
    from: query.from,
    to: query.to,
    objective: query.objective,
    year: query.year ?? null,
    cargoMtpa: query.cargoMtpa ?? null,
    avoidCountries: [...query.avoidCountries],
    tonnesPerFeu: tonnesFor(model, query),
    via: [...(query.via ?? [])],
  };
  if (query.corridor !== undefined) echo.corridor = query.corridor;
  return echo;
}

function unpack(result: RouteResult) {
  return { route: result.route, reason: result.reason };
}

/** Compares every corridor of the network for one origin–destination pair, plus the best route on any edge. */
export function compare(model: Model, query: Query): CompareResult {
  const open: Query = { ...query };
  delete open.corridor;
  const corridors = model.network.corridors.map((c) => ({ corridor: c.id, name: c.name, ...unpack(findRoute(model, { ...open, corridor: c.id })) }));
  const best = findRoute(model, open);
  const bestCorridors = best.route?.corridors ?? [];
  return {
    network: networkRef(model),
    query: echoQuery(model, open),
    corridors,
    best: { ...(bestCorridors[0] !== undefined ? { corridor: bestCorridors[0] } : {}), corridors: bestCorridors, ...unpack(best) },
  };
}

/** One best route, on one corridor when the query names it. */
export function routeQuery(model: Model, query: Query): RouteQueryResult {
  return { network: networkRef(model), query: echoQuery(model, query), ...unpack(findRoute(model, query)) };
}
