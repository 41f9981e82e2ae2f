// Writes the JSON Schemas of the data files next to the data: networks/network.schema.json and
// networks/emission-factors.schema.json. A test checks that the committed files are current.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORKS_DIR } from '../src/core/load.ts';
import { schemaFiles } from '../src/core/network/json-schema.ts';

for (const [name, text] of Object.entries(schemaFiles())) {
  writeFileSync(join(NETWORKS_DIR, name), text);
  console.log(`wrote networks/${name}`);
}
