import type { IncomingMessage } from 'node:http';

/**
 * Abandons a request whose body stops arriving for `idleMs`: a body may take long on a slow line, but
 * one that stalls would hold its connection (and a partial file) until the request timeout. The
 * upload then fails as incomplete and its partial object is removed. The timer is a socket timer,
 * so it is cleared once the body has fully arrived: waiting on the commit must never cut the
 * response of an upload that may already be stored (the customer would retry into a duplicate).
 */
export function cutStalledBody(req: IncomingMessage, idleMs: number): void {
  req.setTimeout(idleMs, () => req.destroy(new Error(`no upload data for ${idleMs} ms`)));
  req.once('end', () => req.socket.setTimeout(0));
}
