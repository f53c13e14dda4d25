import { Router, type Request, type Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { AppError } from '../../errors/app-error.js';
import type { Principal } from '../../services/auth.service.js';
import type { Services } from '../../services/services.js';
import { parseOrThrow } from '../../services/validation.js';
import { requestMeta } from '../../transport/request-meta.js';
import { readJsonBody } from './read-json-body.js';
import type { AnyRoute, RouteResult } from './route-definition.js';
import { strictRouter } from '../../transport/strict-router.js';

/** `/v1/{workspace_id}/x` -> `/v1/:workspace_id/x` */
function toExpressPath(path: string): string {
  return path.replace(/\{([a-z_]+)\}/g, ':$1');
}

/**
 * Mounts every row of the route table: authenticate, check the workspace in the path, validate the
 * query and body, call the handler, send its result. Errors go to the error handler. A known path
 * with an unsupported method answers 405 with `Allow`.
 */
export function mountRoutes(routes: AnyRoute[], services: Services, logger: Logger): Router {
  const router = strictRouter();
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) {
    const path = toExpressPath(route.path);
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), route.method.toUpperCase()]);
    if (route.method === 'get' && Object.values(route.responses).some((response) => response.binary)) {
      // Express answers HEAD with the GET handler, which for a file would audit a download that sends
      // nothing. File bytes (and their metadata) are reached by an audited GET only.
      router.head(path, (_req, res, next) => {
        res.setHeader('Allow', 'GET');
        next(new AppError('method_not_allowed', 'Use GET to download a file.'));
      });
    }
    router[route.method](path, async (req, res, next) => {
      try {
        const result = await run(route, req, res, services);
        await send(res, result, logger);
      } catch (error) {
        next(error);
      }
    });
  }
  for (const [path, methods] of methodsByPath) {
    router.all(path, (_req, res, next) => {
      res.setHeader('Allow', methods.join(', '));
      next(new AppError('method_not_allowed', `Use ${methods.join(' or ')} on this path.`));
    });
  }
  return router;
}

async function run(route: AnyRoute, req: Request, res: Response, services: Services): Promise<RouteResult> {
  let principal: Principal | undefined;
  if (route.auth === 'bearer') {
    principal = await services.auth.authenticate(req.get('authorization'));
    await services.rateLimits.checkCaller(principal, requestMeta(req).clientIp);
    // Access to the workspace is settled before the input is judged: a stranger learns nothing from a 422.
    const workspaceId = req.params['workspace_id'];
    if (typeof workspaceId === 'string') {
      try {
        await services.auth.assertWorkspaceAccess(principal, workspaceId);
      } catch (error) {
        if (route.onForbidden && error instanceof AppError && error.code === 'forbidden') {
          await route.onForbidden({ principal, params: req.params, meta: requestMeta(req) });
        }
        throw error;
      }
    }
  }
  const query = route.query ? parseOrThrow(route.query, { ...req.query }, 'query') : {};
  const body = route.body?.kind === 'json' ? parseOrThrow(route.body.schema, await readJsonBody(req), 'body') : undefined;
  return route.handle({
    params: req.params,
    query,
    body,
    principal: principal as Principal,
    meta: requestMeta(req),
    req,
    res,
  });
}

async function send(res: Response, result: RouteResult, logger: Logger): Promise<void> {
  switch (result.kind) {
    case 'json':
      // Bodies carry link tokens and API keys: no cache may keep them.
      res.status(result.status).set({ 'Cache-Control': 'no-store', ...result.headers }).json(result.body);
      return;
    case 'empty':
      res.status(result.status).end();
      return;
    case 'redirect':
      res.status(result.status).set({ 'Cache-Control': 'no-store', Location: result.location }).end();
      return;
    case 'stream':
      // setHeader, not res.set(): Express would append "; charset=utf-8" to the file's own type.
      res.status(result.status);
      for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
      try {
        await pipeline(result.stream, res);
      } catch (error) {
        // Headers are gone; the client sees a cut connection and a short body, never a wrong one.
        logger.warn({ err: error }, 'a download stream failed after it started');
        res.destroy();
      }
      return;
  }
}
