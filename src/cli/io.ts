// Output streams, the width text is laid out for, and path display for the CLI.
import { relative } from 'node:path';

import type { Io } from '../core/io.ts';
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
