import { createClient } from 'redis';

type RedisClient = ReturnType<typeof connectClient>;

function connectClient(url: string) {
  return createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number) => Math.min(retries * 200, 5_000) } });
}
import type { RateLimitStore, WindowCounts } from './rate-limit-store.js';

/** Counters in Redis (REDIS_URL), shared by every server process that uses it. */
export class RedisRateLimitStore implements RateLimitStore {
  private constructor(private readonly client: RedisClient) {}

  static async connect(url: string): Promise<RedisRateLimitStore> {
    const client = connectClient(url);
    // Errors surface on each command; the client reconnects on its own meanwhile.
    client.on('error', () => undefined);
    await client.connect();
    return new RedisRateLimitStore(client);
  }

  async hit(key: string, window: number, windowMs: number): Promise<WindowCounts> {
    const currentKey = `intake-links:rl:${key}:${window}`;
    const previousKey = `intake-links:rl:${key}:${window - 1}`;
    const [current, , previous] = await this.client
      .multi()
      .incr(currentKey)
      .pExpire(currentKey, windowMs * 2)
      .get(previousKey)
      .exec();
    return { current: Number(current), previous: Number(previous ?? 0) };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
