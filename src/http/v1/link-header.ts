import type { Request } from 'express';

/**
 * The RFC 8288 `Link` header for the next page: the same request with `cursor` set to the last
 * item's id. Absolute under PUBLIC_BASE_URL when configured, else relative to the server.
 */
export function nextPageLink(req: Request, nextCursor: string | null, publicBaseUrl: string | undefined): Record<string, string> {
  if (!nextCursor) return {};
  const url = new URL(req.originalUrl, 'http://placeholder');
  url.searchParams.set('cursor', nextCursor);
  const target = `${publicBaseUrl ?? ''}${url.pathname}${url.search}`;
  return { Link: `<${target}>; rel="next"` };
}
