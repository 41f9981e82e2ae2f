// The network file format: one zod schema that defines the file, yields the TypeScript types
// and is written out as networks/network.schema.json (scripts/write-schemas.ts).
import { z } from 'zod';

/** A stable lower-case kebab-case identifier, e.g. "lake-van-ferry". */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lower-case kebab-case id such as "lake-van-ferry"')
  .describe('Stable lower-case kebab-case identifier.');

/** A calendar date, or a year-month or a year where the publication gives no day. */
const PubDate = z
  .string()
  .regex(/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|undated)$/, 'expected YYYY, YYYY-MM, YYYY-MM-DD or "undated"')
  .describe('Publication date: YYYY-MM-DD, YYYY-MM or YYYY as the source gives it, or "undated".');

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .describe('Date, YYYY-MM-DD.');

/** How sure a figure is: measured (observed data), reported (a published figure or claim), estimated (ours). */
export const Basis = z
  .enum(['measured', 'reported', 'estimated'])
  .describe(
    'measured: observed operating data; reported: a figure a publication states (including official targets and claims); estimated: our own estimate, with the method in "note".',
  );

const NonNegative = z.number().finite().nonnegative();

/** A figure known only as a range: the value to plan with and the spread the sources give. */
export const Range = z
  .strictObject({
    typical: NonNegative.describe('The value to plan with.'),
    min: NonNegative.describe('The lowest value the sources support.'),
    max: NonNegative.describe('The highest value the sources support.'),
  })
  .describe('A range with min <= typical <= max, in the unit the field name gives.');

/** Per-field provenance where one figure of a node or an edge has another basis or source than the rest. */
const FieldBasis = z
  .strictObject({
    basis: Basis,
    sources: z.array(Id).optional().describe('Source ids for this figure; defaults to the record\'s sources.'),
    note: z.string().optional(),
  })
  .describe('Provenance of one figure, overriding the record\'s basis and sources for that field.');

export const Source = z
  .strictObject({
    id: Id,
    title: z.string().min(1).describe('Title of the publication or page.'),
    publisher: z.string().min(1).describe('Who published it (agency, operator, newspaper, journal).'),
    date: PubDate,
    url: z.url({ protocol: /^https?$/ }).describe('Where the publication can be read.'),
    accessed: IsoDate.optional().describe('When we read it.'),
    note: z.string().optional().describe('What the source states that we use.'),
  })
  .describe('A publication that figures cite by id.');

export const Corridor = z
  .strictObject({
    id: Id.describe('Corridor id: northern, middle, southern, maritime, or another.'),
    name: z.string().min(1),
    description: z.string().min(1),
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .optional()
      .describe('Colour used for this corridor on maps, #rrggbb.'),
  })
  .describe('A named corridor that edges are tagged with.');

export const NodeKind = z.enum(['city', 'port', 'border', 'junction', 'terminal']);

export const NodeFields = z.enum(['dwellDays', 'dwellCostUsdPerFeu', 'lat', 'lon']);

export const Node = z
  .strictObject({
    id: Id,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional().describe('Other spellings users may type (e.g. "Horgos").'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "IR"')
      .describe('ISO 3166-1 alpha-2 country code.'),
    lat: z.number().min(-90).max(90).describe('Latitude, decimal degrees (WGS 84).'),
    lon: z.number().min(-180).max(180).describe('Longitude, decimal degrees (WGS 84).'),
    kind: NodeKind,
    dwellDays: Range.optional().describe(
      'Days a train or box spends here when it passes through: border formalities, gauge change, port handling.',
    ),
    dwellCostUsdPerFeu: Range.optional().describe('USD per FEU charged here when passing through (handling, transshipment).'),
    gaugeChange: z.literal(true).optional().describe('True where the track gauge changes here (1435 mm / 1520 mm).'),
    basis: Basis,
    sources: z.array(Id).min(1).describe('Source ids for the figures of this node.'),
    fieldBasis: z.partialRecord(NodeFields, FieldBasis).optional(),
    note: z.string().optional(),
  })
  .describe('A place: a city, a port, a border crossing, a junction or a terminal.');

export const Mode = z.enum(['rail', 'ferry', 'sea', 'road']);
export const Traction = z.enum(['electric', 'diesel']);
export const Status = z.enum(['operational', 'under-construction', 'planned']);
export const EdgeFields = z.enum(['distanceKm', 'transitDays', 'capacityMtpa', 'costUsdPerFeu', 'traction', 'opensYear']);

export const Edge = z
  .strictObject({
    id: Id,
    name: z.string().min(1).optional().describe('Readable name, e.g. "Lake Van rail ferry".'),
    from: Id.describe('Node id at one end. Edges carry freight in both directions.'),
    to: Id.describe('Node id at the other end.'),
    mode: Mode,
    line: Id.optional().describe('A named line several edges belong to, so that an edit can target the whole line.'),
    distanceKm: NonNegative.describe('Length along the track or the sailing line, km.'),
    transitDays: Range.describe('Days to run this segment, excluding the dwell at its end nodes.'),
    capacityMtpa: NonNegative.nullable().describe('Million tonnes a year this segment can carry; null when unknown.'),
    costUsdPerFeu: Range.optional().describe('USD per FEU for this segment.'),
    traction: Traction.optional().describe('Rail traction: electric or diesel.'),
    status: Status,
    opensYear: z.number().int().min(1800).max(2100).optional().describe('Year it opens; required unless operational.'),
    corridors: z.array(Id).min(1).describe('Corridors this segment belongs to; a shared segment lists several.'),
    basis: Basis,
    sources: z.array(Id).min(1).describe('Source ids for the figures of this edge.'),
    fieldBasis: z.partialRecord(EdgeFields, FieldBasis).optional(),
    waypoints: z
      .array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]))
      .optional()
      .describe('Intermediate [lon, lat] points for drawing the segment on a map (sea lanes).'),
    note: z.string().optional(),
  })
  .describe('A segment between two nodes.');

export const Network = z
  .strictObject({
    $schema: z.string().optional(),
    id: Id,
    name: z.string().min(1),
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/, 'expected a version such as "2026.11.0"'),
    asOf: IsoDate.describe('The date the figures describe.'),
    description: z.string().optional(),
    sources: z.array(Source),
    corridors: z.array(Corridor).min(1),
    nodes: z.array(Node).min(2),
    edges: z.array(Edge).min(1),
  })
  .describe('A China–Europe freight network: sources, corridors, nodes and edges.');

export type Basis = z.infer<typeof Basis>;
export type Range = z.infer<typeof Range>;
export type Source = z.infer<typeof Source>;
export type Corridor = z.infer<typeof Corridor>;
export type NodeKind = z.infer<typeof NodeKind>;
export type Node = z.infer<typeof Node>;
export type Mode = z.infer<typeof Mode>;
export type Traction = z.infer<typeof Traction>;
export type Status = z.infer<typeof Status>;
export type Edge = z.infer<typeof Edge>;
export type EdgeField = z.infer<typeof EdgeFields>;
export type NodeField = z.infer<typeof NodeFields>;
export type Network = z.infer<typeof Network>;

/** Emission factors: one row per mode (and traction for rail), well-to-wheel, with their sources. */
export const EmissionFactor = z
  .strictObject({
    id: Id,
    mode: Mode,
    traction: Traction.optional(),
    country: z.string().regex(/^[A-Z]{2}$/).optional().describe('Where set, the factor applies to this country only.'),
    gramsCo2ePerTonneKm: NonNegative.describe('g CO2e per tonne-km, well-to-wheel.'),
    scope: z.literal('WTW'),
    basis: Basis,
    sources: z.array(Id).min(1),
    note: z.string().optional(),
  })
  .describe('An emission intensity for a mode.');

export const EmissionFactors = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  version: z.string(),
  method: z.string().describe('How the factors are applied.'),
  tonnesPerFeu: z
    .strictObject({ value: NonNegative, basis: Basis, sources: z.array(Id).min(1), note: z.string().optional() })
    .describe('Default cargo tonnes in one FEU.'),
  sources: z.array(Source),
  factors: z.array(EmissionFactor).min(1),
});

export type EmissionFactor = z.infer<typeof EmissionFactor>;
export type EmissionFactors = z.infer<typeof EmissionFactors>;
