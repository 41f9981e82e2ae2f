// `npm run bench`: times the whole `corridors compare` process against a bare `node -e 0`, compare on the
// base network, route queries on seeded synthetic networks against ngraph.path, and one whole-process route on
// a 40,000-node grid against python-igraph and networkx; prints the tables and writes bench/results.json.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { bidirectional } from 'graphology-shortest-path/dijkstra.js';
import createGraph, { type Graph } from 'ngraph.graph';
import { aStar } from 'ngraph.path';
import { arcWeight, buildGraph, type Arc } from '../src/core/routing/build-graph.ts';
import { compare } from '../src/core/routing/compare.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../src/core/load.ts';
import { createModel, type Model } from '../src/core/network/model.ts';
import { parseQuery, type Objective, type Query } from '../src/core/routing/query.ts';
import { findRoute } from '../src/core/routing/shortest-route.ts';
import { routeIndex, searchPath } from '../src/core/routing/route-index.ts';
import { corridorAlternatives } from '../src/core/analysis/alternatives.ts';
import { paretoRoutes } from '../src/core/analysis/pareto.ts';
import { corridorThroughput } from '../src/core/analysis/throughput.ts';
import { timeline } from '../src/core/analysis/timeline.ts';
import { corridorDistributions } from '../src/core/analysis/uncertainty.ts';
import { mulberry32, syntheticModel } from './synthetic.ts';
import { benchWholeProcess, median, type WholeProcessResult } from './whole-process.ts';

/** One row of the results table and of results.json. */
export interface BenchResult {
  case: string;
  runs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Median of this case over the median of the matching ngraph.path case. */
  ratio?: number;
}

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Whole-process runs of each command (after STARTUP_WARMUP untimed runs each), taken in turn. */
const STARTUP_RUNS = 21;
const STARTUP_WARMUP = 2;
/** The issue's goal for the compiled CLI: its start within this many times a bare Node start. */
const STARTUP_GOAL = 4;
const COMPARE_WARMUP = 50;
const COMPARE_RUNS = 1000;
const PAIRS = 20;
const WARMUP_PASSES = 2;
const PAIR_SEED = 42;
/** Runs of each engine in the whole-process part (after one warm-up round). */
const WHOLE_PROCESS_RUNS = 5;
const NETWORK_SEED = 1;
/** Costs above this relative difference count as a mismatch (route totals are rounded to 1e-6). */
const TOLERANCE = 1e-6;

/** The synthetic sizes. */
const SIZES = [
  { nodes: 10_000, label: '10k' },
  { nodes: 100_000, label: '100k' },
];

let peakRss = 0;
/** Samples the resident set size; called between timed runs, never inside one. */
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function summarise(name: string, times: readonly number[]): BenchResult {
  const sorted = [...times].sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return { case: name, runs: times.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), meanMs: mean };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns milliseconds per run. */
function timeRepeated(fn: () => unknown, warmup: number, runs: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(elapsedMs(start));
    sampleRss();
  }
  return times;
}

/** A young-generation collection, where the engine allows one to be asked for (V8's gc extension); else undefined. */
const minorGc: (() => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as ((options?: { type: 'minor' | 'major' }) => void) | undefined;
    return gc ? () => gc({ type: 'minor' }) : undefined;
  } catch {
    return undefined;
  }
})();

/** Milliseconds per call and what each call returned. */
interface Timed<R> {
  times: number[];
  values: R[];
}

/** Times every engine once per item, the engines in turn for each item, after `warmupPasses` untimed passes. */
function timeInTurn<T, R>(items: readonly T[], engines: readonly ((item: T) => R)[], warmupPasses: number): Timed<R>[] {
  for (let pass = 0; pass < warmupPasses; pass++) {
    for (const item of items) for (const engine of engines) engine(item);
    sampleRss();
  }
  const out: Timed<R>[] = engines.map(() => ({ times: [], values: [] }));
  for (const item of items) {
    engines.forEach((engine, k) => {
      // The young generation emptied first, so no engine pays for the garbage of the one before.
      minorGc?.();
      const start = process.hrtime.bigint();
      const value = engine(item);
      const ms = elapsedMs(start);
      (out[k] as Timed<R>).times.push(ms);
      (out[k] as Timed<R>).values.push(value);
    });
    sampleRss();
  }
  return out;
}

/** Part 1: compare on the base network, or a note when the network or the factors cannot be loaded. */
function benchBase(results: BenchResult[], notes: string[]): void {
  let model: Model;
  try {
    model = createModel(loadNetworkFile(), loadEmissionFactorsFile());
  } catch (err) {
    notes.push(`Skipped compare on networks/eurasia.json: ${(err as Error).message.split('\n')[0]}`);
    return;
  }
  for (const objective of ['days', 'cost'] as Objective[]) {
    let query: Query;
    try {
      query = parseQuery(model, { from: 'xian', to: 'duisburg', objective });
    } catch (err) {
      notes.push(`Skipped compare (${objective}): ${(err as Error).message}`);
      continue;
    }
    const times = timeRepeated(() => compare(model, query), COMPARE_WARMUP, COMPARE_RUNS);
    results.push(summarise(`compare xian-duisburg ${objective}`, times));
    if (objective === 'days') {
      const runs = 50;
      results.push(summarise('alternatives K=3, all corridors', timeRepeated(() => corridorAlternatives(model, query, 3), 5, runs)));
      results.push(summarise('pareto days,cost,co2', timeRepeated(() => paretoRoutes(model, query, ['days', 'cost', 'co2']), 5, runs)));
      results.push(summarise('throughput, all corridors', timeRepeated(() => corridorThroughput(model, query), 5, runs)));
      results.push(summarise('timeline 2025-2032', timeRepeated(() => timeline(createModel(model.network, model.factors), query, 2025, 2032), 5, runs)));
      results.push(summarise('uncertainty 10,000 samples/corridor', timeRepeated(() => corridorDistributions(model, query, { samples: 10_000, seed: 1 }), 2, 20)));
    }
    // Cold: a fresh model each run, so every routing index is built again (a what-if request pays this).
    const cold = timeRepeated(() => compare(createModel(model.network, model.factors), query), COMPARE_WARMUP, COMPARE_RUNS);
    results.push(summarise(`compare ${objective}, cold index`, cold));
  }
}

/** Runs a command to its exit; returns the wall milliseconds and the exit status. */
function timeProcess(args: readonly string[]): { ms: number; status: number | null } {
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ms: elapsedMs(start), status: res.status };
}

/**
 * Part 0: the whole `node bin/corridors.js compare --from xian --to duisburg` process against `node -e 0`,
 * run in turn (A B A B …) so that a drift in machine speed hits both; the ratio is of the medians. The
 * build is made first, so the figure is the built CLI's.
 */
function benchStartup(results: BenchResult[], notes: string[]): void {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (built.status !== 0) notes.push(`startup: npm run build failed, so bin/corridors.js ran the sources through tsx: ${built.stderr.trim().split('\n')[0] ?? ''}`);
  const cli = ['bin/corridors.js', 'compare', '--from', 'xian', '--to', 'duisburg'];
  const bare = ['-e', '0'];
  for (let i = 0; i < STARTUP_WARMUP; i++) {
    timeProcess(cli);
    timeProcess(bare);
  }
  const cliTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const a = timeProcess(cli);
    if (a.status !== 0) {
      notes.push(`startup: corridors compare exited ${a.status}; no startup figure`);
      return;
    }
    cliTimes.push(a.ms);
    bareTimes.push(timeProcess(bare).ms);
  }
  const cliRow = summarise('startup: compare (process)', cliTimes);
  const bareRow = summarise('startup: node -e 0 (process)', bareTimes);
  cliRow.ratio = cliRow.p50Ms / bareRow.p50Ms;
  results.push(cliRow, bareRow);
  notes.push(
    `Startup: node bin/corridors.js compare --from xian --to duisburg, median ${cliRow.p50Ms.toFixed(0)} ms; node -e 0, median ${bareRow.p50Ms.toFixed(0)} ms; ratio of medians ${cliRow.ratio.toFixed(2)}x (goal at most ${STARTUP_GOAL}x; ${STARTUP_RUNS} runs each, in turn, after ${STARTUP_WARMUP} warm-ups).`,
  );
}

/** The ngraph.graph twin of our routing graph: the same directed arcs with the same weights. */
function toNgraph(graph: ReturnType<typeof buildGraph>): Graph<unknown, { weight: number }> {
  const twin = createGraph<unknown, { weight: number }>();
  graph.forEachEdge((_key, attributes: Arc, source, target) => {
    twin.addLink(source, target, { weight: attributes.weight });
  });
  return twin;
}

/** Seeded origin–destination pairs of distinct nodes. */
function pickPairs(model: Model, count: number, seed: number): [string, string][] {
  const random = mulberry32(seed);
  const ids = model.network.nodes.map((n) => n.id);
  const pick = () => ids[Math.floor(random() * ids.length)] as string;
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const from = pick();
    const to = pick();
    if (from !== to) pairs.push([from, to]);
  }
  return pairs;
}

function differs(a: number, b: number): boolean {
  return !(Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b)));
}

/** Part 2: findRoute, search only and ngraph.path on one synthetic size. */
function benchSynthetic(size: (typeof SIZES)[number], results: BenchResult[], notes: string[], memory: Record<string, number>): void {
  const model = syntheticModel(size.nodes, NETWORK_SEED);
  const buildStarted = process.hrtime.bigint();
  const index = routeIndex(model, { objective: 'days', avoidCountries: [] }, 20);
  const buildMs = elapsedMs(buildStarted);
  results.push({ case: `index build ${size.label} (once)`, runs: 1, p50Ms: buildMs, p99Ms: buildMs, meanMs: buildMs });
  const graph = buildGraph(model, index.usable, 'days', 20);
  const twin = toNgraph(graph);
  sampleRss();
  memory[`heapUsedAfter${size.label}GraphsMb`] = process.memoryUsage().heapUsed / 2 ** 20;
  const finder = aStar(twin, { distance: (_from, _to, link) => link.data.weight, oriented: true });
  const pairs = pickPairs(model, PAIRS, PAIR_SEED);
  const pathCost = (path: string[] | null) => {
    if (!path) return Number.NaN;
    let cost = 0;
    for (let i = 0; i + 1 < path.length; i++) {
      const arc = graph.edge(path[i], path[i + 1]);
      cost += arc === undefined ? Number.NaN : graph.getEdgeAttribute(arc, 'weight');
    }
    return cost;
  };

  // ngraph.path, the search and findRoute answer each pair in turn, so a change in the machine's speed touches them
  // alike; graphology's bidirectional Dijkstra (a reference that makes a great deal of garbage) runs apart, after.
  const [ngraphRun, searchRun, routeRun] = timeInTurn(
    pairs,
    [
      ([from, to]) => {
        const path = finder.find(from, to);
        let cost = 0;
        for (let i = 0; i + 1 < path.length; i++) cost += twin.getLink((path[i + 1] as { id: string }).id, (path[i] as { id: string }).id)?.data.weight ?? Number.NaN;
        return path.length ? cost : Number.NaN;
      },
      ([from, to]) => pathCost(searchPath(index, from, to)?.nodes ?? null),
      ([from, to]) => findRoute(model, { from, to, objective: 'days', avoidCountries: [] }).route?.totals.transitDays.typical ?? Number.NaN,
    ],
    WARMUP_PASSES,
  ) as [Timed<number>, Timed<number>, Timed<number>];
  const [bidirRun] = timeInTurn(pairs, [([from, to]) => pathCost(bidirectional(graph, from, to, arcWeight))], WARMUP_PASSES) as [Timed<number>];

  const mismatches = pairs.filter(
    (_, i) =>
      differs(ngraphRun.values[i] ?? Number.NaN, searchRun.values[i] ?? Number.NaN) ||
      differs(ngraphRun.values[i] ?? Number.NaN, bidirRun.values[i] ?? Number.NaN) ||
      differs(ngraphRun.values[i] ?? Number.NaN, routeRun.values[i] ?? Number.NaN),
  ).length;
  notes.push(`${size.label}: ${model.network.nodes.length} nodes, ${model.network.edges.length} edges, ${graph.size} arcs; path-cost mismatches vs ngraph.path: ${mismatches}`);

  const ngraph = summarise(`ngraph.path aStar ${size.label}`, ngraphRun.times);
  const search = summarise(`search only ${size.label}`, searchRun.times);
  const bidir = summarise(`bidirectional ${size.label} (ref)`, bidirRun.times);
  const route = summarise(`findRoute ${size.label}`, routeRun.times);
  search.ratio = search.p50Ms / ngraph.p50Ms;
  bidir.ratio = bidir.p50Ms / ngraph.p50Ms;
  route.ratio = route.p50Ms / ngraph.p50Ms;
  results.push(route, search, bidir, ngraph);
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number | undefined, width: number, digits = 3) => (value === undefined ? '' : value.toFixed(digits)).padStart(width);

/** The median wall time of a case over python-igraph's (NaN without igraph). */
function wholeRatio(whole: WholeProcessResult, c: WholeProcessResult['cases'][number]): number {
  const igraph = whole.cases.find((x) => x.case === 'python igraph');
  return igraph ? median(c.wallMs) / median(igraph.wallMs) : Number.NaN;
}

/** The whole-process table: median, min and max wall ms per engine and the ratio of medians against igraph. */
function printWholeProcess(whole: WholeProcessResult): void {
  console.log('');
  console.log(`Whole process, one route n0 → n39999 on a ${whole.nodes.toLocaleString('en-US')}-node grid (${whole.edges.toLocaleString('en-US')} edges, ${whole.fileMb.toFixed(1)} MB of JSON), wall ms:`);
  const line = `${pad('engine', 42)}${'runs'.padStart(6)}${'median'.padStart(9)}${'min'.padStart(9)}${'max'.padStart(9)}${'inner'.padStart(9)}${'vs igraph'.padStart(11)}`;
  console.log(line);
  console.log('-'.repeat(line.length));
  for (const c of whole.cases) {
    const ratio = wholeRatio(whole, c);
    const inner = c.innerMs.length ? median(c.innerMs).toFixed(0) : '';
    console.log(`${pad(c.case, 42)}${String(c.wallMs.length).padStart(6)}${num(median(c.wallMs), 9, 0)}${num(Math.min(...c.wallMs), 9, 0)}${num(Math.max(...c.wallMs), 9, 0)}${inner.padStart(9)}${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×`.padStart(11) : ''}`);
  }
  console.log('inner: the load + build + route time the Python script measures itself (without starting Python and importing the library).');
}

/** Runs every part, prints the table and writes bench/results.json. */
export function main(): void {
  const started = process.hrtime.bigint();
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.platform()} ${os.release()}`,
  };
  const method = [
    `startup: the whole process of node bin/corridors.js compare --from xian --to duisburg (built first with npm run build) and of node -e 0, ${STARTUP_RUNS} runs each in turn after ${STARTUP_WARMUP} warm-ups, wall time from spawn to exit (spawnSync); ratio: median over median.`,
    `compare: ${COMPARE_WARMUP} warm-up then ${COMPARE_RUNS} timed runs of compare (every corridor plus the overall best) on networks/eurasia.json, xian to duisburg.`,
    `Synthetic: seeded jittered grids (seed ${NETWORK_SEED}), ~2.1 undirected edges per node, no dwells; the same ${PAIRS} seeded pairs (seed ${PAIR_SEED}) for every engine, ${WARMUP_PASSES} warm-up passes, then one timed query per pair and engine, ngraph.path, search only and findRoute in turn for each pair (a minor GC before each), bidirectional apart, objective days.`,
    'index build: filtering the edges and building the compact graph (CSR arrays, four-number arc keys), once per model and filter set (then cached).',
    'findRoute: end to end with the index cached (search, edge resolution, route and totals building).',
    'search only: the compact search findRoute uses (CSR arrays, binary heap on node indexes, lexicographic keys) from the origin to the destination, then the path walked back.',
    'bidirectional (ref): graphology-shortest-path dijkstra.bidirectional on the same graph, for reference; it copies the path on every relaxation.',
    'ngraph.path: aStar without heuristic (Dijkstra), oriented, on an ngraph.graph prebuilt once from the same arcs and weights; graph construction not timed.',
    'ratio: p50 of the case over p50 of ngraph.path at the same size (for startup, over node -e 0). Timer: process.hrtime.bigint().',
    `Whole process: a plain 200 × 200 grid (seed ${NETWORK_SEED}, no diagonals) written to a temporary folder; node bin/corridors.js route --network FILE --from n0 --to n39999 (built first; read, validate, build, search, print the table) against bench/grid_route.py (read the JSON, build the graph, shortest path) with python-igraph and with networkx; each a fresh process, wall time from spawn to exit, ${WHOLE_PROCESS_RUNS} runs each in turn after a warm-up round; ratio of medians.`,
  ].join(' ');

  const parts = process.argv.slice(2);
  const runs = (part: string) => parts.length === 0 || parts.includes(part);
  const results: BenchResult[] = [];
  const notes: string[] = [];
  const memory: Record<string, number> = {};
  // `npm run bench -- startup` (or base, synthetic, whole) runs only those parts and leaves results.json alone.
  if (runs('startup')) benchStartup(results, notes);
  if (runs('base')) benchBase(results, notes);
  if (runs('synthetic')) for (const size of SIZES) benchSynthetic(size, results, notes, memory);
  sampleRss();
  if (runs('whole') && !runs('startup')) {
    const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (built.status !== 0) notes.push(`whole process: npm run build failed, so bin/corridors.js ran the sources through tsx: ${built.stderr.trim().split('\n')[0] ?? ''}`);
  }
  const whole = runs('whole') ? benchWholeProcess(WHOLE_PROCESS_RUNS) : null;

  if (results.length) {
    const line = `${pad('case', 30)}${'runs'.padStart(6)}${'p50 ms'.padStart(11)}${'p99 ms'.padStart(11)}${'mean ms'.padStart(11)}${'ratio'.padStart(8)}`;
    console.log(line);
    console.log('-'.repeat(line.length));
    for (const r of results) {
      console.log(`${pad(r.case, 30)}${String(r.runs).padStart(6)}${num(r.p50Ms, 11)}${num(r.p99Ms, 11)}${num(r.meanMs, 11)}${num(r.ratio, 8, 2)}`);
    }
  }
  if (whole) printWholeProcess(whole);
  console.log('');
  for (const note of [...notes, ...(whole?.notes ?? [])]) console.log(note);
  console.log(`Machine: ${machine.cpu}, ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}`);
  console.log(`Peak RSS (sampled): ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  for (const [key, mb] of Object.entries(memory)) console.log(`${key}: ${mb.toFixed(0)} MB (model + graphology graph + ngraph graph, no forced GC)`);
  console.log(`Method: ${method}`);
  console.log(`Total bench time: ${(elapsedMs(started) / 1000).toFixed(1)} s`);

  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const output = {
    date: new Date().toISOString(),
    machine,
    method,
    notes,
    memory: { peakRssMb: Math.round(peakRss / 2 ** 20), ...Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, Math.round(v)])) },
    wholeProcess: whole && {
      nodes: whole.nodes,
      edges: whole.edges,
      cases: whole.cases.map((c) => ({
        case: c.case,
        runs: c.wallMs.length,
        medianWallMs: round(median(c.wallMs)),
        minWallMs: round(Math.min(...c.wallMs)),
        maxWallMs: round(Math.max(...c.wallMs)),
        ...(c.innerMs.length ? { medianInnerMs: round(median(c.innerMs)) } : {}),
        vsIgraph: Math.round(wholeRatio(whole, c) * 100) / 100 || null,
      })),
    },
    results: results.map((r) => ({
      case: r.case,
      runs: r.runs,
      p50Ms: round(r.p50Ms),
      p99Ms: round(r.p99Ms),
      meanMs: round(r.meanMs),
      ...(r.ratio !== undefined ? { ratio: Math.round(r.ratio * 100) / 100 } : {}),
    })),
  };
  if (parts.length) {
    console.log(`Partial run (${parts.join(', ')}): bench/results.json left as it was`);
    return;
  }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  console.log('Wrote bench/results.json');
}

main();
