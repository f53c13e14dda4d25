import express, { type Express } from 'express';
import type { Container } from './container/container.js';
import { AppError } from './errors/app-error.js';
import { createGraphQLFace, type GraphQLFace } from './graphql/graphql.router.js';
import { restErrorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.routes.js';
import { requestLogging } from './http/logging.js';
import { docsRoutes } from './http/docs/docs.routes.js';
import { openApiDocumentFor } from './docs/openapi-document.js';
import { mountRoutes } from './http/route-table/mount-routes.js';
import { apiRoutes } from './http/v1/api-routes.js';
import { tusRouter } from './tus/tus-router.js';
import { PUBLIC_PATHS } from './domain/public-paths.js';
import { loadPageAssets } from './page/page-assets.js';
import { formRefusalHandler, pageRouter } from './page/page.router.js';
import { cutStalledBody } from './transport/stalled-body.js';
import { useStrictRouting } from './transport/strict-router.js';

/** The Express application and what must be stopped with it. */
export interface App {
  express: Express;
  /** null in a worker-only process (PROCESS_ROLES=worker), which serves only the health probes. */
  graphql: GraphQLFace | null;
  /** Makes /readyz answer 503 while the server drains. */
  setDraining(): void;
}

/**
 * Builds the HTTP application over a container: health probes, the route table (/v1 and the upload
 * route), its OpenAPI document, and GraphQL. It does not listen (main.ts and the tests do).
 */
export async function createApp(container: Container): Promise<App> {
  const { config, logger, services } = container;
  const app = express();
  app.disable('x-powered-by');
  useStrictRouting(app);
  app.set('trust proxy', config.http.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestLogging(logger));
  // Every request body, not only uploads: a stalled JSON body would otherwise hold its connection
  // for the whole request timeout. Bodiless requests (downloads) keep no idle timer.
  app.use((req, _res, next) => {
    if (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0) {
      cutStalledBody(req, config.uploads.idleTimeoutMs);
    }
    next();
  });
  // Every answer, JSON and GraphQL included: no browser may guess a type other than the one we send.
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  let draining = false;
  app.use(healthRoutes(container.infra.database, () => draining));

  if (!config.roles.web) {
    // A worker-only process runs jobs; it answers its orchestrator's probes and nothing else.
    app.use((_req, _res, next) => next(new AppError('not_found', 'This process only runs background jobs (PROCESS_ROLES=worker).')));
    app.use(restErrorHandler(logger));
    return {
      express: app,
      graphql: null,
      setDraining: () => {
        draining = true;
      },
    };
  }

  const routes = apiRoutes({ services, config });
  const openApi = openApiDocumentFor(config, routes);
  app.get('/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(tusRouter({ services, config, logger }));
  const pageAssets = loadPageAssets();
  app.use(pageRouter(services, pageAssets));
  const graphql = await createGraphQLFace(services, config, logger);
  app.use(docsRoutes(() => graphql.sdl));
  app.use(mountRoutes(routes, services, logger));
  app.use(graphql.app);

  // The path is not echoed back: it may carry a token, or markup meant for whoever reads the answer.
  app.use((_req, _res, next) => next(new AppError('not_found', 'Nothing is served at this address.')));
  app.use(PUBLIC_PATHS.uploadFiles.replace('{link_token}', ':link_token'), formRefusalHandler(logger, config.uploads.maxBytes, pageAssets));
  app.use(restErrorHandler(logger));

  return {
    express: app,
    graphql,
    setDraining: () => {
      draining = true;
    },
  };
}
