// Where the embedded data lives: networks/ at the package root, found relative to this module, so the
// paths hold from the sources (src/core/) and from the build (dist/core/) alike. No file is read here.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The folder holding the embedded data (networks/). */
export const NETWORKS_DIR = fileURLToPath(new URL('../../networks/', import.meta.url));
/** The embedded default network. */
export const DEFAULT_NETWORK_FILE = join(NETWORKS_DIR, 'eurasia.json');
/** The embedded emission factors. */
export const DEFAULT_FACTORS_FILE = join(NETWORKS_DIR, 'emission-factors.json');
/** The embedded observations (published figures the model is calibrated against). */
export const DEFAULT_OBSERVATIONS_FILE = join(NETWORKS_DIR, 'observations.json');
/** The shipped scenarios. */
export const SCENARIOS_DIR = join(NETWORKS_DIR, 'scenarios');
