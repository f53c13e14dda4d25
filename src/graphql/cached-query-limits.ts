import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { GraphQLContext } from './context.js';

/** Verdicts kept; the oldest is forgotten first. */
export const LIMITS_CACHE_ENTRIES = 1000;
/** Longer keys (huge documents or variables) are checked every time instead of held in memory. */
const MAX_KEY_CHARS = 16_384;

/**
 * The query limits' verdict, remembered per document. Depth, root fields and cost depend only on the
 * document, the operation chosen and the variables (a list's page size may be a variable), so the
 * verdict is keyed by all three: a client sending the same query again, the common case, skips the
 * cost walk (graphql-query-complexity re-visits the whole document) and gets the same answer, the
 * same error included. Every limit stays enforced: a key never seen is checked by `limits` itself.
 */
export function cachedQueryLimitsPlugin(limits: ApolloServerPlugin<GraphQLContext>): ApolloServerPlugin<GraphQLContext> {
  const verdicts = new Map<string, GraphQLError | null>();
  return {
    async requestDidStart(requestContext) {
      const inner = (await limits.requestDidStart?.(requestContext)) as GraphQLRequestListener<GraphQLContext> | undefined | void;
      return {
        async didResolveOperation(context: GraphQLRequestContextDidResolveOperation<GraphQLContext>) {
          const key = verdictKey(context);
          if (key !== undefined) {
            const known = verdicts.get(key);
            if (known !== undefined) {
              // Refresh its place: a Map iterates in insertion order, so the first key is the least recent.
              verdicts.delete(key);
              verdicts.set(key, known);
              if (known) throw known;
              return;
            }
          }
          let verdict: GraphQLError | null = null;
          try {
            await inner?.didResolveOperation?.(context);
          } catch (error) {
            verdict = error as GraphQLError;
            throw error;
          } finally {
            if (key !== undefined) {
              verdicts.set(key, verdict);
              if (verdicts.size > LIMITS_CACHE_ENTRIES) verdicts.delete(verdicts.keys().next().value as string);
            }
          }
        },
      };
    },
  };
}

function verdictKey(context: GraphQLRequestContextDidResolveOperation<GraphQLContext>): string | undefined {
  const source = context.source;
  if (typeof source !== 'string') return undefined;
  const key = `${context.operationName ?? ''}\u0000${JSON.stringify(context.request.variables ?? {})}\u0000${source}`;
  return key.length <= MAX_KEY_CHARS ? key : undefined;
}
