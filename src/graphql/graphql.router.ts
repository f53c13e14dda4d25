import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Services } from '../services/services.js';
import { requestMeta } from '../transport/request-meta.js';
import { buildGraphQLSchema, printSchemaSdl } from './build-schema.js';
import { createContext, type GraphQLContext } from './context.js';
import { formatGraphQLError, graphqlRequestErrorHandler } from './format-error.js';
import { oneFilePerOperationPlugin, processOneFileRequest } from './one-file-per-request.js';
import { defaultQueryLimits, queryLimitsPlugin } from './query-limits.js';
import { strictRouter, useStrictRouting } from '../transport/strict-router.js';
import { graphqlRateLimitGate } from './rate-limit-gate.js';
import { jitGateway } from './jit-executor.js';

/** The GraphQL face at /graphql, started and ready to mount; `stop` drains it. */
export interface GraphQLFace {
  /** An Express application of its own, mounted by app.ts (see `graphqlApplication`). */
  app: Express;
  /** The executable schema, also served over graphql-ws (subscriptions.ts). */
  schema: GraphQLSchema;
  /** The schema in SDL, as committed in schema.graphql (served at /schema.graphql). */
  sdl: string;
  stop(): Promise<void>;
}

export async function createGraphQLFace(services: Services, config: Config, logger: Logger): Promise<GraphQLFace> {
  const schema = await buildGraphQLSchema();
  const server = new ApolloServer<GraphQLContext>({
    // The schema, executed by graphql-jit for queries (jit-executor.ts); Apollo's gateway interface is its only executor hook.
    gateway: jitGateway(schema),
    formatError: formatGraphQLError(logger),
    includeStacktraceInErrorResponses: false,
    // Introspection stays on: the schema is public documentation (and subject to the query limits).
    introspection: true,
    csrfPrevention: true,
    // server.ts drains and stops Apollo on SIGTERM; Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    // Cache control and inline traces are off: either one makes Apollo wrap every field's resolver
    // (willResolveField), about a tenth of a list page's CPU, for hints and traces nobody reads (no
    // @cacheControl in the schema, no federation gateway). Answers stay `cache-control: no-store` (below).
    plugins: [
      queryLimitsPlugin(defaultQueryLimits(config.graphql.maxCost)),
      oneFilePerOperationPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await server.start();

  const router = strictRouter();
  router.use(
    '/graphql',
    // A mount matches every path below it: only /graphql itself is GraphQL (strict routing, defect 3).
    (req, _res, next) => (req.originalUrl.split('?', 1)[0] === '/graphql' ? next() : next('router')),
    graphqlRateLimitGate(services),
    (req, res, next) => {
      // What Apollo's cache-control plugin answered for our uncacheable data (it is off, see above).
      res.setHeader('cache-control', 'no-store');
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
  return { app: graphqlApplication(router), schema, sdl: printSchemaSdl(schema), stop: () => server.stop() };
}

/**
 * The face as an application mounted in the main one, for one setting of its own: no ETag. Its
 * answers are `no-store` and mostly POSTs, so nothing ever revalidates them, yet Express hashes every
 * answer for an ETag (SHA-1 of a 100-link page, ~35 µs). REST keeps its ETags. Everything else (trust
 * proxy, the query parser) it inherits from the application that mounts it.
 */
function graphqlApplication(router: express.Router): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  useStrictRouting(app);
  app.use(router);
  return app;
}
