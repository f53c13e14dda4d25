import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import type { RequestMeta } from '../../domain/records.js';
import type { Principal } from '../../services/auth.service.js';
import type { OperationDocs, RouteMethod } from '../../transport/documented-operation.js';

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

/**
 * One row of the route table. The same row mounts the Express route and writes its OpenAPI
 * operation, so the served API and its description cannot drift apart.
 */
export interface RouteDefinition<P = Record<string, string>, Q = Record<string, never>, B = undefined> extends OperationDocs<Q, B> {
  method: RouteMethod;
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
