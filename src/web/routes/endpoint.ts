// The shared handler of the compare and analysis endpoints (pages and their JSON/CSV/GeoJSON): canonical
// query, response cache, heavy work on the worker pool with identical requests in flight shared, 503 when full.
import type { Request, Response } from 'express';
import type { Model } from '../../core/index.ts';
import type { Answers, Endpoint } from '../answers.ts';
import { QueueFullError, type HeavyRunner } from '../heavy-pool.ts';
import { canonicalValues, formValues, queryString, type FieldError } from '../params.ts';
import { ResponseCache, encodeResponse, type CachedResponse, type EncodedResponse } from '../response-cache.ts';
import type { FormPage } from '../form-view.ts';

/** Sends a computed or cached answer; a text body is sent as UTF-8 either way, and says so. */
export function sendAnswer(res: Response, sent: CachedResponse | EncodedResponse): void {
  const answer = typeof sent.body === 'string' || Buffer.isBuffer(sent.body) ? sent : encodeResponse(sent as CachedResponse);
  res.status(answer.status).type(answer.type);
  if (answer.headers) res.set(answer.headers);
  if (typeof answer.body !== 'string') {
    // Express names the charset only for a string body; the bytes are the same UTF-8.
    const type = res.get('Content-Type');
    if (type !== undefined && !/;\s*charset=/i.test(type)) res.set('Content-Type', `${type}; charset=utf-8`);
  }
  res.send(answer.body);
}

const DAY_MS = 86_400_000;
let day = { date: '', ends: 0 };

/**
 * Today's date (UTC), YYYY-MM-DD: a compare page says when it was made, so cached pages are kept for the day only.
 * Written once a day: the date is kept with the time the day ends.
 */
function today(): string {
  const now = Date.now();
  if (now >= day.ends || now < day.ends - DAY_MS) day = { date: new Date(now).toISOString().slice(0, 10), ends: (Math.floor(now / DAY_MS) + 1) * DAY_MS };
  return day.date;
}

/** Builds the request handler of each endpoint; all endpoints share one cache and one in-flight table. */
export function endpointHandlers(base: Model, answers: Answers, heavy: HeavyRunner) {
  // Answers keyed by endpoint and the canonical query (trimmed, ids resolved).
  const cache = new ResponseCache();
  const inFlight = new Map<string, Promise<CachedResponse>>();
  const busy = (endpoint: Endpoint, err: QueueFullError, values: ReturnType<typeof formValues>): CachedResponse => {
    const errors: FieldError[] = [{ field: 'request', message: `The server is busy with other long computations; please try again in ${err.retryAfterS} s.` }];
    const answer = answers.error(endpoint, 503, errors, values);
    return { ...answer, headers: { ...answer.headers, 'Retry-After': String(err.retryAfterS) } };
  };
  return (name: Endpoint) => async (req: Request, res: Response) => {
    const values = canonicalValues(base, formValues(req.query));
    const view = name === 'pareto' || name === 'capacity' || name === 'timeline' ? (name as FormPage) : null;
    if (view && values.from === '' && values.to === '' && Object.keys(req.query as object).length === 0) {
      sendAnswer(res, answers.formPage(view, { ...values, from: 'xian', to: 'duisburg' }));
      return;
    }
    // A compare page names the day it was made and its own address, so those are part of its key.
    const pageInfo = name === 'compare' ? { origin: `${req.protocol}://${req.get('host') ?? 'localhost'}`, made: today() } : undefined;
    const key = `${name}?${queryString(values)}${pageInfo ? ` ${pageInfo.origin} ${pageInfo.made}` : ''}`;
    const hit = cache.get(key);
    if (hit) {
      sendAnswer(res, hit);
      return;
    }
    let answer: CachedResponse;
    if (!answers.isHeavy(name, values)) answer = answers.answer(name, values, pageInfo);
    else {
      // Bad input is answered here, cheaply; only valid heavy requests wait for a thread.
      const rejected = answers.reject(name, values);
      if (rejected) answer = rejected;
      else {
        let pending = inFlight.get(key);
        if (!pending) {
          pending = heavy.run({ endpoint: name, values, ...(pageInfo ? { page: pageInfo } : {}) });
          inFlight.set(key, pending);
          const forget = () => inFlight.delete(key);
          pending.then(forget, forget);
        }
        try {
          answer = await pending;
        } catch (err) {
          if (err instanceof QueueFullError) {
            sendAnswer(res, busy(name, err, values));
            return;
          }
          throw err;
        }
      }
    }
    const encoded = encodeResponse(answer);
    if (encoded.status < 500) cache.set(key, encoded);
    sendAnswer(res, encoded);
  };
}

export type EndpointHandlers = ReturnType<typeof endpointHandlers>;
