// Output streams and path display for the CLI.
import { relative } from 'node:path';

import type { Io } from '../core/io.ts';
import { formatIssue, type ValidationIssue } from '../core/errors.ts';

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

/** The most problems printed for one file or one command; the rest are counted. */
export const MAX_PRINTED_ISSUES = 200;

/** Prints issues to stderr, one a line, at most MAX_PRINTED_ISSUES of them and then how many more there are. */
export function printIssues(io: Io, issues: readonly ValidationIssue[], max: number = MAX_PRINTED_ISSUES): void {
  for (const issue of issues.slice(0, max)) io.err(`${formatIssue(issue)}\n`);
  if (issues.length > max) io.err(`… and ${issues.length - max} more\n`);
}
