// The `corridors` command line: parses arguments, calls the core, prints tables.
// Exit codes: 0 ok, 1 bad data file or no route at all, 2 bad arguments.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  CorridorsError,
  DataValidationError,
  FileError,
  compare,
  formatIssue,
  routeQuery,
  parseQuery,
  formatCompare,
  formatRoute,
  TEXT_FORMATS,
  type TextFormat,
  type Model,
  type QueryInput,
} from '../core/index.ts';
import { DEFAULT_OBSERVATIONS_FILE, loadObservationsFile, loadScenario, shippedScenarios } from '../core/load.ts';
import { calibrate, formatCalibration } from '../core/index.ts';
import { compareGeoJson, geojsonText } from '../core/output/geojson.ts';
import {
  CRITERIA,
  QueryError,
  corridorAlternatives,
  corridorDistributions,
  corridorThroughput,
  formatAlternatives,
  formatDistributions,
  formatPareto,
  formatThroughput,
  formatTimeline,
  paretoRoutes,
  parseNumber,
  throughput,
  timeline,
  type Criterion,
  withAnalyses,
} from '../core/index.ts';
import { applyScenario, compareScenario, formatScenarioCompare, isScenarioError, parseAdhocEdits, type Applied, type Query } from '../core/index.ts';
import { validateFiles } from './validate.ts';
import { loadModel } from './model.ts';
import { listEdges, listNodes, networkSummary } from './list.ts';
import { defaultIo, type Io } from './io.ts';

/** A bad command line: printed as one line, exit 2. */
export class UsageError extends Error {}

const USAGE = `Usage: corridors <command> [options]

Commands:
  compare   --from ID --to ID [--objective days|cost|km|co2] [--format table|md|csv|json|geojson]
            [--network FILE] [--year YYYY] [--cargo-mtpa N] [--avoid-country XX,YY] [--tonnes-per-feu N]
            [--scenario ID|FILE] [--close ID]... [--open ID]... [--set ID.field=value]...
            [--via ID]... (pass these places in order) [--alternatives K] [--samples N --seed S --within DAYS]
  route     --from ID --to ID [--corridor ID] [same options as compare]
  pareto    --from ID --to ID [--criteria days,cost,co2] [filters and what-if as compare]
  capacity  --from ID --to ID [--corridor ID] [--year YYYY] [--scenario ...]   max-flow and minimum cut
  timeline  --from ID --to ID --years 2025-2032 [--objective ...]
  scenarios                  the shipped what-if scenarios
  nodes     [--search TEXT] [--format ...]
  edges     [--corridor ID] [--format ...]
  validate  [FILE...]        check network and data files (default: everything under networks/)
  serve     [--port N] [--host H]  the web UI (PORT, default 3000; HOST, default 127.0.0.1)
  calibrate [--format table|md|csv|json] [--observations FILE]  the model against published figures
  summary   [--network FILE] what the network holds, by corridor and basis
  help      this text`;

const QUERY_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  objective: { type: 'string' },
  format: { type: 'string' },
  network: { type: 'string' },
  year: { type: 'string' },
  'cargo-mtpa': { type: 'string' },
  'avoid-country': { type: 'string', multiple: true },
  'tonnes-per-feu': { type: 'string' },
  corridor: { type: 'string' },
  scenario: { type: 'string' },
  close: { type: 'string', multiple: true },
  open: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  alternatives: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
  within: { type: 'string' },
  criteria: { type: 'string' },
  years: { type: 'string' },
  via: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

const FLAG_NAMES = {
  from: '--from',
  to: '--to',
  objective: '--objective',
  corridor: '--corridor',
  year: '--year',
  cargoMtpa: '--cargo-mtpa',
  avoidCountries: '--avoid-country',
  tonnesPerFeu: '--tonnes-per-feu',
  via: '--via',
};

/** Joins "--flag -2" into "--flag=-2" so a negative number reaches the value check instead of the flag parser. */
function joinNegatives(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if (a.startsWith('--') && !a.includes('=') && next !== undefined && /^-\d|^-\.\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args: joinNegatives(args), options, strict: true, allowPositionals: positionals });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

function formatOf(value: string | undefined, extra: readonly string[] = []): TextFormat {
  if (value === undefined) return 'table';
  const f = TEXT_FORMATS.find((x) => x === value);
  if (!f) throw new UsageError(`--format: expected one of ${[...TEXT_FORMATS, ...extra].join(', ')}, got "${value}"`);
  return f;
}

function queryInput(values: Record<string, string | string[] | boolean | undefined>): QueryInput {
  const avoid = values['avoid-country'];
  return {
    from: values.from,
    to: values.to,
    objective: values.objective,
    corridor: values.corridor,
    year: values.year,
    cargoMtpa: values['cargo-mtpa'],
    tonnesPerFeu: values['tonnes-per-feu'],
    avoidCountries: Array.isArray(avoid) ? avoid.join(',') : avoid,
    via: values.via,
  };
}

/** The scenario and ad-hoc edits named on the command line, applied to a copy of the model; null when there are none. */
function loadWhatIf(model: Model, values: { scenario?: string | undefined; close?: string[] | undefined; open?: string[] | undefined; set?: string[] | undefined }): { applied: Applied; info: { id: string; name: string; description: string } } | null {
  const adhoc = { close: values.close ?? [], open: values.open ?? [], set: values.set ?? [] };
  const hasAdhoc = adhoc.close.length + adhoc.open.length + adhoc.set.length > 0;
  if (values.scenario === undefined && !hasAdhoc) return null;
  const loaded = values.scenario === undefined ? null : loadScenario(model, values.scenario);
  const extra = parseAdhocEdits(model, adhoc);
  const applied = applyScenario(model, loaded?.scenario ?? null, loaded?.file ?? '', extra);
  const s = loaded?.scenario;
  const info = s
    ? { id: s.id + (hasAdhoc ? '+edits' : ''), name: s.name + (hasAdhoc ? ' with edits' : ''), description: s.description }
    : { id: 'edits', name: 'Ad-hoc edits', description: 'Edits given on the command line.' };
  return { applied, info };
}

/** What the query commands share: the options, the format, the checked query and the (what-if) model. */
function setup(rest: string[]) {
  const { values } = parse(rest, QUERY_OPTIONS);
  const format = formatOf(values.format);
  const base = loadModel(values.network);
  const query = parseQuery(base, queryInput(values), FLAG_NAMES);
  const whatIf = loadWhatIf(base, values);
  return { values, format, base, query, whatIf, model: whatIf ? whatIf.applied.model : base };
}

/** The query with the scenario's year when the query gives none. */
function withScenarioYear(query: Query, whatIf: { applied: Applied } | null): Query {
  return whatIf?.applied.year !== undefined && query.year === undefined ? { ...query, year: whatIf.applied.year } : query;
}

/** --alternatives K, --samples N, --seed S, --within D. */
function analysisOptions(values: { alternatives?: string | undefined; samples?: string | undefined; seed?: string | undefined; within?: string | undefined }) {
  const out: { alternatives?: number; samples?: number; seed: number; within?: number } = { seed: 1 };
  if (values.alternatives !== undefined) out.alternatives = parseNumber('--alternatives', values.alternatives, { min: 1, max: 10, integer: true });
  if (values.samples !== undefined) out.samples = parseNumber('--samples', values.samples, { min: 100, max: 100000, integer: true });
  if (values.seed !== undefined) out.seed = parseNumber('--seed', values.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  if (values.within !== undefined) out.within = parseNumber('--within', values.within, { min: 0, max: 1000 });
  if ((values.seed !== undefined || values.within !== undefined) && out.samples === undefined) out.samples = 2000;
  return out;
}

/** --criteria days,cost,co2 (2 to 4 distinct). */
function parseCriteria(text: string | undefined): Criterion[] {
  const list = (text ?? 'days,cost,co2').split(',').map((c) => c.trim()).filter((c) => c !== '');
  const bad = list.filter((c) => !CRITERIA.includes(c as Criterion));
  if (bad.length) throw new QueryError('criteria', `--criteria: expected some of ${CRITERIA.join(', ')}, got "${bad.join(',')}"`);
  const unique = [...new Set(list)] as Criterion[];
  if (unique.length < 2) throw new QueryError('criteria', `--criteria: expected 2 to 4 distinct criteria, got "${text ?? ''}"`);
  return unique;
}

/** --years 2025-2032. */
function parseYears(text: string | undefined): [number, number] {
  const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(text ?? '');
  if (!m) throw new QueryError('years', `--years: expected a range such as 2025-2032, got "${text ?? ''}"`);
  return [Number(m[1]), Number(m[2])];
}

/** The alternatives result in the shape formatAlternatives reads. */
function alternativesView(query: Query, model: Model, alts: ReturnType<typeof corridorAlternatives>) {
  return {
    from: query.from,
    to: query.to,
    objective: query.objective,
    corridors: [
      ...alts.corridors.map((c) => ({ corridor: c.corridor, name: c.name, alternatives: c.alternatives, reason: c.reason })),
      { corridor: null, name: 'Best overall', alternatives: alts.best.alternatives, reason: alts.best.reason },
    ],
  };
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(`${USAGE}\n`);
      return 0;
    case 'validate': {
      const { positionals } = parse(rest, {}, true);
      return validateFiles(positionals, io);
    }
    case 'compare': {
      const { values } = parse(rest, QUERY_OPTIONS);
      if (values.corridor !== undefined) throw new UsageError('--corridor: compare covers every corridor; use "corridors route --corridor ID"');
      const geojson = values.format === 'geojson';
      const format = geojson ? 'json' : formatOf(values.format, ['geojson']);
      const model = loadModel(values.network);
      const query = parseQuery(model, queryInput(values), FLAG_NAMES);
      const whatIf = loadWhatIf(model, values);
      if (geojson) {
        const result = whatIf ? compareScenario(model, whatIf.applied, whatIf.info, query) : compare(model, query);
        io.out(geojsonText(compareGeoJson(whatIf ? whatIf.applied.model : model, result)));
        return result.best.route ? 0 : 1;
      }
      const extras = analysisOptions(values);
      const target = whatIf ? whatIf.applied.model : model;
      const scenarioQuery = whatIf?.applied.year !== undefined && query.year === undefined ? { ...query, year: whatIf.applied.year } : query;
      const alts = extras.alternatives === undefined ? null : corridorAlternatives(target, scenarioQuery, extras.alternatives);
      const dists = extras.samples === undefined ? null : corridorDistributions(target, scenarioQuery, { samples: extras.samples, seed: extras.seed, ...(extras.within !== undefined ? { withinDays: extras.within } : {}) });
      const scenarioResult = whatIf ? compareScenario(model, whatIf.applied, whatIf.info, query) : null;
      const result = scenarioResult ?? compare(model, query);
      if (format === 'json') {
        io.out(`${JSON.stringify(withAnalyses(result, alts, dists), null, 2)}\n`);
        return result.best.route ? 0 : 1;
      }
      const altText = alts ? formatAlternatives(alternativesView(query, target, alts), target.network, format) : '';
      const distText = dists ? formatDistributions({ from: query.from, to: query.to, samples: extras.samples ?? 0, seed: extras.seed, withinDays: extras.within ?? null, corridors: dists }, target.network, format) : '';
      if (format === 'csv' && (alts || dists)) {
        io.out(alts ? altText : distText);
        return result.best.route ? 0 : 1;
      }
      io.out(scenarioResult ? formatScenarioCompare(scenarioResult, model.network, format) : formatCompare(result, model.network, format));
      if (altText) io.out(`\n${altText}`);
      if (distText) io.out(`\n${distText}`);
      return result.best.route || scenarioResult?.best.baseline ? 0 : 1;
    }
    case 'pareto': {
      const { values, format, query, whatIf, model } = setup(rest);
      const criteria = parseCriteria(values.criteria);
      const result = paretoRoutes(model, withScenarioYear(query, whatIf), criteria);
      io.out(formatPareto({ from: query.from, to: query.to, criteria, ...result }, model.network, format));
      return result.routes.length ? 0 : 1;
    }
    case 'capacity': {
      const { format, query, whatIf, model } = setup(rest);
      const q = withScenarioYear(query, whatIf);
      const list = query.corridor !== undefined ? [throughput(model, q)] : corridorThroughput(model, q);
      io.out(formatThroughput(list, model.network, format));
      return list.some((t) => t.reason === null) ? 0 : 1;
    }
    case 'timeline': {
      const { values, format, query, model } = setup(rest);
      const [fromYear, toYear] = parseYears(values.years);
      const t = timeline(model, query, fromYear, toYear);
      io.out(formatTimeline(t, model.network, format));
      return 0;
    }
    case 'route': {
      const { format, query, whatIf, model } = setup(rest);
      const result = routeQuery(model, withScenarioYear(query, whatIf));
      io.out(formatRoute(result, model.network, format));
      return result.route ? 0 : 1;
    }
    case 'scenarios': {
      const { values } = parse(rest, { network: { type: 'string' } });
      const model = loadModel(values.network);
      for (const s of shippedScenarios()) {
        const { scenario } = loadScenario(model, s.id);
        io.out(`${scenario.id.padEnd(18)} ${scenario.name}${scenario.year !== undefined ? ` (year ${scenario.year})` : ''}: ${scenario.edits.length} edit${scenario.edits.length === 1 ? '' : 's'}\n`);
        io.out(`${' '.repeat(19)}${scenario.description.length > 80 ? `${scenario.description.slice(0, 79)}…` : scenario.description}\n`);
      }
      return 0;
    }
    case 'nodes': {
      const { values } = parse(rest, { search: { type: 'string' }, format: { type: 'string' }, network: { type: 'string' } });
      const model = loadModel(values.network);
      io.out(listNodes(model, values.search, formatOf(values.format)));
      return 0;
    }
    case 'edges': {
      const { values } = parse(rest, { corridor: { type: 'string' }, format: { type: 'string' }, network: { type: 'string' } });
      const model = loadModel(values.network);
      io.out(listEdges(model, values.corridor, formatOf(values.format)));
      return 0;
    }
    case 'serve': {
      const { values } = parse(rest, { port: { type: 'string' }, host: { type: 'string' }, network: { type: 'string' } });
      const port = values.port ?? process.env.PORT ?? '3000';
      if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new UsageError(`--port: expected a port number, got "${port}"`);
      const model = loadModel(values.network);
      const { serve } = await import('../web/server.ts');
      await serve(model, Number(port), io, values.host ?? process.env.HOST ?? '127.0.0.1');
      return await new Promise<number>(() => {});
    }
    case 'calibrate': {
      const { values } = parse(rest, { format: { type: 'string' }, network: { type: 'string' }, observations: { type: 'string' } });
      const format = formatOf(values.format);
      const model = loadModel(values.network);
      const observations = loadObservationsFile(model, values.observations ?? DEFAULT_OBSERVATIONS_FILE, values.observations ?? 'networks/observations.json');
      io.out(formatCalibration(calibrate(model, observations), model.network, format));
      return 0;
    }
    case 'summary': {
      const { values } = parse(rest, { network: { type: 'string' } });
      const model = loadModel(values.network);
      io.out(networkSummary(model));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"; commands: compare, route, pareto, capacity, timeline, calibrate, scenarios, nodes, edges, validate, serve, summary, help`);
  }
}

/** Runs the CLI and returns the exit code; errors become one line on stderr, never a stack trace. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`corridors: ${err.message}\n`);
      return 2;
    }
    if (isScenarioError(err)) {
      for (const issue of err.issues) io.err(`${formatIssue(issue)}\n`);
      return 2;
    }
    if (err instanceof DataValidationError) {
      for (const issue of err.issues) io.err(`${formatIssue(issue)}\n`);
      io.err(`corridors: ${err.issues.length} problem${err.issues.length === 1 ? '' : 's'} found\n`);
      return 1;
    }
    if (err instanceof FileError) {
      io.err(`corridors: ${err.message}\n`);
      return 1;
    }
    if (err instanceof CorridorsError) {
      io.err(`corridors: ${err.message}\n`);
      return 2;
    }
    io.err(`corridors: internal error: ${(err as Error).message}\n`);
    return 70;
  }
}
