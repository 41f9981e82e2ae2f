// Access logs as JSON lines (pino-http): one line per request with its id, method, path, status and duration.
// The id comes from a sane X-Request-Id header (set by a proxy in front) or is made here, and is sent back.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream } from 'pino';
import { pinoHttp } from 'pino-http';

const GIVEN_ID = /^[\w.:-]{1,64}$/;

/** The path of a request URL, without its query string (which may be long and holds what users typed). */
const pathOf = (url: string | undefined) => (url ?? '/').split('?')[0]?.slice(0, 512) ?? '/';

/**
 * The access-log middleware, writing to `destination` (default: stdout, synchronously, so no line is lost at exit).
 * Each line: {"level":30,"time":"…","requestId":"…","method":"GET","path":"/compare","status":200,"durationMs":4,"msg":"request"}.
 */
export function accessLog(destination?: DestinationStream) {
  const logger = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination ?? pino.destination({ dest: 1, sync: true }));
  const line = (req: IncomingMessage, res: ServerResponse, durationMs: number) => ({
    method: req.method,
    path: pathOf(req.url),
    status: res.statusCode,
    durationMs: Math.round(durationMs * 10) / 10,
  });
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, val: { responseTime: number }) => line(req, res, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => line(req, res, val.responseTime),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
  });
}
