import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../errors/error-codes.js';
import { ErrorBody } from '../v1/representations.js';
import { queryParamDocs } from './query-param-docs.js';
import type { DocumentedOperation } from '../../transport/documented-operation.js';
import { routeErrors } from './route-errors.js';
import { API_TAGS } from '../../transport/api-tags.js';

type JsonSchema = Record<string, unknown>;

/** What the document says about itself and where it is served. */
export interface OpenApiInfo {
  version: string;
  /** Base URLs of servers (the paths already carry `/v1`). */
  servers: { url: string; description: string }[];
}

/**
 * The OpenAPI 3.1 document of the route table: every path (full, e.g. `/v1/...`), its parameters,
 * bodies, responses and the error codes each status can carry. Generated from the same rows that
 * mount the routes; `npm run openapi` writes it to openapi.json.
 */
export function buildOpenApiDocument(routes: readonly DocumentedOperation[], info: OpenApiInfo): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
    hoistDefinitions(z.toJSONSchema(schema, { io, unrepresentable: 'any', override: documentQueryParam }) as JsonSchema, components);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routes) {
    const parameters: unknown[] = Object.entries(route.params ?? {}).map(([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: name.endsWith('_id') ? { $ref: '#/components/schemas/Uuid' } : { type: 'string' },
    }));
    if (route.query) {
      const query = toSchema(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        const { description, ...rest } = schema;
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, description, schema: rest });
      }
    }
    const requestHeaders = { ...route.requestHeaders, ...(route.body?.kind === 'raw' ? route.body.headers : {}) };
    for (const [name, header] of Object.entries(requestHeaders)) {
      parameters.push({ name, in: 'header', required: header.required, description: header.description, schema: { type: 'string' } });
    }

    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
        ...(spec.schema ? { content: { 'application/json': { schema: toSchema(spec.schema, 'output') } } } : {}),
        ...(spec.binary ? { content: Object.fromEntries(spec.binary.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) } : {}),
      };
    }
    for (const [status, codes] of groupByStatus(routeErrors(route))) {
      responses[String(status)] = {
        description: codes.map((code) => `\`${code}\`: ${ERROR_CODES[code].detail}`).join(' / '),
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
        content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { error_code: { enum: codes } } }] } } },
      };
    }

    paths[route.path] ??= {};
    paths[route.path]![route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [route.tag],
      security: route.auth === 'bearer' ? [{ bearer: [] }] : [],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(route.body?.kind === 'json' ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.body.schema, 'input') } } } } : {}),
      ...(route.body?.kind === 'raw'
        ? {
            requestBody: {
              required: true,
              description: route.body.description,
              content: Object.fromEntries(route.body.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
            },
          }
        : {}),
      responses,
    };
  }

  toSchema(ErrorBody, 'output');
  components['Uuid'] ??= { type: 'string', format: 'uuid' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'intake-links',
      version: info.version,
      description:
        'Upload links for non-technical customers: operators create a link, customers drop files, files arrive checked and on record. ' +
        'The same operations are on GraphQL at `/graphql` (schema at `/schema.graphql`).',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: info.servers,
    tags: API_TAGS,
    paths,
    components: {
      schemas: sortKeys(components),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key of the workspace (ilk_...), or the admin token' } },
    },
  };
}

/** A query parameter's documented type replaces the string it is parsed from (see query-param-docs.ts). */
function documentQueryParam(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const documented = queryParamDocs.get(ctx.zodSchema as z.ZodType);
  if (!documented) return;
  const description = ctx.jsonSchema['description'];
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, description === undefined ? {} : { description }, documented);
}

function groupByStatus(codes: ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

// zod writes named schemas (`.meta({ id })`) under `$defs`; OpenAPI wants them under components.
function hoistDefinitions(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = rewriteRefs(definition) as JsonSchema;
  if (typeof rest['id'] === 'string') {
    const { id, ...body } = rest;
    components[id as string] = rewriteRefs(body) as JsonSchema;
    return { $ref: `#/components/schemas/${id as string}` };
  }
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string' ? inner.replace('#/$defs/', '#/components/schemas/') : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}
