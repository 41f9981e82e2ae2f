// Output streams, the width text is laid out for, and path display for the CLI.
import { relative } from 'node:path';

import type { Io } from '../core/io.ts';
import { formatIssue, type ValidationIssue } from '../core/errors.ts';
import { TABLE_WIDTH } from '../core/output/table.ts';

export type { Io };

/** The CLI's streams and the width its tables and paragraphs wrap to, in columns. */
export interface CliIo extends Io {
  width?: number;
}

/**
 * The width to lay text out for: the terminal's columns when writing to one, else the COLUMNS environment
 * variable when set, else TABLE_WIDTH (100).
 */
export function outputWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : Number(process.env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : TABLE_WIDTH;
}

export const defaultIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  get width() {
    return outputWidth();
  },
};

/** Shows a path relative to the working folder when it lies inside it, so no machine paths are printed. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** The most problems printed for one file or one command; the rest are counted. */
export const MAX_PRINTED_ISSUES = 200;

/** Prints issues to stderr, one a line, at most MAX_PRINTED_ISSUES of them and then how many more there are. */
export function printIssues(io: Io, issues: readonly ValidationIssue[], line: (issue: ValidationIssue) => string = formatIssue, max: number = MAX_PRINTED_ISSUES): void {
  for (const issue of issues.slice(0, max)) io.err(`${line(issue)}\n`);
  if (issues.length > max) io.err(`… and ${issues.length - max} more\n`);
}
