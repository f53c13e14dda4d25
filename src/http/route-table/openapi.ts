import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../errors/error-codes.js';
import { ErrorBody } from '../v1/representations.js';
import type { AnyRoute } from './route-definition.js';

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document of the route table: every path (full, e.g. `/v1/...`), its parameters,
 * bodies, responses and the error codes each status can carry. Generated from the same rows that
 * mount the routes.
 */
export function buildOpenApiDocument(routes: AnyRoute[], info: { version: string }): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => hoistDefinitions(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema, components);
  const paths: Record<string, Record<string, unknown>> = {};

  for (const route of routes) {
    const parameters: unknown[] = Object.entries(route.params ?? {}).map(([name, description]) => ({
      name, in: 'path', required: true, description, schema: { type: 'string' },
    }));
    if (route.query) {
      const query = toSchema(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        const { description, ...rest } = schema;
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, description, schema: rest });
      }
    }
    if (route.body?.kind === 'raw') {
      for (const [name, header] of Object.entries(route.body.headers)) {
        parameters.push({ name, in: 'header', required: header.required, description: header.description, schema: { type: 'string' } });
      }
    }

    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(route.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.headers ? { headers: Object.fromEntries(Object.entries(spec.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
        ...(spec.schema ? { content: { 'application/json': { schema: toSchema(spec.schema, 'output') } } } : {}),
        ...(spec.binary ? { content: { [spec.binary]: { schema: { type: 'string', contentMediaType: spec.binary } } } } : {}),
      };
    }
    for (const [status, codes] of groupByStatus([...route.errors, 'internal_server_error'])) {
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
        ? { requestBody: { required: true, description: route.body.description, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } } }
        : {}),
      responses,
    };
  }

  toSchema(ErrorBody, 'output');
  return {
    openapi: '3.1.0',
    info: { title: 'intake-links', version: info.version, description: 'Upload links for non-technical customers.' },
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key of the workspace (ilk_...), or the admin token' } },
    },
  };
}

function groupByStatus(codes: ErrorCode[]): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
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
