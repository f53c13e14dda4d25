import type { RateLimitStore, WindowCounts } from './rate-limit-store.js';

/** Counters in this process's memory (the default for a single server process). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly counters = new Map<string, { window: number; current: number; previous: number }>();
  private lastPrune = 0;

  async hit(key: string, window: number): Promise<WindowCounts> {
    this.prune(window);
    const entry = this.counters.get(key);
    if (!entry || entry.window < window - 1) {
      this.counters.set(key, { window, current: 1, previous: 0 });
      return { current: 1, previous: 0 };
    }
    if (entry.window === window - 1) {
      entry.previous = entry.current;
      entry.current = 0;
      entry.window = window;
    }
    entry.current++;
    return { current: entry.current, previous: entry.previous };
  }

  async close(): Promise<void> {
    this.counters.clear();
  }

  // Keys idle for two windows can no longer affect a decision; drop them once per window.
  private prune(window: number): void {
    if (window === this.lastPrune) return;
    this.lastPrune = window;
    for (const [key, entry] of this.counters) {
      if (entry.window < window - 1) this.counters.delete(key);
    }
  }
}
