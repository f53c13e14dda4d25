import { AppError } from '../errors/app-error.js';
import { isSafeObjectKey } from './storage-keys.js';

/**
 * The AppError for a failure inside a driver. AppErrors come from the source being written (size
 * limit, content check, client abort) and pass through as they are; anything else failed in the
 * storage itself.
 */
export function storageFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('storage_unavailable', undefined, { cause: error });
}

/** Returns `key` when it is a server-made key; refuses anything else (a bug, never user input). */
export function checkedKey(key: string): string {
  if (!isSafeObjectKey(key)) throw new AppError('internal_server_error', `Refusing unsafe storage key ${JSON.stringify(key)}.`);
  return key;
}

/** The `code` of an SDK or file-system error (ENOENT, 404...). */
export function errorCodeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}
