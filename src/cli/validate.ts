// `corridors validate [FILE...]`: checks network, emission-factor and scenario files and reports every problem.
import { basename, join } from 'node:path';
import { applyScenario, CorridorsError, DataValidationError, formatIssue, checkNetwork, housekeepingIssues, parseEmissionFactors, parseObservations, parseScenario, type Model } from '../core/index.ts';
import { loadModel } from './model.ts';
import { NETWORKS_DIR, SCENARIOS_DIR, listJsonFiles, readJsonFile } from '../core/load.ts';
import { displayPath, type Io } from './io.ts';

/** The data files `validate` checks when given none: networks/*.json (not the JSON Schemas) and the scenarios. */
export function defaultDataFiles(): string[] {
  return [...listJsonFiles(NETWORKS_DIR).filter((f) => !f.endsWith('.schema.json')), ...listJsonFiles(SCENARIOS_DIR)];
}

type Kind = 'network' | 'factors' | 'scenario' | 'observations';

function kindOf(data: unknown, file: string): Kind {
  if (typeof data === 'object' && data !== null) {
    if ('factors' in data) return 'factors';
    if ('observations' in data) return 'observations';
    if ('edits' in data) return 'scenario';
  }
  return basename(file) === 'emission-factors.json' ? 'factors' : 'network';
}

let cached: Model | undefined;
const baseModel = () => (cached ??= loadModel(undefined));

/** Validates each file; prints a one-line summary per valid file and every problem of each invalid one. */
export function validateFiles(files: string[], io: Io): number {
  const list = files.length ? files : defaultDataFiles();
  let failed = 0;
  for (const file of list) {
    const label = displayPath(file);
    try {
      const data = readJsonFile(file);
      const kind = kindOf(data, file);
      if (kind === 'network') {
        const { network, issues } = checkNetwork(data, label);
        if (!network) throw new DataValidationError(issues);
        for (const warning of [...issues, ...housekeepingIssues(network, label)]) io.err(`${formatIssue(warning)}\n`);
        io.out(`${label}: ok: network ${network.id} ${network.version} (as of ${network.asOf}): ${network.nodes.length} nodes, ${network.edges.length} edges, ${network.sources.length} sources\n`);
      } else if (kind === 'factors') {
        const f = parseEmissionFactors(data, label);
        io.out(`${label}: ok: emission factors ${f.id} ${f.version}: ${f.factors.length} factors, ${f.sources.length} sources\n`);
      } else if (kind === 'observations') {
        const obs = parseObservations(baseModel(), data, label);
        const fitted = obs.observations.filter((o) => o.kind === 'observed' || o.kind === 'schedule').length;
        io.out(`${label}: ok: observations ${obs.id} (as of ${obs.asOf}): ${obs.observations.length} rows, ${fitted} observed or scheduled, ${obs.sources.length} sources\n`);
      } else {
        // A scenario is checked against the embedded network: its schema, its source ids and every edit's target.
        const model = baseModel();
        const scenario = parseScenario(model, data, label);
        const applied = applyScenario(model, scenario, label);
        io.out(`${label}: ok: scenario ${scenario.id}: ${applied.changes.length} edit${applied.changes.length === 1 ? '' : 's'}\n`);
      }
    } catch (err) {
      failed++;
      if (err instanceof DataValidationError) {
        for (const issue of err.issues) io.err(`${formatIssue(issue)}\n`);
        io.err(`${label}: ${err.issues.length} problem${err.issues.length === 1 ? '' : 's'}\n`);
      } else if (err instanceof CorridorsError) io.err(`corridors: ${err.message}\n`);
      else throw err;
    }
  }
  if (!list.length) io.err(`corridors: no data files found in ${displayPath(join(NETWORKS_DIR))}\n`);
  return failed || !list.length ? 1 : 0;
}
