import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Queries run compiled by graphql-jit: graphql-js re-walks the selection for every field of every
 * link (argument coercion, completeValue), about half of a 100-link page's CPU; the compiled query
 * does that walk once per document. Apollo Server 5 has no executor option, so the executor goes in
 * through its gateway interface, the schema fixed. Parsing, validation, the query limits and error
 * formatting stay Apollo's (plugins still run). Mutations (uploads among them) keep graphql-js, as do
 * requests whose variables do not coerce, so their errors are graphql-js's own (BAD_USER_INPUT).
 */
export function jitGateway(schema: GraphQLSchema): Gateway {
  const executor = jitExecutor(schema);
  return {
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}

function jitExecutor(schema: GraphQLSchema): Executor {
  // Apollo hands the same DocumentNode for the same query text (its document store), so the
  // compiled query lives as long as that document; null when the compiler declined it.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName);
      query = isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  };
  return async (requestContext) => {
    const { document, request, context, operation } = requestContext;
    const operationName = request.operationName ?? undefined;
    const graphqlJs = () =>
      execute({ schema, document, contextValue: context, variableValues: request.variables ?? null, operationName: operationName ?? null });
    if (operation.operation !== 'query') return graphqlJs();
    const query = compiledFor(document, operationName);
    if (!query) return graphqlJs();
    const result: ExecutionResult = await query.query(undefined, context, request.variables ?? {});
    // No `data` at all: the variables did not coerce and nothing ran; graphql-js words those errors.
    if (!('data' in result)) return graphqlJs();
    return result.errors?.length ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };
}

/**
 * graphql-jit's errors pass `instanceof GraphQLError` but leave `extensions` undefined when the
 * thrown error had none, which Apollo's error normalisation reads (and then masks every error as
 * INTERNAL_SERVER_ERROR, format-error.ts never seeing the AppError). Rebuilt as graphql-js builds a
 * resolver's error: the same message, path, locations and originalError.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    ...(error.originalError ? { originalError: error.originalError } : {}),
    ...(error.extensions ? { extensions: error.extensions } : {}),
  });
  (rebuilt as { locations: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}
