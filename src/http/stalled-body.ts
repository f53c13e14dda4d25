import type { IncomingMessage } from 'node:http';

/**
 * Abandons a request whose body stops arriving for `idleMs`: a body may take long on a slow line, but
 * one that stalls would hold its connection (and a partial file) until the request timeout. The
 * upload then fails as incomplete and its partial object is removed.
 */
export function cutStalledBody(req: IncomingMessage, idleMs: number): void {
  req.setTimeout(idleMs, () => req.destroy(new Error(`no upload data for ${idleMs} ms`)));
}
