import type { Config } from '../../config/load-config.js';
import { sha256Hex } from '../../domain/secrets.js';
import type { Principal } from '../auth.service.js';
import { RateLimiter } from './rate-limiter.js';
import type { RateLimitStore } from './rate-limit-store.js';

/**
 * The limits on requests: on public routes (the upload route, the upload page, the GraphQL upload
 * mutation, and /graphql without a valid key) requests per client address and uploads per link token;
 * with an API key, on /v1 and /graphql, requests per key.
 */
export class PublicRateLimits {
  private readonly perClient: RateLimiter;
  private readonly perToken: RateLimiter;
  private readonly perApiKey: RateLimiter;

  constructor(
    store: RateLimitStore,
    limits: Pick<Config['rateLimits'], 'publicPerMinute' | 'uploadsPerMinute'> & Partial<Pick<Config['rateLimits'], 'apiPerMinute'>>,
  ) {
    this.perClient = new RateLimiter(store, 'client', limits.publicPerMinute);
    this.perToken = new RateLimiter(store, 'token', limits.uploadsPerMinute);
    this.perApiKey = new RateLimiter(store, 'api_key', limits.apiPerMinute ?? 0);
  }

  /**
   * Counts one request toward its caller's limit, the one decision per request of which limit that is:
   * an API key's requests per key, the admin token (the operator's own) not at all, and a caller
   * without a valid key per client address. Each face calls this once per request.
   */
  async checkCaller(principal: Principal | null, clientIp: string | null): Promise<void> {
    if (principal === null) await this.perClient.consume(clientIp ?? 'unknown');
    else if (principal.kind === 'api_key') await this.perApiKey.consume(principal.keyId);
  }

  /** Counts one upload attempt on a link; keyed by the token's hash so no secret reaches the store. */
  async checkUploadToken(token: string): Promise<void> {
    await this.perToken.consume(sha256Hex(token));
  }


}
