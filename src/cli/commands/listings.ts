// `corridors scenarios`, `nodes`, `edges` and `summary`: what the network and the shipped scenarios hold.
import type { CliIo } from '../io.ts';
import { openModel } from '../data-cache.ts';
import { listEdges, listNodes, listScenarios, listValues, networkSummary } from '../list.ts';
import { formatOf } from '../usage.ts';

/** Runs scenarios: each shipped scenario checked against the network, then listed; returns 0. */
export async function runScenarios(o: { network?: string }, io: CliIo): Promise<number> {
  const model = await openModel(o.network);
  const { loadScenario, shippedScenarios } = await import('../../core/load.ts');
  io.out(listScenarios(shippedScenarios().map((s) => loadScenario(model, s.id).scenario), io.width));
  return 0;
}

/** Runs nodes with its filters; returns 0. */
export async function runNodes(o: { search?: string; kind?: string[]; country?: string[]; format?: string; network?: string }, io: CliIo): Promise<number> {
  const format = formatOf(o.format);
  const model = await openModel(o.network);
  io.out(listNodes(model, { search: o.search, kinds: listValues(o.kind), countries: listValues(o.country) }, format, io.width));
  return 0;
}

/** Runs edges; returns 0. */
export async function runEdges(o: { corridor?: string; format?: string; network?: string }, io: CliIo): Promise<number> {
  const format = formatOf(o.format);
  const model = await openModel(o.network);
  io.out(listEdges(model, o.corridor, format, io.width));
  return 0;
}

/** Runs summary; returns 0. */
export async function runSummary(o: { network?: string }, io: CliIo): Promise<number> {
  io.out(networkSummary(await openModel(o.network)));
  return 0;
}
