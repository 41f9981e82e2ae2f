// Plain-text layout: terminal tables whose cells wrap within a width (never cut), wrapped paragraphs,
// Markdown tables and CSV.

/** The width of text output when the terminal's is not known (a pipe or a file), in columns. */
export const TABLE_WIDTH = 100;
/** The narrowest width tables are laid out for, in columns: below it columns break words. */
export const MIN_TABLE_WIDTH = 40;

/** Cell alignment per column: left or right. */
export type Align = ('l' | 'r')[];

/** Columns a text takes: one per code point (the tables hold no wide or combining characters). */
export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `n` code points of a text, and the rest. */
function splitAt(text: string, n: number): [string, string] {
  const chars = [...text];
  return [chars.slice(0, n).join(''), chars.slice(n).join('')];
}

/** A piece a cell may break after, and whether a space joined it to the piece before. */
interface Piece {
  text: string;
  spaced: boolean;
}

/** Where a word may break: after ";" or "/", and after "," unless it is a thousands separator ("1,813"). */
const BREAK_AFTER = /(?<=[;/])|(?<=,)(?!\d{3}(?:\D|$))/;

/** Breaks a cell into pieces: at spaces, and inside a word at BREAK_AFTER ("13-15,19,22" → "13-15," "19," "22"). */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const word of text.split(' ')) {
    word.split(BREAK_AFTER).forEach((p, i) => out.push({ text: p, spaced: i === 0 && out.length > 0 }));
  }
  return out;
}

/** The widest piece of a text: the narrowest column that holds it without breaking a word. */
function minWidth(text: string): number {
  return Math.max(0, ...pieces(text).map((p) => textWidth(p.text)));
}

/**
 * Wraps a cell to a width: at spaces and after "," ";" "/", breaking a word only when it is wider than the
 * column. Every character of the text is kept.
 */
export function wrapCell(text: string, width: number): string[] {
  const w = Math.max(1, width);
  if (textWidth(text) <= w) return [text];
  const lines: string[] = [];
  let line = '';
  for (const p of pieces(text)) {
    const joined = line === '' ? p.text : `${line}${p.spaced ? ' ' : ''}${p.text}`;
    if (textWidth(joined) <= w) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = p.text;
    while (textWidth(line) > w) {
      const [head, rest] = splitAt(line, w);
      lines.push(head);
      line = rest;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Column widths that fit `width`: each column's natural width when the table fits. Otherwise every column
 * starts at its widest word; then the narrowest columns (figures, labels) get their natural width while the
 * room lasts, so they stay on one line; what is left goes to the wide text columns in proportion to what
 * they lack, and those wrap.
 */
function columnWidths(cells: string[][], cols: number, width: number): number[] {
  const natural = Array.from({ length: cols }, (_, c) => Math.max(1, ...cells.map((r) => textWidth(r[c] ?? ''))));
  const room = Math.max(cols, width - 2 * (cols - 1));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= room) return natural;
  const widths = natural.map((n, c) => Math.min(n, Math.max(1, ...cells.map((r) => minWidth(r[c] ?? '')))));
  // Even the widest words do not fit: narrow the widest columns, which then break words.
  while (sum(widths) > room) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] = (widths[widest] ?? 1) - 1;
  }
  const lack = (c: number) => (natural[c] ?? 0) - (widths[c] ?? 0);
  let spare = room - sum(widths);
  for (const c of widths.map((_, i) => i).sort((a, b) => (natural[a] ?? 0) - (natural[b] ?? 0) || a - b)) {
    if (lack(c) <= spare) {
      spare -= lack(c);
      widths[c] = natural[c] ?? 0;
    }
  }
  const lacking = widths.map((_, i) => i).filter((c) => lack(c) > 0);
  const totalLack = sum(lacking.map(lack));
  const share = spare;
  for (const c of lacking) {
    const add = Math.floor((share * lack(c)) / Math.max(1, totalLack));
    widths[c] = (widths[c] ?? 0) + add;
    spare -= add;
  }
  // What rounding left over goes one column at a time to the columns that still lack most.
  while (spare > 0) {
    const c = lacking.filter((i) => lack(i) > 0).sort((a, b) => lack(b) - lack(a) || a - b)[0];
    if (c === undefined) break;
    widths[c] = (widths[c] ?? 0) + 1;
    spare--;
  }
  return widths;
}

/**
 * Renders rows as an aligned text table no wider than `width`: a header, a rule, then the rows; a cell that
 * does not fit its column wraps onto more lines of the same row. Nothing is cut.
 */
export function textTable(header: string[], rows: string[][], align: Align, width = TABLE_WIDTH): string {
  const cols = header.length;
  const widths = columnWidths([header, ...rows], cols, Math.max(MIN_TABLE_WIDTH, width));
  const render = (cells: string[]) => {
    const wrapped = widths.map((w, c) => wrapCell(cells[c] ?? '', w));
    const height = Math.max(...wrapped.map((l) => l.length));
    const lines: string[] = [];
    for (let i = 0; i < height; i++) {
      lines.push(
        wrapped
          .map((cell, c) => {
            const text = cell[i] ?? '';
            const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - textWidth(text)));
            return align[c] === 'r' ? pad + text : text + pad;
          })
          .join('  ')
          .trimEnd(),
      );
    }
    return lines;
  };
  return [...render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.flatMap(render)].join('\n');
}

/** Wraps a paragraph to a width at spaces, indenting continuation lines; a word wider than the line stays whole. */
export function wrap(text: string, width = TABLE_WIDTH, indent = '    '): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    if (cur && textWidth(`${cur} ${w}`) > width) {
      lines.push(cur);
      cur = indent + w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text with a header row, RFC 4180 quoting, LF line ends. */
export function csv(header: string[], rows: (string | number | null)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

function mdEscape(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A Markdown (GFM) table. */
export function mdTable(header: string[], rows: string[][], align: Align): string {
  return [
    `| ${header.map(mdEscape).join(' | ')} |`,
    `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdEscape).join(' | ')} |`),
  ].join('\n');
}
