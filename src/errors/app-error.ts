import { ERROR_CODES, type ErrorCode } from './error-codes.js';

/** Extra facts a face may need to render an error (never secrets). */
export interface AppErrorOptions {
  /** Seconds until a retry may succeed (sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** The offending field, in the vocabulary of the face that received it. */
  field?: string;
  cause?: unknown;
}

/**
 * The only error type services and drivers throw. `detail` is a human sentence safe to show to the
 * caller; anything else an error carries stays in the logs.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly retryAfterSeconds: number | undefined;
  readonly field: string | undefined;

  constructor(code: ErrorCode, detail?: string, options: AppErrorOptions = {}) {
    const sentence = detail ?? ERROR_CODES[code].detail;
    super(sentence, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = sentence;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.field = options.field;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
