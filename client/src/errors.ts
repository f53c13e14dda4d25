/** A refusal from the server: the HTTP status and the `{"error_code","detail"}` body. */
export class IntakeApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
  ) {
    super(`${status} ${errorCode}: ${detail}`);
    this.name = 'IntakeApiError';
  }
}

/** A download whose bytes do not hash to the SHA-256 the server recorded at upload. */
export class ChecksumMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`SHA-256 mismatch: expected ${expected}, received ${actual}`);
    this.name = 'ChecksumMismatchError';
  }
}
