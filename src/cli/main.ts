// The `corridors` command line: parses arguments, calls the core, prints tables.
// Exit codes: 0 ok, 1 bad data file or no route at all, 2 bad arguments.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  CorridorsError,
  DataValidationError,
  FileError,
  compare,
  createModel,
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
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, loadEmissionFactorsFile, loadNetworkFile } from '../core/load.ts';
import { validateFiles } from './validate.ts';
import { listEdges, listNodes, networkSummary } from './list.ts';
import { defaultIo, displayPath, type Io } from './io.ts';

/** A bad command line: printed as one line, exit 2. */
export class UsageError extends Error {}

const USAGE = `Usage: corridors <command> [options]

Commands:
  compare   --from ID --to ID [--objective days|cost|km|co2] [--format table|md|csv|json]
            [--network FILE] [--year YYYY] [--cargo-mtpa N] [--avoid-country XX,YY] [--tonnes-per-feu N]
  route     --from ID --to ID [--corridor ID] [same options as compare]
  nodes     [--search TEXT] [--format ...]
  edges     [--corridor ID] [--format ...]
  validate  [FILE...]        check network and data files (default: everything under networks/)
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
};

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

function formatOf(value: string | undefined): TextFormat {
  if (value === undefined) return 'table';
  const f = TEXT_FORMATS.find((x) => x === value);
  if (!f) throw new UsageError(`--format: expected one of ${TEXT_FORMATS.join(', ')}, got "${value}"`);
  return f;
}

/** Loads the network named by --network (or the embedded default) with the default emission factors. */
export function loadModel(networkFile: string | undefined): Model {
  const file = networkFile ?? DEFAULT_NETWORK_FILE;
  const network = loadNetworkFile(file, displayPath(file));
  const factors = loadEmissionFactorsFile(DEFAULT_FACTORS_FILE, displayPath(DEFAULT_FACTORS_FILE));
  return createModel(network, factors);
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
      const format = formatOf(values.format);
      const model = loadModel(values.network);
      const query = parseQuery(model, queryInput(values), FLAG_NAMES);
      const result = compare(model, query);
      io.out(formatCompare(result, model.network, format));
      return result.best.route ? 0 : 1;
    }
    case 'route': {
      const { values } = parse(rest, QUERY_OPTIONS);
      const format = formatOf(values.format);
      const model = loadModel(values.network);
      const query = parseQuery(model, queryInput(values), FLAG_NAMES);
      const result = routeQuery(model, query);
      io.out(formatRoute(result, model.network, format));
      return result.route ? 0 : 1;
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
    case 'summary': {
      const { values } = parse(rest, { network: { type: 'string' } });
      const model = loadModel(values.network);
      io.out(networkSummary(model));
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"; commands: compare, route, nodes, edges, validate, summary, help`);
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
