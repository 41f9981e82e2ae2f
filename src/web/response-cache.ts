// A small LRU cache of response bodies. Every answer is a pure function of the request's query string
// (the base model never changes and what-if edits live in the URL), so a repeated request can be served
// from here; no request ever sees another's state, only identical output for an identical URL.

/** An answer: status, content type and body (a page may come as parts, sent one after another). */
export interface CachedResponse {
  status: number;
  type: string;
  body: string | readonly string[];
  headers?: Record<string, string>;
}

/** An answer with its body encoded as UTF-8 once: what the cache keeps and the socket is given. */
export interface EncodedResponse extends Omit<CachedResponse, 'body'> {
  body: Buffer;
}

/**
 * The answer with its body as UTF-8 bytes. A page is encoded for sending anyway; kept as bytes, a repeated request
 * is not encoded again, and the cache holds its pages outside the JavaScript heap that the garbage collector walks.
 */
export function encodeResponse(answer: CachedResponse): EncodedResponse {
  return { ...answer, body: utf8(answer.body) };
}

/** Room to encode a page of up to a third of its size in characters, reused by every request of this thread. */
const scratch = Buffer.allocUnsafe(2 ** 20);

/**
 * Text, or parts of text in order, as UTF-8 bytes in a buffer of their own. Encoding into the scratch buffer and
 * copying the bytes out spares Buffer.from its first pass over the text, which only counts the bytes (about a tenth
 * of the time it takes to encode a page); parts are encoded one after another, never joined into one string.
 */
function utf8(text: string | readonly string[]): Buffer {
  const parts = typeof text === 'string' ? [text] : text;
  let chars = 0;
  for (const part of parts) chars += part.length;
  if (chars * 3 > scratch.length) return Buffer.from(parts.join(''), 'utf8');
  let n = 0;
  for (const part of parts) n += scratch.write(part, n, 'utf8');
  const out = Buffer.allocUnsafe(n);
  scratch.copy(out, 0, 0, n);
  return out;
}

/** An LRU cache of encoded answers, bounded by entry count and total body size in bytes. */
export class ResponseCache {
  private readonly entries = new Map<string, EncodedResponse>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = 256,
    private readonly maxBytes = 64 * 2 ** 20,
  ) {}

  get(key: string): EncodedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: EncodedResponse): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    if (value.body.length > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += value.body.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.bytes -= this.entries.get(oldest)?.body.length ?? 0;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
