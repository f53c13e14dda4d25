import type { Request } from 'express';
import type { RequestMeta } from '../domain/records.js';

/** Who is asking, for the audit trail: client address (per TRUST_PROXY), user agent, request id. */
export function requestMeta(req: Request): RequestMeta {
  return {
    clientIp: req.ip ?? req.socket.remoteAddress ?? null,
    userAgent: req.get('user-agent') ?? null,
    requestId: typeof req.id === 'string' ? req.id : req.id !== undefined ? String(req.id) : null,
  };
}
