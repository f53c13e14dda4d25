import type { z } from 'zod';
import type { ErrorCode } from '../errors/error-codes.js';
import type { ApiTag } from './api-tags.js';

// What the OpenAPI document says about one operation, whichever face serves it: the route table's
// rows (src/http) carry these fields beside their handlers, the tus face (src/tus) only describes its
// routes with them. Here, so that neither face imports the other.

/** A documented response of an operation. */
export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for empty or binary responses. */
  schema?: z.ZodType;
  /** Media types a binary body (download) can have. */
  binary?: readonly string[];
  headers?: Record<string, string>;
}

/** The methods a route-table row mounts. */
export type RouteMethod = 'get' | 'post' | 'patch' | 'delete';

/** The documentation of an operation (a route-table row adds its method and handler). */
export interface OperationDocs<Q = any, B = any> {
  /** OpenAPI-style full path, e.g. `/v1/{workspace_id}/intake/links`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: ApiTag;
  /** `bearer`: an API key or the admin token is required; `public`: no credential. */
  auth: 'bearer' | 'public';
  /** Path parameters, documented; their values are checked by the services (404, not 422). */
  params?: Record<string, string>;
  query?: z.ZodType<Q>;
  /** A JSON body schema, or `raw` for a streamed body the handler reads itself. */
  body?:
    | { kind: 'json'; schema: z.ZodType<B> }
    | { kind: 'raw'; description: string; mediaTypes: readonly string[]; headers: Record<string, { required: boolean; description: string }> };
  responses: Record<number, ResponseSpec>;
  /**
   * The error codes this operation adds to those that follow from what it is (auth, path, query, body:
   * see src/http/route-table/route-errors.ts); all of them are documented under their HTTP status.
   */
  errors: ErrorCode[];
}

/**
 * A row that only documents: an operation served outside the route table (the tus face, whose
 * protocol @tus/server speaks), described in the same OpenAPI document. Every route is one too.
 */
export interface DocumentedOperation extends OperationDocs {
  method: RouteMethod | 'head' | 'options';
  /** Request headers (before those a raw body documents). */
  requestHeaders?: Record<string, { required: boolean; description: string }>;
}
