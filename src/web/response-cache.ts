// A small LRU cache of response bodies. Every answer is a pure function of the request's query string
// (the base model never changes and what-if edits live in the URL), so a repeated request can be served
// from here; no request ever sees another's state, only identical output for an identical URL.

/** A cached answer: status, content type and body. */
export interface CachedResponse {
  status: number;
  type: string;
  body: string;
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
  return { ...answer, body: Buffer.from(answer.body, 'utf8') };
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
