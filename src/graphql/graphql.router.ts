import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Services } from '../services/services.js';
import { requestMeta } from '../transport/request-meta.js';
import { cutStalledBody } from '../transport/stalled-body.js';
import { buildGraphQLSchema } from './build-schema.js';
import { createContext, type GraphQLContext } from './context.js';
import { formatGraphQLError, graphqlRequestErrorHandler } from './format-error.js';
import { oneFilePerOperationPlugin, processOneFileRequest } from './one-file-per-request.js';
import { defaultQueryLimits, queryLimitsPlugin } from './query-limits.js';

/** The GraphQL face at /graphql, started and ready to mount; `stop` drains it. */
export interface GraphQLFace {
  router: Router;
  stop(): Promise<void>;
}

export async function createGraphQLFace(services: Services, config: Config, logger: Logger): Promise<GraphQLFace> {
  const server = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    formatError: formatGraphQLError(logger),
    includeStacktraceInErrorResponses: false,
    // Introspection stays on: the schema is public documentation (and subject to the query limits).
    introspection: true,
    csrfPrevention: true,
    // server.ts drains and stops Apollo on SIGTERM; Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [queryLimitsPlugin(defaultQueryLimits(config.graphql.maxCost)), oneFilePerOperationPlugin(), ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();

  const router = Router();
  router.use(
    '/graphql',
    (req, _res, next) => {
      if (req.is('multipart/form-data')) cutStalledBody(req, config.uploads.idleTimeoutMs);
      next();
    },
    // Multipart (GraphQL multipart request spec) for uploadToIntakeLink; one file per request. The
    // parser truncates a part at its limit, and busboy reports a part that merely reaches its limit as
    // truncated, so the limit is one byte above ours; filePartStream (in the resolver) reports it.
    (req, res, next) => {
      if (!req.is('multipart/form-data')) return next();
      processOneFileRequest(req, res, { maxFileSize: config.uploads.maxBytes + 1 }).then((body) => {
        req.body = body;
        next();
      }, next);
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(server, { context: async ({ req }) => createContext(services, req, requestMeta(req), config.uploads.maxBytes) }),
  );
  router.use('/graphql', graphqlRequestErrorHandler(logger));
  return { router, stop: () => server.stop() };
}
