import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { AppError } from '../errors/app-error.js';
import { normalizeError } from '../errors/normalize-error.js';

/**
 * The one place REST errors are rendered: `{"error_code", "detail"}` with the status from the error
 * table. Unknown errors are logged with their stack and answered as a masked internal_server_error.
 */
export function restErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = normalizeError(error);
    logError(logger, appError, req.id);
    if (res.headersSent) {
      // A stream failed after the status line went out: cutting the connection is the only honest signal.
      res.destroy();
      return;
    }
    // Answering before the body was read (413, 422, 429...): close rather than read the rest of it.
    if (!req.complete) res.setHeader('Connection', 'close');
    sendError(res, appError);
  };
}

/** Writes an AppError as a REST response. */
export function sendError(res: Response, error: AppError): void {
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  res.status(error.status).json({ error_code: error.code, detail: error.detail });
}

function logError(logger: Logger, error: AppError, requestId: unknown): void {
  if (error.status >= 500) {
    logger.error({ err: error.cause ?? error, requestId, errorCode: error.code }, error.detail);
  } else {
    logger.debug({ requestId, errorCode: error.code }, error.detail);
  }
}
