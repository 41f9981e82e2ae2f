// The `corridors` command line: the commands, their options, help and examples (commander), and how errors
// become one line on stderr and an exit code: 0 ok, 1 bad data file, no route at all, or serve cannot listen,
// 2 bad arguments, 70 an internal error.
// Each command's code is imported when it runs, so `compare` never loads the web server or the analyses.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CorridorsError, DataValidationError, FileError, formatIssue, type ValidationIssue } from '../core/errors.ts';
import { defaultIo, printIssues, type CliIo } from './io.ts';
import { UsageError } from './usage.ts';

export { UsageError };

/** The package version, from package.json at the package root (two levels up from src/cli/ and dist/cli/). */
function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Collects a repeatable option's values in order. */
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const FORMATS = 'table (the default; wraps to the terminal, or 100 columns), md, csv or json';

/** --from, --to and the filters every query command takes. */
function queryOptions(cmd: Command, o: { corridor?: 'option' | 'hidden'; via?: boolean; objective?: boolean } = {}): Command {
  cmd
    .option('--from <id>', 'origin: a node id (see "corridors nodes") or a place\'s exact name, such as xian or "Xi\'an"')
    .option('--to <id>', 'destination: a node id or a place\'s exact name');
  if (o.objective !== false) cmd.option('--objective <name>', 'what the route minimises: days, cost, km or co2 (default: days)');
  if (o.corridor === 'option') cmd.option('--corridor <id>', 'only this corridor\'s segments: northern, middle, southern, maritime (see "corridors summary")');
  if (o.corridor === 'hidden') cmd.addOption(new Option('--corridor <id>').hideHelp());
  if (o.via) cmd.option('--via <id>', 'places the route must pass, in order (repeatable, or comma-separated)', collect);
  return cmd
    .option('--year <yyyy>', 'segments that open by then count as operational')
    .option('--cargo-mtpa <n>', 'leave out segments whose known capacity is below n million tonnes a year')
    .option('--avoid-country <xx>', 'leave out places in these countries, ISO 3166-1 alpha-2 (repeatable, or XX,YY)', collect)
    .option('--tonnes-per-feu <n>', 'cargo tonnes per FEU for the CO2 figures (default from networks/emission-factors.json)')
    .option('--network <file>', 'a network file in the format (default: the embedded networks/eurasia.json)');
}

/** The what-if options: a scenario and ad-hoc edits, applied to a copy of the network. */
function whatIfOptions(cmd: Command): Command {
  return cmd
    .option('--scenario <id|file>', 'a shipped scenario (see "corridors scenarios") or a scenario file')
    .option('--close <id>', 'close an edge, line, node or corridor (repeatable)', collect)
    .option('--open <id>', 'open a planned edge or line (repeatable)', collect)
    .option('--set <id.field=value>', 'set a figure, e.g. sarakhs-razi.capacityMtpa=15 (repeatable)', collect);
}

/** Help text after the options: examples, one per line. */
function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

const EXIT_CODES = '\nExit codes: 0 ok, 1 a bad data file or no route at all, 2 bad arguments (a bad scenario or edit too, or a figure past its bound), 70 an internal error.\n';

/** Builds the program; each command's exit code goes to `setCode`. */
function program(io: CliIo, setCode: (code: number) => void): Command {
  const width = io.width;
  const act =
    <O>(load: () => Promise<(o: O, io: CliIo) => Promise<number>>) =>
    async (o: O) => {
      const fn = await load();
      setCode(await fn(o, io));
    };
  const root = new Command('corridors')
    .description('Compare China–Europe freight routes: the Northern, Middle and Southern corridors and the sea route, on a sourced network.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (t) => io.out(t),
      writeErr: (t) => io.err(t),
      // commander's "error: …" plus its suggestion become one "corridors: …" line.
      outputError: (t, write) => write(`corridors: ${t.replace(/^error: /, '').replace(/\n\(Did you mean/, ' (did you mean').replace(/\s*\n\s*/g, ' ').trim()}\n`),
      ...(width !== undefined ? { getOutHelpWidth: () => width, getErrHelpWidth: () => width } : {}),
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', `${examples(['corridors compare --from xian --to duisburg', 'corridors compare --help', 'corridors nodes --country CN --kind city'])}${EXIT_CODES}`);

  const compare = queryOptions(root.command('compare').summary('every corridor\'s best route side by side').description('Every corridor\'s best route side by side, plus the best overall; with --scenario or edits, the what-if against the baseline.'), { corridor: 'hidden', via: true });
  whatIfOptions(compare)
    .option('--format <format>', `${FORMATS}, or geojson (one LineString per leg)`)
    .option('--alternatives <k>', 'also the k best loopless routes per corridor (1 to 10)')
    .option('--samples <n>', 'also transit days as a distribution: n PERT samples per corridor (100 to 100,000)')
    .option('--seed <s>', 'seed of the samples (default 1): the same seed gives the same numbers')
    .option('--within <days>', 'the chance of arriving within this many days (samples 2,000 unless --samples)')
    .addHelpText(
      'after',
      examples([
        'corridors compare --from xian --to duisburg',
        'corridors compare --from chongqing --to duisburg --objective cost --format md',
        'corridors compare --from xian --to duisburg --scenario southern-2030',
        'corridors compare --from xian --to duisburg --close lake-van-ferry --set sarakhs-razi.capacityMtpa=15',
        'corridors compare --from xian --to duisburg --alternatives 3 --samples 10000 --seed 1 --within 20',
        'corridors compare --from xian --to duisburg --format geojson > routes.geojson',
      ]) + EXIT_CODES,
    )
    .action(act(async () => (await import('./commands/compare.ts')).runCompare));

  whatIfOptions(queryOptions(root.command('route').summary('one best route with its legs').description('One best route with its legs, on one corridor with --corridor.'), { corridor: 'option', via: true }))
    .option('--format <format>', FORMATS)
    .addHelpText('after', examples(['corridors route --from xian --to duisburg --corridor southern', 'corridors route --from xian --to duisburg --via baku --format csv']) + EXIT_CODES)
    .action(act(async () => (await import('./commands/route.ts')).runRoute));

  whatIfOptions(queryOptions(root.command('pareto').summary('the routes no other beats on every criterion').description('The Pareto set: the routes no other route beats on every criterion, and where each differs from the first.'), { corridor: 'option', objective: false }))
    .option('--criteria <list>', 'two to four of days, cost, co2, km, comma-separated (default: days,cost,co2)')
    .option('--format <format>', FORMATS)
    .addHelpText('after', examples(['corridors pareto --from xian --to duisburg', 'corridors pareto --from xian --to duisburg --criteria days,km --format csv']) + EXIT_CODES)
    .action(act(async () => (await import('./commands/analyses.ts')).runPareto));

  whatIfOptions(queryOptions(root.command('capacity').summary('the most tonnes a year between two places').description('The most tonnes a year between two places per corridor (max-flow), and the segments that limit it (minimum cut).'), { corridor: 'option', objective: false }))
    .option('--format <format>', FORMATS)
    .addHelpText('after', examples(['corridors capacity --from xian --to istanbul --corridor southern', 'corridors capacity --from xian --to duisburg --year 2030']) + EXIT_CODES)
    .action(act(async () => (await import('./commands/analyses.ts')).runCapacity));

  whatIfOptions(queryOptions(root.command('timeline').summary('each corridor\'s best route by year as links open').description('Each corridor\'s best days and route capacity by year, as planned segments open.')))
    .option('--years <from-to>', 'the years, such as 2025-2032')
    .option('--format <format>', FORMATS)
    .addHelpText('after', examples(['corridors timeline --from xian --to duisburg --years 2025-2032']) + EXIT_CODES)
    .action(act(async () => (await import('./commands/analyses.ts')).runTimeline));

  root
    .command('calibrate')
    .summary('the model against published transit times, distances and rates')
    .description('Every published end-to-end figure in networks/observations.json beside the model\'s, with the error and the fit per corridor.')
    .option('--observations <file>', 'an observations file (default: networks/observations.json)')
    .option('--format <format>', FORMATS)
    .option('--network <file>', 'a network file (default: the embedded one)')
    .addHelpText('after', examples(['corridors calibrate', 'corridors calibrate --format csv > calibration.csv']))
    .action(act(async () => (await import('./commands/calibrate.ts')).runCalibrate));

  root
    .command('scenarios')
    .summary('the shipped what-if scenarios')
    .description('The shipped what-if scenarios: the id to give --scenario, what each assumes, and how many edits it makes.')
    .option('--network <file>', 'check the scenarios against this network (default: the embedded one)')
    .addHelpText('after', examples(['corridors scenarios', 'corridors compare --from xian --to duisburg --scenario red-sea-closed']))
    .action(act(async () => (await import('./commands/listings.ts')).runScenarios));

  root
    .command('nodes')
    .summary('the places, with the ids to type in other commands')
    .description('The places of the network, with the ids to type in other commands; filters combine.')
    .option('--search <text>', 'places whose id, name or alias contains the text (ignoring case and accents), else the closest')
    .option('--kind <kind>', 'only these kinds: port, border, city, terminal, junction (repeatable, or comma-separated)', collect)
    .option('--country <xx>', 'only places in these countries, ISO 3166-1 alpha-2 (repeatable, or comma-separated)', collect)
    .option('--format <format>', FORMATS)
    .option('--network <file>', 'a network file (default: the embedded one)')
    .addHelpText('after', examples(['corridors nodes --search cesme', 'corridors nodes --kind border --country KZ', 'corridors nodes --kind port,terminal --format csv']))
    .action(act(async () => (await import('./commands/listings.ts')).runNodes));

  root
    .command('edges')
    .summary('the segments, with their ids and figures')
    .description('The segments of the network, with the ids to give --close and --set.')
    .option('--corridor <id>', 'only this corridor\'s segments')
    .option('--format <format>', FORMATS)
    .option('--network <file>', 'a network file (default: the embedded one)')
    .addHelpText('after', examples(['corridors edges --corridor middle']))
    .action(act(async () => (await import('./commands/listings.ts')).runEdges));

  root
    .command('summary')
    .summary('what the network holds, by corridor and basis')
    .description('What the network holds: counts by corridor, and how many figures are measured, reported or estimated.')
    .option('--network <file>', 'a network file (default: the embedded one)')
    .action(act(async () => (await import('./commands/listings.ts')).runSummary));

  root
    .command('validate')
    .summary('check network, emission-factor and scenario files')
    .description('Check network, emission-factor and scenario files and report every problem with its file and JSON path (exit 1 when any).')
    .argument('[file...]', 'files to check (default: everything under networks/)')
    .addHelpText('after', examples(['corridors validate', 'corridors validate my-network.json']))
    .action(async (files: string[]) => {
      const { validateFiles } = await import('./validate.ts');
      setCode(validateFiles(files, io));
    });

  root
    .command('serve')
    .summary('the web UI')
    .description('Serve the web UI and the JSON API.')
    .option('--port <n>', 'the port (default: PORT, else 3000)')
    .option('--host <host>', 'the address to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 for an intranet)')
    .option('--workers <n>', 'server processes (default: WORKERS, else one per core)')
    .option('--network <file>', 'a network file (default: the embedded one)')
    .addHelpText(
      'after',
      `${examples(['corridors serve --port 3000', 'WORKERS=1 HEAVY_THREADS=2 corridors serve'])}
Environment: PORT, HOST, WORKERS; HEAVY_THREADS (worker threads per process for samples, alternatives and the
analyses; 0 runs them on the main thread), HEAVY_QUEUE (how many may wait, default 32; then 503), ACCESS_LOG=0
(no JSON access log). SIGTERM or SIGINT drains requests in flight (up to 10 s) and exits 0.

Exit codes: 0 stopped cleanly, 1 a bad data file or the port or address cannot be used, 2 bad arguments.
`,
    )
    .action(act(async () => (await import('./commands/serve.ts')).runServe));

  return root;
}

/** One line per issue; an issue without a JSON path (an ad-hoc edit) reads "--close x: message". */
function issueLine(issue: ValidationIssue): string {
  return issue.jsonPath === '$' ? `corridors: ${issue.file}: ${issue.message}` : formatIssue(issue);
}

/** Runs the CLI and returns the exit code; errors become one line on stderr, never a stack trace. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let code = 0;
  const root = program(io, (c) => {
    code = c;
  });
  try {
    if (argv.length === 0) {
      root.outputHelp();
      return 0;
    }
    await root.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err(`corridors: ${err.message}\n`);
      return 2;
    }
    if (err instanceof DataValidationError && err.code === 'INVALID_SCENARIO') {
      printIssues(io, err.issues, issueLine);
      return 2;
    }
    if (err instanceof DataValidationError) {
      printIssues(io, err.issues);
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
