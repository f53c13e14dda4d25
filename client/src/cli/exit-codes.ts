import { ChecksumMismatchError, IntakeApiError } from '../errors.js';

/** What the CLI's exit status means (documented in `intake-links --help` and client/README.md). */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  unauthorized: 3,
  notFound: 4,
  refused: 5,
  unavailable: 6,
  checksumMismatch: 7,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof ChecksumMismatchError) return EXIT.checksumMismatch;
  if (error instanceof IntakeApiError) {
    if (error.status === 401 || error.status === 403) return EXIT.unauthorized;
    if (error.status === 404 || error.status === 410) return EXIT.notFound;
    if (error.status >= 500) return EXIT.unavailable;
    return EXIT.refused;
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return EXIT.unavailable;
  return EXIT.unexpected;
}

/** A command line that does not say what to do. */
export class UsageError extends Error {}
