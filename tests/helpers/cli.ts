// Runs the corridors CLI in-process and captures what it prints.
import { main } from '../../src/cli/main.ts';

/** The exit code and the text written to stdout and stderr. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
