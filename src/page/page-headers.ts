import type { Response } from 'express';

/**
 * The customer face's headers. The token is in the page's URL, so no referrer ever leaves it; the
 * policy allows only our own origin (the link policy travels as a JSON data block, never as inline
 * script); no one may frame the page.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setPageHeaders(res: Response, cache: 'no-store' | 'immutable'): void {
  res.set({
    'Content-Security-Policy': PAGE_CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cache-Control': cache === 'immutable' ? 'public, max-age=31536000, immutable' : 'no-store',
  });
}
