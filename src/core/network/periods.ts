// Values by year: a node's or an edge's `periods` replace its base (today's) figures from their fromYear on.
// A query for year Y runs on the network as it stands in Y; without a year it runs on today's network.
import { createModel, type Model } from './model.ts';
import type { Edge, EdgePeriod, Network, Node, NodePeriod } from './schema.ts';

/** The fields a period may replace. */
const PERIOD_FIELDS = ['capacityMtpa', 'transitDays', 'dwellDays', 'perTrain'] as const;

/** The period in force in a year (the latest with fromYear <= year), or null when the base values hold. */
export function periodAt<P extends EdgePeriod | NodePeriod>(periods: readonly P[] | undefined, year: number): P | null {
  let found: P | null = null;
  for (const p of periods ?? []) if (p.fromYear <= year && (found === null || p.fromYear >= found.fromYear)) found = p;
  return found;
}

/**
 * A record with the values of the periods in force in `year` applied: for each field, the latest period up to
 * that year that gives it. The field's provenance becomes the period's. Returns the record itself when no
 * period applies.
 */
export function recordAtYear<T extends Edge | Node>(record: T, year: number): T {
  const periods = (record.periods ?? []) as readonly (EdgePeriod | NodePeriod)[];
  const applicable = periods.filter((p) => p.fromYear <= year).sort((a, b) => a.fromYear - b.fromYear);
  if (!applicable.length) return record;
  const copy: Record<string, unknown> = { ...record };
  const fieldBasis: Record<string, unknown> = { ...((record.fieldBasis as object | undefined) ?? {}) };
  for (const p of applicable) {
    for (const field of PERIOD_FIELDS) {
      if (!(field in p)) continue;
      const value = (p as Record<string, unknown>)[field];
      if (value === undefined) continue;
      copy[field] = structuredClone(value);
      if (field !== 'perTrain') {
        fieldBasis[field] = {
          basis: p.basis,
          sources: [...p.sources],
          ...(p.method !== undefined ? { method: p.method } : {}),
          note: `From ${p.fromYear}: ${p.note ?? 'planned value'}`,
        };
      }
    }
  }
  copy.fieldBasis = fieldBasis;
  return copy as T;
}

/** The network as it stands in a year (the same object when no period applies). */
export function networkAtYear(network: Network, year: number): Network {
  let changed = false;
  const at = <T extends Edge | Node>(r: T): T => {
    const next = recordAtYear(r, year);
    if (next !== r) changed = true;
    return next;
  };
  const nodes = network.nodes.map(at);
  const edges = network.edges.map(at);
  return changed ? { ...network, nodes, edges } : network;
}

const cache = new WeakMap<Model, Map<number, Model>>();

/**
 * The model for a query year: today's model (the same object) when the year is absent or no period applies
 * by then, else a model of the network as it stands in that year, with the same closures. Cached per model.
 */
export function modelAtYear(model: Model, year: number | undefined | null): Model {
  if (year === undefined || year === null) return model;
  let perModel = cache.get(model);
  const hit = perModel?.get(year);
  if (hit) return hit;
  const network = networkAtYear(model.network, year);
  const result = network === model.network ? model : createModel(network, model.factors, { edges: model.closedEdges, nodes: model.closedNodes });
  if (!perModel) {
    perModel = new Map();
    cache.set(model, perModel);
  }
  perModel.set(year, result);
  return result;
}
