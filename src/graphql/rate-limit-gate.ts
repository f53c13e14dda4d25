import type { Request, RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';
import type { Principal } from '../services/auth.service.js';
import type { Services } from '../services/services.js';
import { requestMeta } from '../transport/request-meta.js';

// The caller as the gate authenticated it, so the resolvers' context does not look the key up again.
const authenticatedBy = new WeakMap<Request, Promise<Principal>>();

/** The principal the gate resolved for this request (a rejected promise for a bad key), if any. */
export function principalSeenByGate(req: Request): Promise<Principal> | undefined {
  return authenticatedBy.get(req);
}

/**
 * Counts every /graphql request before its body is read (issue 13, defect 2): with a valid API key per
 * key (RATE_LIMIT_API_PER_MINUTE), without a valid key per client address (RATE_LIMIT_PUBLIC_PER_MINUTE).
 * A bad key is counted as no key: refusing it is the resolvers' business, and only they know whether
 * the operation needs one (the public upload mutation does not).
 */
export function graphqlRateLimitGate(services: Services): RequestHandler {
  return (req, _res, next) => {
    const authorization = req.get('authorization');
    const attempt = authorization === undefined ? undefined : services.auth.authenticate(authorization);
    if (attempt) {
      attempt.catch(() => undefined);
      authenticatedBy.set(req, attempt);
    }
    const principal = attempt?.then(
      (found) => found,
      (error: unknown) => {
        if (error instanceof AppError && error.code === 'unauthorized') return undefined;
        throw error;
      },
    );
    Promise.resolve(principal)
      .then((found) => services.rateLimits.checkCaller(found ?? null, requestMeta(req).clientIp))
      .then(() => next(), next);
  };
}
