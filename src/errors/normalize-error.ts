import { ConnectionException } from '@mikro-orm/core';
import { AppError } from './app-error.js';

// Socket-level failures and the PostgreSQL SQLSTATEs that mean "the database is not there right now"
// (class 08 connection exceptions, 57P0x shutdowns, 53300 too many connections).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300',
]);
const UNAVAILABLE_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i];

/**
 * Turns anything thrown into an AppError. AppErrors pass through; a lost database connection becomes
 * `service_unavailable`; everything else is a masked `internal_server_error` whose cause is kept
 * for the log only. Both faces call this before rendering, so they agree on every error.
 */
export function normalizeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const clientError = fromHttpClientError(error);
  if (clientError) return clientError;
  if (isDatabaseUnavailable(error)) {
    return new AppError('service_unavailable', undefined, { cause: error });
  }
  return new AppError('internal_server_error', undefined, { cause: error });
}

function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ConnectionException) return true;
    const { code, severity } = current as { code?: unknown; severity?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // PostgreSQL reports FATAL when a session cannot exist at all (database refusing connections,
    // dropped, shutting down): the server is unavailable, not our request wrong.
    if (severity === 'FATAL' || severity === 'PANIC') return true;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(current.message))) return true;
  }
  return false;
}

// Errors raised by Express and its parsers follow the http-errors convention: `expose` marks a 4xx
// caused by the request (a malformed %-escape in the path, an oversized body), safe to answer as such.
function fromHttpClientError(error: unknown): AppError | undefined {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  // Express's router raises a URIError with status 400, without `expose`, for a path parameter that is
  // not valid percent-encoding (`/upload/%zz/files`): the client's mistake, not ours.
  if (error instanceof URIError && status === 400) return new AppError('bad_request', undefined, { cause: error });
  if (expose !== true || typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return new AppError('payload_too_large', undefined, { cause: error });
  return new AppError('bad_request', undefined, { cause: error });
}
