import express, { type Express } from 'express';
import type { Container } from './container/container.js';
import { AppError } from './errors/app-error.js';
import { createGraphQLFace, type GraphQLFace } from './graphql/graphql.router.js';
import { restErrorHandler } from './http/error-handler.js';
import { healthRoutes } from './http/health.routes.js';
import { requestLogging } from './http/logging.js';
import { buildOpenApiDocument } from './http/route-table/openapi.js';
import { mountRoutes } from './http/route-table/mount-routes.js';
import { apiRoutes } from './http/v1/api-routes.js';
import { tusRouter } from './tus/tus-router.js';

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
  app.set('trust proxy', config.http.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestLogging(logger));

  let draining = false;
  app.use(healthRoutes(container.infra.database, () => draining));

  if (!config.roles.web) {
    // A worker-only process runs jobs; it answers its orchestrator's probes and nothing else.
    app.use((req, _res, next) => next(new AppError('not_found', 'This process only runs background jobs (PROCESS_ROLES=worker).')));
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
  const openApi = buildOpenApiDocument(routes, { version: '0.1.0' });
  app.get('/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(tusRouter({ services, config, logger }));
  app.use(mountRoutes(routes, services, logger));

  const graphql = await createGraphQLFace(services, config, logger);
  app.use(graphql.router);

  app.use((req, _res, next) => next(new AppError('not_found', `Nothing is served at ${req.method} ${req.path.replace(/^\/upload\/[^/]+/, '/upload/…')}.`)));
  app.use(restErrorHandler(logger));

  return {
    express: app,
    graphql,
    setDraining: () => {
      draining = true;
    },
  };
}
