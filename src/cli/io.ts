// Output streams and path display for the CLI.
import { relative } from 'node:path';

import type { Io } from '../core/io.ts';

export type { Io };

export const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Shows a path relative to the working folder when it lies inside it, so no machine paths are printed. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
