import type http from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Principal } from '../services/auth.service.js';
import type { Services } from '../services/services.js';
import type { GraphQLContext } from './context.js';
import { formatGraphQLError } from './format-error.js';
import { withReadyMarker } from './ready-marker.js';

/** The graphql-ws endpoint; `dispose` closes every subscription and the socket server. */
export interface SubscriptionFace {
  dispose(): Promise<void>;
}

/** The API key from connection_init: `{"apiKey": "ilk_..."}` or `{"authorization": "Bearer ilk_..."}`. */
function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const apiKey = params?.['apiKey'];
  if (typeof apiKey === 'string') return `Bearer ${apiKey}`;
  const header = params?.['authorization'] ?? params?.['Authorization'];
  return typeof header === 'string' ? header : undefined;
}

/**
 * GraphQL subscriptions over the graphql-ws protocol on /graphql (WebSocket upgrade; HTTP requests to
 * /graphql stay with Apollo). A connection is accepted only with a valid API key in connection_init.
 */
export function attachSubscriptions(httpServer: http.Server, schema: GraphQLSchema, services: Services, logger: Logger): SubscriptionFace {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const format = formatGraphQLError(logger);
  const principals = new WeakMap<object, Principal>();
  const mapError = (error: GraphQLError) => {
    const formatted = format(error.toJSON(), error);
    return new GraphQLError(formatted.message, { extensions: formatted.extensions ?? {} });
  };
  const cleanup = useServer<Record<string, unknown>>(
    {
      schema,
      onConnect: async (ctx) => {
        try {
          principals.set(ctx.extra, await services.auth.authenticate(authorizationOf(ctx.connectionParams)));
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      context: (ctx): GraphQLContext => {
        const principal = principals.get(ctx.extra) as Principal;
        return {
          services,
          meta: { clientIp: ctx.extra.request.socket.remoteAddress ?? null, userAgent: ctx.extra.request.headers['user-agent'] ?? null, requestId: null },
          principal: () => Promise.resolve(principal),
          uploadsByLink: undefined as never, // no upload lists in subscription payloads
          maxUploadBytes: 0, // and no files: a subscription only receives events
        };
      },
      // Called once the subscription's source is registered: the place for the opt-in ready marker.
      onOperation: (_ctx, _id, payload, _args, result) => withReadyMarker(payload, result),
      // A refusal in a subscription's setup (forbidden, not found) arrives as a result with errors:
      // mapped like every other GraphQL error (extensions.code and extensions.errorCode).
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map(mapError) } : result),
      onError: (_ctx, _id, _payload, errors) => errors.map(mapError),
    },
    wss,
  );
  return {
    dispose: async () => {
      await cleanup.dispose();
    },
  };
}
