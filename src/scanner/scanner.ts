import type { Readable } from 'node:stream';

/** What a complete scan found. */
export interface ScanVerdict {
  status: 'clean' | 'infected';
  /** The matched signature's name (clamd's, e.g. `Win.Test.EICAR_HDB-1`); null when clean. */
  signature: string | null;
  /** The engine and its signature version, as the scanner reports it (clamd's VERSION answer). */
  engine: string;
}

/**
 * A virus scanner, shaped like StorageDriver: one small seam, one driver per technology. Every
 * method throws only AppErrors; anything short of a complete verdict (unreachable, timeout, a size
 * limit, a protocol error) is `scanner_unavailable`, never a clean verdict.
 */
export interface Scanner {
  /** Streams `content` to the scanner (never held whole in memory) and returns its verdict. */
  scan(content: Readable, signal?: AbortSignal): Promise<ScanVerdict>;
  /** The scanner's version line; throws `scanner_unavailable` when it does not answer. */
  version(): Promise<string>;
  /**
   * Whether the scanner accepts a stream of `bytes`: false when it answers "size limit exceeded"
   * at once, null when that cannot be told (it did not answer); for a warning at start.
   */
  acceptsStreamOf(bytes: number): Promise<boolean | null>;
}
