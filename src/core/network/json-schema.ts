// The JSON Schema text of each data file, generated from the zod schemas.
import { z } from 'zod';
import { EmissionFactors, Network } from './schema.ts';
import { Scenario } from './scenario-schema.ts';
import { ObservationsFile } from './observations-schema.ts';

/** File name -> JSON Schema text (two-space indentation, trailing newline). */
export function schemaFiles(): Record<string, string> {
  const text = (schema: z.ZodType, id: string, title: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }), $id: id, title }, null, 2)}\n`;
  return {
    'network.schema.json': text(Network, 'network.schema.json', 'China–Europe freight network'),
    'emission-factors.schema.json': text(EmissionFactors, 'emission-factors.schema.json', 'Emission factors (well-to-wheel)'),
    'scenario.schema.json': text(Scenario, 'scenario.schema.json', 'What-if scenario'),
    'observations.schema.json': text(ObservationsFile, 'observations.schema.json', 'Published observations of transit days, route lengths and rates'),
  };
}
