// Escaping for the few fragments the view models write themselves (the legs tables and the footnote list, the
// longest parts of a compare page): rendering those rows through Handlebars' per-cell helpers took about half
// of a page's rendering time.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML content and quoted attribute values. */
export function esc(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}
