import type { Logger } from 'pino';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.js';
import { AppError } from '../errors/app-error.js';
import { normalizeError } from '../errors/normalize-error.js';

/** What @tus/server sends when a hook throws: its status and body are used as they are. */
export interface TusHookError {
  status_code: number;
  body: string;
}

/** Our refusal in the shape @tus/server forwards from a hook: the same JSON body as the REST face. */
export function toTusHookError(error: unknown, logger: Logger): TusHookError {
  const appError = error instanceof AppError ? error : normalizeError(error);
  if (appError.status >= 500) logger.error({ err: appError.cause ?? appError, errorCode: appError.code }, appError.detail);
  return { status_code: appError.status, body: errorBody(appError.code, appError.detail) };
}

// @tus/server's own refusals are plain text; these are their codes in our vocabulary.
const BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  403: 'forbidden',
  404: 'not_found',
  409: 'upload_offset_conflict',
  410: 'upload_expired',
  412: 'tus_resumable_required',
  413: 'file_too_large',
  423: 'upload_locked',
};

/**
 * The body of an error response from @tus/server as `{"error_code","detail"}`: a body that is
 * already ours (from a hook) passes through; a plain-text one gets the code of its status and keeps
 * tus's sentence as the detail.
 */
export function jsonErrorBody(status: number, text: string): string {
  try {
    const parsed = JSON.parse(text) as { error_code?: unknown };
    if (typeof parsed.error_code === 'string') return text;
  } catch {
    // plain text from @tus/server
  }
  const code = BY_STATUS[status] ?? 'internal_server_error';
  const detail = status >= 500 ? ERROR_CODES.internal_server_error.detail : text.trim() || ERROR_CODES[code].detail;
  return errorBody(code, detail);
}

export function errorBody(code: ErrorCode, detail: string): string {
  return JSON.stringify({ error_code: code, detail });
}
