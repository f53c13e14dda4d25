/** Hit counts of one key in the current and the previous fixed window. */
export interface WindowCounts {
  current: number;
  previous: number;
}

/**
 * Where rate-limit counters live: in this process, or shared (PostgreSQL, Redis) when several
 * server processes must enforce one limit together.
 */
export interface RateLimitStore {
  /** Counts one hit of `key` in window number `window` and returns both windows' counts. */
  hit(key: string, window: number, windowMs: number): Promise<WindowCounts>;
  close(): Promise<void>;
}
