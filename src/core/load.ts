// The one core module that reads files: network, emission-factor and scenario files from disk.
import { isAscii } from 'node:buffer';
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { DataValidationError, FileError, UnknownIdError, type ValidationIssue } from './errors.ts';
import { parseJsonText } from './network/json-text.ts';
import { parseScenario, ScenarioError } from './network/apply-scenario.ts';
import type { Model } from './network/model.ts';
import type { Scenario } from './network/scenario-schema.ts';
import { closest } from './routing/suggest.ts';
import { parseEmissionFactors, parseNetwork } from './network/validate.ts';
import { parseObservations, type ObservationsFile } from './network/observations-schema.ts';
import type { EmissionFactors, Network } from './network/schema.ts';
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, DEFAULT_OBSERVATIONS_FILE, SCENARIOS_DIR } from './paths.ts';

export { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, DEFAULT_OBSERVATIONS_FILE, NETWORKS_DIR, SCENARIOS_DIR } from './paths.ts';

/** The largest data file read, in bytes (the network is about 0.4 MB). */
export const MAX_FILE_BYTES = 64 * 2 ** 20;

/** What a file that is not a regular file is, for the message. */
function fileKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads and parses a JSON file: only a regular file is opened (it is checked before it is opened, so a named
 * pipe or a device cannot hang the command), a byte-order mark is dropped, and nesting and numbers are checked.
 * `label` is how messages name the file.
 * @throws FileError (code FILE_ERROR) when the file is missing, not a regular file, too large, unreadable or not
 * JSON; DataValidationError (INVALID_DATA) when it nests too deep or holds numbers too large for a double.
 */
export function readJsonFile(file: string, label: string = file): unknown {
  const why = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? 'error'})`;
  };
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (err) {
    throw new FileError(label, why(err));
  }
  if (!stat.isFile()) throw new FileError(label, `is ${fileKind(stat)}, not a JSON file`);
  if (stat.size > MAX_FILE_BYTES) throw new FileError(label, `is ${Math.round(stat.size / 2 ** 20)} MiB; data files are at most ${MAX_FILE_BYTES / 2 ** 20} MiB`);
  let text: string;
  try {
    const bytes = readFileSync(file);
    // Most data files are plain ASCII: read as Latin-1 they need no UTF-8 decoding (the same string, made faster).
    text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  } catch (err) {
    throw new FileError(label, why(err));
  }
  let parsed: { value: unknown; issues: ValidationIssue[] };
  try {
    parsed = parseJsonText(text, label);
  } catch (err) {
    throw new FileError(label, `not valid JSON (${(err as Error).message})`);
  }
  if (parsed.issues.length) throw new DataValidationError(parsed.issues);
  return parsed.value;
}

/**
 * Loads and validates a network file.
 * @throws FileError, DataValidationError.
 */
export function loadNetworkFile(file: string = DEFAULT_NETWORK_FILE, label: string = file): Network {
  return parseNetwork(readJsonFile(file, label), label);
}

/**
 * Loads and validates an emission-factor file.
 * @throws FileError, DataValidationError.
 */
export function loadEmissionFactorsFile(file: string = DEFAULT_FACTORS_FILE, label: string = file): EmissionFactors {
  return parseEmissionFactors(readJsonFile(file, label), label);
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
 * @throws UnknownIdError (an id that is neither shipped nor a file), FileError, ScenarioError (also for a file that
 * nests too deep or holds numbers too large for a double).
 */
export function loadScenario(model: Model, idOrFile: string, label?: string): { scenario: Scenario; file: string } {
  const shipped = shippedScenarios();
  const hit = shipped.find((s) => s.id === idOrFile);
  const file = hit ? hit.file : idOrFile;
  if (!hit && !/[/\\]|\.json$/.test(idOrFile)) {
    throw new UnknownIdError('scenario', idOrFile, closest(idOrFile, shipped.map((s) => ({ id: s.id, name: s.id }))), 'scenario');
  }
  const shown = label ?? (hit ? `networks/scenarios/${hit.id}.json` : idOrFile);
  let data: unknown;
  try {
    data = readJsonFile(file, shown);
  } catch (err) {
    // A scenario file that nests too deep or overflows a number is a bad scenario like any other.
    if (err instanceof DataValidationError) throw new ScenarioError(err.issues);
    throw err;
  }
  return { scenario: parseScenario(model, data, shown), file: shown };
}

/**
 * Loads and validates an observations file against a model.
 * @throws FileError, DataValidationError.
 */
export function loadObservationsFile(model: Model, file: string = DEFAULT_OBSERVATIONS_FILE, label: string = file): ObservationsFile {
  return parseObservations(model, readJsonFile(file, label), label);
}
