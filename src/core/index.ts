// The core's public surface: re-exports only.
export * from './errors.ts';
export * from './schema.ts';
export * from './validate.ts';
export * from './model.ts';
export * from './query.ts';
export * from './suggest.ts';
export * from './emissions.ts';
export * from './build-graph.ts';
export * from './route.ts';
export * from './shortest-route.ts';
export * from './compare.ts';
export * from './canonical.ts';
export * from './format.ts';
export * from './format-number.ts';
export * from './json-schema.ts';
