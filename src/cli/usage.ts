// Bad command lines: the error every command throws for them (exit 2) and the --format check.
import { TEXT_FORMATS, type TextFormat } from '../core/output/format.ts';

/** A bad command line: printed as one line, exit 2. */
export class UsageError extends Error {}

/** The --format value: table when absent. @throws UsageError naming the formats, `extra` ones included. */
export function formatOf(value: string | undefined, extra: readonly string[] = []): TextFormat {
  if (value === undefined) return 'table';
  const f = TEXT_FORMATS.find((x) => x === value);
  if (!f) throw new UsageError(`--format: expected one of ${[...TEXT_FORMATS, ...extra].join(', ')}, got "${value}"`);
  return f;
}
