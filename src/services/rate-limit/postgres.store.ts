import type { MikroORM } from '@mikro-orm/postgresql';
import type { RateLimitStore, WindowCounts } from './rate-limit-store.js';

/** Counters in the rate_limit_counters table, shared by every server process on the database. */
export class PostgresRateLimitStore implements RateLimitStore {
  private lastCleanup = 0;

  constructor(private readonly orm: MikroORM) {}

  async hit(key: string, window: number, windowMs: number): Promise<WindowCounts> {
    const em = this.orm.em.fork();
    const rows = (await em.execute(
      `with hit as (
         insert into rate_limit_counters (key, "window", count, expires_at) values (?, ?, 1, ?)
         on conflict (key, "window") do update set count = rate_limit_counters.count + 1
         returning count)
       select (select count from hit) as current,
              coalesce((select count from rate_limit_counters where key = ? and "window" = ?), 0) as previous`,
      [key, window, new Date((window + 2) * windowMs), key, window - 1],
      'all',
    )) as { current: number; previous: number }[];
    await this.cleanup(window);
    return { current: Number(rows[0]?.current ?? 1), previous: Number(rows[0]?.previous ?? 0) };
  }

  async close(): Promise<void> {}

  private async cleanup(window: number): Promise<void> {
    if (window === this.lastCleanup) return;
    this.lastCleanup = window;
    await this.orm.em.fork().execute('delete from rate_limit_counters where expires_at < now()');
  }
}
