import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { RequestMeta } from '../../domain/records.js';
import type { ErrorCode } from '../../errors/error-codes.js';
import type { Principal } from '../../services/auth.service.js';
import type { ApiTag } from './tags.js';

/** What a handler returns; the mounting code sends it. */
export type RouteResult =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'empty'; status: 204 }
  | { kind: 'redirect'; status: 303; location: string }
  | { kind: 'stream'; status: 200; stream: Readable; headers: Record<string, string> };

/** Everything a handler receives, already authenticated and validated. */
export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Present on routes with `auth: 'bearer'`. */
  principal: Principal;
  meta: RequestMeta;
  /** The raw request, for routes whose body is a raw stream. */
  req: Request;
  res: Response;
}

/** A documented response of a route. */
export interface ResponseSpec {
  description: string;
  /** JSON body schema; absent for empty or binary responses. */
  schema?: z.ZodType;
  /** Media types a binary body (download) can have. */
  binary?: readonly string[];
  headers?: Record<string, string>;
}

/**
 * One row of the route table. The same row mounts the Express route and writes its OpenAPI
 * operation, so the served API and its description cannot drift apart.
 */
export interface RouteDefinition<P = Record<string, string>, Q = Record<string, never>, B = undefined> {
  method: 'get' | 'post' | 'patch' | 'delete';
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
   * The error codes this route adds to those that follow from what it is (auth, path, query, body:
   * see route-errors.ts); all of them are documented under their HTTP status.
   */
  errors: ErrorCode[];
  handle(ctx: RouteContext<P, Q, B>): Promise<RouteResult>;
  /** Runs before a 403 for another workspace's credential is answered (e.g. to audit the attempt). */
  onForbidden?(ctx: { principal: Principal; params: P; meta: RequestMeta }): Promise<void>;
}

/** Helps TypeScript infer a route's types from its schemas. */
export function defineRoute<P = Record<string, string>, Q = Record<string, never>, B = undefined>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition<P, Q, B> {
  return route;
}

export type AnyRoute = RouteDefinition<any, any, any>;

/**
 * A row that only documents: an operation served outside the route table (the tus face, whose
 * protocol @tus/server speaks), described in the same OpenAPI document. Every route is one too.
 */
export interface DocumentedOperation extends Omit<AnyRoute, 'method' | 'handle'> {
  method: AnyRoute['method'] | 'head' | 'options';
  /** Request headers (before those a raw body documents). */
  requestHeaders?: Record<string, { required: boolean; description: string }>;
}
