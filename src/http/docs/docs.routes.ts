import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { strictRouter } from '../../transport/strict-router.js';

/**
 * Scalar's browser bundle, served from the installed package: the reference needs no CDN. The
 * package does not export the file, so it is found beside the package's entry point (dist/).
 */
const SCALAR_BUNDLE = fileURLToPath(new URL('./browser/standalone.js', import.meta.resolve('@scalar/api-reference')));

/**
 * The page's policy lets the browser reach this server only: no fonts, scripts, images or API
 * calls from anywhere else, so /docs works on a machine with no internet and leaks nothing.
 */
const DOCS_CSP = [
  "default-src 'self'",
  // The reference compiles schema validators at run time (new Function) and parses in a blob worker.
  "script-src 'self' 'unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>intake-links API reference</title>
</head>
<body>
  <noscript>The reference needs JavaScript. The same content: <a href="/v1/openapi.json">openapi.json</a>, <a href="/schema.graphql">schema.graphql</a>.</noscript>
  <script id="api-reference" data-url="/v1/openapi.json"></script>
  <script src="/docs/assets/init.js"></script>
  <script src="/docs/assets/scalar.js"></script>
</body>
</html>
`;

// A file of its own, not an inline script, so the policy needs no 'unsafe-inline' for scripts.
const INIT = `document.getElementById('api-reference').dataset.configuration = JSON.stringify({
  withDefaultFonts: false,
  hideClientButton: true,
  telemetry: false,
});
`;

/** GET /docs (a human API reference), its assets, and GET /schema.graphql. */
export function docsRoutes(schemaSdl: () => string): Router {
  const router = strictRouter();
  router.get('/docs', (_req, res) => {
    res.set({ 'Content-Security-Policy': DOCS_CSP, 'Cache-Control': 'no-cache' }).type('html').send(PAGE);
  });
  router.get('/docs/assets/init.js', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('text/javascript').send(INIT);
  });
  router.get('/docs/assets/scalar.js', (_req, res, next) => {
    // dotfiles: the path is the package's own file, and an install may live under a dot-folder.
    res.sendFile(SCALAR_BUNDLE, { dotfiles: 'allow', headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } }, (error) => {
      if (error) next(error);
    });
  });
  router.get('/schema.graphql', (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('text/plain; charset=utf-8').send(schemaSdl());
  });
  return router;
}
