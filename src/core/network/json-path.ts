// JSON paths for issue reports: ['edges', 3, 'transitDays'] -> "$.edges[3].transitDays".

/** Formats a property path as a JSON path starting at "$". */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Longest description of a value in a message. */
const MAX_SHOWN = 60;

/** JSON-like text of a value, at most `depth` levels and a few items per level, so it never recurses without bound. */
function preview(value: unknown, depth: number): string {
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : '-Infinity';
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object') return typeof value;
  if (depth <= 0) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, 4).map((v) => preview(v, depth - 1));
    return `[${items.join(',')}${value.length > 4 ? ',…' : ''}]`;
  }
  const keys = Object.keys(value);
  const items = keys.slice(0, 4).map((k) => `${JSON.stringify(k)}:${preview((value as Record<string, unknown>)[k], depth - 1)}`);
  return `{${items.join(',')}${keys.length > 4 ? ',…' : ''}}`;
}

/** Describes a value for an error message: strings quoted, nested values and long ones cut. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = preview(value, 3);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}
