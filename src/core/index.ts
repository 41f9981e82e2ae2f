// The core's public surface: re-exports only, grouped by concern.
// network/: the data model (schema, validation, what-if edits); routing/: queries and best routes;
// analysis/: alternatives, trade-offs, throughput, uncertainty, timeline, diffs; output/: tables and GeoJSON.
export * from './errors.ts';
export * from './io.ts';

export * from './network/schema.ts';
export * from './network/validate.ts';
export * from './network/model.ts';
export * from './network/canonical.ts';
export * from './network/json-schema.ts';
export * from './network/scenario-schema.ts';
export * from './network/apply-scenario.ts';
export * from './network/figure-basis.ts';
export * from './network/geo.ts';
export * from './network/periods.ts';
export * from './network/observations-schema.ts';

export * from './routing/query.ts';
export * from './routing/suggest.ts';
export * from './routing/emissions.ts';
export * from './routing/build-graph.ts';
export * from './routing/route.ts';
export * from './routing/route-index.ts';
export * from './routing/search-graph.ts';
export * from './routing/shortest-route.ts';
export * from './routing/compare.ts';

export * from './analysis/diff.ts';
export * from './analysis/alternatives.ts';
export * from './analysis/pareto.ts';
export * from './analysis/random.ts';
export * from './analysis/throughput.ts';
export * from './analysis/uncertainty.ts';
export * from './analysis/timeline.ts';
export * from './analysis/compare-extras.ts';
export * from './analysis/calibrate.ts';

export * from './output/table.ts';
export * from './output/route-text.ts';
export * from './output/format.ts';
export * from './output/format-number.ts';
export * from './output/format-analysis.ts';
export * from './output/geojson.ts';
export * from './output/format-calibration.ts';
