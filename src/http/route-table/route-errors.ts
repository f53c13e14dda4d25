import type { ErrorCode } from '../../errors/error-codes.js';
import type { DocumentedOperation } from '../../transport/documented-operation.js';

/**
 * Every error code a route can answer with, derived from what the route is, so no one has to remember
 * them: its authentication, its path, its query and body kinds, the errors every route shares, and
 * the route's own (`route.errors`, what its handler and services add).
 */
export function routeErrors(route: DocumentedOperation): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (route.auth === 'bearer') {
    codes.push('unauthorized', 'forbidden', 'rate_limited');
    // An id in the path that names nothing (a workspace unknown to the admin token included) is 404.
    if (Object.keys(route.params ?? {}).length > 0) codes.push('not_found');
  }
  if (route.query) codes.push('validation_error');
  if (route.body?.kind === 'json') codes.push('invalid_json', 'validation_error', 'payload_too_large');
  codes.push(...route.errors);
  // A database that stops answering is 503 on every route; anything unforeseen is a masked 500.
  codes.push('service_unavailable', 'internal_server_error');
  return [...new Set(codes)];
}
