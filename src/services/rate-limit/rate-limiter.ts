import { AppError } from '../../errors/app-error.js';
import type { RateLimitStore } from './rate-limit-store.js';

const MINUTE_MS = 60_000;

/**
 * A limit of `perMinute` hits per key over a rolling minute, estimated from two fixed windows (the
 * previous window's count weighted by how much of it still overlaps the last 60 s). Every request
 * counts, refused ones included, so hammering does not shorten the wait. `perMinute = 0` turns the
 * limit off.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly name: string,
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a hit for `key`; throws `rate_limited` (with Retry-After) when over the limit. */
  async consume(key: string): Promise<void> {
    if (this.perMinute === 0) return;
    const now = this.now();
    const window = Math.floor(now / MINUTE_MS);
    const elapsed = (now % MINUTE_MS) / MINUTE_MS;
    const { current, previous } = await this.store.hit(`${this.name}:${key}`, window, MINUTE_MS);
    const estimate = previous * (1 - elapsed) + current;
    if (estimate <= this.perMinute) return;
    throw new AppError('rate_limited', `Too many requests: the limit is ${this.perMinute} per minute. Try again shortly.`, {
      retryAfterSeconds: retryAfterSeconds(this.perMinute, current, previous, elapsed),
    });
  }
}

/** Whole seconds (at least 1) until one more hit would fit under the limit, if nothing else arrives. */
function retryAfterSeconds(limit: number, current: number, previous: number, elapsed: number): number {
  let waitMs: number;
  if (current + 1 <= limit) {
    // Still room in this window once enough of the previous window has slid out of view.
    waitMs = (1 - (limit - current - 1) / previous - elapsed) * MINUTE_MS;
  } else {
    // Wait into the next window, until enough of this one has slid out of view.
    waitMs = (1 - elapsed) * MINUTE_MS + (1 - (limit - 1) / current) * MINUTE_MS;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}
