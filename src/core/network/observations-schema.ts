// The observations file (networks/observations.json): published end-to-end figures of what trains and ships
// actually do, which the model is compared against (`corridors calibrate`). One zod schema yields the types and
// is written out as networks/observations.schema.json.
import { z } from 'zod';
import type { Model } from './model.ts';
import { DataValidationError, type ValidationIssue } from '../errors.ts';
import { Id, LIMITS, Source } from './schema.ts';
import { zodIssueToIssue } from './validate.ts';
import { jsonPath } from './json-path.ts';

/** What a row measures: transit days, route km, or USD per FEU. */
export const ObservationMetric = z.enum(['days', 'km', 'cost']).describe('days: transit days; km: route length; cost: USD per FEU.');

/** How much a figure can be trusted as a measure of what trains do. */
export const ObservationKind = z
  .enum(['observed', 'schedule', 'claim', 'target'])
  .describe('observed: measured averages or actual runs; schedule: a published timetable or standard transit; claim: a statement without data; target: a promise for the future.');

export const Observation = z
  .strictObject({
    id: Id,
    from: Id.describe('Node id where the published figure starts.'),
    to: Id.describe('Node id where it ends.'),
    corridor: Id.describe('The corridor the reported train or ship used.'),
    via: z.array(Id).optional().describe('Node ids the reported route passed, in order; pins the routing.'),
    metric: ObservationMetric,
    value: z
      .strictObject({
        typical: z.number().finite().nonnegative().max(LIMITS.observedFigure),
        min: z.number().finite().nonnegative().max(LIMITS.observedFigure),
        max: z.number().finite().nonnegative().max(LIMITS.observedFigure),
      })
      .describe('As published; min = max = typical for a single figure.'),
    kind: ObservationKind,
    scope: z.enum(['terminal-to-terminal', 'port-to-port', 'door-to-door']).optional().describe('What the figure spans.'),
    year: z.number().int().min(1900).max(2100).describe('The year the figure describes.'),
    sources: z.array(Id).min(1).max(6),
    note: z.string().optional(),
    statistic: z.string().optional().describe('What the figure is: an average, a median, a single run, a standard transit, a quote.'),
    published: z.string().optional().describe('The figure as the source gives it (wording or unit), where converted.'),
    yearUncertain: z.boolean().optional().describe('True where the page shows no year and the year is inferred.'),
  })
  .describe('One published figure for a route.');

/** A published figure about a network that has since changed: kept and shown, never compared with today's model. */
export const HistoricalObservation = Observation.extend({
  reason: z.string().min(1).describe('What has changed since (a line opened, a route no longer run), with its source in the note.'),
}).describe('A published figure that describes an earlier state of the network.');

export const ObservationsFile = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    network: Id.describe('The network id the node ids refer to.'),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    description: z.string().optional(),
    sources: z.array(Source),
    observations: z.array(Observation).min(1),
    historical: z.array(HistoricalObservation).optional().describe('Figures about an earlier state of the network: shown, not compared.'),
  })
  .describe('Published observations of China–Europe transit days, route lengths and rates.');

export type Observation = z.infer<typeof Observation>;
export type HistoricalObservation = z.infer<typeof HistoricalObservation>;
export type ObservationsFile = z.infer<typeof ObservationsFile>;

/**
 * Validates an observations file against a network: the schema, then source ids, node and corridor ids,
 * duplicate ids and ranges in order, every problem with its JSON path.
 * @throws DataValidationError (INVALID_DATA).
 */
export function parseObservations(model: Model, data: unknown, file = '<input>'): ObservationsFile {
  const parsed = ObservationsFile.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new DataValidationError(parsed.error.issues.flatMap((i) => zodIssueToIssue(file, i)));
  const obs = parsed.data;
  const issues: ValidationIssue[] = [];
  const add = (path: PropertyKey[], code: string, message: string) => issues.push({ file, jsonPath: jsonPath(path), code, message });
  if (obs.network !== model.network.id) add(['network'], 'wrong_network', `observations are for network "${obs.network}", the network is "${model.network.id}"`);
  const sources = new Set<string>();
  obs.sources.forEach((s, i) => {
    if (sources.has(s.id)) add(['sources', i, 'id'], 'duplicate_id', `duplicate id "${s.id}" in sources`);
    sources.add(s.id);
  });
  const ids = new Set<string>();
  const rows: [string, Observation[]][] = [['observations', obs.observations], ['historical', obs.historical ?? []]];
  for (const [key, list] of rows) list.forEach((o, i) => {
    if (ids.has(o.id)) add([key, i, 'id'], 'duplicate_id', `duplicate id "${o.id}" in observations`);
    ids.add(o.id);
    for (const end of ['from', 'to'] as const) {
      if (!model.nodeById.has(o[end])) add([key, i, end], 'unknown_node', `unknown node id "${o[end]}"`);
    }
    (o.via ?? []).forEach((v, j) => {
      if (!model.nodeById.has(v)) add([key, i, 'via', j], 'unknown_node', `unknown node id "${v}"`);
    });
    if (!model.corridorIds.includes(o.corridor)) add([key, i, 'corridor'], 'unknown_corridor', `unknown corridor id "${o.corridor}"`);
    o.sources.forEach((s, j) => {
      if (!sources.has(s)) add([key, i, 'sources', j], 'unknown_source', `unknown source id "${s}"`);
    });
    const { min, typical, max } = o.value;
    if (!(min <= typical && typical <= max)) add([key, i, 'value'], 'range_order', `expected min <= typical <= max, got min ${min}, typical ${typical}, max ${max}`);
  });
  if (issues.length) throw new DataValidationError(issues);
  return obs;
}
