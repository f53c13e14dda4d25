import { createClient } from 'redis';
import { AppError } from '../../errors/app-error.js';
import type { RateLimitStore, WindowCounts } from './rate-limit-store.js';

type RedisClient = ReturnType<typeof connectClient>;

function connectClient(url: string) {
  return createClient({
    url,
    // While Redis is away, commands fail at once (503) instead of queueing until it returns: a
    // queued command would leave the customer's upload hanging. The client reconnects on its own.
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number) => Math.min(retries * 200, 5_000) },
  });
}

/** Counters in Redis (REDIS_URL), shared by every server process that uses it. */
export class RedisRateLimitStore implements RateLimitStore {
  private constructor(private readonly client: RedisClient) {}

  static async connect(url: string): Promise<RedisRateLimitStore> {
    const client = connectClient(url);
    // Errors surface on each command (as 503); the client keeps reconnecting meanwhile.
    client.on('error', () => undefined);
    await client.connect();
    return new RedisRateLimitStore(client);
  }

  async hit(key: string, window: number, windowMs: number): Promise<WindowCounts> {
    const currentKey = `intake-links:rl:${key}:${window}`;
    const previousKey = `intake-links:rl:${key}:${window - 1}`;
    try {
      const [current, , previous] = await this.client
        .multi()
        .incr(currentKey)
        .pExpire(currentKey, windowMs * 2)
        .get(previousKey)
        .exec();
      return { current: Number(current), previous: Number(previous ?? 0) };
    } catch (error) {
      throw new AppError('service_unavailable', 'The rate-limit store (Redis) is unavailable; try again shortly.', { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
