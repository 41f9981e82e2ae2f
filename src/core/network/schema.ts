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

/**
 * Plausible maxima for one segment or one node. They keep every sum and every sample finite: a route has at most
 * a few thousand legs, so no total can overflow a double. Documented in networks/README.md.
 */
export const LIMITS = {
  /** Longest segment, km (more than half the Earth's circumference). */
  distanceKm: 25_000,
  /** Longest transit or dwell, days. */
  days: 365,
  /** Dearest segment or node, USD per FEU. */
  costUsdPerFeu: 1_000_000,
  /** Largest capacity or volume, million tonnes a year. */
  capacityMtpa: 10_000,
  /** Largest per-train or per-sailing figure (wagons, tonnes, TEU). */
  perTrain: 1_000_000,
  /** Largest container capacity, TEU a year. */
  teuPerYear: 1_000_000_000,
  /** Largest emission intensity, g CO2e per tonne-km (air freight is about 600). */
  gramsCo2ePerTonneKm: 10_000,
  /** Largest load of one FEU, tonnes (a 40-ft box carries about 27 t at most). */
  tonnesPerFeu: 100,
  /** Largest ratio in a method's relativeRange (a sourced figure against the method's estimate). */
  relativeRange: 10,
  /** Largest published end-to-end figure of an observation: days, km or USD per FEU of a whole route. */
  observedFigure: 10_000_000,
} as const;

const bounded = (max: number, unit: string) => NonNegative.max(max).describe(`${unit}, at most ${max.toLocaleString('en-US')}.`);

/** A range schema for one unit: min <= typical <= max, each between 0 and `max`. */
export function rangeOf(max: number, unit: string) {
  return z
    .strictObject({
      typical: bounded(max, unit).describe(`The value to plan with: what trains and ships do on average in the last two or three years (${unit}).`),
      min: bounded(max, unit).describe(`The best observed or scheduled value (${unit}).`),
      max: bounded(max, unit).describe(`A bad period actually observed (${unit}).`),
    })
    .describe(`A range with min <= typical <= max, ${unit}.`);
}

/** A figure known only as a range: the value to plan with and the spread the sources give. */
export const Range = rangeOf(LIMITS.costUsdPerFeu, 'in the unit the field name gives');
export const DaysRange = rangeOf(LIMITS.days, 'days');
export const CostRange = rangeOf(LIMITS.costUsdPerFeu, 'USD per FEU');

/** Per-field provenance where one figure of a node or an edge has another basis or source than the rest. */
const FieldBasis = z
  .strictObject({
    basis: Basis,
    sources: z.array(Id).optional().describe('Source ids for this figure; defaults to the record\'s sources.'),
    method: Id.optional().describe('Id of the estimation method (top-level "methods") this figure was made by.'),
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

/** A shared estimation method: figures made by it cite the method instead of repeating its inputs. */
export const Method = z
  .strictObject({
    id: Id,
    name: z.string().min(1).describe('Short readable name, e.g. "Great-circle distance × detour factor".'),
    description: z.string().min(1).describe('The formula and its inputs, so the figure can be reproduced.'),
    sources: z.array(Id).describe('Source ids of the method\'s inputs.'),
    relativeRange: z
      .strictObject({ min: z.number().finite().positive().max(LIMITS.relativeRange), max: z.number().finite().positive().max(LIMITS.relativeRange) })
      .optional()
      .describe('Where the method was checked against sourced figures: the lowest and highest ratio of a sourced figure to the method\'s estimate, so an estimate x spans x × min to x × max.'),
    note: z.string().optional(),
  })
  .describe('An estimation method that figures name in fieldBasis.method.');

/** What a capacity or volume counts. */
export const CapacityScope = z
  .enum(['all', 'containers'])
  .describe('What a capacity or volume counts: all cargo, or containers only.');

/** Provenance shared by the small figure objects below. */
const Provenance = {
  basis: Basis,
  sources: z.array(Id).describe('Source ids for this figure.'),
  method: Id.optional().describe('Id of the estimation method, when estimated by a shared method.'),
  note: z.string().optional(),
};

/** The most one train or one sailing can carry on a segment or through a node. */
export const PerTrain = z
  .strictObject({
    unit: z.enum(['train', 'sailing']).describe('Whether the limit is per train or per ship sailing.'),
    wagons: bounded(LIMITS.perTrain, 'wagons').optional().describe('Most wagons (or rail cars) per train or sailing.'),
    tonnes: bounded(LIMITS.perTrain, 'tonnes').optional().describe('Most tonnes (gross payload) per train or sailing.'),
    teu: bounded(LIMITS.perTrain, 'TEU').optional().describe('Most TEU per train or sailing.'),
    ...Provenance,
  })
  .describe('Per-train (or per-sailing) limit: wagons, tonnes or TEU, as published.');

/** The volume a segment or a node actually carried in one year. */
export const Volume = z
  .strictObject({
    mtpa: bounded(LIMITS.capacityMtpa, 'million tonnes a year').describe('Million tonnes carried in the year.'),
    year: z.number().int().min(1900).max(2100).describe('The year the volume was carried.'),
    scope: CapacityScope.optional(),
    ...Provenance,
  })
  .describe('Volume carried, so that spare capacity = capacity − volume.');

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

export const NodeFields = z.enum(['dwellDays', 'dwellCostUsdPerFeu', 'capacityMtpa', 'lat', 'lon']);

/** The fields every period has: its first year, the capacity and per-train limit from then on, and provenance. */
const PeriodBase = {
  fromYear: z.number().int().min(1900).max(2100).describe('First year the values apply.'),
  capacityMtpa: bounded(LIMITS.capacityMtpa, 'million tonnes a year').nullable().optional(),
  perTrain: PerTrain.optional(),
  ...Provenance,
};
const PERIOD_TEXT = 'Values from a year on (a project completes): they replace the base values, which hold today\'s (the network\'s asOf), for query years >= fromYear.';

/** A node's values from a year on. */
export const NodePeriod = z.strictObject({ ...PeriodBase, dwellDays: DaysRange.optional() }).describe(PERIOD_TEXT);

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
    dwellDays: DaysRange.optional().describe(
      'Days a train or box spends here when it passes through: border formalities, gauge change, port handling.',
    ),
    dwellCostUsdPerFeu: CostRange.optional().describe('USD per FEU charged here when passing through (handling, transshipment).'),
    gaugeChange: z.literal(true).optional().describe('True where the track gauge changes here (1435 mm / 1520 mm).'),
    capacityMtpa: bounded(LIMITS.capacityMtpa, 'million tonnes a year')
      .nullable()
      .optional()
      .describe('Throughput of the port, border crossing or terminal, million tonnes a year; null or absent when unknown.'),
    capacityScope: CapacityScope.optional(),
    capacityTeuPerYear: bounded(LIMITS.teuPerYear, 'TEU a year').optional().describe('The published container capacity, when capacityMtpa was converted from TEU.'),
    perTrain: PerTrain.optional(),
    volume: Volume.optional(),
    periods: z.array(NodePeriod).optional().describe('Values that change when a project completes, by year.'),
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

/** An edge's values from a year on. */
export const EdgePeriod = z.strictObject({ ...PeriodBase, transitDays: DaysRange.optional() }).describe(PERIOD_TEXT);

export const Edge = z
  .strictObject({
    id: Id,
    name: z.string().min(1).optional().describe('Readable name, e.g. "Lake Van rail ferry".'),
    from: Id.describe('Node id at one end. Edges carry freight in both directions.'),
    to: Id.describe('Node id at the other end.'),
    mode: Mode,
    line: Id.optional().describe('A named line several edges belong to, so that an edit can target the whole line.'),
    distanceKm: bounded(LIMITS.distanceKm, 'km').describe('Length along the track or the sailing line, km.'),
    transitDays: DaysRange.describe('Days to run this segment, excluding the dwell at its end nodes.'),
    capacityMtpa: bounded(LIMITS.capacityMtpa, 'million tonnes a year')
      .nullable()
      .describe('Million tonnes a year this segment can carry today; null when unknown.'),
    capacityScope: CapacityScope.optional(),
    capacityTeuPerYear: bounded(LIMITS.teuPerYear, 'TEU a year').optional().describe('The published container capacity, when capacityMtpa was converted from TEU.'),
    perTrain: PerTrain.optional(),
    volume: Volume.optional(),
    periods: z.array(EdgePeriod).optional().describe('Values that change when a project completes, by year.'),
    costUsdPerFeu: CostRange.optional().describe('USD per FEU for this segment.'),
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
    methods: z.array(Method).optional().describe('Shared estimation methods that figures name in fieldBasis.method.'),
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
export type Method = z.infer<typeof Method>;
export type PerTrain = z.infer<typeof PerTrain>;
export type Volume = z.infer<typeof Volume>;
export type EdgePeriod = z.infer<typeof EdgePeriod>;
export type NodePeriod = z.infer<typeof NodePeriod>;
export type CapacityScope = z.infer<typeof CapacityScope>;

/** Emission factors: one row per mode (and traction for rail), well-to-wheel, with their sources. */
export const EmissionFactor = z
  .strictObject({
    id: Id,
    mode: Mode,
    traction: Traction.optional(),
    country: z.string().regex(/^[A-Z]{2}$/).optional().describe('Where set, the factor applies to this country only.'),
    gramsCo2ePerTonneKm: bounded(LIMITS.gramsCo2ePerTonneKm, 'g CO2e per tonne-km').describe('g CO2e per tonne-km, well-to-wheel.'),
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
    .strictObject({ value: bounded(LIMITS.tonnesPerFeu, 'tonnes'), basis: Basis, sources: z.array(Id).min(1), note: z.string().optional() })
    .describe('Default cargo tonnes in one FEU.'),
  sources: z.array(Source),
  factors: z.array(EmissionFactor).min(1),
});

export type EmissionFactor = z.infer<typeof EmissionFactor>;
export type EmissionFactors = z.infer<typeof EmissionFactors>;
