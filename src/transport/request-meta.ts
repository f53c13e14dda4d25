import { isIP } from 'node:net';
import type { Request } from 'express';
import type { RequestMeta } from '../domain/records.js';

/**
 * Who is asking, for the audit trail and the per-address rate limit: the client address (as
 * TRUST_PROXY says to read it), user agent and request id. Behind a trusted proxy the address comes
 * from X-Forwarded-For, which a client can write into: anything that is not an IP address is
 * dropped rather than stored.
 */
export function requestMeta(req: Request): RequestMeta {
  const address = req.ip ?? req.socket.remoteAddress;
  return {
    clientIp: address && isIP(address) ? address : null,
    userAgent: req.get('user-agent') ?? null,
    requestId: typeof req.id === 'string' ? req.id : req.id !== undefined ? String(req.id) : null,
  };
}
