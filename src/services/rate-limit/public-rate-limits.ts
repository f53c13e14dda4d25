import type { Config } from '../../config/load-config.js';
import { sha256Hex } from '../../domain/secrets.js';
import { RateLimiter } from './rate-limiter.js';
import type { RateLimitStore } from './rate-limit-store.js';

/**
 * The two limits on public routes (the upload route, the upload page, the GraphQL upload mutation):
 * requests per client address, and uploads per link token.
 */
export class PublicRateLimits {
  private readonly perClient: RateLimiter;
  private readonly perToken: RateLimiter;

  constructor(
    store: RateLimitStore,
    limits: Pick<Config['rateLimits'], 'publicPerMinute' | 'uploadsPerMinute'>,
  ) {
    this.perClient = new RateLimiter(store, 'client', limits.publicPerMinute);
    this.perToken = new RateLimiter(store, 'token', limits.uploadsPerMinute);
  }

  /** Counts one public request from `clientIp`. */
  async checkClient(clientIp: string | null): Promise<void> {
    await this.perClient.consume(clientIp ?? 'unknown');
  }

  /** Counts one upload attempt on a link; keyed by the token's hash so no secret reaches the store. */
  async checkUploadToken(token: string): Promise<void> {
    await this.perToken.consume(sha256Hex(token));
  }


}
