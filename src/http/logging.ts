import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const SECRET_QUERY_PARAMS = /^(token|link_token|api_key|key|access_token|admin_token)$/i;

// Anything shaped like a link token or API key (long URL-safe runs), wherever it sits; ids (UUIDs) stay.
const TOKEN_SHAPED = /^[A-Za-z0-9_-]{32,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function looksSecret(value: string): boolean {
  let text = value;
  try {
    text = decodeURIComponent(value);
  } catch {
    // kept as sent
  }
  return (TOKEN_SHAPED.test(text) && !UUID.test(text)) || /^ilk_/i.test(text);
}

/**
 * Hides secrets in a URL: the segment after any `upload` segment (in any case, after doubled
 * slashes too), any token-shaped path segment or query value, and secret-named query values.
 * Logs keep the shape of the request, never a credential.
 */
export function redactUrl(url: string): string {
  const [path = '', query] = url.split('?', 2);
  let afterUpload = false;
  const safePath = path
    .split('/')
    .map((segment) => {
      if (segment === '') return segment; // doubled slashes: the token is the next real segment
      const secret = afterUpload || looksSecret(segment);
      afterUpload = segment.toLowerCase() === 'upload';
      return secret ? '[redacted]' : segment;
    })
    .join('/');
  if (query === undefined) return safePath;
  const params = new URLSearchParams(query);
  for (const [name, value] of [...params.entries()]) {
    if (SECRET_QUERY_PARAMS.test(name) || looksSecret(value)) params.set(name, '[redacted]');
  }
  return `${safePath}?${params.toString()}`;
}

/**
 * One JSON line per request with its id (taken from a well-formed X-Request-Id, else generated, and
 * echoed back). No headers are logged, so Authorization and keys never reach the log.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string; headers?: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.remoteAddress,
        userAgent: req.headers?.['user-agent'],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
