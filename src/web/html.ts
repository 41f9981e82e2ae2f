// Escaping for the few fragments the view models write themselves (the legs tables and the footnote list, the
// longest parts of a compare page): rendering those rows through Handlebars' per-cell helpers took about half
// of a page's rendering time.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

/**
 * The same text, stored as one piece. V8 keeps a concatenation as a tree of its parts; a fragment that is kept and
 * written into many pages would have that tree walked again each time a page is encoded for sending (for a compare
 * page, about as long as rendering it). Reading the text as a number, result unused, makes V8 store it flat.
 */
export function flat(text: string): string {
  Number(text);
  return text;
}
