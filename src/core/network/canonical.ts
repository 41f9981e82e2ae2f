// Canonical JSON text for data files: record arrays sorted by id, two-space indentation, trailing newline.

/** Arrays whose items are sorted by their "id" when a file is written out. */
const SORTED_ARRAYS = new Set(['sources', 'corridors', 'nodes', 'edges', 'factors']);

function sortById(items: unknown[]): unknown[] {
  return [...items].sort((a, b) => {
    const ia = typeof a === 'object' && a !== null && 'id' in a ? String(a.id) : '';
    const ib = typeof b === 'object' && b !== null && 'id' in b ? String(b.id) : '';
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

/** Returns a copy of a parsed data file with its record arrays sorted by id (the input is not changed). */
export function canonicalize(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    out[key] = SORTED_ARRAYS.has(key) && Array.isArray(value) ? sortById(value) : value;
  }
  return out;
}

/** The canonical text of a data file: sorted, two-space indented, LF, trailing newline. */
export function canonicalJson(data: unknown): string {
  return `${JSON.stringify(canonicalize(data), null, 2)}\n`;
}
