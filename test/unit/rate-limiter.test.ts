import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error.js';
import { MemoryRateLimitStore } from '../../src/services/rate-limit/memory.store.js';
import { RateLimiter } from '../../src/services/rate-limit/rate-limiter.js';

function limiterAt(perMinute: number, clock: { now: number }) {
  return new RateLimiter(new MemoryRateLimitStore(), 'test', perMinute, () => clock.now);
}

async function refusal(promise: Promise<void>): Promise<AppError | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('RateLimiter (rolling minute)', () => {
  it('allows the limit within a minute and refuses the next, with Retry-After', async () => {
    const clock = { now: 60_000 * 1000 + 10_000 };
    const limiter = limiterAt(3, clock);
    for (let i = 0; i < 3; i++) await limiter.consume('k');
    const refused = await refusal(limiter.consume('k'));
    expect(refused?.code).toBe('rate_limited');
    expect(refused?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(120);
    // Other keys are not affected.
    await limiter.consume('other');
  });

  it('does not reset at a window boundary: the previous minute still counts (rolling, not fixed)', async () => {
    const clock = { now: 60_000 * 2000 + 59_000 };
    const limiter = limiterAt(4, clock);
    for (let i = 0; i < 4; i++) await limiter.consume('k');
    clock.now += 2_000; // one second into the next fixed window
    expect((await refusal(limiter.consume('k')))?.code).toBe('rate_limited');
    clock.now += 60_000; // a whole minute later the earlier hits have slid out
    expect(await refusal(limiter.consume('k'))).toBeUndefined();
  });

  it('honours the Retry-After it announces', async () => {
    const clock = { now: 60_000 * 3000 + 30_000 };
    const limiter = limiterAt(2, clock);
    await limiter.consume('k');
    await limiter.consume('k');
    const refused = await refusal(limiter.consume('k'));
    clock.now += refused!.retryAfterSeconds! * 1000;
    expect(await refusal(limiter.consume('k'))).toBeUndefined();
  });

  it('is off at 0', async () => {
    const limiter = limiterAt(0, { now: 0 });
    for (let i = 0; i < 1000; i++) await limiter.consume('k');
  });
});
