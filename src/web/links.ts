// Links built from canonical query strings, ready for an href attribute. URLSearchParams percent-encodes every
// character that could end an attribute or start markup, so only "&" needs escaping; writing the links
// ourselves spares Handlebars' escaping of every "=" (six bytes each, many times a page).
import { trusted } from './render.ts';

/** An href value that is safe to insert as it is. */
export type Href = ReturnType<typeof trusted>;

/** `path?query` (or `path` alone for an empty query) for an href attribute. The query must come from URLSearchParams. */
export function queryHref(path: string, query: string): Href {
  return trusted(query ? `${path}?${query.replace(/&/g, '&amp;')}` : path || '?');
}

/**
 * The query string with one more value of a repeatable parameter (e.g. close=lake-van-ferry), unless it holds
 * that value already. `query` is a canonical query string without print=; the value is encoded here.
 */
export function withParam(query: string, name: string, value: string): string {
  const pair = `${name}=${encodeURIComponent(value)}`;
  if (`&${query}&`.includes(`&${pair}&`)) return query;
  return query ? `${query}&${pair}` : pair;
}

/** A validated http(s) URL from the data for an href attribute: only the characters that matter in an attribute are escaped. */
export function urlHref(url: string): Href {
  return trusted(/^https?:\/\//.test(url) ? url.replace(/[&"'<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[c] ?? c) : '#');
}
