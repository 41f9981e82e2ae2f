// The scenario file format: a named list of what-if edits, one zod schema that yields the types and is
// written out as networks/scenario.schema.json.
import { z } from 'zod';
import { Edge, Id, LIMITS, Range, Traction } from './schema.ts';

/** Exactly one target of an edit. */
const Target = {
  edge: Id.optional().describe('An edge id.'),
  node: Id.optional().describe('A node id.'),
  line: Id.optional().describe('A line id: every edge with this "line".'),
  corridor: Id.optional().describe('A corridor id (close only): every edge tagged with this corridor and no other.'),
};

const RangeOrNumber = z.union([z.number().finite().nonnegative().max(LIMITS.costUsdPerFeu), Range]).describe('A number (typical, min and max alike) or a {typical, min, max} range.');

/** Fields an edit may set, with the values each takes. */
export const SETTABLE_EDGE_FIELDS = ['transitDays', 'distanceKm', 'capacityMtpa', 'costUsdPerFeu', 'traction'] as const;
export const SETTABLE_NODE_FIELDS = ['dwellDays', 'dwellCostUsdPerFeu'] as const;
export const SCALABLE_EDGE_FIELDS = ['transitDays', 'distanceKm', 'capacityMtpa', 'costUsdPerFeu'] as const;

/** A figure an edit may set or scale to a number or a range. */
export type NumericField = (typeof SCALABLE_EDGE_FIELDS)[number] | (typeof SETTABLE_NODE_FIELDS)[number];

/**
 * The bound of each figure an edit may set or scale: the network schema's LIMITS, so that an edited network
 * is as safe to sum and sample as a validated one (see networks/README.md, "Bounds").
 */
export const FIGURE_LIMITS: Readonly<Record<NumericField, { max: number; unit: string }>> = {
  transitDays: { max: LIMITS.days, unit: 'days' },
  dwellDays: { max: LIMITS.days, unit: 'days' },
  distanceKm: { max: LIMITS.distanceKm, unit: 'km' },
  costUsdPerFeu: { max: LIMITS.costUsdPerFeu, unit: 'USD per FEU' },
  dwellCostUsdPerFeu: { max: LIMITS.costUsdPerFeu, unit: 'USD per FEU' },
  capacityMtpa: { max: LIMITS.capacityMtpa, unit: 'Mt/yr' },
};

/** A number as people type it, for messages: 1e308 rather than 1e+308. */
export const shown = (x: number) => String(x).replace('e+', 'e');

/**
 * What is wrong with a value for a figure, or null when it is fine: each of a number or a range's typical,
 * min and max must be a finite number from 0 to the field's bound. Null (an unknown capacity) is fine.
 */
export function figureProblem(field: NumericField, value: unknown): string | null {
  const { max, unit } = FIGURE_LIMITS[field];
  const parts: [string, unknown][] =
    value !== null && typeof value === 'object' ? (['typical', 'min', 'max'] as const).map((k) => [`${k} `, (value as Record<string, unknown>)[k]]) : [['', value]];
  for (const [label, x] of parts) {
    if (x === null && label === '') continue;
    if (typeof x !== 'number' || Number.isNaN(x)) return `${field}: ${label}expected a number, got ${JSON.stringify(x) ?? 'nothing'}`;
    if (!Number.isFinite(x)) return `${field}: ${label}${x > 0 ? 'too large for a number' : 'not a finite number'}`;
    if (x < 0) return `${field}: ${label}expected a number >= 0, got ${shown(x)}`;
    if (x > max) return `${field}: ${label}${shown(x)} is above the limit of ${max.toLocaleString('en-US')} ${unit}`;
  }
  return null;
}

export const CloseEdit = z
  .strictObject({ op: z.literal('close'), ...Target, note: z.string().optional() })
  .describe('Close an edge, a node (all its edges), a line or a corridor (the edges only that corridor uses).');

export const OpenEdit = z
  .strictObject({ op: z.literal('open'), edge: Target.edge, line: Target.line, note: z.string().optional() })
  .describe('Treat a planned or under-construction edge (or every edge of a line) as operational.');

export const SetEdit = z
  .strictObject({
    op: z.literal('set'),
    edge: Target.edge,
    line: Target.line,
    node: Target.node,
    field: z.enum([...SETTABLE_EDGE_FIELDS, ...SETTABLE_NODE_FIELDS]),
    value: z.union([RangeOrNumber, z.null(), Traction]).describe('The new value: a number or range; null for an unknown capacity; "electric" or "diesel" for traction.'),
    note: z.string().optional(),
  })
  .describe('Set a figure of an edge, a line (all its edges) or a node.');

export const ScaleEdit = z
  .strictObject({
    op: z.literal('scale'),
    edge: Target.edge,
    line: Target.line,
    node: Target.node,
    field: z.enum([...SCALABLE_EDGE_FIELDS, ...SETTABLE_NODE_FIELDS]),
    factor: z.number().finite().nonnegative().describe('Multiplier applied to the figure (all of typical, min and max).'),
    note: z.string().optional(),
  })
  .describe('Multiply a figure of an edge, a line or a node.');

export const AddEdgeEdit = z
  .strictObject({ op: z.literal('add-edge'), edge: Edge, note: z.string().optional() })
  .describe('Add a new edge (a full edge record).');

export const Edit = z.discriminatedUnion('op', [CloseEdit, OpenEdit, SetEdit, ScaleEdit, AddEdgeEdit]);

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    name: z.string().min(1),
    description: z.string().min(1).describe('What the scenario assumes.'),
    year: z.number().int().min(1900).max(2100).optional().describe('Edges that open by this year count as operational.'),
    edits: z.array(Edit),
    sources: z.array(Id).describe('Source ids (in the network\'s sources) for the scenario\'s assumptions.'),
    note: z.string().optional(),
  })
  .describe('A what-if scenario: edits applied to a copy of the network.');

export type Edit = z.infer<typeof Edit>;
export type Scenario = z.infer<typeof Scenario>;
