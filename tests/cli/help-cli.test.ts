// The command line as a newcomer meets it: help per command with examples, the version, one-line errors,
// tables that wrap instead of cutting, node filters and suggestions for typos.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.ts';
import { runCli as run } from '../helpers/cli.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const COMMANDS = ['compare', 'route', 'pareto', 'capacity', 'timeline', 'calibrate', 'scenarios', 'nodes', 'edges', 'summary', 'validate', 'serve'];

/** Runs the CLI with a given output width. */
async function runWidth(args: string[], width: number) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), width });
  return { code, out, err };
}

describe('help and version', () => {
  it('--version and -v print the version', async () => {
    for (const flag of ['--version', '-v']) {
      const res = await run([flag]);
      expect(res).toEqual({ code: 0, out: `${VERSION}\n`, err: '' });
    }
  });

  it('compare --help: exit 0, the options and examples on stdout', async () => {
    const res = await run(['compare', '--help']);
    expect(res.code).toBe(0);
    expect(res.err).toBe('');
    for (const text of ['Usage: corridors compare [options]', '--from <id>', '--objective <name>', '--scenario <id|file>', '--alternatives <k>', 'Examples:', 'corridors compare --from xian --to duisburg', 'Exit codes:']) {
      expect(res.out).toContain(text);
    }
  });

  it('"help compare" prints the same as "compare --help"', async () => {
    expect((await run(['help', 'compare'])).out).toBe((await run(['compare', '--help'])).out);
  });

  it.each(COMMANDS)('%s --help exits 0 and shows its usage', async (command) => {
    const res = await run([command, '--help']);
    expect(res.code).toBe(0);
    expect(res.out).toContain(`Usage: corridors ${command}`);
  });

  it('no arguments, "help" or --help: the commands with examples, exit 0', async () => {
    for (const args of [[], ['help'], ['--help']]) {
      const res = await run(args);
      expect(res.code).toBe(0);
      for (const command of COMMANDS) expect(res.out).toContain(`  ${command} `);
      expect(res.out).toContain('Examples:');
    }
  });

  it('an unknown command: one line, exit 2, a suggestion for a typo', async () => {
    const res = await run(['compre', '--from', 'xian']);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toBe("corridors: unknown command 'compre' (did you mean compare?)\n");
  });
});

describe('errors start with "corridors:" on one line', () => {
  it('xain suggests xian first', async () => {
    const res = await run(['compare', '--from', 'xain', '--to', 'duisburg']);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/^corridors: unknown node "xain"; did you mean xian \(Xi'an\)[,?]/);
    expect(res.err.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['compare', '--from', 'xian', '--to', 'duisburg', '--alternatives', '0']],
    [['route', '--from', 'xian', '--to', 'duisburg', '--corridor', 'nothern']],
    [['nodes', '--kind', 'harbour']],
    [['nodes', '--country', 'Germany']],
    [['serve', '--port', 'http']],
    [['timeline', '--from', 'xian', '--to', 'duisburg', '--years', 'soon']],
  ])('%j', async (args) => {
    const res = await run(args);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toMatch(/^corridors: \S/);
    expect(res.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('tables wrap, never cut (embedded network)', () => {
  const cases: [string, string[]][] = [
    ['route', ['route', '--from', 'xian', '--to', 'duisburg', '--corridor', 'southern']],
    ['pareto', ['pareto', '--from', 'xian', '--to', 'duisburg']],
    ['scenarios', ['scenarios']],
    ['compare with alternatives', ['compare', '--from', 'xian', '--to', 'duisburg', '--alternatives', '3']],
    ['capacity', ['capacity', '--from', 'xian', '--to', 'duisburg']],
    ['edges', ['edges', '--corridor', 'middle']],
  ];

  it.each(cases)('%s: no "…", and every line but a long address fits the width', async (_name, args) => {
    for (const width of [100, 60]) {
      const res = await runWidth(args, width);
      expect(res.code).toBe(0);
      expect(res.out).not.toContain('…');
      for (const line of res.out.split('\n')) if (!/https?:\/\//.test(line)) expect(line.length, line).toBeLessThanOrEqual(width);
    }
  });

  it('route shows every leg\'s places in full, by name', async () => {
    const res = await runWidth(['route', '--from', 'xian', '--to', 'duisburg', '--corridor', 'southern'], 100);
    const json = JSON.parse((await run(['route', '--from', 'xian', '--to', 'duisburg', '--corridor', 'southern', '--format', 'json'])).out);
    const flat = res.out.replace(/\s+/g, ' ');
    expect(flat).toContain(`Capacity (the leg marked * sets it): bottleneck ${json.route.totals.bottleneck.name}`);
    expect(res.out).not.toContain(json.route.totals.bottleneck.id);
  });
});

describe('corridors nodes filters', () => {
  it('--kind and --country combine', async () => {
    const res = await run(['nodes', '--kind', 'border', '--country', 'kz', '--format', 'json']);
    expect(res.code).toBe(0);
    const nodes = JSON.parse(res.out) as { kind: string; country: string }[];
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) expect(n).toMatchObject({ kind: 'border', country: 'KZ' });
  });

  it('kinds and countries repeat or take a comma list', async () => {
    const a = JSON.parse((await run(['nodes', '--kind', 'port,terminal', '--country', 'CN', '--country', 'DE', '--format', 'json'])).out) as { kind: string; country: string }[];
    const b = JSON.parse((await run(['nodes', '--kind', 'port', '--kind', 'terminal', '--country', 'CN,DE', '--format', 'json'])).out) as { kind: string; country: string }[];
    expect(a).toEqual(b);
    expect(new Set(a.map((n) => n.kind))).toEqual(new Set(['port', 'terminal'].filter((k) => a.some((n) => n.kind === k))));
    for (const n of a) expect(['CN', 'DE']).toContain(n.country);
  });

  it('--search works within the filters', async () => {
    const res = JSON.parse((await run(['nodes', '--search', 'xian', '--kind', 'city', '--format', 'json'])).out) as { id: string }[];
    expect(res.map((n) => n.id)).toContain('xian');
  });
});
