import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditEventResolver } from './resolvers/audit-event.resolver.js';
import { IntakeLinkResolver } from './resolvers/intake-link.resolver.js';
import { UploadResolver } from './resolvers/upload.resolver.js';
import { WorkspaceResolver } from './resolvers/workspace.resolver.js';

/**
 * Builds the executable schema from the resolver classes. Resolvers hold no state: they reach the
 * services through the request context, so the schema can be built (and printed) without a server.
 */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [WorkspaceResolver, IntakeLinkResolver, UploadResolver, AuditEventResolver],
    validate: false, // input rules live in the services (zod), shared with REST
    emitSchemaFile: false,
  });
}

/** The SDL committed as schema.graphql (sorted, so the file is stable). */
export function printSchemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
