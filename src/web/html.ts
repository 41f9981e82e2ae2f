// A tagged template for the few fragments the view models write themselves (the legs tables and the footnote
// list, the longest parts of a compare page): every interpolated value is escaped unless it is already markup
// made here. Rendering these rows through Handlebars' per-cell helpers took about half of a page's time.
import { trusted } from './render.ts';

/** Markup made by `html` (or another trusted producer): inserted as it is. */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  /** The same markup, ready for a Handlebars template. */
  safe(): ReturnType<typeof trusted> {
    return trusted(this.text);
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

type Value = string | number | Markup | { toHTML(): string } | null | undefined | false | readonly Value[];

function piece(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Markup) return v.text;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (typeof v === 'object' && 'toHTML' in v) return v.toHTML();
  return esc(String(v));
}

/** html`<td>${value}</td>`: the values escaped (numbers, strings), nested Markup and arrays of it kept. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + (strings[i + 1] ?? '');
  return new Markup(out);
}
