// Names for people: segments, places, lines and corridors by their names instead of their ids, and text from
// other modules (no-route reasons) with the ids it quotes replaced by names.
import type { Model } from '../network/model.ts';
import type { Edge } from '../network/schema.ts';

/** A node's name, or the id itself when the model has no such node. */
export function nodeName(model: Model, id: string): string {
  return model.nodeById.get(id)?.name ?? id;
}

/** An edge's name: its own, else "From–To" by the names of its ends. */
export function edgeName(model: Model, edge: Edge | string): string {
  const e = typeof edge === 'string' ? model.edgeById.get(edge) : edge;
  if (!e) return String(edge);
  return e.name ?? `${nodeName(model, e.from)}–${nodeName(model, e.to)}`;
}

/** A corridor's name, or the id when unknown. */
export function corridorName(model: Model, id: string): string {
  return model.network.corridors.find((c) => c.id === id)?.name ?? id;
}

const lineNames = new WeakMap<Model, Map<string, string>>();

/**
 * A line's name for people: the one "(… line)" its segments' names give, else the single segment's name, else
 * "A–B line" after the places at its two ends, else the id written as words ("the Trans Kazakhstan line").
 */
export function lineName(model: Model, line: string): string {
  let cache = lineNames.get(model);
  if (!cache) {
    cache = new Map();
    lineNames.set(model, cache);
  }
  const hit = cache.get(line);
  if (hit !== undefined) return hit;
  const edges = model.network.edges.filter((e) => e.line === line);
  let name = `the ${line.replace(/(^|-)([a-z])/g, (_m, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`)} line`;
  const named = [...new Set(edges.flatMap((e) => /\(([^()]*\b(?:line|railway))\)/.exec(e.name ?? '')?.[1] ?? []))];
  const degree = new Map<string, number>();
  for (const e of edges) for (const n of [e.from, e.to]) degree.set(n, (degree.get(n) ?? 0) + 1);
  const ends = [...degree].filter(([, d]) => d === 1).map(([n]) => n);
  if (named.length === 1 && named[0] !== undefined) name = `the ${named[0]}`;
  else if (edges.length === 1 && edges[0]) name = edgeName(model, edges[0]);
  else if (ends.length === 2 && ends[0] !== undefined && ends[1] !== undefined) name = `the ${nodeName(model, ends[0])}–${nodeName(model, ends[1])} line`;
  cache.set(line, name);
  return name;
}

/**
 * Text with the ids it quotes written as names: "Name (edge-id)" loses the id, lists of edge ids become
 * names, a quoted scenario id becomes the scenario's name. Ids are matched as whole tokens only.
 */
export function withNames(model: Model, text: string, scenarios: ReadonlyMap<string, { name: string }> = new Map()): string {
  const isEdge = (id: string) => model.edgeById.has(id);
  // "Lake Van rail ferry (lake-van-ferry)": the name is already there.
  let out = text.replace(/ \(([a-z0-9]+(?:-[a-z0-9]+)*)\)/g, (m, id: string) => (isEdge(id) ? '' : m));
  // Id lists such as "(astana-petropavl, baotou-jining, …)".
  out = out.replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, (id) => (isEdge(id) ? edgeName(model, id) : model.nodeById.has(id) ? nodeName(model, id) : id));
  // 'closed by scenario "northern-closed"': the scenario's name.
  out = out.replace(/scenario "([^"]+)"/g, (m, id: string) => {
    const s = scenarios.get(id);
    return s ? `the scenario “${s.name}”` : m;
  });
  return out;
}
