// The whole-process benchmark: one route on a 40,000-node grid file, the corridors command against python-igraph
// (a C library) and networkx on the same file, each a fresh process timed from start to exit, run in turn.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticNetwork } from './synthetic.ts';

/** Side of the grid: 200 × 200 = 40,000 nodes and 2 × 200 × 199 = 79,600 edges. */
const SIDE = 200;
const FROM = 'n0';
const TO = `n${SIDE * SIDE - 1}`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'corridors.js');
const PY_SCRIPT = join(ROOT, 'bench', 'grid_route.py');

/** One engine's runs: wall milliseconds of each whole process, and what the last run printed. */
export interface WholeProcessCase {
  case: string;
  wallMs: number[];
  /** The engine's own figure for load + build + route (python prints it), ms, per run. */
  innerMs: number[];
  days: number | null;
}

/** The result: the cases in the order run, the ratio of medians against python-igraph, notes. */
export interface WholeProcessResult {
  nodes: number;
  edges: number;
  fileMb: number;
  cases: WholeProcessCase[];
  notes: string[];
}

/** The median of a list (the mean of the middle two when even). */
export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** A Python with python-igraph and networkx: $PYTHON, else python3 on the PATH, else Debian's /usr/bin/python3 (where apt-get puts them). */
function findPython(): string | null {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => typeof p === 'string' && p !== '');
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import igraph, networkx'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Runs a command to its exit; wall milliseconds and its standard output. */
function timeProcess(command: string, args: string[]): { ms: number; out: string; status: number | null } {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, out: run.stdout, status: run.status };
}

/**
 * Writes the grid to a temporary folder, then runs each engine `runs` times in turn (corridors, igraph, networkx,
 * corridors, …) after one untimed warm-up round, so a drift in the machine's speed touches all alike.
 */
export function benchWholeProcess(runs: number): WholeProcessResult {
  const notes: string[] = [];
  const network = syntheticNetwork(SIDE * SIDE, 1, 0);
  const dir = mkdtempSync(join(os.tmpdir(), 'corridors-bench-'));
  const file = join(dir, 'grid-40k.json');
  const text = JSON.stringify(network);
  writeFileSync(file, text);
  try {
    const engines: { name: string; command: string; args: string[]; inner: (out: string) => number | null; days: (out: string) => number | null }[] = [
      {
        name: 'corridors route (node bin/corridors.js)',
        command: process.execPath,
        args: [CLI, 'route', '--network', file, '--from', FROM, '--to', TO],
        inner: () => null,
        days: () => null,
      },
    ];
    const python = findPython();
    if (python) {
      for (const engine of ['igraph', 'networkx']) {
        engines.push({
          name: `python ${engine}`,
          command: python,
          args: [PY_SCRIPT, engine, file, FROM, TO],
          inner: (out) => Number(/ ms ([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
          days: (out) => Number(/ days ([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
        });
      }
    } else notes.push('Whole process: python3-igraph and python3-networkx not found (apt-get install -y python3-igraph python3-networkx, or set PYTHON); only the corridors figure is shown.');

    // The route's days as the CLI finds them, to check every engine answers the same.
    const json = spawnSync(process.execPath, [CLI, 'route', '--network', file, '--from', FROM, '--to', TO, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const cliDays = json.status === 0 ? ((JSON.parse(json.stdout) as { route?: { totals?: { transitDays?: { typical?: number } } } }).route?.totals?.transitDays?.typical ?? null) : null;
    const cases: WholeProcessCase[] = engines.map((e) => ({ case: e.name, wallMs: [], innerMs: [], days: e.name.startsWith('corridors') ? cliDays : null }));
    for (let round = -1; round < runs; round++) {
      engines.forEach((engine, k) => {
        const run = timeProcess(engine.command, engine.args);
        const c = cases[k] as WholeProcessCase;
        if (run.status !== 0) {
          notes.push(`Whole process: ${engine.name} exited with ${String(run.status)}`);
          return;
        }
        if (round < 0) return;
        c.wallMs.push(run.ms);
        const inner = engine.inner(run.out);
        if (inner !== null && Number.isFinite(inner)) c.innerMs.push(inner);
        c.days = engine.days(run.out) ?? c.days;
      });
    }
    const days = cases.map((c) => c.days).filter((d): d is number => d !== null);
    const agree = days.length > 1 && days.every((d) => Math.abs(d - (days[0] as number)) < 1e-6);
    if (days.length > 1) notes.push(`Whole process: every engine finds a route of ${(days[0] as number).toFixed(3)} days: ${agree ? 'yes' : `no (${days.join(', ')})`}`);
    return { nodes: network.nodes.length, edges: network.edges.length, fileMb: text.length / 2 ** 20, cases, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
