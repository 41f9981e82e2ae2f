// The embedded network and emission factors as validated at build time. `npm run build` validates them and
// writes the result next to the built module (dist/cli/data-cache.json) with the SHA-256 of each file; a
// command on the embedded data reads that copy while both files still hash the same, which skips the
// schema pass and the loading of zod. Any difference, a missing or unreadable copy, or a run from the
// sources (no copy beside src/cli/) validates the files as usual.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE } from '../core/paths.ts';
import { createModel, type Model } from '../core/network/model.ts';
import type { EmissionFactors, Network } from '../core/network/schema.ts';

/** Where the build writes the validated copy: beside this module. */
export const DATA_CACHE_FILE = fileURLToPath(new URL('./data-cache.json', import.meta.url));

/** The validated embedded data and the hashes of the files it came from. */
export interface DataCache {
  /** SHA-256 (hex) of the network file's bytes. */
  networkSha256: string;
  /** SHA-256 (hex) of the emission-factor file's bytes. */
  factorsSha256: string;
  network: Network;
  factors: EmissionFactors;
}

/** SHA-256 of a file's bytes, hex. */
export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The cache for data that was just validated from these files. */
export function makeDataCache(network: Network, factors: EmissionFactors, files = { network: DEFAULT_NETWORK_FILE, factors: DEFAULT_FACTORS_FILE }): DataCache {
  return { networkSha256: fileSha256(files.network), factorsSha256: fileSha256(files.factors), network, factors };
}

/**
 * The validated embedded data when the cache matches the files byte for byte; null otherwise (no cache, an
 * unreadable or malformed one, or a file changed since the build).
 */
export function readDataCache(
  cacheFile = DATA_CACHE_FILE,
  files = { network: DEFAULT_NETWORK_FILE, factors: DEFAULT_FACTORS_FILE },
): { network: Network; factors: EmissionFactors } | null {
  let cache: Partial<DataCache>;
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Partial<DataCache>;
    if (!cache.network || !cache.factors || cache.networkSha256 !== fileSha256(files.network) || cache.factorsSha256 !== fileSha256(files.factors)) return null;
  } catch {
    return null;
  }
  return { network: cache.network, factors: cache.factors };
}

/**
 * The model a command works on: the --network file (or the embedded default) with the default emission
 * factors; for the embedded data, the build's validated copy when it matches.
 * @throws FileError, DataValidationError (from validating the files).
 */
export async function openModel(networkFile?: string): Promise<Model> {
  if (networkFile === undefined || resolve(networkFile) === DEFAULT_NETWORK_FILE) {
    const cached = readDataCache();
    if (cached) return createModel(cached.network, cached.factors);
  }
  const { loadModel } = await import('./model.ts');
  return loadModel(networkFile);
}
