// `corridors validate [FILE...]`: checks network, emission-factor, scenario and observation files and reports
// every problem. Each file is checked on its own: a broken file is reported and the next one is still checked.
import { basename, dirname, join } from 'node:path';
import { applyScenario, CorridorsError, DataValidationError, checkNetwork, housekeepingIssues, parseEmissionFactors, parseObservations, parseScenario, type Model } from '../core/index.ts';
import { loadModel } from './model.ts';
import { NETWORKS_DIR, SCENARIOS_DIR, listJsonFiles, readJsonFile } from '../core/load.ts';
import { displayPath, printIssues, type Io } from './io.ts';

/** The data files `validate` checks when given none: networks/*.json (not the JSON Schemas) and the scenarios. */
export function defaultDataFiles(): string[] {
  return [...listJsonFiles(NETWORKS_DIR).filter((f) => !f.endsWith('.schema.json')), ...listJsonFiles(SCENARIOS_DIR)];
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A kind of data file: the top-level keys only it has, the file names it goes by, and how it is checked. */
export interface DataKind {
  /** How messages name the kind, e.g. "scenario". */
  name: string;
  /** Top-level keys that only this kind of file has. */
  keys: readonly string[];
  /** Whether the file's name or folder says it is of this kind. */
  named: (file: string) => boolean;
  /**
   * Checks parsed data and returns the summary printed after "ok:"; warnings go to `warn`.
   * @throws DataValidationError (or another CorridorsError) when the file is invalid.
   */
  check: (data: unknown, label: string, warn: (issues: DataValidationError['issues']) => void) => string;
}

let cached: Model | undefined;
const baseModel = () => (cached ??= loadModel(undefined));
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The kinds `validate` knows, most specific first; a file that fits none is read as a network. */
export const DATA_KINDS: readonly DataKind[] = [
  {
    name: 'observations',
    keys: ['observations'],
    named: (file) => basename(file) === 'observations.json',
    check: (data, label) => {
      // Observations are checked against the embedded network: their schema, sources and the places they name.
      const obs = parseObservations(baseModel(), data, label);
      const fitted = obs.observations.filter((o) => o.kind === 'observed' || o.kind === 'schedule').length;
      return `observations ${obs.id} (as of ${obs.asOf}): ${plural(obs.observations.length, 'row')}, ${fitted} observed or scheduled, ${plural(obs.sources.length, 'source')}`;
    },
  },
  {
    name: 'emission factors',
    keys: ['factors', 'tonnesPerFeu', 'method'],
    named: (file) => basename(file) === 'emission-factors.json',
    check: (data, label) => {
      const f = parseEmissionFactors(data, label);
      return `emission factors ${f.id} ${f.version}: ${plural(f.factors.length, 'factor')}, ${plural(f.sources.length, 'source')}`;
    },
  },
  {
    name: 'scenario',
    keys: ['edits', 'year'],
    named: (file) => /scenario/i.test(basename(file)) || basename(dirname(file)) === 'scenarios',
    check: (data, label) => {
      // A scenario is checked against the embedded network: its schema, its source ids and every edit's target.
      const model = baseModel();
      const scenario = parseScenario(model, data, label);
      const applied = applyScenario(model, scenario, label);
      return `scenario ${scenario.id}: ${plural(applied.changes.length, 'edit')}`;
    },
  },
  {
    name: 'network',
    keys: ['nodes', 'edges', 'corridors', 'asOf', 'methods', 'version'],
    named: () => false,
    check: (data, label, warn) => {
      const { network, issues } = checkNetwork(data, label);
      if (!network) throw new DataValidationError(issues);
      warn([...issues, ...housekeepingIssues(network, label)]);
      return `network ${network.id} ${network.version} (as of ${network.asOf}): ${plural(network.nodes.length, 'node')}, ${plural(network.edges.length, 'edge')}, ${plural(network.sources.length, 'source')}`;
    },
  },
];

/**
 * Decides what kind of file this is, by content first and then by name, and says why: the kind with the most
 * top-level keys of its own wins; with none (an empty object, say) the file's name or folder decides, then network.
 */
export function kindOf(data: unknown, file: string): { kind: DataKind; why: string } {
  const keys = isRec(data) ? Object.keys(data) : [];
  let best: { kind: DataKind; hits: string[] } | null = null;
  for (const kind of DATA_KINDS) {
    const hits = kind.keys.filter((k) => keys.includes(k));
    if (hits.length && (!best || hits.length > best.hits.length)) best = { kind, hits };
  }
  if (best) return { kind: best.kind, why: `it has ${best.hits.map((k) => `"${k}"`).join(', ')}` };
  const byName = DATA_KINDS.find((k) => k.named(file));
  if (byName) return { kind: byName, why: `by its name ${basename(dirname(file)) === 'scenarios' ? 'and folder' : ''}`.trim() };
  const network = DATA_KINDS[DATA_KINDS.length - 1] as DataKind;
  return { kind: network, why: 'nothing in it says otherwise' };
}

/**
 * Validates each file; prints a one-line summary per valid file and the problems of each invalid one (at most
 * MAX_PRINTED_ISSUES per file, then how many more). A file that cannot be read or parsed is reported and the
 * next one is checked. Exit status 1 when any file is invalid.
 */
export function validateFiles(files: string[], io: Io): number {
  const list = files.length ? files : defaultDataFiles();
  let failed = 0;
  for (const file of list) {
    const label = displayPath(file);
    let assumed = '';
    try {
      const data = readJsonFile(file, label);
      const { kind, why } = kindOf(data, file);
      assumed = ` (checked as ${kind.name === 'observations' ? 'an observations file' : `a ${kind.name} file`}: ${why})`;
      const summary = kind.check(data, label, (warnings) => printIssues(io, warnings));
      io.out(`${label}: ok: ${summary}\n`);
    } catch (err) {
      failed++;
      if (err instanceof DataValidationError) {
        printIssues(io, err.issues);
        io.err(`${label}: ${plural(err.issues.length, 'problem')}${assumed}\n`);
      } else if (err instanceof CorridorsError) io.err(`corridors: ${err.message}\n`);
      else throw err;
    }
  }
  if (!list.length) io.err(`corridors: no data files found in ${displayPath(join(NETWORKS_DIR))}\n`);
  return failed || !list.length ? 1 : 0;
}
