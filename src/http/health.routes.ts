import { Router } from 'express';
import type { Database } from '../db/database.js';
import { sendError } from './error-handler.js';
import { AppError } from '../errors/app-error.js';
import { strictRouter } from '../transport/strict-router.js';

/**
 * `/healthz`: 200 while the process lives. `/readyz`: 200 only while the database answers and the
 * server is not draining, else 503 (so a load balancer stops sending traffic).
 */
export function healthRoutes(database: Database, isDraining: () => boolean): Router {
  const router = strictRouter();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) return sendError(res, new AppError('service_unavailable', 'The server is shutting down.'));
    if (!(await database.isReachable())) return sendError(res, new AppError('service_unavailable', 'The database is not answering.'));
    res.json({ status: 'ready' });
  });
  return router;
}
