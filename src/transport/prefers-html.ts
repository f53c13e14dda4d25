import type { Request } from 'express';

/**
 * True when the client prefers an HTML answer over JSON: a browser submitting a plain form sends
 * `Accept: text/html,...`; curl (`*\/*`), fetch and XHR clients get JSON, the first type listed.
 */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}
