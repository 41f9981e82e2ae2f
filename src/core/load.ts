// The one core module that reads files: network, emission-factor and scenario files from disk.
import { isAscii } from 'node:buffer';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileError, UnknownIdError } from './errors.ts';
import { parseScenario } from './network/apply-scenario.ts';
import type { Model } from './network/model.ts';
import type { Scenario } from './network/scenario-schema.ts';
import { closest } from './routing/suggest.ts';
import { parseEmissionFactors, parseNetwork } from './network/validate.ts';
import { parseObservations, type ObservationsFile } from './network/observations-schema.ts';
import type { EmissionFactors, Network } from './network/schema.ts';
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, DEFAULT_OBSERVATIONS_FILE, SCENARIOS_DIR } from './paths.ts';

export { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, DEFAULT_OBSERVATIONS_FILE, NETWORKS_DIR, SCENARIOS_DIR } from './paths.ts';

/**
 * Reads and parses a JSON file.
 * @throws FileError (code FILE_ERROR) when the file is missing, unreadable or not JSON.
 */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    const bytes = readFileSync(file);
    // Most data files are plain ASCII: read as Latin-1 they need no UTF-8 decoding (the same string, made faster).
    text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read (${code ?? 'error'})`;
    throw new FileError(file, why);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FileError(file, `not valid JSON (${(err as Error).message})`);
  }
}

/**
 * Loads and validates a network file.
 * @throws FileError, DataValidationError.
 */
export function loadNetworkFile(file: string = DEFAULT_NETWORK_FILE, label: string = file): Network {
  return parseNetwork(readJsonFile(file), label);
}

/**
 * Loads and validates an emission-factor file.
 * @throws FileError, DataValidationError.
 */
export function loadEmissionFactorsFile(file: string = DEFAULT_FACTORS_FILE, label: string = file): EmissionFactors {
  return parseEmissionFactors(readJsonFile(file), label);
}

/** The JSON files in a folder, sorted by name (an absent folder has none). */
export function listJsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** A shipped scenario: its id and file. */
export interface ShippedScenario {
  id: string;
  file: string;
}

/** The scenarios shipped in networks/scenarios/, by id (the file name without .json). */
export function shippedScenarios(): ShippedScenario[] {
  return listJsonFiles(SCENARIOS_DIR).map((file) => ({ id: file.slice(file.lastIndexOf('/') + 1, -'.json'.length), file }));
}

/**
 * Loads a scenario by shipped id or by file path, checked against a model.
 * @throws UnknownIdError (an id that is neither shipped nor a file), FileError, ScenarioError.
 */
export function loadScenario(model: Model, idOrFile: string, label?: string): { scenario: Scenario; file: string } {
  const shipped = shippedScenarios();
  const hit = shipped.find((s) => s.id === idOrFile);
  const file = hit ? hit.file : idOrFile;
  if (!hit && !/[/\\]|\.json$/.test(idOrFile)) {
    throw new UnknownIdError('scenario', idOrFile, closest(idOrFile, shipped.map((s) => ({ id: s.id, name: s.id }))), 'scenario');
  }
  const shown = label ?? (hit ? `networks/scenarios/${hit.id}.json` : idOrFile);
  return { scenario: parseScenario(model, readJsonFile(file), shown), file: shown };
}

/**
 * Loads and validates an observations file against a model.
 * @throws FileError, DataValidationError.
 */
export function loadObservationsFile(model: Model, file: string = DEFAULT_OBSERVATIONS_FILE, label: string = file): ObservationsFile {
  return parseObservations(model, readJsonFile(file), label);
}
